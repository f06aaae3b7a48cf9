/* Drawing the typeset pages with libharu; see render_pdf.h.  The fonts
 * are nianbao's own objects in libharu's document (pdf_cidfont.h).
 * libharu compresses nothing: the file is written anew at the end
 * (pdf_rewrite.h), its streams deflated faster than libharu's fixed zlib
 * level would, and the font programs put in place. */
#define _GNU_SOURCE
#include "render_pdf.h"

#include <fcntl.h>
#include <hpdf.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "font_set.h"
#include "form.h"
#include "output_owner.h"
#include "pdf_check.h"
#include "pdf_cidfont.h"
#include "pdf_layout.h"
#include "pdf_read.h"
#include "pdf_rewrite.h"
#include "pdf_seal.h"
#include "pdf_typeset.h"
#include "report.h"
#include "version.h"
#include "xalloc.h"

/* The deflate level of the file's streams (libdeflate's 1 to 12), chosen
 * by measurement: see README, Benchmarks. */
#define DEFLATE_LEVEL 6

struct haru {
	HPDF_Doc pdf;
	HPDF_STATUS error; /* the first error libharu reported */
	HPDF_STATUS detail;
	struct pdf_cidfont fonts[FONT_SET_MAX_FACES]; /* .dict NULL: the face prints nothing */
};

static void haru_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct haru *h = data;
	if (!h->error) {
		h->error = error;
		h->detail = detail;
	}
}

/* A file libharu can write by name: a file in memory (memfd), or where
 * /proc is missing, a temporary file the caller unlinks once libharu has
 * written it.  Returns the open descriptor and the name in path, or -1. */
