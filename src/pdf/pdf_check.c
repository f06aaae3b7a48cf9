/* The printability check; see pdf_check.h. */
#include "pdf_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "font_set.h"
#include "form.h"
#include "narrative.h"
#include "report.h"
#include "template.h"
#include "templates.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_PROBLEMS 30

struct checker {
	struct font_set *fonts;
	struct diag_list *diags;
	size_t problems;
};

/* Where the level-2 heading of the paragraph at text[i..len) lies, in
 * bytes of text: [*from, *to), empty when there is none. */
static void paragraph_heading(const char *text, size_t i, size_t len, size_t *from, size_t *to)
{
	const char *nl = memchr(text + i, '\n', len - i);
	size_t end = nl ? (size_t)(nl - text) : len, start, head_end;
	*from = *to = 0;
	if (narrative_heading(text + i, end - i, &start, &head_end)) {
		*from = i + start;
		*to = i + head_end;
	}
}

/* where: how a person finds the text ("“一、总体情况”", "标题"); path
 * and mark: its cell, if it is one.  narrative: the level-2 headings of
 * its paragraphs are printed in the heading2 role. */
static void check_text(struct checker *c, enum font_role role, const char *text, const char *where,
		       const char *path, struct report_mark mark, bool narrative)
{
	size_t len = strlen(text), line = 1, column = 0, head_from = 0, head_to = 0;
	bool multiline = strchr(text, '\n') != NULL;
	uint32_t reported[MAX_PROBLEMS];
	size_t nreported = 0;
	if (narrative)
		paragraph_heading(text, 0, len, &head_from, &head_to);
	for (size_t i = 0; i < len && c->problems < MAX_PROBLEMS;) {
		uint32_t cp;
		size_t here = i;
		bool valid;
		size_t used = utf8_decode(text + i, len - i, &cp, &valid);
		char ch[5] = {0};
		memcpy(ch, text + i, used);
		i += used;
		if (cp == '\n') {
			line++;
			column = 0;
			if (narrative)
				paragraph_heading(text, i, len, &head_from, &head_to);
			continue;
		}
		column++;
		if (cp == '\t')
			continue;
		int face;
		enum font_role as = here >= head_from && here < head_to ? FONT_ROLE_HEADING2 : role;
		char *problem = font_set_problem(c->fonts, as, cp, &face);
		if (!problem)
			continue;
		bool seen = false;
		for (size_t k = 0; k < nreported && !seen; k++)
			seen = reported[k] == cp;
		if (!seen) {
			reported[nreported++] = cp;
			char *message = xasprintf(
				"%s第 %zu 行第 %zu 个字“%s”（U+%04X）无法印进 PDF：%s", where, line,
				column, ch, (unsigned)cp, problem);
			/* a text of several lines is a block scalar, whose mark is its
			 * indicator (|) and whose line k is k lines below it */
			struct report_mark at = mark;
			if (mark.line && multiline)
				at = (struct report_mark){mark.line + (int)line, 1};
			diag_list_add(c->diags, DIAG_ERROR, PDF_CHECK_RULE, path, at.line,
				      at.column, message);
			free(message);
			c->problems++;
		}
		free(problem);
	}
}

bool pdf_check_report(const struct report *r, struct font_set *fonts, struct diag_list *diags)
{
	struct checker c = {.fonts = fonts, .diags = diags};
	const struct form *f = r->form;
	struct report_mark none = {0, 0};
	char *title = report_title(r);
	check_text(&c, FONT_ROLE_TITLE, title, "标题", "organ", r->key_marks[REPORT_KEY_ORGAN],
		   false);
	free(title);
	check_text(&c, FONT_ROLE_BODY, r->organ, "发布机关", "organ",
		   r->key_marks[REPORT_KEY_ORGAN], false);
	/* the wording of templates/ with every digit in place of the numbers */
	const struct template_var digits[] = {
		{"year", "0123456789"}, {"month", ""}, {"day", ""}, {"page", "0123456789"}};
	struct buf own;
	buf_init(&own);
	templates_expand(&own, TEMPLATES_SIGNATURE_DATE, digits, 3);
	check_text(&c, FONT_ROLE_BODY, own.data, "成文日期", NULL, none, false);
	buf_clear(&own);
	templates_expand(&own, TEMPLATES_PDF_PAGE_NUMBER, digits + 3, 1);
	check_text(&c, FONT_ROLE_BODY, own.data, "页码", NULL, none, false);
	buf_fini(&own);
	if (r->draft)
		check_text(&c, FONT_ROLE_TITLE, templates_get(TEMPLATES_PDF_DRAFT_MARK), "草稿标记",
			   NULL, none, false);
	for (size_t s = 0; s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		check_text(&c, FONT_ROLE_HEADING, sec->heading, "标题", NULL, none, false);
		for (size_t i = 0; i < sec->nitems; i++) {
			const struct form_item *item = &sec->items[i];
			if (item->kind == FORM_ITEM_TEXT) {
				char *where = xasprintf("“%s”", sec->heading);
				const struct form_cell *cell = &f->cells[item->index];
				check_text(&c, FONT_ROLE_BODY, r->texts[item->index], where,
					   cell->path, r->marks[item->index], true);
				free(where);
				continue;
			}
			const struct form_table *t = &f->tables[item->index];
			if (t->title)
				check_text(&c, FONT_ROLE_TABLE, t->title, "表格标题", NULL, none,
					   false);
			if (t->label_header)
				check_text(&c, FONT_ROLE_TABLE, t->label_header, "表头", NULL, none,
					   false);
			for (size_t k = 0; k < t->columns->ncolumns; k++) {
				const struct form_column *col = &t->columns->columns[k];
				check_text(&c, FONT_ROLE_TABLE, col->label, "表头", NULL, none,
					   false);
				for (size_t g = 0; g < col->ngroups; g++)
					check_text(&c, FONT_ROLE_TABLE, col->groups[g], "表头",
						   NULL, none, false);
			}
			for (size_t k = 0; k < t->nrows; k++)
				check_text(&c, FONT_ROLE_TABLE, t->rows[k].label, "表格行名", NULL,
					   none, false);
			check_text(&c, FONT_ROLE_TABLE, "0123456789.", "表格数字", NULL, none,
				   false);
		}
	}
	return c.problems == 0;
}
