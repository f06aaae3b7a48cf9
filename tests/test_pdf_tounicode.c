/* The ToUnicode update: every font's map replaced by a valid one, as an
 * incremental update whose trailer points back at libharu's, found by the
 * PDF reader. */
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
#include "pdf_tounicode.h"

/* Enough of a libharu PDF: Type0 fonts with ToUnicode streams.  Kai-GB
 * names its map before its BaseFont, Other is not among the fonts given,
 * and object 10 shares Sung-GB's map.  The trailer is written as libharu
 * writes it. */
static const char *const haru_objects[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [] /Count 0 >>",
	"<< /Producer (Haru Free PDF Library 2.3.0) >>",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAA+Sung-GB /ToUnicode 5 0 R >>",
	"<< /Length 13 >>\nstream\nbegincidrange\nendstream",
	"<< /Subtype /Type0 /ToUnicode 7 0 R /Type /Font /BaseFont /HPDFAB+Kai-GB >>",
	"<< /Length 13 >>\nstream\nbegincidrange\nendstream",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAC+Other-GB /ToUnicode 9 0 R >>",
	"<< /Length 13 >>\nstream\nbegincidrange\nendstream",
	"<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAA+Sung-GB /ToUnicode 5 0 R >>",
};
#define HARU_OBJECTS (sizeof haru_objects / sizeof haru_objects[0])

/* The PDF of haru_objects (the caller frees it); *xref is where its
 * cross-reference table starts. */
static char *make_haru_pdf(size_t *len, size_t *xref)
{
	struct buf b;
	size_t offsets[HARU_OBJECTS];
	buf_init(&b);
	buf_adds(&b, "%PDF-1.3\n");
	for (size_t i = 0; i < HARU_OBJECTS; i++) {
		offsets[i] = b.len;
		buf_addf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, haru_objects[i]);
	}
	*xref = b.len;
	buf_addf(&b, "xref\n0 %zu\n0000000000 65535 f\r\n", HARU_OBJECTS + 1);
	for (size_t i = 0; i < HARU_OBJECTS; i++)
		buf_addf(&b, "%010zu 00000 n\r\n", offsets[i]);
	buf_addf(&b, "trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n/Size %zu\n>>\n", HARU_OBJECTS + 1);
	buf_addf(&b, "startxref\n%zu\n%%%%EOF\n", *xref);
	*len = b.len;
	return buf_take(&b);
}

/* The CMap written for object obj in pdf (inflated; the caller frees it). */
static char *cmap_of(const char *pdf, size_t len, int obj)
{
	char head[32];
	snprintf(head, sizeof head, "\n%d 0 obj\n", obj);
	const char *at = NULL;
	for (const char *p = pdf; (p = memmem(p, len - (size_t)(p - pdf), head, strlen(head))); p++)
		at = p; /* the last one: the update's */
	assert_non_null(at);
	const char *stream = strstr(at, "stream\n") + strlen("stream\n");
	long packed = strtol(strstr(at, "/Length ") + strlen("/Length "), NULL, 10);
	assert_non_null(strstr(at, "/FlateDecode"));
	uLongf size = 1 << 16;
	char *out = calloc(1, size + 1);
	assert_int_equal(uncompress((Bytef *)out, &size, (const Bytef *)stream, (uLong)packed),
			 Z_OK);
	return out;
}

