/* Allocation that never returns NULL: out of memory restores the terminal
 * (through the hook the TUI installs) and aborts, as there is nothing
 * sensible a caller could do instead. */
#ifndef NIANBAO_XALLOC_H
#define NIANBAO_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of count items of size bytes to at least need items. */
void *xgrow(void *ptr, size_t *count, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Called once before aborting on out-of-memory (e.g. to end curses). */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
