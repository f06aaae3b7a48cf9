/* Keys and typed text, dispatched in one place.  A run of typed
 * characters goes to the page as one insertion: an input method's
 * phrase, or a paste, which keeps its tabs and line breaks. */
#include "tui_input.h"

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "form.h"
#include "textedit.h"
#include "tui_acknowledge.h"
#include "tui_area.h"
#include "tui_basics.h"
#include "tui_cursor.h"
#include "tui_dialog.h"
#include "tui_help.h"
#include "tui_keys.h"
#include "tui_message.h"
#include "tui_output.h"
#include "tui_page.h"
#include "tui_save.h"
#include "tui_sidebar.h"
#include "tui_term.h"
#include "tui_undo.h"
#include "utf8.h"

/* Keys that mean the same everywhere. */
static enum tui_reaction global_key(struct tui *t, struct tui_key key, bool *handled)
{
	*handled = true;
	enum tui_action action = tui_keys_action(TUI_KEYS_ANYWHERE, key);
	switch (action) {
	case TUI_ACTION_HELP:
		t->help = true;
		return TUI_REDRAW;
	case TUI_ACTION_SAVE:
		return tui_save(t);
	case TUI_ACTION_OUTPUT:
		return tui_output_write(t);
	case TUI_ACTION_ACKNOWLEDGE:
		return tui_acknowledge(t);
	case TUI_ACTION_QUIT:
		return tui_save_quit(t);
	case TUI_ACTION_CONFIRM:
		if (t->page == 0 && !tui_basics_commit(t))
			return TUI_REDRAW;
		tui_cursor_commit(t);
		return tui_sidebar_confirm(t);
	case TUI_ACTION_UNDO:
		return tui_undo(t);
	case TUI_ACTION_REDO:
		return tui_redo(t);
	case TUI_ACTION_REPAINT:
		/* a screen garbled by a flaky connection or another program */
		t->repaint_all = true;
		return TUI_REDRAW;
	case TUI_ACTION_NEXT_PAGE:
	case TUI_ACTION_PREV_PAGE: {
		if (t->page == 0 && !tui_basics_commit(t))
			return TUI_REDRAW;
		tui_cursor_commit(t);
		size_t pages = t->form->nsections + 1;
		tui_cursor_goto_page(t, action == TUI_ACTION_NEXT_PAGE
						? (t->page + 1) % pages
						: (t->page + pages - 1) % pages);
		t->focus = TUI_FOCUS_CONTENT;
		return TUI_REDRAW;
	}
	default:
		break;
	}
	*handled = false;
	return TUI_NONE;
}

enum tui_reaction tui_input_key(struct tui *t, struct tui_key key)
{
	if (key.function && key.code == KEY_RESIZE) {
		getmaxyx(stdscr, t->rows, t->cols);
		if (t->text_open && t->page > 0)
			textedit_set_width(&t->text, tui_area_content_width(t) - 2);
		return TUI_REDRAW;
	}
	if (t->dialog)
		return tui_dialog_key(t, key);
	if (t->help)
		return tui_help_key(t, key);
	free(t->message);
	t->message = NULL;
	/* deleting goes on the run of typing it follows (one undo step) */
	enum tui_action edit = tui_keys_action(TUI_KEYS_TEXT, key);
	if (edit != TUI_ACTION_BACKSPACE && edit != TUI_ACTION_DELETE)
		tui_undo_break(t);
	bool handled;
	enum tui_reaction r = global_key(t, key, &handled);
	if (handled)
		return r;
	if (tui_area_too_small(t))
		return TUI_NONE;
	if (t->focus == TUI_FOCUS_SECTIONS)
		return tui_sidebar_key(t, key);
	if (t->page == 0)
		return tui_basics_key(t, key);
	return tui_page_key(t, key);
}

/* Characters that are typed text rather than commands. */
static bool is_text_char(struct tui_key key)
{
	return !key.function && key.code >= 0x20 && key.code != 0x7F && key.code != 27;
}

enum tui_reaction tui_input_text(struct tui *t, const char *utf8, size_t len)
{
	free(t->message);
	t->message = NULL;
	if (t->dialog)
		return tui_dialog_key(t, (struct tui_key){(wint_t)utf8[0], false});
	if (t->help)
		return tui_help_key(t, (struct tui_key){(wint_t)utf8[0], false});
	if (tui_area_too_small(t))
		return TUI_NONE;
	/* typing in the list goes back into the section it shows, where the
	 * cursor was left (Esc, then typing on, loses nothing) */
	enum tui_reaction r = TUI_NONE;
	if (t->focus == TUI_FOCUS_SECTIONS) {
		t->focus = TUI_FOCUS_CONTENT;
		r = TUI_REDRAW;
	}
	return r | (t->page == 0 ? tui_basics_insert(t, utf8, len) : tui_page_insert(t, utf8, len));
}

enum tui_reaction tui_input_burst(struct tui *t, wint_t first, int first_kind)
{
	enum tui_reaction reaction = TUI_NONE;
	struct buf run;
	buf_init(&run);
	wint_t ch = first;
	int kind = first_kind;
	for (;;) {
		struct tui_key key = {ch, kind == KEY_CODE_YES};
		bool in_text = t->focus == TUI_FOCUS_CONTENT && t->page > 0 &&
			       tui_cursor_on_text(t) && !t->help;
		if (key.function && (ch == TUI_TERM_PASTE_BEGIN || ch == TUI_TERM_PASTE_END)) {
			t->pasting = ch == TUI_TERM_PASTE_BEGIN;
			goto next;
		}
		if (!key.function && (ch == '\r' || ch == '\n') && (in_text || t->pasting))
			key.code = '\n'; /* a line break inside a narrative, or a paste */
		/* a tab inside a paste is text (or, in a table, the next cell); a
		 * terminal without bracketed paste shows a paste as a burst */
		bool pasted_tab = !key.function && key.code == '\t' &&
				  (t->pasting || (in_text && run.len > 0));
		if (is_text_char(key) || pasted_tab ||
		    (!key.function && key.code == '\n' && (in_text || t->pasting))) {
			char utf8[4];
			buf_add(&run, utf8, utf8_encode((uint32_t)key.code, utf8));
		} else {
			if (run.len) {
				reaction |= tui_input_text(t, run.data, run.len);
				buf_clear(&run);
			}
			reaction |= tui_input_key(t, key);
			if (reaction & TUI_QUIT)
				break;
		}
	next:
		/* ask the kernel, not get_wch with a zero timeout: with that,
		 * ncurses now and then drops part of a long paste */
		if (!tui_term_input_pending())
			break;
		kind = get_wch(&ch);
		if (kind == ERR)
			break;
	}
	if (run.len && !(reaction & TUI_QUIT))
		reaction |= tui_input_text(t, run.data, run.len);
	buf_fini(&run);
	return reaction;
}
