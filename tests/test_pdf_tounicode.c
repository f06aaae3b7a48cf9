/* The ToUnicode update: every font's map replaced by a valid one, as an
 * incremental update whose trailer points back at libharu's. */
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

#include "pdf_tounicode.h"

/* Enough of a libharu PDF: two Type0 fonts with ToUnicode streams. */
static const char haru_pdf[] =
	"%PDF-1.3\n"
	"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	"4 0 obj\n<< /Type /Font /Subtype /Type0 /BaseFont /HPDFAA+Sung-GB /ToUnicode 5 0 R >>\n"
	"endobj\n"
	"5 0 obj\n<< /Length 9 >>\nstream\nbegincidrange\nendstream\nendobj\n"
	"8 0 obj\n<< /BaseFont /HPDFAB+Kai-GB /Subtype /Type0 /ToUnicode 9 0 R /Type /Font >>\n"
	"endobj\n"
	"9 0 obj\n<< /Length 9 >>\nstream\nbegincidrange\nendstream\nendobj\n"
	"xref\n0 10\n"
	"trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n/Size 10\n>>\nstartxref\n345\n%%EOF\n";

/* The CMap written for object obj in pdf (inflated; the caller frees it). */
static char *cmap_of(const char *pdf, size_t len, int obj)
{
	char head[32];
	snprintf(head, sizeof head, "\n%d 0 obj\n", obj);
	const char *at = NULL;
	for (const char *p = pdf; (p = memmem(p, len - (size_t)(p - pdf), head, strlen(head)));
	     p++)
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
	size_t len;
	char *out = pdf_tounicode_fix(haru_pdf, strlen(haru_pdf), fonts, 2, &len);
	assert_non_null(out);
	assert_memory_equal(out, haru_pdf, strlen(haru_pdf)); /* an update appends only */
	const char *update = out + strlen(haru_pdf);
	size_t update_len = len - strlen(haru_pdf);
	assert_non_null(memmem(update, update_len, "/Prev 345", strlen("/Prev 345")));
	assert_non_null(memmem(update, update_len, "/Root 1 0 R", strlen("/Root 1 0 R")));
	assert_non_null(memmem(update, update_len, "/Info 3 0 R", strlen("/Info 3 0 R")));
	assert_non_null(memmem(update, update_len, "/Size 10", strlen("/Size 10")));
	assert_non_null(memmem(update, update_len, "5 1\n", strlen("5 1\n")));
	assert_non_null(memmem(update, update_len, "9 1\n", strlen("9 1\n")));

	char *a = cmap_of(out, len, 5);
	assert_null(strstr(a, "cidrange"));
	assert_non_null(strstr(a, "<0031> <0032> <0031>"));
	/* a range never crosses a high byte: 4EFF and 4F00 are apart */
	assert_non_null(strstr(a, "<4E00> <4E01> <4E00>"));
	assert_non_null(strstr(a, "<4E03> <4E03> <4E03>"));
	assert_non_null(strstr(a, "<4EFF> <4EFF> <4EFF>"));
	assert_non_null(strstr(a, "<4F00> <4F00> <4F00>"));
	assert_null(strstr(a, "603B"));
	char *b = cmap_of(out, len, 9);
	assert_non_null(strstr(b, "1 beginbfrange\n<603B> <603B> <603B>"));
	free(a);
	free(b);

	/* the update's xref offsets point at the objects */
	const char *xref = memmem(update, update_len, "xref\n5 1\n", strlen("xref\n5 1\n"));
	assert_non_null(xref);
	long offset = strtol(xref + strlen("xref\n5 1\n"), NULL, 10);
	assert_memory_equal(out + offset, "5 0 obj", 7);
	free(out);
}

static void test_refuses_other_shapes(void **state)
{
	(void)state;
	size_t len;
	const char junk[] = "%PDF-1.3\nno trailer here\n";
	assert_null(pdf_tounicode_fix(junk, strlen(junk), NULL, 0, &len));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replaces_each_map),
		cmocka_unit_test(test_refuses_other_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
