/* Unit tests of pdf_update: small PDFs with a classic cross-reference
 * table and with a cross-reference stream (and an object stream) get an
 * update, and pdf_read must find the new objects and the old ones as they
 * were.  Given a directory, the program writes the two updated files
 * there instead (for qpdf --check). */
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
#include "pdf_update.h"

/* Whether the literal lit (which may hold NUL) is in hay[0..len). */
#define assert_contains(hay, len, lit) assert_non_null(memmem(hay, len, lit, sizeof lit - 1))
#define assert_lacks(hay, len, lit) assert_null(memmem(hay, len, lit, sizeof lit - 1))

static const char *const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
static const char *const pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
static const char *const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
static const char *const info = "<< /Producer (nianbao) >>";

/* Catalog, pages, page and info as objects 1 to 4 with a classic table;
 * trailer_extra goes into the trailer; without end_newline the file ends
 * right after %%EOF. */
static char *make_table_pdf(const char *trailer_extra, bool end_newline, size_t *len, size_t *xref)
{
	const char *const objects[] = {catalog, pages, page, info};
	size_t offsets[4];
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "%PDF-1.4\n%\xe5\xb9\xb4\xe6\x8a\xa5\n");
	for (size_t i = 0; i < 4; i++) {
		offsets[i] = b.len;
		buf_addf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objects[i]);
	}
	*xref = b.len;
	buf_adds(&b, "xref\n0 5\n0000000000 65535 f \n");
	for (size_t i = 0; i < 4; i++)
		buf_addf(&b, "%010zu 00000 n \n", offsets[i]);
	buf_addf(&b, "trailer\n<< /Size 5 /Root 1 0 R /Info 4 0 R%s >>\nstartxref\n%zu\n%%%%EOF%s",
		 trailer_extra, *xref, end_newline ? "\n" : "");
	*len = b.len;
	return buf_take(&b);
}

/* The same objects in PDF 1.5 form: catalog and pages in a deflated
 * object stream (object 5), page and info plain, a cross-reference
 * stream (object 6). */
