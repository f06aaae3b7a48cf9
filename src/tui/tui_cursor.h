/* Where the cursor is: the page, the item of a section page, the row and
 * column of a table, and moving it from stop to stop across items and
 * pages.  Entering a narrative opens it for editing. */
#ifndef NIANBAO_TUI_CURSOR_H
#define NIANBAO_TUI_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_view.h"

struct form_item;
struct form_section;
struct form_table;

/* The form section shown, or FORM_NONE on the basics page. */
size_t tui_cursor_section_index(const struct tui *t);
/* The section shown (not on the basics page); its item, and that item's
 * table or NULL for a narrative. */
const struct form_section *tui_cursor_section(const struct tui *t);
const struct form_item *tui_cursor_item(const struct tui *t, size_t item);
const struct form_table *tui_cursor_table(const struct tui *t, size_t item);
/* The form cell under the cursor: a table cell or a narrative. */
size_t tui_cursor_cell(const struct tui *t);
/* True when the cursor is on a narrative rather than in a table. */
bool tui_cursor_on_text(const struct tui *t);
/* Opens the narrative under the cursor for editing, in t->text. */
void tui_cursor_open_text(struct tui *t);
/* Ends any number being typed, keeping what was typed. */
void tui_cursor_commit(struct tui *t);

/* Goes to page (closing any edit) and puts the cursor on its first stop. */
void tui_cursor_goto_page(struct tui *t, size_t page);
/* Moves to the next (or previous) item of the section; at its end (or
 * start) the cursor stays, with a message saying so. */
enum tui_reaction tui_cursor_next_item(struct tui *t, bool backwards);
/* Moves steps rows up (dir -1) or down (1); one step past the table's
 * end goes on to the next item of the section. */
enum tui_reaction tui_cursor_move_vertically(struct tui *t, int dir, size_t steps);
/* Tab (or Shift-Tab): the next cell of the row, then the next row, then
 * the next item of the section. */
enum tui_reaction tui_cursor_move_tab(struct tui *t, bool backwards);

#endif
