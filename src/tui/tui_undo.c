/* Undo and redo of the form's changes; see tui_undo.h.  The steps live
 * in the view (they are the clerk's history, not the report's), oldest
 * first; redo holds what undo took back, until the next change. */
#include "tui_undo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "report.h"
#include "session.h"
#include "textedit.h"
#include "tui_cursor.h"
#include "tui_message.h"
#include "xalloc.h"

struct tui_undo_step {
	size_t cell;
	enum tui_undo_kind kind;
	int64_t number;
	char *text;    /* owned; NULL for a number */
	size_t cursor; /* in the text, for the editor */
};

struct steps {
	struct tui_undo_step *items; /* oldest first */
	size_t count, cap;
};

struct tui_undo {
	struct steps undo, redo;
	bool run_open; /* the last step may take more of the same typing */
};

static struct tui_undo *undo_of(struct tui *t)
{
	if (!t->undo)
		t->undo = xcalloc(1, sizeof *t->undo);
	return t->undo;
}

static size_t section_of(const struct tui *t, size_t cell)
{
	return t->form->cells[cell].section;
}

static void drop_step(struct steps *l, size_t i)
{
	free(l->items[i].text);
	memmove(&l->items[i], &l->items[i + 1], (l->count - i - 1) * sizeof *l->items);
	l->count--;
}

/* Keeps cell's value now as the newest step of l, at most TUI_UNDO_STEPS
 * of the cell's section (the oldest of them goes). */
static void push_step(struct tui *t, struct steps *l, size_t cell, enum tui_undo_kind kind)
{
	size_t in_section = 0, oldest = SIZE_MAX;
	for (size_t i = 0; i < l->count; i++)
		if (section_of(t, l->items[i].cell) == section_of(t, cell)) {
			if (oldest == SIZE_MAX)
				oldest = i;
			in_section++;
		}
	if (in_section >= TUI_UNDO_STEPS)
		drop_step(l, oldest);
	l->items = xgrow(l->items, &l->cap, l->count + 1, sizeof *l->items);
	const struct report *r = t->session->report;
	struct tui_undo_step *s = &l->items[l->count++];
	*s = (struct tui_undo_step){.cell = cell, .kind = kind, .number = r->numbers[cell]};
	if (t->form->cells[cell].type == FORM_TEXT) {
		s->text = xstrdup(r->texts[cell]);
		s->cursor = t->text_open && t->text_cell == cell ? t->text.cursor : 0;
		if (s->cursor > strlen(s->text))
			s->cursor = strlen(s->text);
	}
}

void tui_undo_record(struct tui *t, size_t cell, enum tui_undo_kind kind)
{
	struct tui_undo *u = undo_of(t);
	const struct steps *l = &u->undo;
	/* typing and deleting in one cell, without moving, is one step (as
	 * one insert of vim or nano) */
	if (u->run_open && l->count && l->items[l->count - 1].cell == cell &&
	    l->items[l->count - 1].kind != TUI_UNDO_OTHER && kind != TUI_UNDO_OTHER)
		return;
	push_step(t, &u->undo, cell, kind);
	/* a new change ends what could be redone in its section */
	for (size_t i = u->redo.count; i-- > 0;)
		if (section_of(t, u->redo.items[i].cell) == section_of(t, cell))
			drop_step(&u->redo, i);
	u->run_open = true;
}

void tui_undo_break(struct tui *t)
{
	if (t->undo)
		t->undo->run_open = false;
}

/* Puts the cursor on cell, which is in the section shown. */
static void go_to_cell(struct tui *t, size_t cell)
{
	const struct form_cell *c = &t->form->cells[cell];
	const struct form_section *sec = tui_cursor_section(t);
	for (size_t i = 0; i < sec->nitems; i++) {
		const struct form_item *it = &sec->items[i];
		bool here = it->kind == FORM_ITEM_TABLE ? it->index == c->table : it->index == cell;
		if (!here)
			continue;
		if (t->item != i || !(it->kind != FORM_ITEM_TABLE && t->text_open)) {
			tui_cursor_commit(t);
			t->item = i;
			t->text_open = false;
		}
		if (it->kind == FORM_ITEM_TABLE) {
			t->row = c->row;
			t->column = c->column;
		}
		return;
	}
}

/* Takes the newest step of the section shown from `from` back into the
 * report, keeping the value it replaces in `to`. */
static enum tui_reaction take_back(struct tui *t, struct steps *from, struct steps *to,
				   const char *done, const char *none)
{
	struct tui_undo *u = undo_of(t);
	size_t i = from->count;
	while (t->page > 0 && i > 0 &&
	       section_of(t, from->items[i - 1].cell) != tui_cursor_section_index(t))
		i--;
	if (t->page == 0 || i == 0) {
		tui_message(t, TUI_MESSAGE_INFO, "%s", none);
		return TUI_REDRAW;
	}
	struct tui_undo_step *s = &from->items[i - 1];
	tui_cursor_commit(t);
	go_to_cell(t, s->cell);
	push_step(t, to, s->cell, TUI_UNDO_OTHER);
	s = &from->items[i - 1];
	if (s->text) {
		session_set_text(t->session, s->cell, s->text, strlen(s->text));
		tui_cursor_open_text(t);
		t->text.cursor = s->cursor;
	} else {
		session_set_number(t->session, s->cell, s->number);
	}
	t->focus = TUI_FOCUS_CONTENT;
	tui_message(t, TUI_MESSAGE_INFO, "%s“%s”的修改", done, t->form->cells[s->cell].label);
	drop_step(from, i - 1);
	u->run_open = false;
	return TUI_EDITED;
}

enum tui_reaction tui_undo(struct tui *t)
{
	struct tui_undo *u = undo_of(t);
	return take_back(t, &u->undo, &u->redo, "已撤销对", "本部分没有可以撤销的修改");
}

enum tui_reaction tui_redo(struct tui *t)
{
	struct tui_undo *u = undo_of(t);
	return take_back(t, &u->redo, &u->undo, "已重做对", "本部分没有可以重做的修改");
}

static void steps_fini(struct steps *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].text);
	free(l->items);
}

void tui_undo_fini(struct tui *t)
{
	struct tui_undo *u = t->undo;
	if (!u)
		return;
	steps_fini(&u->undo);
	steps_fini(&u->redo);
	free(u);
	t->undo = NULL;
}
