/* Unit tests of the PDF reader of sign (pdf_read): which definition of an
 * object wins in a hybrid-reference file, each object parsed once, and
 * hostile numbers (beyond /Size, millions of entries, offsets and lengths
 * outside the file or the integers, /Prev loops), each refused with a
 * Chinese reason in bounded time and memory. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "buf.h"
#include "pdf_read.h"
#include "xalloc.h"

/* "%PDF-1.4", then body (objects "N 0 obj ... endobj", numbered from 1
 * without gaps), a classic table found by searching body for each object,
 * and the trailer << /Size N+1 extra >>. */
static char *with_table(const char *body, const char *extra, size_t *len)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "%PDF-1.4\n");
	size_t base = b.len;
	buf_adds(&b, body);
	size_t at[64], n = 0;
	for (; n < 63; n++) {
		char head[32];
		snprintf(head, sizeof head, "%zu 0 obj", n + 1);
		const char *p = memmem(b.data + base, b.len - base, head, strlen(head));
		if (!p)
			break;
		at[n] = (size_t)(p - b.data);
	}
	size_t xref = b.len;
	buf_addf(&b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%010zu 00000 n \n", at[i]);
	buf_addf(&b, "trailer\n<< /Size %zu /Root 1 0 R%s >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
		 extra, xref);
	*len = b.len;
	return buf_take(&b);
}

static const char simple[] = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
			     "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";

/* pdf_doc_open refuses data[0..len) with a reason containing words. */
static void open_refused(const char *data, size_t len, const char *words)
{
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(data, len, &cause);
	if (doc || !cause || !strstr(cause, words))
		fail_msg("opened: %s; cause \"%s\" should say \"%s\"", doc ? "yes" : "no",
			 cause ? cause : "", words);
	pdf_doc_free(doc);
	free(cause);
}

/* pdf_doc_open accepts data, but reading object num fails with words. */
static void object_refused(const char *data, size_t len, uint32_t num, const char *words)
{
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(data, len, &cause);
	if (!doc)
		fail_msg("not opened: %s", cause);
	struct pdf_value v;
	if (pdf_doc_object(doc, num, &v, &cause) || !cause || !strstr(cause, words))
		fail_msg("object %u: cause \"%s\" should say \"%s\"", num, cause ? cause : "",
			 words);
	free(cause);
	pdf_doc_free(doc);
}

/* A cross-reference stream object num at the end of b (uncompressed rows
 * of width 1+3+1) with the given /Index; returns its offset. */
static size_t add_xref_stream(struct buf *b, unsigned num, const char *index, const size_t *offsets,
			      size_t n, const char *extra)
{
	size_t at = b->len;
	buf_addf(b, "%u 0 obj\n<< /Type /XRef /W [1 3 1] /Index [%s] /Length %zu%s >>\nstream\n",
		 num, index, n * 5, extra);
	for (size_t i = 0; i < n; i++) {
		char row[5] = {1, (char)(offsets[i] >> 16), (char)(offsets[i] >> 8),
			       (char)offsets[i], 0};
		buf_add(b, row, 5);
	}
	buf_adds(b, "\nendstream\nendobj\n");
	return at;
}

/* Table and /XRefStm both define object 2: the table's wins (poppler and
 * qpdf); an object the table marks free is taken from the stream. */
static void test_hybrid_table_wins(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "%PDF-1.5\n");
	size_t one = b.len;
	buf_adds(&b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	size_t table_two = b.len;
	buf_adds(&b, "2 0 obj\n(from the table)\nendobj\n");
	size_t stream_two = b.len;
	buf_adds(&b, "2 0 obj\n(from the stream)\nendobj\n");
	size_t three = b.len;
	buf_adds(&b, "3 0 obj\n(only in the stream)\nendobj\n");
	size_t offsets[] = {stream_two, three};
	size_t stream = add_xref_stream(&b, 4, "2 2", offsets, 2, " /Size 5");
	size_t table = b.len;
	buf_addf(&b,
		 "xref\n0 4\n0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n"
		 "0000000000 00001 f \ntrailer\n<< /Size 5 /Root 1 0 R /XRefStm %zu >>\n"
		 "startxref\n%zu\n%%%%EOF\n",
		 one, table_two, stream, table);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(b.data, b.len, &cause);
	if (!doc)
		fail_msg("%s", cause);
	struct pdf_value v;
	assert_true(pdf_doc_object(doc, 2, &v, &cause));
	assert_int_equal(v.len, strlen("(from the table)"));
	assert_memory_equal(v.start, "(from the table)", v.len);
	assert_true(pdf_doc_object(doc, 3, &v, &cause));
	assert_memory_equal(v.start, "(only in the stream)", v.len);
	pdf_doc_free(doc);
	buf_fini(&b);
}

