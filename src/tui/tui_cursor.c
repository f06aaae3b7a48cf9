/* Where the cursor is and how it moves: from cell to cell of a table,
 * from item to item of a section, from page to page.  Moving only
 * changes the view state and says so; it never draws. */
#include "tui_cursor.h"

#include "buf.h"
#include "form.h"
#include "report.h"
#include "session.h"
#include "textedit.h"
#include "tui_area.h"
#include "tui_message.h"

size_t tui_cursor_section_index(const struct tui *t)
{
	return t->page == 0 ? FORM_NONE : t->page - 1;
}

const struct form_section *tui_cursor_section(const struct tui *t)
{
	return &t->form->sections[tui_cursor_section_index(t)];
}

const struct form_item *tui_cursor_item(const struct tui *t, size_t item)
{
	return &tui_cursor_section(t)->items[item];
}

const struct form_table *tui_cursor_table(const struct tui *t, size_t item)
{
	const struct form_item *it = tui_cursor_item(t, item);
	return it->kind == FORM_ITEM_TABLE ? &t->form->tables[it->index] : NULL;
}

/* The data row after (dir 1) or before (dir -1) row, skipping group rows;
 * FORM_NONE past the end.  Pass FORM_NONE as row to start from an end. */
static size_t step_row(const struct form_table *tab, size_t row, int dir)
{
	long r = row == FORM_NONE ? (dir > 0 ? -1 : (long)tab->nrows) : (long)row;
	for (r += dir; r >= 0 && r < (long)tab->nrows; r += dir)
		if (!tab->rows[r].group)
			return (size_t)r;
	return FORM_NONE;
}

bool tui_cursor_on_text(const struct tui *t)
{
	return tui_cursor_table(t, t->item) == NULL;
}

size_t tui_cursor_cell(const struct tui *t)
{
	const struct form_table *tab = tui_cursor_table(t, t->item);
	if (tab)
		return tab->rows[t->row].first_cell + t->column;
	return tui_cursor_item(t, t->item)->index;
}

void tui_cursor_open_text(struct tui *t)
{
	size_t cell = tui_cursor_item(t, t->item)->index;
	textedit_fini(&t->text);
	textedit_init(&t->text, t->session->report->texts[cell],
		      t->form->types[FORM_TEXT].max_chars, tui_area_content_width(t) - 2);
	t->text_open = true;
	t->text_cell = cell;
}

/* A narrative's text reaches the session as it is typed, so committing
 * only ends a number being typed: an open text stays open, with its
 * cursor where the clerk left it. */
void tui_cursor_commit(struct tui *t)
{
	t->number_editing = false;
	buf_clear(&t->number);
}

/* Puts the cursor on item's first (or last) stop. */
static void enter_item(struct tui *t, size_t item, bool last)
{
	tui_cursor_commit(t);
	t->text_open = false;
	t->item = item;
	const struct form_table *tab = tui_cursor_table(t, item);
	if (tab) {
		t->row = step_row(tab, FORM_NONE, last ? -1 : 1);
		t->column = last ? tab->columns->ncolumns - 1 : 0;
	} else {
		tui_cursor_open_text(t);
		if (last)
			t->text.cursor = t->text.text.len;
	}
}

static void first_stop(struct tui *t)
{
	enter_item(t, 0, false);
}

void tui_cursor_goto_page(struct tui *t, size_t page)
{
	t->text_open = false;
	tui_cursor_commit(t);
	t->page = page;
	t->scroll = 0;
	t->field = 0;
	if (page > 0)
		first_stop(t);
}

/* The cursor and typing never leave the section being edited: only
 * Ctrl-N, Ctrl-P and the list go to another one.  So a key or a paste
 * past the section's end stops there, instead of typing on into the
 * next section. */
enum tui_reaction tui_cursor_next_item(struct tui *t, bool backwards)
{
	const struct form_section *sec = tui_cursor_section(t);
	if (!backwards && t->item + 1 < sec->nitems) {
		enter_item(t, t->item + 1, false);
		return TUI_REDRAW;
	}
	if (backwards && t->item > 0) {
		enter_item(t, t->item - 1, true);
		return TUI_REDRAW;
	}
	if (backwards)
		tui_message(t, TUI_MESSAGE_INFO, "已在本部分开头；Ctrl-P 到上一部分");
	else if (t->page + 1 < t->form->nsections + 1)
		tui_message(t, TUI_MESSAGE_INFO, "已在本部分末尾；Ctrl-N 到下一部分");
	else
		tui_message(t, TUI_MESSAGE_INFO, "已经是最后一项了；F2 保存，F5 生成标准文本");
	return TUI_REDRAW;
}

enum tui_reaction tui_cursor_move_vertically(struct tui *t, int dir, size_t steps)
{
	const struct form_table *tab = tui_cursor_table(t, t->item);
	size_t row = t->row;
	for (size_t i = 0; i < steps; i++) {
		size_t next = step_row(tab, row, dir);
		if (next == FORM_NONE)
			break;
		row = next;
	}
	if (row == t->row) {
		if (steps > 1)
			return TUI_NONE;
		size_t column = t->column;
		enum tui_reaction r = tui_cursor_next_item(t, dir < 0);
		const struct form_table *now = tui_cursor_table(t, t->item);
		if (now && column < now->columns->ncolumns && t->page > 0)
			t->column = column;
		return r;
	}
	t->row = row;
	return TUI_REDRAW;
}

enum tui_reaction tui_cursor_move_tab(struct tui *t, bool backwards)
{
	const struct form_table *tab = tui_cursor_table(t, t->item);
	if (!tab)
		return tui_cursor_next_item(t, backwards);
	size_t ncols = tab->columns->ncolumns;
	if (!backwards && t->column + 1 < ncols) {
		t->column++;
		return TUI_REDRAW;
	}
	if (backwards && t->column > 0) {
		t->column--;
		return TUI_REDRAW;
	}
	size_t row = step_row(tab, t->row, backwards ? -1 : 1);
	if (row == FORM_NONE)
		return tui_cursor_next_item(t, backwards);
	t->row = row;
	t->column = backwards ? ncols - 1 : 0;
	return TUI_REDRAW;
}