static int memory_file(char *path, size_t size)
{
	int fd = memfd_create("nianbao-pdf", MFD_CLOEXEC);
	if (fd >= 0) {
		snprintf(path, size, "/proc/self/fd/%d", fd);
		if (access(path, R_OK | W_OK) == 0)
			return fd;
		close(fd);
	}
	const char *tmp = getenv("TMPDIR");
	snprintf(path, size, "%s/nianbao-pdf.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkostemp(path, O_CLOEXEC);
}

static void memory_file_done(int fd, const char *path)
{
	if (strncmp(path, "/proc/", 6) != 0)
		unlink(path);
	close(fd);
}

/* Adds the font of each face that prints something. */
static bool add_fonts(struct haru *h, struct font_set *set, char **error)
{
	for (size_t f = 0; f < set->nfaces; f++) {
		size_t n;
		uint32_t *cps = font_set_used(set, (int)f, &n);
		bool ok = !n || pdf_cidfont_add(h->pdf, set->faces[f], cps, n, &h->fonts[f], error);
		free(cps);
		if (!ok)
			return false;
	}
	return true;
}

/* Draws one page's items in order.  Rules are stroked together until
 * text interrupts them. */
static void draw_page(struct haru *h, const struct pdf_page *src)
{
	HPDF_Page page = HPDF_AddPage(h->pdf);
	if (!page)
		return; /* after an error libharu makes no page; h->error says why */
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	HPDF_Page_SetWidth(page, (HPDF_REAL)PDF_PAGE_WIDTH);
	HPDF_Page_SetHeight(page, (HPDF_REAL)PDF_PAGE_HEIGHT);
	int font = -1;
	double size = 0, space = 0, gray = 0, width = -1;
	bool path = false;
	for (size_t i = 0; i < src->count; i++) {
		const struct pdf_item *it = &src->items[i];
		if (it->kind != PDF_ITEM_RULE && path) {
			HPDF_Page_Stroke(page);
			path = false;
		}
		switch (it->kind) {
		case PDF_ITEM_RULE:
			if (it->size != width) {
				if (path)
					HPDF_Page_Stroke(page);
				path = false;
				width = it->size;
				HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
			}
			HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
			HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
			path = true;
			break;
		case PDF_ITEM_TEXT:
			if (it->face < 0 || !h->fonts[it->face].dict)
				break;
			HPDF_Page_BeginText(page);
			if (it->face != font || it->size != size) {
				font = it->face;
				size = it->size;
				if (!pdf_cidfont_select(page, &h->fonts[font], size))
					haru_error(HPDF_PAGE_INVALID_FONT, 0, h);
			}
			if (it->char_space != space) {
				space = it->char_space;
				HPDF_Page_SetCharSpace(page, (HPDF_REAL)space);
			}
			if (it->gray != gray) {
				gray = it->gray;
				HPDF_Page_SetGrayFill(page, (HPDF_REAL)gray);
			}
			double a = it->angle * M_PI / 180;
			HPDF_Page_SetTextMatrix(page, (HPDF_REAL)cos(a), (HPDF_REAL)sin(a),
						(HPDF_REAL)-sin(a), (HPDF_REAL)cos(a),
						(HPDF_REAL)it->x, (HPDF_REAL)it->y);
			if (!pdf_cidfont_show(page, &h->fonts[font], it->text))
				haru_error(HPDF_PAGE_INVALID_FONT, 0, h);
			HPDF_Page_EndText(page);
			break;
		case PDF_ITEM_IMAGE:
			break; /* drawn by the caller, which holds the image */
		}
	}
	if (path)
		HPDF_Page_Stroke(page);
}

/* The seal is multiplied onto the page, as ink stamped on paper: the
 * text under it stays readable through its red, and its white is no
 * white box. */
static void draw_images(struct haru *h, const struct pdf_layout *layout, HPDF_Image seal)
{
	HPDF_Page page = NULL;
	HPDF_ExtGState multiply = NULL;
	for (size_t p = 0; p < layout->count; p++)
		for (size_t i = 0; i < layout->pages[p].count; i++) {
			const struct pdf_item *it = &layout->pages[p].items[i];
			if (it->kind != PDF_ITEM_IMAGE || !seal)
				continue;
			/* pages are drawn in order; find the libharu page again */
			page = HPDF_GetPageByIndex(h->pdf, (HPDF_UINT)p);
			if (!multiply) {
				multiply = HPDF_CreateExtGState(h->pdf);
				HPDF_ExtGState_SetBlendMode(multiply, HPDF_BM_MULTIPLY);
			}
			HPDF_Page_GSave(page);
			HPDF_Page_SetExtGState(page, multiply);
			HPDF_Page_DrawImage(page, seal, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
					    (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
			HPDF_Page_GRestore(page);
		}
}

/* The creation date: SOURCE_DATE_EPOCH when it is set to a number of
 * seconds (reproducible builds' convention), else now; in UTC. */
static HPDF_Date creation_date(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long seconds = epoch && *epoch ? strtoll(epoch, &end, 10) : -1;
	time_t t = end && *end == '\0' && seconds >= 0 ? (time_t)seconds : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	HPDF_Date d = {.year = tm.tm_year + 1900,
		       .month = tm.tm_mon + 1,
		       .day = tm.tm_mday,
		       .hour = tm.tm_hour,
		       .minutes = tm.tm_min,
		       .seconds = tm.tm_sec,
		       .ind = 'Z'};
	return d;
}

/* libharu's whole output, mapped (the caller unmaps raw[0..*len)).
 * Saved to a file in memory: through libharu's own memory stream every
 * byte would be copied twice more, one at a time. */
static char *haru_save(struct haru *h, size_t *len)
{
	char path[4096];
	int fd = memory_file(path, sizeof path);
	if (fd < 0)
		return NULL;
	char *data = NULL;
	struct stat st;
	if (HPDF_SaveToFile(h->pdf, path) == HPDF_OK && fstat(fd, &st) == 0 && st.st_size > 0) {
		data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (data == MAP_FAILED)
			data = NULL;
		*len = (size_t)st.st_size;
	}
	memory_file_done(fd, path);
	return data;
}

/* libharu's file written anew with every stream deflated and the font
 * programs in their empty streams. */
static char *rewrite(const struct haru *h, const struct font_set *set, const char *raw,
		     size_t raw_len, size_t *len)
{
	struct pdf_rewrite_stream programs[FONT_SET_MAX_FACES];
	size_t n = 0;
	for (size_t f = 0; f < set->nfaces; f++)
		if (h->fonts[f].dict)
			programs[n++] = (struct pdf_rewrite_stream){h->fonts[f].program_object,
								    h->fonts[f].program,
								    h->fonts[f].program_len};
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(raw, raw_len, &cause);
	char *out = doc ? pdf_rewrite(doc, programs, n, DEFLATE_LEVEL, len, &cause) : NULL;
	free(cause);
	pdf_doc_free(doc);
	return out;
}

static char *render_with(const struct report *r, const struct render_pdf_options *options,
			 struct font_set *fonts, const struct pdf_seal *seal_png, size_t *len,
			 char **error);

char *render_pdf(const struct report *r, const struct render_pdf_options *options, size_t *len,
		 struct diag_list *diags, char **error)
{
	*error = NULL;
	struct font_set fonts;
	if (font_set_open_dir(&fonts, options->fonts_dir, error) != 0)
		return NULL;
	if (!pdf_check_report(r, &fonts, diags)) {
		font_set_close(&fonts);
		return NULL;
	}
	struct pdf_seal seal = {0};
	if (options->seal_png && (*error = pdf_seal_load(options->seal_png, &seal))) {
		font_set_close(&fonts);
		return NULL;
	}
	char *out = render_with(r, options, &fonts, &seal, len, error);
	font_set_close(&fonts);
	pdf_seal_fini(&seal);
	return out;
}

/* The PDF with the fonts open and the report checked. */
static char *render_with(const struct report *r, const struct render_pdf_options *options,
			 struct font_set *fonts, const struct pdf_seal *seal_png, size_t *len,
			 char **error)
{
	struct haru h = {0};
	h.pdf = HPDF_New(haru_error, &h);
	char *out = NULL;
	struct pdf_layout layout;
	pdf_layout_init(&layout);
	if (!h.pdf) {
		*error = xstrdup("libharu 无法创建 PDF 文档");
		goto done;
	}
	HPDF_UseUTFEncodings(h.pdf);
	HPDF_SetCurrentEncoder(h.pdf, "UTF-8");
	/* every stream is deflated afterwards, when the file is written anew */
	HPDF_SetCompressionMode(h.pdf, HPDF_COMP_NONE);
	HPDF_Image seal = NULL;
	if (options->seal_png) {
		seal = HPDF_LoadPngImageFromMem(h.pdf, (const HPDF_BYTE *)seal_png->png,
						(HPDF_UINT)seal_png->len);
		if (!seal) {
			*error = xasprintf("libharu 无法读取印章图片 %s（错误码 0x%04X）",
					   options->seal_png, (unsigned)h.error);
			goto done;
		}
	}

	pdf_typeset_report(r, fonts, seal_png->aspect, &layout);
	if (!add_fonts(&h, fonts, error))
		goto done;
	for (size_t p = 0; p < layout.count && !h.error; p++)
		draw_page(&h, &layout.pages[p]);
	if (!h.error)
		draw_images(&h, &layout, seal);

	char *title = report_title(r);
	HPDF_SetInfoAttr(h.pdf, HPDF_INFO_TITLE, title);
	free(title);
	HPDF_SetInfoAttr(h.pdf, HPDF_INFO_AUTHOR, r->organ);
	HPDF_SetInfoAttr(h.pdf, HPDF_INFO_SUBJECT, r->form->name);
	HPDF_SetInfoAttr(h.pdf, HPDF_INFO_CREATOR, "nianbao " NIANBAO_VERSION);
	/* how render and F5 know this file for nianbao's own (output_owner.h) */
	char fingerprint[OUTPUT_OWNER_FINGERPRINT_SIZE];
	output_owner_fingerprint(r, fingerprint);
	if (h.pdf->info)
		HPDF_Dict_AddName(h.pdf->info, "NianbaoReport", fingerprint);
	HPDF_Date date = creation_date();
	HPDF_SetInfoDateAttr(h.pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(h.pdf, HPDF_INFO_MOD_DATE, date);

	size_t raw_len;
	char *raw = h.error ? NULL : haru_save(&h, &raw_len);
	if (!raw) {
		*error = xasprintf("libharu 无法生成 PDF（错误码 0x%04X，详细 %u）",
				   (unsigned)h.error, (unsigned)h.detail);
		goto done;
	}
	out = rewrite(&h, fonts, raw, raw_len, len);
	munmap(raw, raw_len);
	if (!out)
		*error = xstrdup("libharu 生成的 PDF 结构不完整，无法重写");
done:
	pdf_layout_fini(&layout);
	if (h.pdf)
		HPDF_Free(h.pdf);
	for (int i = 0; i < FONT_SET_MAX_FACES; i++)
		pdf_cidfont_fini(&h.fonts[i]);
	return out;
}
