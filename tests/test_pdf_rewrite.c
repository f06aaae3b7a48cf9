/* The whole-file rewrite: every raw stream deflated, the streams given
 * replaced with their dictionaries kept, one cross-reference table, all
 * found again by the PDF reader. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "buf.h"
#include "pdf_read.h"
#include "pdf_rewrite.h"

/* Enough of a libharu PDF: fonts with raw streams (object 5 as the empty
 * program nianbao fills, with its /Length1), object 11 a raw stream whose
 * length is object 12, as libharu writes them without compression;
 * object 13 has a filter already.  The trailer is written as libharu
 * writes it. */
static const char *const haru_objects[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [] /Count 0 >>",
	"<< /Producer (Haru Free PDF Library 2.3.0) >>",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAA+Sung-GB /ToUnicode 5 0 R >>",
	"<< /Length 0 /Length1 6 >>\nstream\n\nendstream",
	"<< /Subtype /Type0 /ToUnicode 7 0 R /Type /Font /BaseFont /HPDFAB+Kai-GB >>",
	"<< /Length 13 >>\nstream\nbegincidrange\nendstream",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAC+Other-GB /ToUnicode 9 0 R >>",
	"<< /Length 13 >>\nstream\nbegincidrange\nendstream",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAA+Sung-GB /ToUnicode 5 0 R >>",
	"<< /Length 12 0 R /Type /XObject >>\nstream\nq 1 0 0 1 0 0 cm Q\nendstream",
	"18",
	"<< /Length 3 /Filter /ASCIIHexDecode >>\nstream\n41>\nendstream",
};
#define HARU_OBJECTS (sizeof haru_objects / sizeof haru_objects[0])

/* The PDF of objects[0..n), numbered from 1 (the caller frees it);
 * *xref is where its cross-reference table starts. */
static char *make_pdf(const char *const *objects, size_t n, size_t *len, size_t *xref)
{
	struct buf b;
	size_t offsets[HARU_OBJECTS];
	buf_init(&b);
	buf_adds(&b, "%PDF-1.3\n");
	for (size_t i = 0; i < n; i++) {
		offsets[i] = b.len;
		buf_addf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objects[i]);
	}
	*xref = b.len;
	buf_addf(&b, "xref\n0 %zu\n0000000000 65535 f\r\n", n + 1);
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%010zu 00000 n\r\n", offsets[i]);
	buf_addf(&b, "trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n/Size %zu\n>>\n", n + 1);
	buf_addf(&b, "startxref\n%zu\n%%%%EOF\n", *xref);
	*len = b.len;
	return buf_take(&b);
}

static char *make_haru_pdf(size_t *len, size_t *xref)
{
	return make_pdf(haru_objects, HARU_OBJECTS, len, xref);
}

/* The stream of object obj in pdf, which holds it once with a direct
 * /Length (inflated; the caller frees it). */
static char *stream_of(const char *pdf, size_t len, int obj)
{
	char head[32];
	snprintf(head, sizeof head, "\n%d 0 obj\n", obj);
	const char *at = memmem(pdf, len, head, strlen(head));
	assert_non_null(at);
	assert_null(memmem(at + 1, len - (size_t)(at + 1 - pdf), head, strlen(head)));
	const char *stream = strstr(at, "stream\n") + strlen("stream\n");
	long packed = strtol(strstr(at, "/Length ") + strlen("/Length "), NULL, 10);
	assert_non_null(strstr(at, "/FlateDecode"));
	uLongf size = 1 << 16;
	char *out = calloc(1, size + 1);
	assert_int_equal(uncompress((Bytef *)out, &size, (const Bytef *)stream, (uLong)packed),
			 Z_OK);
	return out;
}

/* in[0..in_len) rewritten at level 6, or NULL. */
static char *rewrite(const char *in, size_t in_len, const struct pdf_rewrite_stream *replaced,
		     size_t n, size_t *len)
{
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(in, in_len, &cause);
	char *out = doc ? pdf_rewrite(doc, replaced, n, 6, len, &cause) : NULL;
	free(cause);
	pdf_doc_free(doc);
	return out;
}

