/* Published labels against official ones: brackets, commas and spaces do
 * not matter; a wrapped label's first part names its row; a label that
 * differs in a word is alike but not equal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import_label.h"

static enum import_match match(const char *published, const char *official)
{
	char *p = import_label_normalize(published), *o = import_label_normalize(official);
	enum import_match m = import_label_match(p, o);
	free(p);
	free(o);
	return m;
}

static void test_spelling_does_not_matter(void **state)
{
	(void)state;
	assert_int_equal(match("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)",
			       "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
			 IMPORT_MATCH_EXACT);
	assert_int_equal(match("1. 属于国家秘密", "1.属于国家秘密"), IMPORT_MATCH_EXACT);
	assert_int_equal(match("**规章**", "规章"), IMPORT_MATCH_EXACT);
	char *n = import_label_normalize("（一）\u3000予以公开");
	assert_string_equal(n, "(一)予以公开");
	free(n);
}

static void test_wrapped_labels_match_by_their_start(void **state)
{
	(void)state;
	assert_int_equal(match("1. 申请人无正当理由逾期不补",
			       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
			 IMPORT_MATCH_PREFIX);
	assert_int_equal(match("（六）其他", "（六）其他处理"), IMPORT_MATCH_PREFIX);
	/* too short to say which row */
	assert_int_equal(match("1.", "1.属于国家秘密"), IMPORT_MATCH_NONE);
	assert_int_equal(match("其他", "3.其他"), IMPORT_MATCH_NONE);
	assert_int_equal(match("他处理", "（六）其他处理"), IMPORT_MATCH_NONE);
}

static void test_likeness(void **state)
{
	(void)state;
	char *a = import_label_normalize("2.其他法律法规禁止公开");
	char *b = import_label_normalize("2.其他法律行政法规禁止公开");
	char *c = import_label_normalize("行政处罚");
	char *d = import_label_normalize("行政强制");
	assert_true(import_label_likeness(a, b) > 0.8);
	assert_true(import_label_likeness(c, d) <= 0.5);
	assert_true(import_label_likeness(a, a) == 1.0);
	assert_true(import_label_likeness(a, "") == 0.0);
	free(a);
	free(b);
	free(c);
	free(d);
}

/* Sub-rows numbered as offices number them are the form's "N." rows. */
static void test_sub_row_numbers(void **state)
{
	(void)state;
	static const char *const styles[] = {"1、属于国家秘密", "（1）属于国家秘密",
					     "(1)属于国家秘密", "①属于国家秘密",
					     "1)属于国家秘密",	"属于国家秘密"};
	for (size_t i = 0; i < sizeof styles / sizeof *styles; i++)
		if (match(styles[i], "1.属于国家秘密") != IMPORT_MATCH_EXACT)
			fail_msg("“%s” does not name 1.属于国家秘密", styles[i]);
	assert_int_equal(match("1、申请人无正当理由逾期不补",
			       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
			 IMPORT_MATCH_PREFIX);
	/* a number that disagrees, and a short unnumbered word, name no row */
	assert_int_equal(match("2、属于国家秘密", "1.属于国家秘密"), IMPORT_MATCH_NONE);
	assert_int_equal(match("(3)其他", "3.其他"), IMPORT_MATCH_EXACT);
	assert_int_equal(match("其他", "3.其他"), IMPORT_MATCH_NONE);
	/* group labels keep their Chinese numbers */
	assert_int_equal(match("(一)予以公开", "（一）予以公开"), IMPORT_MATCH_EXACT);
	char *n = import_label_normalize("（12）其他");
	assert_string_equal(import_label_words(n), "其他");
	free(n);
}

/* Headings are compared wherever they differ: a word inserted, a phrase
 * reworded. */
static void test_similarity(void **state)
{
	(void)state;
	const char *title = "政府信息公开行政复议、行政诉讼情况";
	assert_true(import_label_similarity("政府信息公开行政法复议、行政诉讼情况", title) > 0.9);
	assert_true(import_label_similarity("行政复议和行政诉讼情况", title) > 0.65);
	assert_true(import_label_similarity("政府信息公开平台建设情况", title) < 0.65);
	assert_true(import_label_similarity(title, title) == 1.0);
	assert_true(import_label_similarity(title, "") == 0.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spelling_does_not_matter),
		cmocka_unit_test(test_wrapped_labels_match_by_their_start),
		cmocka_unit_test(test_likeness),
		cmocka_unit_test(test_sub_row_numbers),
		cmocka_unit_test(test_similarity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
