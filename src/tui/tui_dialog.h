/* The questions the form asks over the screen while it runs (enum
 * tui_dialog): keys answer the open one before anything else. */
#ifndef NIANBAO_TUI_DIALOG_H
#define NIANBAO_TUI_DIALOG_H

#include <stddef.h>

#include "tui_view.h"

/* Draws a question in a box over the screen and hides the cursor. */
void tui_dialog_box(const struct tui *t, const char *title, const char *const *lines,
		    size_t nlines);
/* Draws the open dialog. */
void tui_dialog_draw(const struct tui *t);
/* The answer to the open dialog; other keys wait for one. */
enum tui_reaction tui_dialog_key(struct tui *t, struct tui_key key);

#endif
