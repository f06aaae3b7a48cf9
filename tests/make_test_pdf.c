/* Writes small PDFs with libharu, as the PDF renderer writes them, for the
 * signing tests: make_test_pdf KIND OUT.pdf, KIND one of
 *   pages    two pages of text
 *   annots   one page that already has annotations (a note and a link) */
#include <hpdf.h>
#include <stdio.h>
#include <string.h>

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "make_test_pdf: libharu error %04X (%u)\n", (unsigned)error,
		(unsigned)detail);
}

static HPDF_Page add_page(HPDF_Doc pdf, HPDF_Font font, const char *text)
{
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 16);
	HPDF_Page_TextOut(page, 80, 700, text);
	HPDF_Page_EndText(page);
	return page;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: make_test_pdf pages|annots OUT.pdf\n");
		return 2;
	}
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	if (!pdf)
		return 1;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", NULL);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "nianbao signing test");
	if (strcmp(argv[1], "pages") == 0) {
		add_page(pdf, font, "Annual report, page 1");
		add_page(pdf, font, "Annual report, page 2");
	} else if (strcmp(argv[1], "annots") == 0) {
		HPDF_Page page = add_page(pdf, font, "A page with annotations");
		HPDF_Rect note = {80, 600, 120, 640}, link = {80, 500, 300, 520};
		HPDF_Page_CreateTextAnnot(page, note, "a note", NULL);
		HPDF_Page_CreateURILinkAnnot(page, link, "https://example.org/");
	} else {
		fprintf(stderr, "make_test_pdf: unknown kind %s\n", argv[1]);
		HPDF_Free(pdf);
		return 2;
	}
	HPDF_STATUS status = HPDF_SaveToFile(pdf, argv[2]);
	HPDF_Free(pdf);
	return status == HPDF_OK ? 0 : 1;
}
