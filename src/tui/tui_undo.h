/* Undo (Ctrl-Z) and redo (Ctrl-Y) of the clerk's changes, per section:
 * each step is the value of one cell before a change, at most
 * TUI_UNDO_STEPS per section; a new change ends what could be redone.
 * A run of typing and deleting in one cell (characters, or a number's
 * digits) is one step; a key that moves or does anything else ends it. */
#ifndef NIANBAO_TUI_UNDO_H
#define NIANBAO_TUI_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_view.h"

#define TUI_UNDO_STEPS 100

enum tui_undo_kind { TUI_UNDO_TYPING, TUI_UNDO_DELETING, TUI_UNDO_OTHER };

/* Called before cell changes: keeps its value as a step, unless the
 * change continues the run of the last step. */
void tui_undo_record(struct tui *t, size_t cell, enum tui_undo_kind kind);
/* Ends the run of typing (any key that is not typing). */
void tui_undo_break(struct tui *t);
/* Takes the last step of the section shown back, and puts the cursor on
 * its cell. */
enum tui_reaction tui_undo(struct tui *t);
/* Does again what the last undo of the section shown took back. */
enum tui_reaction tui_redo(struct tui *t);
void tui_undo_fini(struct tui *t);

#endif
