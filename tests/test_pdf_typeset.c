/* The typeset pages, before libharu: body text on the grid of 22 lines
 * of GB/T 9704, inside the text block, page numbers in the 公文 style on
 * the side of each page's outer edge, table headers repeated. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "font_roles.h"
#include "font_set.h"
#include "form.h"
#include "pdf_layout.h"
#include "pdf_table.h"
#include "pdf_title.h"
#include "pdf_typeset.h"
#include "report.h"
#include "support.h"

struct typeset {
	struct font_set fonts;
	struct pdf_layout layout;
	struct report *report;
};

/* Typesets report r, which t takes over, with the fonts of roles.conf. */
static void typeset_report(struct report *r, struct typeset *t)
{
	struct font_roles roles;
	char *error = NULL;
	assert_int_equal(font_roles_load(font_roles_dir(), &roles, &error), 0);
	assert_int_equal(font_set_open(&t->fonts, &roles, &error), 0);
	font_roles_fini(&roles);
	t->report = r;
	pdf_layout_init(&t->layout);
	pdf_typeset_report(t->report, &t->fonts, 0, &t->layout);
}

static void typeset(const char *name, struct typeset *t)
{
	typeset_report(test_load(name), t);
}

static void typeset_fini(struct typeset *t)
{
	pdf_layout_fini(&t->layout);
	font_set_close(&t->fonts);
	report_free(t->report);
}

static bool is_page_number(const struct pdf_item *it)
{
	return it->kind == PDF_ITEM_TEXT && it->size == PDF_PAGE_NUMBER_SIZE;
}

/* Steps through every item of every page (start with *p = *i = 0); *p is
 * the page of the item returned. */
static const struct pdf_item *next_item(const struct pdf_layout *l, size_t *p, size_t *i)
{
	while (*p < l->count) {
		if (*i < l->pages[*p].count)
			return &l->pages[*p].items[(*i)++];
		(*p)++;
		*i = 0;
	}
	return NULL;
}

/* The text item that starts with text, or NULL; *page is its page. */
static const struct pdf_item *find_text(const struct pdf_layout *l, const char *text, size_t *page)
{
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(l, &p, &i));)
		if (it->kind == PDF_ITEM_TEXT && strncmp(it->text, text, strlen(text)) == 0) {
			if (page)
				*page = p;
			return it;
		}
	return NULL;
}

/* Each level in its face: level-1 headings in the heading role (黑体),
 * the （一） openings in heading2 (楷体), on the same line as the body
 * text after them, which is in the body role. */
static void test_faces_per_level(void **state)
{
	(void)state;
	struct typeset t;
	typeset("example-2024.yaml", &t);
	const struct pdf_item *h1 = find_text(&t.layout, "一、总体情况", NULL);
	const struct pdf_item *h2 = find_text(&t.layout, "（一）主动公开。", NULL);
	const struct pdf_item *rest = find_text(&t.layout, "全年通过县政府门户网站", NULL);
	const struct pdf_item *body = find_text(&t.layout, "2024年", NULL);
	assert_non_null(h1);
	assert_non_null(h2);
	assert_non_null(rest);
	assert_non_null(body);
	assert_int_equal(h1->face, t.fonts.primary[FONT_ROLE_HEADING]);
	assert_string_equal(h2->text, "（一）主动公开。");
	assert_int_equal(h2->face, t.fonts.primary[FONT_ROLE_HEADING2]);
	assert_int_equal(rest->face, t.fonts.primary[FONT_ROLE_BODY]);
	assert_int_equal(body->face, t.fonts.primary[FONT_ROLE_BODY]);
	assert_true(h1->face != h2->face && h2->face != body->face && h1->face != body->face);
	/* run in: the rest follows the heading on its baseline */
	assert_true(fabs(rest->y - h2->y) < 1e-6);
	assert_true(rest->x > h2->x + 7 * PDF_BODY_SIZE);
	typeset_fini(&t);
}

/* The distinct baselines of text on page p below y (page numbers aside). */
static size_t lines_below(const struct pdf_page *page, double y)
{
	double seen[256];
	size_t n = 0;
	for (size_t i = 0; i < page->count; i++) {
		const struct pdf_item *it = &page->items[i];
		if (it->kind != PDF_ITEM_TEXT || is_page_number(it) || it->y > y - 1)
			continue;
		bool known = false;
		for (size_t k = 0; k < n && !known; k++)
			known = fabs(seen[k] - it->y) < 1;
		if (!known && n < 256)
			seen[n++] = it->y;
	}
	return n;
}

/* On every seed and the long report: a heading of either level has at
 * least two lines of what follows below it on its page, and table 三's
 * first page holds its header and three rows. */
