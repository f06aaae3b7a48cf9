/* Import of a published annual report (plain text, as offices publish
 * it) into a report of a form: the encoding is detected (import_decode),
 * the text split into lines and cells (import_text), the title and the
 * sections found (import_layout), the narratives taken as text and the
 * tables' numbers placed into their cells by label (import_tables).
 * Every published number goes into its cell as published; totals are
 * never recomputed.  Reading the standardized text nianbao renders gives
 * back the same report. */
#ifndef NIANBAO_IMPORT_H
#define NIANBAO_IMPORT_H

#include <stddef.h>

struct diag_list;
struct form;
struct report;

/* Reads data[0..len).  Returns the report (the caller frees it), with
 * warnings (guesses) and errors (what it could not place) in diags, and
 * *encoding set to the name of the encoding it read.  Returns NULL after
 * adding at least one error when the text is not a report it can read. */
struct report *import_report(const char *data, size_t len, const struct form *form,
			     const char **encoding, struct diag_list *diags);

#endif
