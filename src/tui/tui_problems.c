/* The list of a section's problems under its page, as the session's
 * rules found them. */
#include "tui_problems.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "form.h"
#include "rules.h"
#include "session.h"
#include "tui_area.h"
#include "tui_cursor.h"
#include "tui_put.h"
#include "tui_style.h"
#include "tui_view.h"
#include "value.h"
#include "xalloc.h"

/* Failures whose cell is in this section (at most max). */
static size_t section_failures(const struct tui *t, const struct rule_failure **out, size_t max)
{
	const struct session *s = t->session;
	size_t n = 0;
	for (size_t i = 0; i < s->outcome.count && n < max; i++) {
		size_t cell = rules_failure_cell(s->entry->rules, &s->outcome.failures[i]);
		if (t->form->cells[cell].section == tui_cursor_section_index(t))
			out[n++] = &s->outcome.failures[i];
	}
	return n;
}

char *tui_problems_message(const struct tui *t, const struct rule_failure *f, size_t *suggested)
{
	const struct session *s = t->session;
	const struct rules *rules = s->entry->rules;
	char *message = rules_failure_message(rules, s->report, f);
	struct rule_suggestion hint;
	*suggested = SIZE_MAX;
	if (!rules_suggest_cell(rules, s->report, f, t->last_cell, &hint))
		return message;
	*suggested = hint.cell;
	const struct form_cell *c = &t->form->cells[hint.cell];
	char value[32];
	if (c->type == FORM_MONEY)
		value_format_money(hint.value, value);
	else
		snprintf(value, sizeof value, "%" PRId64, hint.value);
	size_t involved = rules_failure_cells(rules, f, NULL, 0);
	char *both = hint.cell == t->last_cell
			     ? xasprintf("%s；刚填的“%s”最可能有误（为 %s 即可相符）", message,
					 c->label, value)
			     : xasprintf("%s；涉及 %zu 格，最可能有误的是“%s”（为 %s 即可相符）",
					 message, involved, c->label, value);
	free(message);
	return both;
}

void tui_problems_build(struct tui *t, struct tui_problems *pr)
{
	const struct rule_failure *f[TUI_PROBLEMS_MAX];
	const struct rules *rules = t->session->entry->rules;
	size_t found = section_failures(t, f, TUI_PROBLEMS_MAX);
	/* at most a third of the page, so the cells being typed into show */
	int room = (tui_area_body_height(t) - 1) / 3;
	pr->count = 0;
	pr->lines = 0;
	t->nsuggested = 0;
	for (size_t i = 0; i < found; i++) {
		size_t cell;
		char *message = tui_problems_message(t, f[i], &cell);
		int lines = tui_put_wrapped_lines(message, tui_area_content_width(t) - 2, 3);
		if (1 + pr->lines + lines > room && pr->count > 0) {
			free(message);
			break;
		}
		if (cell != SIZE_MAX)
			t->suggested[t->nsuggested++] = cell;
		pr->messages[pr->count] = message;
		pr->severities[pr->count++] = rules_failure_severity(rules, f[i]);
		pr->lines += lines;
	}
	if (pr->count)
		pr->lines++; /* the heading */
}

void tui_problems_fini(struct tui_problems *pr)
{
	for (size_t i = 0; i < pr->count; i++)
		free(pr->messages[i]);
}

void tui_problems_draw(const struct tui *t, const struct tui_problems *pr, int x0)
{
	if (!pr->count)
		return;
	int y = tui_area_body_top(t) + tui_area_body_height(t) - pr->lines;
	size_t total;
	session_section_state(t->session, tui_cursor_section_index(t), &total);
	char head[96];
	snprintf(head, sizeof head, "本部分有 %zu 处问题%s：", total,
		 total > pr->count ? "（列出前几处）" : "");
	tui_style(t, TUI_STYLE_ERROR);
	tui_put(y++, x0, head, tui_area_content_width(t));
	for (size_t i = 0; i < pr->count; i++) {
		tui_style(t, pr->severities[i] == DIAG_ERROR ? TUI_STYLE_ERROR : TUI_STYLE_WARNING);
		y += tui_put_wrapped(y, x0 + 2, pr->messages[i], tui_area_content_width(t) - 2, 3);
	}
	tui_style(t, TUI_STYLE_NORMAL);
}
