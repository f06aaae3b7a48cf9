/* The list of pages at the left of the form, with each section's state. */
#ifndef NIANBAO_TUI_SIDEBAR_H
#define NIANBAO_TUI_SIDEBAR_H

#include "tui_view.h"

void tui_sidebar_draw(struct tui *t);
enum tui_reaction tui_sidebar_key(struct tui *t, struct tui_key key);
/* 确认本部分 (F3): confirms the section shown, or takes the confirmation
 * back; refused while an error rule of the section is broken. */
enum tui_reaction tui_sidebar_confirm(struct tui *t);

#endif
