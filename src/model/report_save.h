/* Writing report files in the canonical layout (see report_save.c). */
#ifndef NIANBAO_REPORT_SAVE_H
#define NIANBAO_REPORT_SAVE_H

#include <stdbool.h>
#include <stddef.h>

struct report;

/* The file's text; the caller frees it.  Same report, same bytes. */
char *report_format(const struct report *report, size_t *len);

/* Saves atomically (see atomic_file.h).  Without replace an existing file
 * is refused (EEXIST).  Returns 0 or an errno with *error set. */
int report_save(const struct report *report, const char *path, bool replace, char **error);

#endif
