/* Acknowledged warnings: the `acknowledged:` list of a data file.  An
 * entry {rule, path, reason, value} says the clerk checked the warning of
 * rule about the cell at path, and why; value is what the cell held then
 * (a count or amount as written in the file, a text as its fingerprint
 * #xxxxxxxxxxxxxxxx), so the acknowledgement lapses once the cell
 * changes.  Errors cannot be acknowledged (the loader refuses it).  An
 * acknowledged warning is still reported, its message marked 已核实. */
#ifndef NIANBAO_ACK_H
#define NIANBAO_ACK_H

#include <stddef.h>

struct report;
struct report_ack;

/* The value of cell as an acknowledgement records it; the caller frees it. */
char *ack_value(const struct report *report, size_t cell);

/* The acknowledgement of rule's warning about cell that still holds (its
 * value is the cell's), or NULL.  Borrowed from report. */
const struct report_ack *ack_find(const struct report *report, const char *rule, size_t cell);

/* Records that the clerk checked rule's warning about cell, for reason,
 * at the cell's present value (replacing an earlier one of the same rule
 * and cell).  Strings are copied. */
void ack_set(struct report *report, const char *rule, size_t cell, const char *reason);

/* Adds an entry as read from a file (strings are copied). */
void ack_add(struct report *report, const char *rule, const char *path, const char *reason,
	     const char *value);

#endif
