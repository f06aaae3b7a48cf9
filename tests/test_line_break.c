/* Line breaking: widths respected, and the 禁则 of Chinese typesetting:
 * no line starts with closing punctuation, none ends with opening. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "line_break.h"
#include "utf8.h"

static size_t decode(const char *s, uint32_t *cps)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		bool valid;
		i += utf8_decode(s + i, len - i, &cps[n++], &valid);
	}
	return n;
}

static bool is_closing(uint32_t cp)
{
	static const uint32_t closing[] = {0xFF0C, 0x3001, 0x3002, 0xFF09, 0x201D, 0xFF1B,
					   0xFF1A, 0x300B, 0x300D, 0xFF01, 0xFF1F};
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (cp == closing[i])
			return true;
	return false;
}

static bool is_opening(uint32_t cp)
{
	return cp == 0xFF08 || cp == 0x201C || cp == 0x300A || cp == 0x300C;
}

/* Every width 1: lines of at most width characters. */
static size_t break_at(const char *s, double width, uint32_t *cps, size_t *n, size_t **starts)
{
	*n = decode(s, cps);
	double widths[512];
	for (size_t i = 0; i < *n; i++)
		widths[i] = 1;
	return line_break_lines(cps, widths, *n, width, starts);
}

/* Lines filled to the width; a run with no break opportunity (digits)
 * is cut where it overflows. */
static const struct {
	const char *text;
	double width;
	size_t starts[8];
	size_t nlines;
} fill_cases[] = {
	{"一二三四五六七八九十一二三四五六七八九十", 8, {0, 8, 16}, 3},
	{"12345678901234567890", 6, {0, 6, 12, 18}, 4},
	{"短", 8, {0}, 1},
	{"", 8, {0}, 0},
};

static void test_fills_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fill_cases / sizeof fill_cases[0]; i++) {
		uint32_t cps[512];
		size_t n, *starts;
		size_t lines = break_at(fill_cases[i].text, fill_cases[i].width, cps, &n, &starts);
		assert_int_equal(lines, fill_cases[i].nlines);
		for (size_t k = 0; k < lines; k++)
			assert_int_equal(starts[k], fill_cases[i].starts[k]);
		free(starts);
	}
}

/* Every width from 3 to 20 over a text dense with punctuation. */
static void test_punctuation_rules(void **state)
{
	(void)state;
	const char *text = "全年新收申请36件，上年结转2件。严格落实信息发布“三审”制度，"
			   "开展《条例》学习（共2次），群众获取信息更加便捷、及时；"
			   "“五公开”纳入办文、办会程序。";
	uint32_t cps[512];
	for (int width = 3; width <= 20; width++) {
		size_t n, *starts;
		size_t lines = break_at(text, width, cps, &n, &starts);
		assert_true(lines > 1);
		for (size_t k = 0; k < lines; k++) {
			size_t from = starts[k], to = k + 1 < lines ? starts[k + 1] : n;
			assert_true(to > from);
			assert_true(to - from <= (size_t)width);
			if (k > 0 && is_closing(cps[from]))
				fail_msg("width %d: line %zu starts with closing punctuation", width, k);
			if (k + 1 < lines && is_opening(cps[to - 1]))
				fail_msg("width %d: line %zu ends with opening punctuation", width, k);
		}
		free(starts);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fills_lines),
		cmocka_unit_test(test_punctuation_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
