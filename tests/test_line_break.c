/* Line breaking: widths respected, and the 禁则 of Chinese typesetting:
 * no line starts with closing punctuation, none ends with opening, for
 * the PDF (points, spaces hanging) and the form (columns, spaces fitting). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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

/* Written out here, not taken from line_break.c, so that the test says
 * what a clerk expects of the page. */
static const char closing[] =
	"，。、；：？！）】》」』”’…〕〉｝］．ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ー・";
static const char opening[] = "（【《「『“‘〔〈｛［";

static bool in_list(uint32_t cp, const char *list)
{
	char s[5] = {0};
	s[utf8_encode(cp, s)] = '\0';
	return strstr(list, s) != NULL;
}

static bool is_closing(uint32_t cp)
{
	return in_list(cp, closing);
}

static bool is_opening(uint32_t cp)
{
	return in_list(cp, opening);
}

/* Every width 1: lines of at most width characters. */
static size_t break_at(const char *s, double width, uint32_t *cps, size_t *n, size_t **starts)
{
	*n = decode(s, cps);
	double widths[512];
	for (size_t i = 0; i < *n; i++)
		widths[i] = 1;
	return line_break_lines(cps, widths, *n, width, LINE_BREAK_SPACES_FIT, starts);
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
				fail_msg("width %d: line %zu starts with closing punctuation",
					 width, k);
			if (k + 1 < lines && is_opening(cps[to - 1]))
				fail_msg("width %d: line %zu ends with opening punctuation", width,
					 k);
		}
		free(starts);
	}
}

/* The table itself: every character of the lists above, both ways. */
static void test_table(void **state)
{
	(void)state;
	uint32_t cps[128];
	size_t n = decode(closing, cps);
	for (size_t i = 0; i < n; i++)
		if (line_break_may_start(cps[i]) || !line_break_may_end(cps[i]))
			fail_msg("U+%04X: may start a line, or may not end one", (unsigned)cps[i]);
	n = decode(opening, cps);
	for (size_t i = 0; i < n; i++)
		if (line_break_may_end(cps[i]) || !line_break_may_start(cps[i]))
			fail_msg("U+%04X: may end a line, or may not start one", (unsigned)cps[i]);
	n = decode("中文年报2021—a", cps);
	for (size_t i = 0; i < n; i++)
		assert_true(line_break_may_start(cps[i]) && line_break_may_end(cps[i]));
}

/* Sentences of published reports (the seeds), broken at every width a
 * form or a page could have. */
static const char *const sentences[] = {
	"2021年，函谷关镇党委、政府高度重视政府政务信息公开工作，严格按照市政务公开办的要求，"
	"积极采取措施，认真抓好《政府信息公开条例》的贯彻落实。",
	"落实政务公开与村（居）务公开有效衔接，通过政府网站村务公开栏目、村务公开栏等多种渠道"
	"公开惠农补贴政策及资金发放结果等。",
	"“线上+线下”双管齐下，显著提升基层政务公开标准化规范化水平。线上以嵩县人民政府门户网站、"
	"“嵩县融媒”微信公众号为载体，及时发布本镇重大决策部署、政策解读和重要会议活动。",
	"公开工作落实到位；设立回溯制度，对问题的相关责任人进行问询、追查。",
	"严格遵循政府信息公开条例处理信息公开工作，真正做到“依法公开，真实公正，注重实效，"
	"有利监督”。",
	"本年收费金额（单位：万元，保留4位小数）",
	"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
	"2021 年，章古台镇按照省、市县统一部署，不断加强组织领导，完善工作机制，认真贯彻"
	"《中华人民共和国政府信息公开条例》和上级政府规定的各项要求，扎实推动政府信息公开工作的"
	"有序开展。",
	"3.危及“三安全一稳定”",
	"其他……等等——以及「引文」『再引』，见【注】。",
	"アァアァアァアッアャ", /* small kana: CJ, which UAX #14 alone may break before */
};

/* Checks one breaking of cps[0..n): the 禁则, and the width (what shows:
 * hanging spaces are not drawn). */