static void test_keeps(void **state)
{
	static const char *const names[] = {"example-2024.yaml", "seed-000.yaml", "seed-001.yaml",
					    "seed-002.yaml",	 "seed-003.yaml", "seed-004.yaml",
					    "pdf/long-2024.yaml"};
	(void)state;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		struct typeset t;
		typeset(names[k], &t);
		int h1 = t.fonts.primary[FONT_ROLE_HEADING],
		    h2 = t.fonts.primary[FONT_ROLE_HEADING2];
		size_t headings = 0;
		const struct pdf_item *it;
		for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));) {
			if (it->kind != PDF_ITEM_TEXT || (it->face != h1 && it->face != h2) ||
			    it->size != PDF_BODY_SIZE)
				continue;
			headings++;
			/* a run-in heading's own line is one of the two */
			const struct pdf_page *pg = &t.layout.pages[p];
			bool run_in = false;
			for (size_t j = 0; j < pg->count; j++)
				run_in |= pg->items[j].kind == PDF_ITEM_TEXT &&
					  fabs(pg->items[j].y - it->y) < 1 &&
					  pg->items[j].x > it->x + 1;
			size_t after = lines_below(pg, it->y + 2) - (run_in ? 0 : 1);
			/* (on the last page, less may be all there is to follow) */
			if (after < 2 && p + 1 < t.layout.count)
				fail_msg("%s page %zu: \"%s\" has %zu lines after it", names[k],
					 p + 1, it->text, after);
		}
		assert_true(headings >= 6);
		size_t page;
		assert_non_null(find_text(&t.layout, "申请人情况", &page));
		const char *rows[] = {"一、本年新收", "二、上年结转", "（一）予以公开"};
		for (size_t r = 0; r < 3; r++) {
			size_t on;
			assert_non_null(find_text(&t.layout, rows[r], &on));
			if (on != page)
				fail_msg("%s: table 三 starts on page %zu, its row %s is on %zu",
					 names[k], page + 1, rows[r], on + 1);
		}
		typeset_fini(&t);
	}
}

/* True when the line of a header cell, text, begun at the start of
 * label, ends where the form lets it break (or is all of it). */
static bool ends_at_break(const struct form *f, const char *label, const char *text)
{
	size_t n = strlen(text);
	if (strncmp(label, text, n) != 0 || n == strlen(label))
		return true; /* not a first line of label */
	const char *breaks = form_label_breaks(f, label);
	if (!breaks)
		return false;
	size_t at = 0;
	for (const char *c = breaks; *c; c++) {
		if (*c == '|' && at == n)
			return true;
		at += *c != '|';
	}
	return false;
}

/* True when an item of page, on the line below it, goes on with the
 * rest of label after it: it is label's first line. */
static bool continued(const struct pdf_page *page, const struct pdf_item *it, const char *label)
{
	const char *rest = label + strlen(it->text);
	for (size_t i = 0; i < page->count; i++) {
		const struct pdf_item *q = &page->items[i];
		if (q->kind == PDF_ITEM_TEXT && q->y < it->y - 1 &&
		    q->y > it->y - 2 * PDF_TABLE_SIZE &&
		    strncmp(rest, q->text, strlen(q->text)) == 0)
			return true;
	}
	return false;
}

static void check_header_label(const struct form *f, const struct pdf_layout *l, const char *name,
			       const char *label)
{
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(l, &p, &i));)
		if (it->kind == PDF_ITEM_TEXT && it->size == PDF_TABLE_SIZE &&
		    !ends_at_break(f, label, it->text) && continued(&l->pages[p], it, label))
			fail_msg("%s page %zu: the header \"%s\" is broken after \"%s\"", name,
				 p + 1, label, it->text);
}

/* Header labels wrap only between the words label_breaks marks. */
static void test_header_words(void **state)
{
	static const char *const names[] = {"example-2024.yaml", "seed-002.yaml",
					    "pdf/wide-numbers.yaml"};
	(void)state;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		struct typeset t;
		typeset(names[k], &t);
		const struct form *f = t.report->form;
		for (size_t s = 0; s < f->ncolumn_sets; s++)
			for (size_t c = 0; c < f->column_sets[s].ncolumns; c++) {
				const struct form_column *col = &f->column_sets[s].columns[c];
				check_header_label(f, &t.layout, names[k], col->label);
				for (size_t g = 0; g < col->ngroups; g++)
					check_header_label(f, &t.layout, names[k], col->groups[g]);
			}
		/* the appeals table's rows head columns where it is one row (not
		 * with wide-numbers' nine digits) */
		size_t appeals = form_find_table(f, "appeals");
		for (size_t r = 0; k < 2 && r < f->tables[appeals].nrows; r++)
			check_header_label(f, &t.layout, names[k],
					   f->tables[appeals].rows[r].label);
		typeset_fini(&t);
	}
	/* a word at a break point of the form, printed on a line of its own */
	struct typeset t;
	typeset("example-2024.yaml", &t);
	assert_non_null(find_text(&t.layout, "商业", NULL));
	assert_null(find_text(&t.layout, "商业企", NULL));
	typeset_fini(&t);
}

