/* Diagnostics: what is wrong with a report, where, and by which rule.
 * Load errors and broken rules are both diagnostics; they are data, drawn
 * by the form and printed by check, never printed where they arise. */
#ifndef NIANBAO_DIAG_H
#define NIANBAO_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity severity;
	char *rule;	  /* rule id, e.g. requests.balance or load.syntax */
	char *path;	  /* cell path, or NULL when no cell is concerned */
	int line, column; /* 1-based; 0 when not from a file */
	char *message;	  /* Chinese, one line */
};

struct diag_list {
	struct diag *items; /* owned */
	size_t count;
	size_t cap;
};

void diag_list_init(struct diag_list *list);
void diag_list_fini(struct diag_list *list);
void diag_list_clear(struct diag_list *list);
/* Adds a diagnostic; strings are copied (path may be NULL).  One the list
 * already holds word for word at the same place is not added again. */
void diag_list_add(struct diag_list *list, enum diag_severity severity, const char *rule,
		   const char *path, int line, int column, const char *message);
bool diag_list_has_errors(const struct diag_list *list);
/* Orders by line, column, then the order they were added. */
void diag_list_sort(struct diag_list *list);

const char *diag_severity_name(enum diag_severity severity);

#endif
