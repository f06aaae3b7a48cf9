/* UTF-8 decoding, validation and display width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

static void test_width(void **state)
{
	static const struct {
		const char *text;
		int width;
	} cases[] = {
		{"", 0},
		{"abc", 3},
		{"函谷关镇", 8},
		{"１２", 4},		/* fullwidth digits */
		{"（一）", 6},		/* fullwidth parentheses */
		{"“三安全一稳定”", 14}, /* curly quotes are narrow, as on terminals */
		{"a\xcc\x81", 1},	/* combining acute accent takes no column */
		{"\xf0\xa0\x80\x80", 2}, /* U+20000, CJK extension B */
		{"\xff", 1},		/* an invalid byte shows as one replacement */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_width(cases[i].text) != cases[i].width)
			fail_msg("\"%s\" is %d wide", cases[i].text, utf8_width(cases[i].text));
}

static void test_validate(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		int valid;
		size_t bad;
	} cases[] = {
		{"函谷关", 9, 1, 0},
		{"ab\xc0\xaf", 4, 0, 2},	 /* overlong '/' */
		{"a\xed\xa0\x80", 4, 0, 1},	 /* a UTF-16 surrogate */
		{"\xe5\x87", 2, 0, 0},		 /* truncated */
		{"\xf4\x90\x80\x80", 4, 0, 0}, /* above U+10FFFF */
		{"\xb9\xfe", 2, 0, 0},		 /* GBK bytes */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t bad = 99;
		assert_int_equal(utf8_validate(cases[i].text, cases[i].len, &bad), cases[i].valid);
		if (!cases[i].valid)
			assert_int_equal(bad, cases[i].bad);
	}
}

static void test_encode_decode(void **state)
{
	static const uint32_t points[] = {0x41, 0xE9, 0x51FD, 0xFF11, 0x20000, 0x10FFFF};
	(void)state;
	for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
		char buf[4];
		size_t n = utf8_encode(points[i], buf);
		uint32_t cp;
		bool ok;
		assert_int_equal(utf8_decode(buf, n, &cp, &ok), n);
		assert_true(ok);
		assert_int_equal(cp, points[i]);
	}
}

static void test_prefix_never_splits(void **state)
{
	const char *s = "函谷关镇人民政府";
	(void)state;
	/* 5 columns hold two wide characters, never half of a third */
	assert_int_equal(utf8_prefix_for_width(s, strlen(s), 5), 6);
	assert_int_equal(utf8_prefix_for_width(s, strlen(s), 1), 0);
	assert_int_equal(utf8_prefix_for_width(s, strlen(s), 100), strlen(s));
	assert_int_equal(utf8_digit_value(0xFF19), 9);
	assert_int_equal(utf8_digit_value('a'), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_encode_decode),
		cmocka_unit_test(test_prefix_never_splits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