/* Organ names break between their words only. */
static void test_organ_words(void **state)
{
	static const struct {
		const char *organ, *words;
	} cases[] = {
		{"青岚县政务服务管理办公室", "青岚县|政务服务|管理办公室"},
		{"函谷关镇人民政府", "函谷关镇|人民政府"},
		{"淮安市洪泽区人民政府", "淮安市|洪泽区|人民政府"},
		{"某市市场监督管理局", "某市|市场监督管理局"},
		{"某县发展和改革委员会", "某县|发展和改革委员会"},
		{"某县政务服务中心", "某县|政务服务中心"},
		{"某县县委办公室", "某县|县委|办公室"},
		{"章古台镇", "章古台镇"},
	};
	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t n;
		uint32_t *cps = pdf_decode(cases[k].organ, strlen(cases[k].organ), &n);
		bool breaks[64];
		pdf_title_organ_breaks(cps, n, breaks);
		char got[256] = "";
		for (size_t i = 0; i < n; i++) {
			char ch[5] = {0};
			size_t len = strlen(got);
			if (breaks[i])
				got[len++] = '|';
			/* the organs here are all three-byte characters */
			ch[0] = (char)(0xE0 | cps[i] >> 12);
			ch[1] = (char)(0x80 | (cps[i] >> 6 & 63));
			ch[2] = (char)(0x80 | (cps[i] & 63));
			memcpy(got + len, ch, 4);
		}
		assert_string_equal(got, cases[k].words);
		free(cps);
	}
}

/* The title in 梯形 shape, broken between words: a joint organ's name
 * wraps at 政务服务|管理办公室, each line no longer than the next. */
static void test_title_shape(void **state)
{
	static const char *const organs[] = {"青岚县人民政府办公室青岚县政务服务管理办公室",
					     "淮安市洪泽区人民政府", "示例县人民政府"};
	static const char *const first[] = {"青岚县人民政府办公室青岚县政务服务",
					    "淮安市洪泽区人民政府", "示例县人民政府2024年"};
	(void)state;
	for (size_t k = 0; k < sizeof organs / sizeof organs[0]; k++) {
		struct typeset t;
		struct report *r = test_load("example-2024.yaml");
		report_set_organ(r, organs[k]);
		typeset_report(r, &t);
		const struct pdf_page *page = &t.layout.pages[0];
		const struct pdf_item *lines[4];
		size_t n = 0;
		for (size_t i = 0; i < page->count && n < 4; i++)
			if (page->items[i].kind == PDF_ITEM_TEXT &&
			    page->items[i].size == PDF_TITLE_SIZE)
				lines[n++] = &page->items[i];
		assert_int_equal(n, 2);
		assert_string_equal(lines[0]->text, first[k]);
		/* centred: the shorter line starts further right */
		assert_true(lines[0]->x >= lines[1]->x - 0.01);
		typeset_fini(&t);
	}
}

static void test_body_on_the_grid(void **state)
{
	(void)state;
	struct typeset t;
	typeset("pdf/long-2024.yaml", &t);
	size_t lines = 0;
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));) {
		if (it->kind != PDF_ITEM_TEXT || it->size != PDF_BODY_SIZE)
			continue;
		/* which of the page's 22 lines its baseline sits on */
		double line = (PDF_PAGE_HEIGHT - it->y - PDF_BLOCK_TOP - PDF_LINE_PITCH / 2 -
			       0.36 * PDF_BODY_SIZE) /
			      PDF_LINE_PITCH;
		if (fabs(line - round(line)) > 1e-6 || line < -1e-6 ||
		    line > PDF_LINES_PER_PAGE - 1 + 1e-6)
			fail_msg("page %zu: \"%s\" is off the grid (line %.3f)", p + 1, it->text,
				 line);
		if (it->x < PDF_BLOCK_LEFT - 1e-6)
			fail_msg("page %zu: \"%s\" starts left of the text block", p + 1, it->text);
		lines++;
	}
	assert_true(lines > 60); /* three pages of narrative and more */
	typeset_fini(&t);
}

