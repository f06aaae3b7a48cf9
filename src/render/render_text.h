/* The standardized text of a report (UTF-8, LF, deterministic). */
#ifndef NIANBAO_RENDER_TEXT_H
#define NIANBAO_RENDER_TEXT_H

#include <stddef.h>

struct report;

/* Returns the text (the caller frees it) and its length in *len. */
char *render_text(const struct report *report, size_t *len);

#endif
