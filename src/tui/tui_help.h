/* The help screen (F1): arrows and PgUp/PgDn scroll it, any other key
 * closes it. */
#ifndef NIANBAO_TUI_HELP_H
#define NIANBAO_TUI_HELP_H

#include "tui_view.h"

/* Keeps the scroll in range for the screen size. */
void tui_help_layout(struct tui *t);
void tui_help_draw(struct tui *t);
enum tui_reaction tui_help_key(struct tui *t, struct tui_key key);

#endif