static void test_page_numbers(void **state)
{
	(void)state;
	struct typeset t;
	typeset("pdf/long-2024.yaml", &t);
	assert_true(t.layout.count >= 6);
	size_t *numbers = calloc(t.layout.count, sizeof *numbers);
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));) {
		if (!is_page_number(it))
			continue;
		char want[32];
		snprintf(want, sizeof want, "— %zu —", p + 1);
		assert_string_equal(it->text, want);
		/* below the text block; odd pages on the right, even on the left */
		assert_true(it->y < PDF_PAGE_HEIGHT - PDF_BLOCK_TOP - PDF_BLOCK_HEIGHT);
		if (p % 2 == 0)
			assert_true(it->x > PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH / 2);
		else
			assert_true(it->x < PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH / 2);
		numbers[p]++;
	}
	for (size_t p = 0; p < t.layout.count; p++)
		assert_int_equal(numbers[p], 1);
	free(numbers);
	typeset_fini(&t);
}

/* The requests table crosses a page in the long report: its header is on
 * both pages. */
static void test_header_repeated(void **state)
{
	(void)state;
	struct typeset t;
	typeset("pdf/long-2024.yaml", &t);
	size_t pages_with_header = 0, last = (size_t)-1;
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));)
		if (it->kind == PDF_ITEM_TEXT && strcmp(it->text, "申请人情况") == 0 && p != last) {
			pages_with_header++;
			last = p;
		}
	assert_int_equal(pages_with_header, 2);
	typeset_fini(&t);
}

/* Rules stay inside the text block, and a table's cells share edges. */
static void test_rules_inside(void **state)
{
	(void)state;
	struct typeset t;
	typeset("pdf/wide-numbers.yaml", &t);
	size_t rules = 0;
	const struct pdf_item *it;
	for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));) {
		if (it->kind != PDF_ITEM_RULE)
			continue;
		double right = PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH + 0.01;
		double bottom = PDF_PAGE_HEIGHT - PDF_BLOCK_TOP - PDF_BLOCK_HEIGHT - 0.01;
		double top = PDF_PAGE_HEIGHT - PDF_BLOCK_TOP + 0.01;
		if (it->x < PDF_BLOCK_LEFT - 0.01 || it->x2 > right || it->y < bottom ||
		    it->y2 < bottom || it->y > top || it->y2 > top)
			fail_msg("page %zu: a rule from (%.1f, %.1f) to (%.1f, %.1f) leaves "
				 "the text block",
				 p + 1, it->x, it->y, it->x2, it->y2);
		rules++;
	}
	assert_true(rules > 100);
	typeset_fini(&t);
}

/* A paragraph's leading spaces, of any width (NBSP, EM SPACE, U+3000), give
 * way to the two-character indent of the grid: they neither print nor
 * push the first line to the right. */
static void test_leading_spaces(void **state)
{
	static const char *const overviews[] = {
		"甲乙丙丁。",	  "\xc2\xa0\xc2\xa0甲乙丙丁。", "\xe2\x80\x83甲乙丙丁。",
		"　　甲乙丙丁。", " \t　\xc2\xa0甲乙丙丁。",
	};
	(void)state;
	for (size_t k = 0; k < sizeof overviews / sizeof overviews[0]; k++) {
		struct typeset t;
		struct report *r = test_load("example-2024.yaml");
		report_set_text(r, test_cell("text.overview"), overviews[k], strlen(overviews[k]));
		typeset_report(r, &t);
		const struct pdf_item *it, *found = NULL;
		for (size_t p = 0, i = 0; (it = next_item(&t.layout, &p, &i));)
			if (it->kind == PDF_ITEM_TEXT && strstr(it->text, "甲乙丙丁"))
				found = it;
		if (!found)
			fail_msg("overview %zu is not on the page", k);
		if (strncmp(found->text, "甲", strlen("甲")) != 0 ||
		    fabs(found->x - (PDF_BLOCK_LEFT + 2 * PDF_CHAR_PITCH)) > 1e-6)
			fail_msg("overview %zu: \"%s\" at x %.2f, not indented by two characters",
				 k, found->text, found->x);
		typeset_fini(&t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_on_the_grid),
		cmocka_unit_test(test_page_numbers),
		cmocka_unit_test(test_header_repeated),
		cmocka_unit_test(test_rules_inside),
		cmocka_unit_test(test_leading_spaces),
		cmocka_unit_test(test_faces_per_level),
		cmocka_unit_test(test_keeps),
		cmocka_unit_test(test_header_words),
		cmocka_unit_test(test_organ_words),
		cmocka_unit_test(test_title_shape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
