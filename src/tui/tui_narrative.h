/* A narrative of a section page (一、总体情况 and the others): a
 * multi-line editor whose text reaches the report as it is typed. */
#ifndef NIANBAO_TUI_NARRATIVE_H
#define NIANBAO_TUI_NARRATIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_view.h"

struct textedit;

/* Draws visual line index of the wrapped text e at (y, x0); under an
 * empty text, a hint how to type. */
void tui_narrative_draw_line(const struct tui *t, const struct textedit *e, size_t index, int y,
			     int x0);
/* The column of the terminal cursor in the open text; false when the
 * narrative is not open. */
bool tui_narrative_cursor(const struct tui *t, int *x);

/* Moves the cursor of e by one of the moves every text field shares
 * (left, right, by words, home, end); false when action is not one. */
bool tui_narrative_move(struct textedit *e, int action);

enum tui_reaction tui_narrative_key(struct tui *t, struct tui_key key);
/* Typed or pasted text at the cursor (a run of characters). */
enum tui_reaction tui_narrative_insert(struct tui *t, const char *utf8, size_t len);

#endif