static void check_lines(const uint32_t *cps, const double *widths, size_t n, double width,
			enum line_break_spaces spaces, const char *what, size_t s)
{
	size_t *starts;
	size_t lines = line_break_lines(cps, widths, n, width, spaces, &starts);
	assert_true(lines >= 1);
	assert_int_equal(starts[0], 0);
	for (size_t k = 0; k < lines; k++) {
		size_t from = starts[k], to = k + 1 < lines ? starts[k + 1] : n;
		if (to <= from)
			fail_msg("%s %.0f, sentence %zu: line %zu is empty", what, width, s, k);
		size_t shown = to;
		while (spaces == LINE_BREAK_SPACES_HANG && shown > from + 1 &&
		       utf8_is_space(cps[shown - 1]))
			shown--;
		double used = 0;
		for (size_t i = from; i < shown; i++)
			used += widths[i];
		if (used > width + 1e-9)
			fail_msg("%s %.0f, sentence %zu: line %zu is %.0f wide", what, width, s, k,
				 used);
		if (k > 0 && is_closing(cps[from]))
			fail_msg("%s %.0f, sentence %zu: line %zu starts with U+%04X", what, width,
				 s, k, (unsigned)cps[from]);
		if (k + 1 < lines && is_opening(cps[shown - 1]))
			fail_msg("%s %.0f, sentence %zu: line %zu ends with U+%04X", what, width, s,
				 k, (unsigned)cps[shown - 1]);
	}
	free(starts);
}

static void test_sentences(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof sentences / sizeof sentences[0]; s++) {
		uint32_t cps[512];
		double columns[512], points[512];
		size_t n = decode(sentences[s], cps);
		for (size_t i = 0; i < n; i++) {
			columns[i] = utf8_cp_width(cps[i]);
			points[i] = columns[i] * 8; /* 16 pt ideographs, half as wide Latin */
		}
		/* the form: from a narrow terminal to a wide one */
		for (int width = 8; width <= 80; width++)
			check_lines(cps, columns, n, width, LINE_BREAK_SPACES_FIT, "columns", s);
		/* the PDF: a table cell of five characters to the 28 of the text block */
		for (int chars = 5; chars <= 28; chars++)
			for (int extra = 0; extra < 16; extra += 5)
				check_lines(cps, points, n, chars * 16 + extra,
					    LINE_BREAK_SPACES_HANG, "points", s);
	}
}

/* A space may hang past the edge on paper, never on the screen. */
static void test_spaces(void **state)
{
	(void)state;
	uint32_t cps[16];
	double widths[16];
	size_t n = decode("一二三 四五", cps), *starts;
	for (size_t i = 0; i < n; i++)
		widths[i] = 1;
	assert_int_equal(line_break_lines(cps, widths, n, 3, LINE_BREAK_SPACES_HANG, &starts), 2);
	assert_int_equal(starts[1], 4); /* the space stays on line 1, past the edge */
	free(starts);
	/* no line begins with a space (UAX #14): 三 goes down with it */
	assert_int_equal(line_break_lines(cps, widths, n, 3, LINE_BREAK_SPACES_FIT, &starts), 3);
	assert_int_equal(starts[1], 2); /* 三 四 */
	assert_int_equal(starts[2], 5); /* 五 */
	free(starts);
	assert_int_equal(line_break_lines(cps, widths, 0, 3, LINE_BREAK_SPACES_FIT, &starts), 0);
	assert_null(starts);
}

/* A run too long for the line is cut, but not before closing punctuation
 * nor after opening: the cut moves back into the run. */
static void test_long_runs(void **state)
{
	static const struct {
		const char *text;
		double width;
		size_t second; /* where line 2 starts */
	} cases[] = {
		{"1234567890，", 10, 9},
		{"1234567890）。", 10, 9},
		{"123456789（0", 10, 9},
		{"12345678“90", 9, 8},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cps[64];
		size_t n, *starts;
		size_t lines = break_at(cases[i].text, cases[i].width, cps, &n, &starts);
		assert_true(lines >= 2);
		if (starts[1] != cases[i].second)
			fail_msg("\"%s\": line 2 starts at %zu, not %zu", cases[i].text, starts[1],
				 cases[i].second);
		free(starts);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fills_lines), cmocka_unit_test(test_punctuation_rules),
		cmocka_unit_test(test_table),	    cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_spaces),	    cmocka_unit_test(test_long_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
