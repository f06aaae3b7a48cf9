/* The list of a section's problems under its page: the first few
 * failures of the rules in the section, each in at most three lines so
 * that how much is wrong shows. */
#ifndef NIANBAO_TUI_PROBLEMS_H
#define NIANBAO_TUI_PROBLEMS_H

#include <stddef.h>

#include "diag.h"
#include "tui_view.h"

struct tui;

#define TUI_PROBLEMS_MAX TUI_SUGGESTED_MAX

struct tui_problems {
	char *messages[TUI_PROBLEMS_MAX]; /* owned */
	enum diag_severity severities[TUI_PROBLEMS_MAX];
	size_t count;
	int lines; /* the heading and every message's lines; 0 when none */
};

struct rule_failure;

/* The message of failure f with the cell the model suggests correcting
 * (rules_suggest_cell), for the list and the message line; caller frees.
 * *suggested is that cell, or SIZE_MAX. */
char *tui_problems_message(const struct tui *t, const struct rule_failure *f, size_t *suggested);

/* Finds what fits in a third of the body, and sets t->suggested to the
 * cells its messages say to correct; tui_problems_fini frees it. */
void tui_problems_build(struct tui *t, struct tui_problems *pr);
void tui_problems_fini(struct tui_problems *pr);
/* Draws the list at the bottom of the body, from column x0. */
void tui_problems_draw(const struct tui *t, const struct tui_problems *pr, int x0);

#endif