static char *make_stream_pdf(size_t *len, size_t *xref)
{
	struct buf b, objects;
	buf_init(&b);
	buf_init(&objects);
	buf_adds(&b, "%PDF-1.5\n");
	size_t at[4];
	at[2] = b.len;
	buf_addf(&b, "3 0 obj\n%s\nendobj\n", page);
	at[3] = b.len;
	buf_addf(&b, "4 0 obj\n%s\nendobj\n", info);
	buf_addf(&objects, "1 0 2 %zu\n", strlen(catalog) + 1);
	size_t first = objects.len;
	buf_addf(&objects, "%s\n%s\n", catalog, pages);
	uLongf packed_len = compressBound((uLong)objects.len);
	unsigned char *packed = malloc(packed_len);
	assert_int_equal(
		compress2(packed, &packed_len, (const Bytef *)objects.data, (uLong)objects.len, 9),
		Z_OK);
	size_t stream = b.len;
	buf_addf(&b,
		 "5 0 obj\n<< /Type /ObjStm /N 2 /First %zu /Filter /FlateDecode"
		 " /Length %lu >>\nstream\n",
		 first, (unsigned long)packed_len);
	buf_add(&b, (const char *)packed, packed_len);
	buf_adds(&b, "\nendstream\nendobj\n");
	free(packed);
	*xref = b.len;
	unsigned char rows[7][4] = {
		{0, 0, 0, 255},
		{2, 0, 5, 0},
		{2, 0, 5, 1},
		{1, (unsigned char)(at[2] >> 8), (unsigned char)at[2], 0},
		{1, (unsigned char)(at[3] >> 8), (unsigned char)at[3], 0},
		{1, (unsigned char)(stream >> 8), (unsigned char)stream, 0},
		{1, (unsigned char)(*xref >> 8), (unsigned char)*xref, 0},
	};
	buf_addf(&b,
		 "6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R /Info 4 0 R"
		 " /Length %zu >>\nstream\n",
		 sizeof rows);
	buf_add(&b, (const char *)rows, sizeof rows);
	buf_addf(&b, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", *xref);
	buf_fini(&objects);
	*len = b.len;
	return buf_take(&b);
}

static const char *const new_page =
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [7 0 R] >>";
static const char *const note = "<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] >>";
static const char cmap[] = "begincmap\n1 beginbfrange\n<4E00> <4E01> <4E00>\nendbfrange\nendcmap\n";

/* in updated: page 3 replaced, a note and a stream added (deflated when
 * deflate); nums are the two new objects' numbers. */
static char *update(const char *in, size_t len, bool deflate, size_t *out_len, uint32_t *nums)
{
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(in, len, &cause);
	if (!doc)
		fail_msg("input does not read: %s", cause);
	struct pdf_update *u = pdf_update_new(doc);
	pdf_doc_free(doc); /* the update copied what it needs */
	nums[0] = pdf_update_number(u);
	nums[1] = pdf_update_number(u);
	buf_adds(pdf_update_begin(u, 3, 0), new_page);
	pdf_update_end(u);
	buf_adds(pdf_update_begin(u, nums[0], 0), note);
	pdf_update_end(u);
	pdf_update_add_stream(u, nums[1], 0, cmap, strlen(cmap), deflate);
	return pdf_update_finish(u, out_len);
}

/* The value of object num (failing the test if it cannot be read). */
static struct pdf_value object(struct pdf_doc *doc, uint32_t num)
{
	struct pdf_value v;
	char *cause = NULL;
	if (!pdf_doc_object(doc, num, &v, &cause))
		fail_msg("object %u: %s", num, cause);
	return v;
}

static void assert_text(const struct pdf_value *v, const char *text)
{
	assert_int_equal(v->len, strlen(text));
	assert_memory_equal(v->start, text, v->len);
}

/* The data of the stream object whose dictionary is dict, inflated when
 * it says /FlateDecode (the caller frees it). */
static char *stream_data(const struct pdf_value *dict)
{
	struct pdf_value length, filter;
	assert_true(pdf_dict_get(dict, "Length", &length));
	const char *data = dict->start + dict->len;
	assert_memory_equal(data, "\nstream\n", 8);
	data += 8;
	assert_memory_equal(data + length.number, "\nendstream", 10);
	char *out = calloc(1, 4096);
	if (pdf_dict_get(dict, "Filter", &filter)) {
		assert_true(pdf_name_is(&filter, "FlateDecode"));
		uLongf size = 4095;
		assert_int_equal(
			uncompress((Bytef *)out, &size, (const Bytef *)data, (uLong)length.number),
			Z_OK);
	} else {
		memcpy(out, data, (size_t)length.number);
	}
	return out;
}

/* Reads out back: old objects as they were in in, the new ones from the update. */
static void assert_updated(const char *in, size_t len, const char *out, size_t out_len, size_t xref,
			   const uint32_t *nums, bool deflated)
{
	assert_true(out_len > len);
	assert_memory_equal(out, in, len); /* an update appends only */
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(out, out_len, &cause);
	if (!doc)
		fail_msg("update does not read back: %s", cause);
	struct pdf_value v = object(doc, 1);
	assert_text(&v, catalog);
	v = object(doc, 2);
	assert_text(&v, pages);
	v = object(doc, 4);
	assert_text(&v, info);
	v = object(doc, 3);
	assert_text(&v, new_page);
	assert_true(v.start > out + len);
	v = object(doc, nums[0]);
	assert_text(&v, note);
	v = object(doc, nums[1]);
	char *data = stream_data(&v);
	assert_string_equal(data, cmap);
	free(data);
	struct pdf_value filter;
	assert_int_equal(pdf_dict_get(&v, "Filter", &filter), deflated);

	const struct pdf_value *trailer = pdf_doc_trailer(doc);
	struct pdf_value prev, size, root, info_ref;
	assert_true(pdf_dict_get(trailer, "Prev", &prev));
	assert_int_equal(prev.number, xref);
	assert_true(pdf_dict_get(trailer, "Size", &size));
	assert_int_equal(size.number, pdf_doc_size(doc));
	assert_true(pdf_dict_get(trailer, "Root", &root));
	assert_text(&root, "1 0 R");
	assert_true(pdf_dict_get(trailer, "Info", &info_ref));
	assert_text(&info_ref, "4 0 R");
	pdf_doc_free(doc);
}

static void test_update_table(void **state)
{
	(void)state;
	size_t len, xref, out_len;
	uint32_t nums[2];
	char *in = make_table_pdf("", true, &len, &xref);
	char *out = update(in, len, true, &out_len, nums);
	/* new numbers follow the input's /Size */
	assert_int_equal(nums[0], 5);
	assert_int_equal(nums[1], 6);
	assert_updated(in, len, out, out_len, xref, nums, true);
	const char *tail = out + len;
	size_t tail_len = out_len - len;
	/* one subsection per run of numbers, entries of 20 bytes */
	assert_contains(tail, tail_len, "xref\n3 1\n");
	assert_contains(tail, tail_len, "\n5 2\n");
	assert_contains(tail, tail_len,
			" 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R"
			" /Info 4 0 R /Prev");
	assert_lacks(tail, tail_len, "/XRef");
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(out, out_len, &cause);
	assert_false(pdf_doc_last_xref_is_stream(doc));
	pdf_doc_free(doc);
	free(out);
	free(in);
}

static void test_update_stream(void **state)
{
	(void)state;
	size_t len, xref, out_len;
	uint32_t nums[2];
	char *in = make_stream_pdf(&len, &xref);
	char *out = update(in, len, false, &out_len, nums);
	assert_int_equal(nums[0], 7);
	assert_updated(in, len, out, out_len, xref, nums, false);
	/* the update's cross-references are a stream too, numbered after the rest */
	const char *tail = out + len;
	size_t tail_len = out_len - len;
	assert_contains(tail, tail_len,
			"9 0 obj\n<< /Type /XRef /Size 10 /W [1 4 2] "
			"/Index [3 1 7 3] /Root 1 0 R /Info 4 0 R /Prev");
	assert_lacks(tail, tail_len, "trailer");
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(out, out_len, &cause);
	assert_true(pdf_doc_last_xref_is_stream(doc));
	assert_int_equal(pdf_doc_size(doc), 10);
	pdf_doc_free(doc);
	free(out);
	free(in);
}

/* An update of an update reads back with both. */
static void test_update_twice(void **state)
{
	(void)state;
	size_t len, xref, once_len, twice_len;
	uint32_t nums[2], again[2];
	char *in = make_stream_pdf(&len, &xref);
	char *once = update(in, len, true, &once_len, nums);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(once, once_len, &cause);
	size_t once_xref = pdf_doc_last_xref(doc);
	pdf_doc_free(doc);
	char *twice = update(once, once_len, true, &twice_len, again);
	assert_int_equal(again[0], nums[1] + 2); /* above the first update's xref stream */
	assert_updated(once, once_len, twice, twice_len, once_xref, again, true);
	doc = pdf_doc_open(twice, twice_len, &cause);
	struct pdf_value v = object(doc, nums[0]);
	assert_text(&v, note);
	assert_true(v.start < twice + once_len);
	pdf_doc_free(doc);
	free(twice);
	free(once);
	free(in);
}

/* A trailer value is repeated by its length (an /ID may hold NUL), and a
 * file not ending in a line end gets one before the first object. */
static void test_trailer_values(void **state)
{
	(void)state;
	size_t len, xref, out_len;
	uint32_t nums[2];
	char *in = make_table_pdf(" /ID [<00ff> (a@b)] /Encrypt null", false, &len, &xref);
	*((char *)memmem(in, len, "a@b", 3) + 1) = '\0';
	char *out = update(in, len, true, &out_len, nums);
	assert_memory_equal(out + len, "\n3 0 obj\n", 9);
	const char *tail = out + len;
	size_t tail_len = out_len - len;
	assert_contains(tail, tail_len, "/Info 4 0 R /ID [<00ff> (a\0b)] /Prev");
	/* only /Root, /Info and /ID are repeated */
	assert_lacks(tail, tail_len, "/Encrypt");
	assert_updated(in, len, out, out_len, xref, nums, true);
	free(out);
	free(in);
}

/* pdf_update_number stays above objects begun with a number of their own. */
static void test_numbers(void **state)
{
	(void)state;
	size_t len, xref, out_len;
	char *in = make_table_pdf("", true, &len, &xref);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(in, len, &cause);
	struct pdf_update *u = pdf_update_new(doc);
	pdf_doc_free(doc);
	buf_adds(pdf_update_begin(u, 9, 2), "null");
	pdf_update_end(u);
	assert_int_equal(pdf_update_number(u), 10);
	char *out = pdf_update_finish(u, &out_len);
	assert_contains(out + len, out_len - len, "9 2 obj\nnull\nendobj\n");
	assert_contains(out + len, out_len - len, "xref\n9 1\n");
	assert_contains(out + len, out_len - len, " 00002 n \ntrailer\n<< /Size 11");
	doc = pdf_doc_open(out, out_len, &cause);
	assert_non_null(doc);
	assert_int_equal(pdf_doc_size(doc), 11);
	pdf_doc_free(doc);
	free(out);
	free(in);

	/* an update abandoned costs nothing but its memory */
	in = make_table_pdf("", true, &len, &xref);
	doc = pdf_doc_open(in, len, &cause);
	u = pdf_update_new(doc);
	pdf_update_add_stream(u, pdf_update_number(u), 0, cmap, strlen(cmap), true);
	pdf_update_free(u);
	pdf_doc_free(doc);
	free(in);
}

/* Writes DIR/table.pdf and DIR/stream.pdf, updated as the tests do. */
static int write_examples(const char *dir)
{
	char path[4096];
	const char *names[] = {"table.pdf", "stream.pdf"};
	for (int i = 0; i < 2; i++) {
		size_t len, xref, out_len;
		uint32_t nums[2];
		char *in = i == 0 ? make_table_pdf("", true, &len, &xref)
				  : make_stream_pdf(&len, &xref);
		char *out = update(in, len, true, &out_len, nums);
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(out, 1, out_len, f) != out_len || fclose(f) != 0) {
			perror(path);
			return 1;
		}
		free(out);
		free(in);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return write_examples(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update_table), cmocka_unit_test(test_update_stream),
		cmocka_unit_test(test_update_twice), cmocka_unit_test(test_trailer_values),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