static void test_replaces_each_map(void **state)
{
	(void)state;
	const uint32_t sung[] = {'1', '2', 0x4E00, 0x4E01, 0x4E03, 0x4EFF, 0x4F00};
	const uint32_t kai[] = {0x603B};
	const struct pdf_tounicode_font fonts[] = {{"Sung-GB", sung, 7}, {"Kai-GB", kai, 1}};
	size_t in_len, xref, len;
	char *in = make_haru_pdf(&in_len, &xref);
	char *out = pdf_tounicode_fix(in, in_len, fonts, 2, &len);
	assert_non_null(out);
	assert_memory_equal(out, in, in_len); /* an update appends only */
	const char *update = out + in_len;
	size_t update_len = len - in_len;
	char prev[32];
	snprintf(prev, sizeof prev, "/Prev %zu", xref);
	assert_non_null(memmem(update, update_len, prev, strlen(prev)));
	assert_non_null(memmem(update, update_len, "/Root 1 0 R", strlen("/Root 1 0 R")));
	assert_non_null(memmem(update, update_len, "/Info 3 0 R", strlen("/Info 3 0 R")));
	assert_non_null(memmem(update, update_len, "/Size 11", strlen("/Size 11")));
	/* three maps, the shared one written once */
	assert_non_null(memmem(update, update_len, "xref\n5 1\n", strlen("xref\n5 1\n")));
	assert_non_null(memmem(update, update_len, "\n7 1\n", strlen("\n7 1\n")));
	assert_non_null(memmem(update, update_len, "\n9 1\n", strlen("\n9 1\n")));
	assert_null(memmem(update, update_len, "\n4 0 obj", strlen("\n4 0 obj")));

	char *a = cmap_of(out, len, 5);
	assert_null(strstr(a, "cidrange"));
	assert_non_null(strstr(a, "<0031> <0032> <0031>"));
	/* a range never crosses a high byte: 4EFF and 4F00 are apart */
	assert_non_null(strstr(a, "<4E00> <4E01> <4E00>"));
	assert_non_null(strstr(a, "<4E03> <4E03> <4E03>"));
	assert_non_null(strstr(a, "<4EFF> <4EFF> <4EFF>"));
	assert_non_null(strstr(a, "<4F00> <4F00> <4F00>"));
	assert_null(strstr(a, "603B"));
	/* found by its dictionary, wherever /BaseFont stands in it */
	char *b = cmap_of(out, len, 7);
	assert_non_null(strstr(b, "1 beginbfrange\n<603B> <603B> <603B>"));
	/* a font not given gets the characters of all of them */
	char *c = cmap_of(out, len, 9);
	assert_non_null(strstr(c, "<603B> <603B> <603B>"));
	assert_non_null(strstr(c, "<4E00> <4E01> <4E00>"));
	free(a);
	free(b);
	free(c);

	/* the reader finds the new maps and the fonts as they were */
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(out, len, &cause);
	assert_non_null(doc);
	struct pdf_value v, filter;
	for (uint32_t num = 5; num <= 9; num += 2) {
		assert_true(pdf_doc_object(doc, num, &v, &cause));
		assert_true(v.start > out + in_len);
		assert_true(pdf_dict_get(&v, "Filter", &filter));
		assert_true(pdf_name_is(&filter, "FlateDecode"));
	}
	assert_true(pdf_doc_object(doc, 4, &v, &cause));
	assert_memory_equal(v.start, haru_objects[3], v.len);
	assert_int_equal(v.len, strlen(haru_objects[3]));
	pdf_doc_free(doc);
	free(out);
	free(in);
}

static void test_refuses_other_shapes(void **state)
{
	(void)state;
	size_t len;
	const char junk[] = "%PDF-1.3\nno trailer here\n";
	assert_null(pdf_tounicode_fix(junk, strlen(junk), NULL, 0, &len));
	/* a font dictionary that cannot be read */
	size_t in_len, xref;
	char *in = make_haru_pdf(&in_len, &xref);
	char *font = memmem(in, in_len, "/HPDFAB+Kai-GB >>", 17);
	memcpy(font + 15, "))", 2);
	assert_null(pdf_tounicode_fix(in, in_len, NULL, 0, &len));
	free(in);
}

/* A PDF whose fonts have no ToUnicode maps comes back as it was. */
static void test_nothing_to_replace(void **state)
{
	(void)state;
	size_t in_len, xref, len;
	char *in = make_haru_pdf(&in_len, &xref);
	for (char *p = in; (p = memmem(p, in_len - (size_t)(p - in), "/ToUnicode", 10)); p++)
		memcpy(p + 1, "NoUnicode", 9);
	char *out = pdf_tounicode_fix(in, in_len, NULL, 0, &len);
	assert_non_null(out);
	assert_int_equal(len, in_len);
	assert_memory_equal(out, in, in_len);
	free(out);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replaces_each_map),
		cmocka_unit_test(test_refuses_other_shapes),
		cmocka_unit_test(test_nothing_to_replace),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
