/* UTF-8 decoding, validation and display width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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
		{"１２", 4},		 /* fullwidth digits */
		{"（一）", 6},		 /* fullwidth parentheses */
		{"“三安全一稳定”", 14},	 /* curly quotes are narrow, as on terminals */
		{"a\xcc\x81", 1},	 /* combining acute accent takes no column */
		{"\xf0\xa0\x80\x80", 2}, /* U+20000, CJK extension B */
		{"\xff", 1},		 /* an invalid byte shows as one replacement */
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
		{"函谷关", 9, 1, 0},	       {"ab\xc0\xaf", 4, 0, 2}, /* overlong '/' */
		{"a\xed\xa0\x80", 4, 0, 1},				/* a UTF-16 surrogate */
		{"\xe5\x87", 2, 0, 0},					/* truncated */
		{"\xf4\x90\x80\x80", 4, 0, 0},				/* above U+10FFFF */
		{"\xb9\xfe", 2, 0, 0},					/* GBK bytes */
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

/* The one space predicate: each code point a report's text may carry. */
static void test_is_space(void **state)
{
	static const struct {
		uint32_t cp;
		bool space;
	} cases[] = {
		{' ', true},
		{'\t', true},
		{'\n', true},
		{0x0B, true},
		{'\f', true},
		{'\r', true},
		{0x85, true},
		{0xA0, true},
		{0x1680, true},
		{0x2000, true},
		{0x2001, true},
		{0x2002, true},
		{0x2003, true},
		{0x2004, true},
		{0x2005, true},
		{0x2006, true},
		{0x2007, true},
		{0x2008, true},
		{0x2009, true},
		{0x200A, true},
		{0x2028, true},
		{0x2029, true},
		{0x202F, true},
		{0x205F, true},
		{0x3000, true},
		/* invisible, but not blank space */
		{0x200B, false},
		{0x200C, false},
		{0x200D, false},
		{0x2060, false},
		{0xFEFF, false},
		/* neighbours and look-alikes */
		{0, false},
		{0x08, false},
		{0x0E, false},
		{0x1F, false},
		{0x21, false},
		{'a', false},
		{0x84, false},
		{0x86, false},
		{0x9F, false},
		{0xA1, false},
		{0x1FFF, false},
		{0x200E, false},
		{0x2027, false},
		{0x202A, false},
		{0x205E, false},
		{0x2060, false},
		{0x2FFF, false},
		{0x3001, false},
		{0x3002, false},
		{0xFF0C, false},
		{0x4E00, false},
		{0xFFFD, false},
		{0x20000, false},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_is_space(cases[i].cp) != cases[i].space)
			fail_msg("U+%04X: expected %s", (unsigned)cases[i].cp,
				 cases[i].space ? "a space" : "not a space");
}

static void test_trim_end(void **state)
{
	static const struct {
		const char *text;
		size_t kept;
	} cases[] = {
		{"", 0},
		{"   ", 0},
		{"无", 3},
		{"无 \t\n", 3},
		{"无　", 3},	       /* U+3000 */
		{"无\xc2\xa0", 3},     /* NBSP */
		{"无\xe2\x80\x8b", 6}, /* ZWSP is not a space */
		{"\xe3\x80", 2},       /* a cut U+3000 is not one */
		{"a\xff ", 2},	       /* an invalid byte stops the trim */
		{"一　二　", 9},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t got = utf8_trim_end(cases[i].text, strlen(cases[i].text));
		if (got != cases[i].kept)
			fail_msg("\"%s\": kept %zu bytes, not %zu", cases[i].text, got,
				 cases[i].kept);
	}
}

/* The blanks that start a text, within its line. */
static void test_line_blanks(void **state)
{
	static const struct {
		const char *s;
		size_t want;
	} cases[] = {
		{"", 0},
		{"x ", 0},
		{"  x", 2},
		{"\xe3\x80\x80\xe3\x80\x80（", 6}, /* two U+3000 */
		{" \t\xc2\xa0）", 4},		   /* space, tab, NBSP */
		{" \n ", 1},			   /* a line break ends them */
		{"\xe3\x80", 0},		   /* a cut character is no blank */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(utf8_line_blanks(cases[i].s, strlen(cases[i].s)), cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),	      cmocka_unit_test(test_validate),
		cmocka_unit_test(test_encode_decode), cmocka_unit_test(test_prefix_never_splits),
		cmocka_unit_test(test_is_space),      cmocka_unit_test(test_trim_end),
		cmocka_unit_test(test_line_blanks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
