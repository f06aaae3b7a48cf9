/* Diagnostic lists; see diag.h. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void diag_list_init(struct diag_list *list)
{
	list->items = NULL;
	list->count = list->cap = 0;
}

void diag_list_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].rule);
		free(list->items[i].path);
		free(list->items[i].message);
	}
	list->count = 0;
}

void diag_list_fini(struct diag_list *list)
{
	diag_list_clear(list);
	free(list->items);
	diag_list_init(list);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

void diag_list_add(struct diag_list *list, enum diag_severity severity, const char *rule,
		   const char *path, int line, int column, const char *message)
{
	/* a finding said twice at one place (a phrase written twice in a
	 * narrative) is one line to the clerk */
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		if (d->severity == severity && d->line == line && d->column == column &&
		    same_text(d->rule, rule) && same_text(d->path, path) &&
		    same_text(d->message, message))
			return;
	}
	list->items = xgrow(list->items, &list->cap, list->count + 1, sizeof *list->items);
	struct diag *d = &list->items[list->count++];
	d->severity = severity;
	d->rule = xstrdup(rule);
	d->path = path ? xstrdup(path) : NULL;
	d->line = line;
	d->column = column;
	d->message = xstrdup(message);
}

bool diag_list_has_errors(const struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].severity == DIAG_ERROR)
			return true;
	return false;
}

static void sort_range(struct diag *items, struct diag *tmp, size_t n)
{
	/* a stable merge sort keeps the added order among equal positions */
	if (n < 2)
		return;
	size_t half = n / 2;
	sort_range(items, tmp, half);
	sort_range(items + half, tmp, n - half);
	size_t i = 0, j = half, k = 0;
	while (i < half && j < n) {
		const struct diag *a = &items[i], *b = &items[j];
		bool take_b = b->line < a->line || (b->line == a->line && b->column < a->column);
		tmp[k++] = take_b ? items[j++] : items[i++];
	}
	while (i < half)
		tmp[k++] = items[i++];
	while (j < n)
		tmp[k++] = items[j++];
	memcpy(items, tmp, n * sizeof *items);
}

void diag_list_sort(struct diag_list *list)
{
	if (list->count < 2)
		return;
	struct diag *tmp = xcalloc(list->count, sizeof *tmp);
	sort_range(list->items, tmp, list->count);
	free(tmp);
}

const char *diag_severity_name(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}