/* Objects asked for again and again come from the cache, each its own
 * value even where two numbers share a slot of it (1 and 4097). */
static void test_object_asked_again(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "%PDF-1.4\n");
	size_t one = b.len;
	buf_adds(&b, "1 0 obj\n(one)\nendobj\n");
	size_t other = b.len;
	buf_adds(&b, "4097 0 obj\n(four thousand and ninety-seven)\nendobj\n");
	size_t xref = b.len;
	buf_addf(&b,
		 "xref\n0 2\n0000000000 65535 f \n%010zu 00000 n \n4097 1\n%010zu 00000 n \n"
		 "trailer\n<< /Size 4098 >>\nstartxref\n%zu\n%%%%EOF\n",
		 one, other, xref);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(b.data, b.len, &cause);
	assert_non_null(doc);
	struct pdf_value v;
	for (int i = 0; i < 10000; i++) {
		assert_true(pdf_doc_object(doc, i % 2 ? 4097 : 1, &v, &cause));
		const char *want = i % 2 ? "(four thousand and ninety-seven)" : "(one)";
		assert_int_equal(v.len, strlen(want));
		assert_memory_equal(v.start, want, v.len);
	}
	/* a number that is not in the file is null, as before */
	assert_true(pdf_doc_object(doc, 2, &v, &cause));
	assert_int_equal(v.kind, PDF_NULL);
	pdf_doc_free(doc);
	buf_fini(&b);
}

/* One 1 MB object referred to again and again: refused once the bytes
 * handed out are many times the file's size, long before 10,000 reads. */
static void test_repeated_large_object(void **state)
{
	(void)state;
	size_t big = 1u << 20;
	char *filler = xmalloc(big + 1);
	memset(filler, 'x', big);
	filler[big] = '\0';
	char *body = xasprintf("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
			       "2 0 obj\n<< /Filler (%s) /T (big) >>\nendobj\n",
			       filler);
	size_t len;
	char *in = with_table(body, "", &len);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(in, len, &cause);
	assert_non_null(doc);
	struct pdf_value ref = {.kind = PDF_REF, .number = 2}, v;
	int reads = 0;
	while (reads < 10000 && pdf_doc_resolve(doc, &ref, &v, &cause))
		reads++;
	assert_true(reads > 1 && reads < 100);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "反复引用"));
	free(cause);
	pdf_doc_free(doc);
	free(in);
	free(body);
	free(filler);
}

static void test_object_beyond_size(void **state)
{
	(void)state;
	size_t len;
	char *in = with_table(simple, "", &len);
	/* the table lists objects 0..2; /Size 3 becomes /Size 2 */
	char *size = memmem(in, len, "/Size 3", 7);
	assert_non_null(size);
	size[6] = '2';
	open_refused(in, len, "超出了 trailer 的 /Size");
	free(in);
}

/* /Size at the standard's limit leaves no number for the signature's
 * objects: the update would not read back. */
static void test_size_at_limit(void **state)
{
	(void)state;
	size_t len;
	char *in = with_table(simple, "", &len);
	char *size = memmem(in, len, "/Size 3", 7);
	assert_non_null(size);
	struct buf b;
	buf_init(&b);
	buf_add(&b, in, (size_t)(size - in));
	buf_adds(&b, "/Size 8388607");
	buf_add(&b, size + 7, len - (size_t)(size + 7 - in));
	open_refused(b.data, b.len, "上限");
	buf_fini(&b);
	free(in);
}

/* /Size of millions in a few kilobytes of compressed cross-references:
 * the entries would cost a hundred bytes of memory per byte of input. */
static void test_millions_of_entries(void **state)
{
	(void)state;
	size_t count = 3000000, plain = count * 2;
	unsigned char *rows = xcalloc(1, plain);
	uLongf packed_len = compressBound(plain);
	unsigned char *packed = xmalloc(packed_len);
	assert_int_equal(compress2(packed, &packed_len, rows, plain, 9), Z_OK);
	free(rows);
	struct buf b;
	buf_init(&b);
	buf_addf(&b,
		 "%%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size %zu /W [1 1 0] /Filter /FlateDecode"
		 " /Length %lu >>\nstream\n",
		 count, (unsigned long)packed_len);
	buf_add(&b, (const char *)packed, packed_len);
	buf_adds(&b, "\nendstream\nendobj\nstartxref\n9\n%%EOF\n");
	free(packed);
	assert_true(b.len < 100000);
	open_refused(b.data, b.len, "条目太多");
	buf_fini(&b);
}