static void test_replaces_and_deflates(void **state)
{
	(void)state;
	const struct pdf_rewrite_stream replaced[] = {{5, "glyphs", 6}, {13, "new", 3}};
	size_t in_len, xref, len;
	char *in = make_haru_pdf(&in_len, &xref);
	char *out = rewrite(in, in_len, replaced, 2, &len);
	assert_non_null(out);
	/* one file, not an update: one table, the trailer's values kept */
	assert_memory_equal(out, "%PDF-1.3\n", 9);
	assert_non_null(memmem(out, len, "/Root 1 0 R", strlen("/Root 1 0 R")));
	assert_non_null(memmem(out, len, "/Info 3 0 R", strlen("/Info 3 0 R")));
	assert_non_null(memmem(out, len, "/Size 14", strlen("/Size 14")));
	assert_non_null(memmem(out, len, "xref\n0 14\n", strlen("xref\n0 14\n")));
	assert_null(memmem(out, len, "/Prev", strlen("/Prev")));

	/* the replaced stream: its new bytes, its other keys kept */
	char *a = stream_of(out, len, 5);
	assert_string_equal(a, "glyphs");
	free(a);
	/* the raw ones deflated as they were */
	char *b = stream_of(out, len, 7);
	assert_string_equal(b, "begincidrange");
	free(b);
	/* a replaced stream with a filter loses it: the new bytes are deflated */
	char *c = stream_of(out, len, 13);
	assert_string_equal(c, "new");
	free(c);

	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(out, len, &cause);
	assert_non_null(doc);
	struct pdf_value v, filter, length1;
	for (uint32_t num = 5; num <= 11; num += 2) {
		assert_true(pdf_doc_object(doc, num, &v, &cause));
		assert_true(pdf_dict_get(&v, "Filter", &filter));
		assert_true(pdf_name_is(&filter, "FlateDecode"));
	}
	assert_true(pdf_doc_object(doc, 5, &v, &cause));
	assert_true(pdf_dict_get(&v, "Length1", &length1));
	assert_int_equal(length1.number, 6);
	assert_true(pdf_doc_object(doc, 13, &v, &cause));
	assert_true(pdf_dict_get(&v, "Filter", &filter));
	assert_true(pdf_name_is(&filter, "FlateDecode"));
	assert_null(memmem(v.start, v.len, "ASCIIHex", 8));
	assert_true(pdf_doc_object(doc, 4, &v, &cause));
	assert_memory_equal(v.start, haru_objects[3], v.len);
	assert_int_equal(v.len, strlen(haru_objects[3]));
	/* the raw stream deflated, its dictionary kept, its length object the new length */
	const char *data;
	size_t data_len;
	int generation;
	assert_true(pdf_doc_object_raw(doc, 11, &generation, &v, &data, &data_len, &cause));
	struct pdf_value type, length;
	assert_true(pdf_dict_get(&v, "Type", &type));
	assert_true(pdf_name_is(&type, "XObject"));
	assert_true(pdf_dict_get(&v, "Length", &length));
	assert_int_equal(length.kind, PDF_REF);
	assert_int_equal(length.number, 12);
	assert_true(pdf_doc_object(doc, 12, &length, &cause));
	assert_int_equal(length.number, (int64_t)data_len);
	char inflated[64] = {0};
	uLongf inflated_len = sizeof inflated - 1;
	assert_int_equal(
		uncompress((Bytef *)inflated, &inflated_len, (const Bytef *)data, (uLong)data_len),
		Z_OK);
	assert_string_equal(inflated, "q 1 0 0 1 0 0 cm Q");
	pdf_doc_free(doc);
	free(out);

	/* not replaced, a stream with a filter is copied as it was */
	out = rewrite(in, in_len, NULL, 0, &len);
	assert_non_null(out);
	doc = pdf_doc_open(out, len, &cause);
	assert_non_null(doc);
	assert_true(pdf_doc_object(doc, 13, &v, &cause));
	assert_memory_equal(v.start, haru_objects[12], v.len);
	pdf_doc_free(doc);
	free(out);
	free(in);
}

/* An object that cannot be read stops the rewrite. */
static void test_refuses_other_shapes(void **state)
{
	(void)state;
	size_t len, in_len, xref;
	char *in = make_haru_pdf(&in_len, &xref);
	char *font = memmem(in, in_len, "/HPDFAB+Kai-GB >>", 17);
	memcpy(font + 15, "))", 2);
	assert_null(rewrite(in, in_len, NULL, 0, &len));
	free(in);
}

/* A stream length that two streams share cannot be rewritten. */
static void test_refuses_shared_length(void **state)
{
	(void)state;
	size_t in_len, xref, len;
	const char *objects[HARU_OBJECTS];
	memcpy(objects, haru_objects, sizeof objects);
	objects[4] = "<< /Length 12 0 R >>\nstream\nbegincidrange\nendstream";
	objects[10] = "<< /Length 12 0 R >>\nstream\nbegincidrange\nendstream";
	objects[11] = "13";
	char *in = make_pdf(objects, HARU_OBJECTS, &in_len, &xref);
	assert_null(rewrite(in, in_len, NULL, 0, &len));
	/* each with a length of its own, it can */
	objects[4] = haru_objects[4];
	free(in);
	in = make_pdf(objects, HARU_OBJECTS, &in_len, &xref);
	char *out = rewrite(in, in_len, NULL, 0, &len);
	assert_non_null(out);
	free(out);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replaces_and_deflates),
		cmocka_unit_test(test_refuses_other_shapes),
		cmocka_unit_test(test_refuses_shared_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
