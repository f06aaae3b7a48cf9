/* Writes hand-made PDFs that readers disagree on or that cost a naive
 * reader dearly, for the tests of sign and for its fuzz corpus.
 *   make_hostile_pdf hybrid OUT.pdf
 *     a hybrid-reference file whose table puts the page (object 3) at one
 *     showing text A and whose /XRefStm at one showing text B; poppler
 *     and qpdf show A ("Shown by the table").
 *   make_hostile_pdf repeated OUT.pdf [REFS [BYTES]]
 *     an /AcroForm whose /Fields repeats a reference to one field of
 *     BYTES bytes (default 2 MB) REFS times (default 10000). */
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

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "hybrid") != 0 && strcmp(argv[1], "repeated") != 0)) {
		fprintf(stderr, "usage: make_hostile_pdf hybrid|repeated OUT.pdf [REFS [BYTES]]\n");
		return 2;
	}
	struct buf b;
	buf_init(&b);
	if (strcmp(argv[1], "hybrid") == 0)
		make_hybrid(&b);
	else
		make_repeated(&b, argc > 3 ? atol(argv[3]) : 10000,
			      argc > 4 ? atol(argv[4]) : 2L << 20);
	FILE *fp = fopen(argv[2], "wb");
	if (!fp || fwrite(b.data, 1, b.len, fp) != b.len || fclose(fp) != 0) {
		perror(argv[2]);
		return 1;
	}
	buf_fini(&b);
	return 0;
}
