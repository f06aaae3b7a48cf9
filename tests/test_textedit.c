/* The narrative editor: wrapping by display width and line-breaking
 * rules, a cursor that moves by character, all-or-nothing insertion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "textedit.h"
#include "utf8.h"

/* The text of visual line i. */
static void line_text(const struct textedit *e, size_t i, char *out, size_t size)
{
	const struct textedit_line *l = &e->lines[i];
	snprintf(out, size, "%.*s", (int)(l->end - l->start), e->text.data + l->start);
}

static void test_wraps_by_display_width(void **state)
{
	struct textedit e;
	char line[128];
	(void)state;
	/* 10 columns hold five Chinese characters */
	textedit_init(&e, "函谷关镇人民政府认真贯彻落实条例", 1000, 10); /* 16 characters */
	assert_int_equal(e.nlines, 4);
	for (size_t i = 0; i < e.nlines; i++) {
		line_text(&e, i, line, sizeof line);
		assert_true(utf8_width(line) <= 10);
	}
	line_text(&e, 0, line, sizeof line);
	assert_string_equal(line, "函谷关镇人");
	/* an odd width never takes half a character */
	textedit_set_width(&e, 9);
	line_text(&e, 0, line, sizeof line);
	assert_string_equal(line, "函谷关镇");
	textedit_fini(&e);
}

static void test_no_line_starts_with_closing_punctuation(void **state)
{
	static const char *const texts[] = {
		"一二三四五，六七八九十", /* ， would start line 2 */
		"一二三四五。六七八九十", "一二三四五、六七八九十",
		"一二三四“五六七八九十", /* “ would end line 1 */
		"一二三四五）六七八九十", "一二三四五》六七八九十",
	};
	static const char *const never_first[] = {"，", "。", "、", "）", "》"};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct textedit e;
		char line[128];
		textedit_init(&e, texts[i], 1000, 10);
		assert_true(e.nlines >= 2);
		for (size_t k = 0; k < e.nlines; k++) {
			line_text(&e, k, line, sizeof line);
			assert_true(utf8_width(line) <= 10);
			for (size_t p = 0; p < sizeof never_first / sizeof never_first[0]; p++)
				if (strncmp(line, never_first[p], strlen(never_first[p])) == 0)
					fail_msg("line %zu of \"%s\" starts with %s", k, texts[i],
						 never_first[p]);
			size_t len = strlen(line);
			if (len >= 3 && strcmp(line + len - 3, "“") == 0)
				fail_msg("line %zu of \"%s\" ends with “", k, texts[i]);
		}
		textedit_fini(&e);
	}
}

/* A narrative of published sentences (the seeds), wrapped at every width
 * from a narrow terminal to a wide one: lines cover the text in order,
 * fit the width, and keep the 禁则 of the PDF (the same line breaker). */
static void test_seed_narrative(void **state)
{
	static const char text[] =
		"2021年，函谷关镇党委、政府高度重视政府政务信息公开工作，严格按照市政务公开办的要求，"
		"积极采取措施，认真抓好《政府信息公开条例》的贯彻落实。\n"
		"“线上+线下”双管齐下，显著提升基层政务公开标准化规范化水平。线上以嵩县人民政府门户"
		"网站、“嵩县融媒”微信公众号为载体，及时发布本镇重大决策部署、政策解读和重要会议活动。\n"
		"\n"
		"公开工作落实到位；设立回溯制度，对问题的相关责任人进行问询、追查。真正做到“依法公开，"
		"真实公正，注重实效，有利监督”。落实政务公开与村（居）务公开有效衔接。";
	static const char *const never_first[] = {"，", "。", "、", "；", "：", "）", "》", "”"};
	static const char *const never_last[] = {"（", "《", "“"};
	(void)state;
	for (int width = 8; width <= 76; width++) {
		struct textedit e;
		char line[512];
		textedit_init(&e, text, 10000, width);
		size_t at = 0;
		for (size_t k = 0; k < e.nlines; k++) {
			const struct textedit_line *l = &e.lines[k];
			bool continues = k > 0 && l->start == e.lines[k - 1].end;
			if (l->start != at && !(k > 0 && l->start == at + 1 && text[at] == '\n'))
				fail_msg("width %d: line %zu starts at %zu, not after %zu", width,
					 k, l->start, at);
			at = l->end;
			line_text(&e, k, line, sizeof line);
			if (utf8_width(line) > width)
				fail_msg("width %d: line %zu is %d wide", width, k,
					 utf8_width(line));
			for (size_t p = 0;
			     continues && p < sizeof never_first / sizeof *never_first; p++)
				if (strncmp(line, never_first[p], strlen(never_first[p])) == 0)
					fail_msg("width %d: line %zu starts with %s", width, k,
						 never_first[p]);
			bool wrapped = k + 1 < e.nlines && e.lines[k + 1].start == l->end;
			size_t len = strlen(line);
			for (size_t p = 0; wrapped && p < sizeof never_last / sizeof *never_last;
			     p++)
				if (len >= 3 && strcmp(line + len - 3, never_last[p]) == 0)
					fail_msg("width %d: line %zu ends with %s", width, k,
						 never_last[p]);
		}
		assert_int_equal(at, strlen(text));
		textedit_fini(&e);
	}
}

