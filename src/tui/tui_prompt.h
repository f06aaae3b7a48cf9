/* Questions that read their own keys until they are answered, in a box
 * over the screen: those before the form runs (tui_start.c) and the
 * file name of 另存为 (tui_saveas.c).  Questions a key handler asks are
 * dialogs instead (tui_dialog.h), answered through the main loop. */
#ifndef NIANBAO_TUI_PROMPT_H
#define NIANBAO_TUI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

struct tui;

/* Asks until one of choices (lower-case letters) is typed and returns
 * it; Esc, a signal or a lost terminal answer cancel. */
int tui_prompt_ask(struct tui *t, const char *title, const char *const *lines, size_t nlines,
		   const char *choices, int cancel);

/* Reads one line of text in a box, starting from initial; false on Esc
 * (or a signal, or a lost terminal).  check (may be NULL) returns a
 * problem phrase that keeps the box open, or NULL.  *out is owned by the
 * caller. */
bool tui_prompt_line(struct tui *t, const char *title, const char *label, const char *initial,
		     size_t max_chars, const char *(*check)(const char *), char **out);

#endif
