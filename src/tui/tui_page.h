/* A section page of the form (一 to 六): its tables and narratives one
 * under the other, and the section's problems under them. */
#ifndef NIANBAO_TUI_PAGE_H
#define NIANBAO_TUI_PAGE_H

#include <stddef.h>

#include "tui_view.h"

/* Lays the page out for the current state (scroll, wrapping, the problem
 * list, the terminal cursor) and keeps the result in t->layout, which
 * tui_page_layout_free frees; tui_page_draw only draws what it found. */
void tui_page_layout(struct tui *t);
void tui_page_layout_free(struct tui *t);
void tui_page_draw(struct tui *t);
enum tui_reaction tui_page_key(struct tui *t, struct tui_key key);
/* Inserts typed or pasted text at the cursor (a run of characters). */
enum tui_reaction tui_page_insert(struct tui *t, const char *utf8, size_t len);
/* The line for the message bar about the cursor's cell (caller frees). */
char *tui_page_status(const struct tui *t, enum tui_message_kind *kind);

#endif