static void test_paragraphs_and_long_runs(void **state)
{
	struct textedit e;
	char line[128];
	(void)state;
	/* an empty paragraph is a line of its own; a long number is cut */
	textedit_init(&e, "甲\n\n12345678901234567890", 1000, 8);
	assert_int_equal(e.nlines, 5);
	line_text(&e, 1, line, sizeof line);
	assert_string_equal(line, "");
	line_text(&e, 2, line, sizeof line);
	assert_string_equal(line, "12345678");
	textedit_fini(&e);
}

static void test_cursor_moves_by_character(void **state)
{
	struct textedit e;
	int column;
	(void)state;
	textedit_init(&e, "a函b", 1000, 40);
	assert_true(textedit_right(&e));
	assert_int_equal(e.cursor, 1);
	assert_true(textedit_right(&e)); /* over all three bytes of 函 */
	assert_int_equal(e.cursor, 4);
	textedit_cursor_line(&e, &column);
	assert_int_equal(column, 3); /* 函 takes two columns */
	assert_true(textedit_backspace(&e));
	assert_string_equal(e.text.data, "ab");
	assert_int_equal(e.cursor, 1);
	assert_true(textedit_left(&e));
	assert_false(textedit_left(&e));
	textedit_fini(&e);
}

static void test_up_and_down_keep_the_column(void **state)
{
	struct textedit e;
	int column;
	(void)state;
	textedit_init(&e, "一二三四五\nab\n六七八九十", 1000, 40);
	textedit_right(&e);
	textedit_right(&e);
	textedit_right(&e); /* column 6, after 三 */
	assert_true(textedit_down(&e, 1));
	assert_int_equal(textedit_cursor_line(&e, &column), 1);
	assert_int_equal(column, 2); /* the end of "ab" */
	assert_true(textedit_down(&e, 1));
	assert_int_equal(textedit_cursor_line(&e, &column), 2);
	assert_int_equal(column, 6); /* back at the goal column */
	assert_false(textedit_down(&e, 1));
	textedit_fini(&e);
}

static void test_end_of_a_wrapped_line(void **state)
{
	struct textedit e;
	int column;
	(void)state;
	textedit_init(&e, "abcdefghij", 1000, 4);
	assert_int_equal(e.nlines, 3);
	textedit_end(&e); /* the end of "abcd", not before its last letter */
	assert_int_equal(e.cursor, 4);
	assert_int_equal(textedit_cursor_line(&e, &column), 0);
	assert_int_equal(column, 4);
	assert_int_equal(textedit_insert(&e, "X", 1), TEXTEDIT_OK);
	assert_string_equal(e.text.data, "abcdXefghij");
	textedit_fini(&e);
	/* moving down from the end of a line keeps to the end of the next */
	textedit_init(&e, "abcdefghijkl", 1000, 4);
	textedit_end(&e);
	assert_true(textedit_down(&e, 1));
	assert_int_equal(e.cursor, 8);
	assert_int_equal(textedit_cursor_line(&e, &column), 1);
	assert_int_equal(column, 4);
	textedit_fini(&e);
}

static void test_a_tab_takes_one_column(void **state)
{
	struct textedit e;
	int column;
	(void)state;
	/* drawn as one space, so it counts one column for wrapping and the cursor */
	textedit_init(&e, "ab\tcdefgh", 1000, 8);
	assert_int_equal(e.nlines, 2); /* nine columns do not fit in eight */
	textedit_set_width(&e, 9);
	assert_int_equal(e.nlines, 1);
	for (int i = 0; i < 4; i++)
		textedit_right(&e);
	textedit_cursor_line(&e, &column);
	assert_int_equal(column, 4); /* after "ab", the tab and "c" */
	textedit_fini(&e);
}

static void test_insert_is_all_or_nothing(void **state)
{
	struct textedit e;
	(void)state;
	textedit_init(&e, "一二", 4, 40);
	assert_int_equal(textedit_insert(&e, "三四五", strlen("三四五")), TEXTEDIT_TOO_LONG);
	assert_string_equal(e.text.data, "一二");
	assert_int_equal(textedit_insert(&e, "a\x01", 2), TEXTEDIT_CONTROL);
	assert_int_equal(textedit_insert(&e, "\xe5\x87", 2), TEXTEDIT_INVALID);
	assert_string_equal(e.text.data, "一二");
	textedit_end(&e);
	assert_int_equal(textedit_insert(&e, "三\n", strlen("三\n")), TEXTEDIT_OK);
	assert_string_equal(e.text.data, "一二三\n");
	assert_int_equal(e.nlines, 2);
	textedit_fini(&e);
}