/* Numbers too large for the integers, or pointing outside the file. */
static void test_numbers_outside(void **state)
{
	(void)state;
	size_t len;
	char *in;
	const char *huge = "%PDF-1.4\nstartxref\n99999999999999999999999999\n%%EOF\n";
	open_refused(huge, strlen(huge), "超出了文件的长度");

	in = with_table(simple, " /Prev 9223372036854775807", &len);
	open_refused(in, len, "超出了文件的长度");
	free(in);
	in = with_table(simple, " /Prev 99999999999999999999999999", &len);
	open_refused(in, len, "超出了文件的长度");
	free(in);
	in = with_table(simple, " /XRefStm 18446744073709551615", &len);
	open_refused(in, len, "/XRefStm");
	free(in);

	/* a subsection of more objects than there are */
	const char *many = "%PDF-1.4\nxref\n0 99999999999999999999\ntrailer\n<< /Size 1 >>\n"
			   "startxref\n9\n%%EOF\n";
	open_refused(many, strlen(many), "条目数不对");
	const char *last =
		"%PDF-1.4\nxref\n8388606 5\ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n";
	open_refused(last, strlen(last), "条目数不对");

	/* an entry's offset beyond the file */
	in = with_table(simple, "", &len);
	char *entry = memmem(in, len, " 00000 n", 8);
	assert_non_null(entry);
	memcpy(entry - 10, "9999999999", 10);
	object_refused(in, len, 1, "超出了文件的长度");
	free(in);

	/* a cross-reference stream's /Length beyond the file or any integer */
	const char *lengths[] = {"99999", "99999999999999999999999999", "-1", "2 0 R"};
	for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		char *stream = xasprintf("%%PDF-1.5\n1 0 obj\n<< /Type /XRef /W [1 1 1] /Size 1"
					 " /Length %s >>\nstream\n\nendstream\nendobj\n"
					 "startxref\n9\n%%%%EOF\n",
					 lengths[i]);
		open_refused(stream, strlen(stream), "/Length");
		free(stream);
	}
}

/* Cross-reference streams whose /Index or /W make the arithmetic wrap. */
static void test_stream_index_overflow(void **state)
{
	(void)state;
	const char *index[] = {"8388600 100", "9223372036854775807 1", "-1 2", "0 99999999999999"};
	for (size_t i = 0; i < sizeof index / sizeof index[0]; i++) {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "%PDF-1.5\n");
		size_t offsets[] = {9};
		size_t at = add_xref_stream(&b, 1, index[i], offsets, 1, " /Size 2");
		buf_addf(&b, "startxref\n%zu\n%%%%EOF\n", at);
		open_refused(b.data, b.len, "/Index");
		buf_fini(&b);
	}
	/* an 8-byte offset of all ones */
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "%PDF-1.5\n");
	size_t at = b.len;
	buf_adds(&b,
		 "1 0 obj\n<< /Type /XRef /W [1 8 1] /Size 3 /Root 2 0 R /Length 30 >>\nstream\n");
	char rows[30] = {0};
	rows[10] = 1; /* object 1 at `at`, filled in below */
	for (int i = 0; i < 8; i++)
		rows[11 + i] = (char)(at >> (8 * (7 - i)));
	rows[20] = 1;
	memset(rows + 21, 0xff, 8);
	buf_add(&b, rows, sizeof rows);
	buf_addf(&b, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", at);
	object_refused(b.data, b.len, 2, "超出了文件的长度");
	buf_fini(&b);
}

/* Sections whose /Prev leads back to one already read. */
static void test_prev_loops(void **state)
{
	(void)state;
	size_t len;
	char *in = with_table(simple, "", &len);
	struct buf b;
	buf_init(&b);
	buf_add(&b, in, len);
	/* two more sections, each the /Prev of the other */
	size_t first = b.len;
	size_t second = first + 64;
	buf_addf(&b, "xref\n0 0\ntrailer\n<< /Size 3 /Root 1 0 R /Prev %010zu >>\n", second);
	while (b.len < second)
		buf_addc(&b, ' ');
	buf_addf(&b, "xref\n0 0\ntrailer\n<< /Size 3 /Root 1 0 R /Prev %010zu >>\n", first);
	buf_addf(&b, "startxref\n%zu\n%%%%EOF\n", second);
	open_refused(b.data, b.len, "循环");
	buf_fini(&b);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hybrid_table_wins),
		cmocka_unit_test(test_object_asked_again),
		cmocka_unit_test(test_repeated_large_object),
		cmocka_unit_test(test_object_beyond_size),
		cmocka_unit_test(test_size_at_limit),
		cmocka_unit_test(test_millions_of_entries),
		cmocka_unit_test(test_numbers_outside),
		cmocka_unit_test(test_stream_index_overflow),
		cmocka_unit_test(test_prev_loops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
