/* Regenerating last year's report as this year's draft; see draft.h. */
#include "draft.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "xalloc.h"

const char draft_rewrite_mark[] = "【待改写】以下是上年报告的原文，其中的年份已改为本年，请按本年情况改写。";

/* Replaces every $name in pattern with value. */
static char *substitute(const char *pattern, const char *name, const char *value)
{
	struct buf b;
	buf_init(&b);
	size_t nlen = strlen(name);
	for (const char *p = pattern; *p;) {
		if (strncmp(p, name, nlen) == 0) {
			buf_adds(&b, value);
			p += nlen;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

/* Sets cell lhs of draft to cell prev of last, when both exist. */
static void carry(struct report *draft, const struct report *last, const char *lhs,
		  const char *prev)
{
	const struct form *f = draft->form;
	size_t to = form_find_cell(f, lhs), from = form_find_cell(f, prev);
	if (to != FORM_NONE && from != FORM_NONE && f->cells[to].type != FORM_TEXT)
		draft->numbers[to] = last->numbers[from];
}

/* One cross-year rule "LHS = prev:CELL ...", expanded over its table. */
static void carry_rule(struct report *draft, const struct report *last, const struct form_rule *rule)
{
	const char *eq = strstr(rule->assert, " = ");
	const char *prev = eq ? strstr(eq, "prev:") : NULL;
	if (!prev)
		return;
	char *lhs = xstrndup(rule->assert, (size_t)(eq - rule->assert));
	prev += strlen("prev:");
	char *source = xstrndup(prev, strcspn(prev, " "));
	const struct form *f = draft->form;
	size_t table = rule->table ? form_find_table(f, rule->table) : FORM_NONE;
	if (table == FORM_NONE || !rule->each) {
		carry(draft, last, lhs, source);
	} else if (strcmp(rule->each, "column") == 0) {
		for (size_t c = 0; c < f->tables[table].columns->ncolumns; c++) {
			char index[24];
			snprintf(index, sizeof index, "%zu", c);
			char *l = substitute(lhs, "$c", index), *s = substitute(source, "$c", index);
			carry(draft, last, l, s);
			free(l);
			free(s);
		}
	} else if (strcmp(rule->each, "row") == 0) {
		const struct form_table *t = &f->tables[table];
		for (size_t r = 0; r < t->nrows; r++) {
			if (t->rows[r].group || !t->rows[r].path)
				continue;
			char *l = substitute(lhs, "$row", t->rows[r].path);
			char *s = substitute(source, "$row", t->rows[r].path);
			carry(draft, last, l, s);
			free(l);
			free(s);
		}
	}
	free(lhs);
	free(source);
}

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The narrative with the mark on top and year (as a whole number) made next. */
static char *draft_text(const char *text, int year)
{
	if (!*text)
		return xstrdup("");
	char old[16], next[16];
	snprintf(old, sizeof old, "%d", year);
	snprintf(next, sizeof next, "%d", year + 1);
	size_t olen = strlen(old);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, draft_rewrite_mark);
	buf_addc(&b, '\n');
	for (const char *p = text; *p;) {
		if (strncmp(p, old, olen) == 0 && (p == text || !is_ascii_digit(p[-1])) &&
		    !is_ascii_digit(p[olen])) {
			buf_adds(&b, next);
			p += olen;
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_take(&b);
}

struct report *draft_next_year(const struct report *last)
{
	if (last->year >= REPORT_YEAR_MAX)
		return NULL;
	const struct form *f = last->form;
	struct report *draft = report_new(f);
	report_set_organ(draft, last->organ);
	draft->year = last->year + 1;
	draft->draft = true;
	for (size_t i = 0; i < f->nrules; i++)
		if (f->rules[i].needs_previous && f->rules[i].assert)
			carry_rule(draft, last, &f->rules[i]);
	for (size_t c = 0; c < f->ncells; c++) {
		if (f->cells[c].type != FORM_TEXT)
			continue;
		char *text = draft_text(last->texts[c], last->year);
		report_set_text(draft, c, text, strlen(text));
		free(text);
	}
	return draft;
}