static void test_kill_and_words(void **state)
{
	struct textedit e;
	(void)state;
	textedit_init(&e, "第一段\n第二段，abc def\n第三段", 1000, 40);
	/* Ctrl-U: from the paragraph's start to the cursor */
	e.cursor = strlen("第一段\n第二段");
	assert_true(textedit_kill_to_start(&e));
	assert_string_equal(e.text.data, "第一段\n，abc def\n第三段");
	assert_false(textedit_kill_to_start(&e));
	/* words: a run of Han characters, of letters, of punctuation */
	e.cursor = strlen("第一段\n");
	assert_true(textedit_word_right(&e));
	assert_int_equal(e.cursor, strlen("第一段\n，"));
	textedit_word_right(&e);
	assert_int_equal(e.cursor, strlen("第一段\n，abc"));
	textedit_word_right(&e);
	assert_int_equal(e.cursor, strlen("第一段\n，abc def"));
	textedit_word_left(&e);
	assert_int_equal(e.cursor, strlen("第一段\n，abc "));
	e.cursor = strlen("第一段\n");
	textedit_word_left(&e);
	assert_int_equal(e.cursor, 0);
	assert_false(textedit_word_left(&e));
	/* Ctrl-K: the whole paragraph and its line break; the last one takes
	 * the line break before it */
	e.cursor = strlen("第一段\n，a");
	assert_true(textedit_kill_paragraph(&e));
	assert_string_equal(e.text.data, "第一段\n第三段");
	assert_int_equal(e.cursor, strlen("第一段\n"));
	assert_true(textedit_kill_paragraph(&e));
	assert_string_equal(e.text.data, "第一段");
	assert_int_equal(e.cursor, 0);
	assert_true(textedit_kill_paragraph(&e));
	assert_string_equal(e.text.data, "");
	assert_false(textedit_kill_paragraph(&e));
	assert_int_equal(e.nlines, 1);
	textedit_fini(&e);
}

/* Wrapping again only the edited paragraphs gives the lines a whole new
 * layout would: a few hundred edits anywhere, line breaks among them. */
static void test_rewrap_of_the_edited_paragraph(void **state)
{
	(void)state;
	static const char *const pieces[] = {"函谷关镇", "，",	   "\n",  "abc ",
					     "。",	 "2024年", "\n\n"};
	struct textedit e, whole;
	textedit_init(&e,
		      "第一段文字，政府信息公开。\n第二段\n\n第四段较长的一段文字，需要折行显示。",
		      1000, 12);
	unsigned seed = 7;
	for (int k = 0; k < 400; k++) {
		seed = seed * 1103515245u + 12345u;
		size_t at = (seed >> 8) % (e.text.len + 1);
		while (at > 0 && ((unsigned char)e.text.data[at] & 0xC0) == 0x80)
			at--;
		e.cursor = at;
		if ((seed >> 4) % 3 == 0 && e.text.len > 0) {
			textedit_backspace(&e);
		} else if ((seed >> 4) % 3 == 1) {
			textedit_delete(&e);
		} else {
			const char *p = pieces[(seed >> 12) % (sizeof pieces / sizeof pieces[0])];
			textedit_insert(&e, p, strlen(p));
		}
		textedit_init(&whole, e.text.data, 1000, 12);
		if (whole.nlines != e.nlines)
			fail_msg("edit %d: %zu lines, not %zu", k, e.nlines, whole.nlines);
		for (size_t i = 0; i < e.nlines; i++)
			if (e.lines[i].start != whole.lines[i].start ||
			    e.lines[i].end != whole.lines[i].end)
				fail_msg("edit %d: line %zu differs", k, i);
		textedit_fini(&whole);
	}
	textedit_fini(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wraps_by_display_width),
		cmocka_unit_test(test_no_line_starts_with_closing_punctuation),
		cmocka_unit_test(test_seed_narrative),
		cmocka_unit_test(test_paragraphs_and_long_runs),
		cmocka_unit_test(test_cursor_moves_by_character),
		cmocka_unit_test(test_up_and_down_keep_the_column),
		cmocka_unit_test(test_end_of_a_wrapped_line),
		cmocka_unit_test(test_a_tab_takes_one_column),
		cmocka_unit_test(test_insert_is_all_or_nothing),
		cmocka_unit_test(test_kill_and_words),
		cmocka_unit_test(test_rewrap_of_the_edited_paragraph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
