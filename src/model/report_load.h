/* Reading report files.  A report file is parsed event by event against
 * the schema its form derives (form.h, the node tree); every value keeps
 * its line and column.  Anything that is not a well-formed report of a
 * known form is refused with diagnostics at file positions: wrong
 * encoding, syntax, anchors/aliases/tags, unknown, duplicate or missing
 * keys, wrong types, rows of the wrong length, bad counts and amounts,
 * texts too long, nesting deeper than the schema, files over 16 MiB. */
#ifndef NIANBAO_REPORT_LOAD_H
#define NIANBAO_REPORT_LOAD_H

#include <stddef.h>

struct catalog;
struct catalog_entry;
struct diag_list;
struct report;

#define REPORT_FILE_MAX_BYTES (16u << 20)

/* Loads filename.  Returns the report, or NULL after adding at least one
 * error to diags.  *entry (may be NULL) is set to the report's form. */
struct report *report_load_file(const char *filename, struct catalog *catalog,
				const struct catalog_entry **entry, struct diag_list *diags);

/* The same for a file already in memory (data need not be terminated). */
struct report *report_load_buffer(const char *data, size_t len, struct catalog *catalog,
				  const struct catalog_entry **entry, struct diag_list *diags);

/* Reads at most max bytes of filename into a new buffer (*len set).
 * Returns NULL with a diagnostic when it cannot be read or is larger. */
char *report_read_file(const char *filename, size_t max, size_t *len, struct diag_list *diags);

#endif
