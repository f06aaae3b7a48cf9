/* Regenerating last year's report as this year's draft; see draft.h.
 * What carries is the rules' business; this file only words the
 * narratives. */
#include "draft.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "template.h"
#include "templates.h"
#include "xalloc.h"

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The year phrase of draft.yaml for year (the caller frees it). */
static char *year_phrase(int year)
{
	char digits[16];
	snprintf(digits, sizeof digits, "%d", year);
	const struct template_var var = {"year", digits};
	struct buf b;
	buf_init(&b);
	templates_expand(&b, TEMPLATES_DRAFT_YEAR, &var, 1);
	return buf_take(&b);
}

/* The narrative with the mark on top and each year phrase of year, not
 * inside a longer number, made next year's. */
static char *draft_text(const char *text, int year)
{
	if (!*text)
		return xstrdup("");
	char *old = year_phrase(year), *next = year_phrase(year + 1);
	size_t olen = strlen(old);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, templates_get(TEMPLATES_DRAFT_REWRITE_MARK));
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
	free(old);
	free(next);
	return buf_take(&b);
}

struct report *draft_next_year(const struct report *last, const struct rules *rules)
{
	if (last->year >= REPORT_YEAR_MAX)
		return NULL;
	const struct form *f = last->form;
	struct report *draft = report_new(f);
	report_set_organ(draft, last->organ);
	draft->year = last->year + 1;
	draft->draft = true;
	rules_carry_forward(rules, last, draft);
	for (size_t c = 0; c < f->ncells; c++) {
		if (f->cells[c].type != FORM_TEXT)
			continue;
		char *text = draft_text(last->texts[c], last->year);
		report_set_text(draft, c, text, strlen(text));
		free(text);
	}
	return draft;
}
