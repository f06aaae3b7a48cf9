/* Acknowledged warnings; see ack.h. */
#include "ack.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "report.h"
#include "xalloc.h"

char *ack_value(const struct report *r, size_t cell)
{
	const struct form_cell *c = &r->form->cells[cell];
	if (c->type == FORM_TEXT) {
		/* a narrative is too long to copy into the file: its FNV-1a hash */
		uint64_t h = 14695981039346656037u;
		for (const unsigned char *p = (const unsigned char *)r->texts[cell]; *p; p++)
			h = (h ^ *p) * 1099511628211u;
		return xasprintf("#%016" PRIx64, h);
	}
	char out[REPORT_NUMBER_SIZE];
	report_format_number(r, cell, out);
	return xstrdup(out);
}

const struct report_ack *ack_find(const struct report *r, const char *rule, size_t cell)
{
	const char *path = r->form->cells[cell].path;
	char *value = NULL;
	const struct report_ack *found = NULL;
	for (size_t i = 0; i < r->nacks && !found; i++) {
		const struct report_ack *a = &r->acks[i];
		if (strcmp(a->rule, rule) != 0 || strcmp(a->path, path) != 0)
			continue;
		if (!value)
			value = ack_value(r, cell);
		if (strcmp(a->value, value) == 0)
			found = a;
	}
	free(value);
	return found;
}

void ack_add(struct report *r, const char *rule, const char *path, const char *reason,
	     const char *value)
{
	r->acks = xrealloc(r->acks, (r->nacks + 1) * sizeof *r->acks);
	r->acks[r->nacks++] = (struct report_ack){xstrdup(rule), xstrdup(path), xstrdup(reason),
						  xstrdup(value)};
}

void ack_set(struct report *r, const char *rule, size_t cell, const char *reason)
{
	const char *path = r->form->cells[cell].path;
	char *value = ack_value(r, cell);
	for (size_t i = 0; i < r->nacks; i++) {
		struct report_ack *a = &r->acks[i];
		if (strcmp(a->rule, rule) == 0 && strcmp(a->path, path) == 0) {
			free(a->reason);
			free(a->value);
			a->reason = xstrdup(reason);
			a->value = value;
			return;
		}
	}
	ack_add(r, rule, path, reason, value);
	free(value);
}
