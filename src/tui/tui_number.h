/* A number being typed into the cell under the cursor: every keystroke
 * writes the value to the session, so the rules follow it; Esc gives the
 * value from before back. */
#ifndef NIANBAO_TUI_NUMBER_H
#define NIANBAO_TUI_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

#include "tui_view.h"

/* Starts typing into the cursor's cell, from its value (keep) or empty. */
void tui_number_start(struct tui *t, bool keep);
/* Writes what was typed into the cell (live). */
enum tui_reaction tui_number_apply(struct tui *t);
/* One typed character into the cell; *refused is set (with a message)
 * when the character cannot go there. */
enum tui_reaction tui_number_type(struct tui *t, uint32_t cp, bool *refused);
/* Esc: ends the typing and gives the cell its value from before. */
enum tui_reaction tui_number_cancel(struct tui *t);

#endif
