/* Editing the open narrative in the clerk's own editor ($VISUAL, $EDITOR,
 * else editor, nano or vi), with curses suspended meanwhile. */
#ifndef NIANBAO_TUI_EDITOR_H
#define NIANBAO_TUI_EDITOR_H

#include "tui_view.h"

/* Replaces t->text by what the editor wrote and returns TUI_EDITED; the
 * caller writes it to the report.  A text that is not valid is refused
 * and kept in its file (TUI_REDRAW, with a message saying where). */
enum tui_reaction tui_editor_edit(struct tui *t);

#endif
