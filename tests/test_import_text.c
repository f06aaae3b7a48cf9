/* Splitting published text into lines and cells: every layout offices
 * use gives the same cells, at the right line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "import_blocks.h"
#include "import_text.h"

struct expected_cell {
	const char *text;
	int column;
	bool numeric;
};

static const struct {
	const char *line;
	size_t ncells;
	struct expected_cell cells[8];
} cases[] = {
	{"规章\t0\t0\t0", 4, {{"规章", 1, false}, {"0", 4, true}, {"0", 6, true}, {"0", 8, true}}},
	{"\t\u3000\u30000", 1, {{"0", 4, true}}}, /* fullwidth spaces before a number */
	{"行政许可\t0\t\t", 2, {{"行政许可", 1, false}, {"0", 6, true}}},
	{"规章                       0             0",
	 3,
	 {{"规章", 1, false}, {"0", 26, true}, {"0", 40, true}}},
	{"行政许可 0", 2, {{"行政许可", 1, false}, {"0", 6, true}}},
	{"1. 属于国家秘密\t0", 2, {{"1. 属于国家秘密", 1, false}, {"0", 11, true}}},
	{"**一是**信息公开", 1, {{"一是信息公开", 1, false}}},
	{"１２\t-1\t1,234\t12.5\t1.\t3.其他",
	 6,
	 {{"１２", 1, true},
	  {"-1", 4, true},
	  {"1,234", 7, true},
	  {"12.5", 13, true},
	  {"1.", 18, false},
	  {"3.其他", 21, false}}},
	{"", 0, {{NULL, 0, false}}},
};

static void read_rows(struct import_blocks *b, struct import_rows *t, const char *text)
{
	import_text_read(b, text, strlen(text));
	import_rows_of(t, b);
}

static void done(struct import_blocks *b, struct import_rows *t)
{
	import_rows_fini(t);
	import_blocks_fini(b);
}

static void test_cells_of_each_layout(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct import_blocks b;
		struct import_rows t;
		read_rows(&b, &t, cases[i].line);
		assert_int_equal(t.n, 1);
		const struct import_row *l = t.at[0];
		if (l->ncells != cases[i].ncells)
			fail_msg("“%s”: %zu cells, expected %zu", cases[i].line, l->ncells,
				 cases[i].ncells);
		for (size_t c = 0; c < l->ncells; c++) {
			assert_string_equal(l->cells[c].text, cases[i].cells[c].text);
			assert_int_equal(l->cells[c].column, cases[i].cells[c].column);
			assert_int_equal(l->cells[c].numeric, cases[i].cells[c].numeric);
			assert_int_equal(l->cells[c].line, 1);
		}
		done(&b, &t);
	}
}

static void test_lines_lose_marks_and_keep_indent(void **state)
{
	(void)state;
	const char *text = "## 二、主动公开政府信息情况\r\n\u3000\u3000正文。   \n\n#不是标题\n";
	struct import_blocks b;
	struct import_rows t;
	read_rows(&b, &t, text);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.at[0]->text, "二、主动公开政府信息情况");
	assert_int_equal(t.block[0]->kind, IMPORT_BLOCK_HEADING);
	assert_string_equal(t.at[1]->text, "\u3000\u3000正文。");
	assert_int_equal(t.block[1]->kind, IMPORT_BLOCK_PARAGRAPH);
	assert_string_equal(t.at[2]->text, "");
	assert_string_equal(t.at[3]->text, "#不是标题");
	assert_int_equal(t.at[3]->number, 4);
	done(&b, &t);
}

static void test_a_line_keeps_at_most_its_cells(void **state)
{
	(void)state;
	char line[4 * 500 + 1];
	for (int i = 0; i < 500; i++)
		memcpy(line + 2 * i, "0\t", 2);
	line[1000] = '\0';
	struct import_blocks b;
	struct import_rows t;
	read_rows(&b, &t, line);
	assert_int_equal(t.at[0]->ncells, IMPORT_LINE_MAX_CELLS);
	assert_int_equal(t.at[0]->ncells_seen, 500);
	done(&b, &t);
}

/* Lines of two or more cells in a row make one table, one grid row each;
 * a line of one cell between them ends it. */
static void test_runs_of_cells_are_tables(void **state)
{
	(void)state;
	const char *text = "信息内容\t本年制发件数\n规章\t0\t1\n行政许可 5\n说明\n行政处罚\t2\n";
	struct import_blocks b;
	struct import_rows t;
	read_rows(&b, &t, text);
	assert_int_equal(b.nblocks, 3); /* table of 3 rows, paragraph, table */
	assert_int_equal(b.blocks[0].kind, IMPORT_BLOCK_TABLE);
	assert_int_equal(b.blocks[0].nrows, 3);
	assert_int_equal(b.blocks[0].ncolumns, 3);
	assert_int_equal(b.blocks[0].rows[1].cells[2].col, 2);
	assert_string_equal(b.blocks[0].rows[2].cells[1].text, "5");
	assert_int_equal(b.blocks[1].kind, IMPORT_BLOCK_PARAGRAPH);
	assert_string_equal(b.blocks[1].rows[0].text, "说明");
	assert_int_equal(b.blocks[2].kind, IMPORT_BLOCK_TABLE);
	assert_int_equal(b.blocks[2].rows[0].number, 5);
	assert_int_equal(t.n, 5);
	done(&b, &t);
}

/* The page number pdftotext leaves at a page's foot, before its form
 * feed, is no part of the report; a bare number there may be a cell. */
static void test_page_numbers_before_form_feeds_are_dropped(void **state)
{
	(void)state;
	const char *text = "正文一\n        -1-\n\f正文二\n3\n\f正文三\n\n    — 3 —\n\f";
	struct import_blocks b;
	struct import_rows t;
	read_rows(&b, &t, text);
	assert_int_equal(t.n, 6);
	assert_string_equal(t.at[0]->text, "正文一");
	assert_string_equal(t.at[1]->text, "正文二");
	assert_string_equal(t.at[2]->text, "3");
	assert_string_equal(t.at[4]->text, "");
	assert_int_equal(t.at[5]->number, 8); /* the last line, after "— 3 —" */
	done(&b, &t);
	assert_true(import_text_is_page_number("第 4 页"));
	assert_true(import_text_is_page_number("5/9"));
	assert_false(import_text_is_page_number("第四页"));
	assert_false(import_text_is_page_number("2023年"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_of_each_layout),
		cmocka_unit_test(test_lines_lose_marks_and_keep_indent),
		cmocka_unit_test(test_a_line_keeps_at_most_its_cells),
		cmocka_unit_test(test_runs_of_cells_are_tables),
		cmocka_unit_test(test_page_numbers_before_form_feeds_are_dropped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
