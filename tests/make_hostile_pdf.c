/* Writes hand-made PDFs that readers disagree on or that cost a naive
 * reader dearly, for the tests of sign and for its fuzz corpus.
 *   make_hostile_pdf hybrid OUT.pdf
 *     a hybrid-reference file whose table puts the page (object 3) at one
 *     showing text A and whose /XRefStm at one showing text B; poppler
 *     and qpdf show A ("Shown by the table").
 *   make_hostile_pdf repeated OUT.pdf [REFS [BYTES]]
 *     an /AcroForm whose /Fields repeats a reference to one field of
 *     BYTES bytes (default 2 MB) REFS times (default 10000).
 *   make_hostile_pdf ur3|docmdp OUT.pdf
 *     a catalog whose /Perms carries usage rights (/UR3) or a
 *     certification (/DocMDP) signature.
 *   make_hostile_pdf emptysig OUT.pdf
 *     a form with a signature field that has no value yet.
 *   make_hostile_pdf sigwidget OUT.pdf
 *     no form at all, but a widget of a signature among page 1's
 *     annotations (what a viewer draws as a signature).
 *   make_hostile_pdf reused OUT.pdf
 *     /Fields refers to one 1 MB field 8 times, then a text field named
 *     (Signature1): a reader that reads the fields twice runs out of its
 *     budget the second time, and must not then take Signature1 again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static const char content_a[] = "BT /F1 24 Tf 72 700 Td (Shown by the table) Tj ET";
static const char content_b[] = "BT /F1 24 Tf 72 700 Td (Hidden in the stream) Tj ET";

static void add_stream(struct buf *b, unsigned num, const char *text)
{
	buf_addf(b, "%u 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", num,
		 strlen(text), text);
}

static void add_page(struct buf *b, unsigned content)
{
	buf_addf(b,
		 "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %u 0 R"
		 " /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n",
		 content);
}

static void add_row(unsigned char *row, size_t offset)
{
	row[0] = 1;
	row[1] = (unsigned char)(offset >> 16);
	row[2] = (unsigned char)(offset >> 8);
	row[3] = (unsigned char)offset;
	row[4] = 0;
}

/* "xref" with objects 1..n at at[1..n]. */
static void add_table(struct buf *b, const size_t *at, int n)
{
	buf_addf(b, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
	for (int i = 1; i <= n; i++)
		buf_addf(b, "%010zu 00000 n \n", at[i]);
}

/* The table and the stream disagree on the page (object 3), which the
 * signature's update copies: a reader that let the stream win would sign
 * a page that shows content B. */
static void make_hybrid(struct buf *b)
{
	size_t at[6] = {0};
	buf_adds(b, "%PDF-1.5\n%\xe5\xb9\xb4\xe6\x8a\xa5\n");
	at[1] = b->len;
	buf_adds(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	at[2] = b->len;
	buf_adds(b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	at[3] = b->len;
	add_page(b, 4);
	at[4] = b->len;
	add_stream(b, 4, content_a);
	at[5] = b->len;
	buf_adds(b, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	size_t page_b = b->len;
	add_page(b, 7);
	size_t content = b->len;
	add_stream(b, 7, content_b);
	size_t stream = b->len;
	unsigned char rows[3][5];
	add_row(rows[0], page_b);
	add_row(rows[1], stream);
	add_row(rows[2], content);
	buf_addf(b,
		 "6 0 obj\n<< /Type /XRef /Size 8 /W [1 3 1] /Index [3 1 6 2] /Length %zu >>\n"
		 "stream\n",
		 sizeof rows);
	buf_add(b, (const char *)rows, sizeof rows);
	buf_adds(b, "\nendstream\nendobj\n");
	size_t table = b->len;
	add_table(b, at, 5);
	buf_addf(b, "trailer\n<< /Size 8 /Root 1 0 R /XRefStm %zu >>\nstartxref\n%zu\n%%%%EOF\n",
		 stream, table);
}

static void make_repeated(struct buf *b, long refs, long bytes)
{
	size_t at[5] = {0};
	buf_adds(b, "%PDF-1.4\n%\xe5\xb9\xb4\xe6\x8a\xa5\n");
	at[1] = b->len;
	buf_adds(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [");
	for (long i = 0; i < refs; i++)
		buf_adds(b, i ? " 4 0 R" : "4 0 R");
	buf_adds(b, "] >> >>\nendobj\n");
	at[2] = b->len;
	buf_adds(b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	at[3] = b->len;
	buf_adds(b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
	at[4] = b->len;
	/* the filler comes first, so every lookup of a key reads past it */
	buf_adds(b, "4 0 obj\n<< /Filler (");
	for (long i = 0; i < bytes; i++)
		buf_addc(b, 'x');
	buf_adds(b, ") /FT /Tx /T (big) >>\nendobj\n");
	size_t table = b->len;
	add_table(b, at, 4);
	buf_addf(b, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", table);
}

/* A one-page PDF: catalog 1 (with catalog_extra), pages 2, page 3 (with
 * page_extra), then objects 4.. as given in more (each "N 0 obj ...
 * endobj" in order), and the table. */
static void make_small(struct buf *b, const char *catalog_extra, const char *page_extra,
		       const char *const *more, int nmore)
{
	size_t at[16] = {0};
	buf_adds(b, "%PDF-1.4\n%\xe5\xb9\xb4\xe6\x8a\xa5\n");
	at[1] = b->len;
	buf_addf(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R %s>>\nendobj\n", catalog_extra);
	at[2] = b->len;
	buf_adds(b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	at[3] = b->len;
	buf_addf(b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s>>\nendobj\n",
		 page_extra);
	for (int i = 0; i < nmore; i++) {
		at[4 + i] = b->len;
		buf_adds(b, more[i]);
	}
	size_t table = b->len;
	add_table(b, at, 3 + nmore);
	buf_addf(b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", 4 + nmore,
		 table);
}

/* A signature value, as object 4. */
static const char sig_value[] =
	"4 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter "
	"/adbe.pkcs7.detached /ByteRange [0 0 0 0] /Contents <00> >>\nendobj\n";

static void make_hostile(struct buf *b, const char *kind)
{
	const char *sig[] = {sig_value};
	if (strcmp(kind, "ur3") == 0) {
		make_small(b, "/Perms << /UR3 4 0 R >> ", "", sig, 1);
	} else if (strcmp(kind, "docmdp") == 0) {
		make_small(b, "/Perms << /DocMDP 4 0 R >> ", "", sig, 1);
	} else if (strcmp(kind, "emptysig") == 0) {
		const char *field[] = {"4 0 obj\n<< /FT /Sig /T (Signature1) /Type /Annot /Subtype "
				       "/Widget /Rect [0 0 0 0] /P 3 0 R >>\nendobj\n"};
		make_small(b, "/AcroForm << /Fields [4 0 R] >> ", "/Annots [4 0 R] ", field, 1);
	} else if (strcmp(kind, "sigwidget") == 0) {
		const char *widget[] = {
			sig_value, "5 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /V 4 0 R"
				   " /Rect [72 72 272 144] /P 3 0 R >>\nendobj\n"};
		make_small(b, "", "/Annots [5 0 R] ", widget, 2);
	} else {
		struct buf big;
		buf_init(&big);
		buf_adds(&big, "4 0 obj\n<< /Filler (");
		for (long i = 0; i < 1L << 20; i++)
			buf_addc(&big, 'x');
		buf_adds(&big, ") /FT /Tx /T (big) >>\nendobj\n");
		const char *fields[] = {big.data,
					"5 0 obj\n<< /FT /Tx /T (Signature1) >>\nendobj\n"};
		make_small(b,
			   "/AcroForm << /Fields [4 0 R 4 0 R 4 0 R 4 0 R 4 0 R 4 0 R 4 0 R 4 0 R "
			   "5 0 R] >> ",
			   "", fields, 2);
		buf_fini(&big);
	}
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = {"hybrid",	"repeated",  "ur3",    "docmdp",
					    "emptysig", "sigwidget", "reused", NULL};
	size_t k = 0;
	while (argc >= 3 && kinds[k] && strcmp(argv[1], kinds[k]) != 0)
		k++;
	if (argc < 3 || !kinds[k]) {
		fprintf(stderr, "usage: make_hostile_pdf "
				"hybrid|repeated|ur3|docmdp|emptysig|sigwidget|reused OUT.pdf "
				"[REFS [BYTES]]\n");
		return 2;
	}
	struct buf b;
	buf_init(&b);
	if (strcmp(argv[1], "hybrid") == 0)
		make_hybrid(&b);
	else if (strcmp(argv[1], "repeated") == 0)
		make_repeated(&b, argc > 3 ? atol(argv[3]) : 10000,
			      argc > 4 ? atol(argv[4]) : 2L << 20);
	else
		make_hostile(&b, argv[1]);
	FILE *fp = fopen(argv[2], "wb");
	if (!fp || fwrite(b.data, 1, b.len, fp) != b.len || fclose(fp) != 0) {
		perror(argv[2]);
		return 1;
	}
	buf_fini(&b);
	return 0;
}
