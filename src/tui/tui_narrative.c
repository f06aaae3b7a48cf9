/* A narrative of a section page: the editor (textedit.c) in the content
 * area, wrapped by display width; every change is written to the
 * session at once, so the rules see it.  Ctrl-E or F4 hands the text to
 * an external editor (tui_editor.c). */
#include "tui_narrative.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "sentences.h"
#include "session.h"
#include "textedit.h"
#include "tui_area.h"
#include "tui_cursor.h"
#include "tui_editor.h"
#include "tui_keys.h"
#include "tui_message.h"
#include "tui_put.h"
#include "tui_style.h"
#include "tui_undo.h"
#include "xalloc.h"

void tui_narrative_draw_line(const struct tui *t, const struct textedit *e, size_t index, int y,
			     int x0)
{
	tui_style(t, TUI_STYLE_NORMAL);
	if (index < e->nlines) {
		const struct textedit_line *l = &e->lines[index];
		char *line = xstrndup(e->text.data + l->start, l->end - l->start);
		tui_put(y, x0 + 1, line, tui_area_content_width(t) - 2);
		free(line);
	} else if (index == 1 && e->text.len == 0) {
		tui_style(t, TUI_STYLE_DIM);
		tui_put(y, x0 + 1, "（在这里输入；可用中文输入法或粘贴，Enter 换段）",
			tui_area_content_width(t) - 2);
	}
}

bool tui_narrative_cursor(const struct tui *t, int *x)
{
	int col;
	textedit_cursor_line(&t->text, &col);
	*x = tui_area_content_x(t) + 2 + col;
	return t->text_open;
}

/* The editor's text, changed by kind of edit, reaches the session; the
 * text as it was is an undo step (the session still holds it).  Only the
 * bytes the edit changed are copied: the session held the text as it was
 * before it, since every edit reaches the session at once. */
static enum tui_reaction text_edited(struct tui *t, enum tui_undo_kind kind)
{
	const struct textedit *e = &t->text;
	tui_undo_record(t, t->text_cell, kind);
	session_splice_text(t->session, t->text_cell, e->edit_from, e->edit_old_to,
			    e->text.data + e->edit_from, e->edit_new_to - e->edit_from);
	return TUI_EDITED;
}

/* The text from the external editor, written to the report whole. */
static enum tui_reaction external_editor(struct tui *t)
{
	enum tui_reaction r = tui_editor_edit(t);
	if (!(r & TUI_CHANGED))
		return r;
	tui_undo_record(t, t->text_cell, TUI_UNDO_OTHER);
	session_set_text(t->session, t->text_cell, t->text.text.data, t->text.text.len);
	return TUI_EDITED;
}

/* The sentence of this narrative's section, filled from the tables as
 * they are now, at the cursor. */
static enum tui_reaction insert_sentence(struct tui *t)
{
	const struct report *r = t->session->report;
	char *key = report_section_key(t->form, t->form->cells[t->text_cell].section);
	char *error = NULL;
	char *sentence = sentences_fill(r, key, &error);
	enum tui_reaction reaction = TUI_REDRAW;
	if (sentence)
		reaction = tui_narrative_insert(t, sentence, strlen(sentence));
	else if (error)
		tui_message(t, TUI_MESSAGE_ERROR, "%s", error);
	else
		tui_message(t, TUI_MESSAGE_INFO,
			    "这一部分没有由表格生成的句子（templates/sentences.yaml 中没有“%s”）",
			    key);
	free(sentence);
	free(error);
	free(key);
	return reaction;
}

enum tui_reaction tui_narrative_key(struct tui *t, struct tui_key key)
{
	size_t page_lines = (size_t)(tui_area_body_height(t) > 6 ? tui_area_body_height(t) - 4 : 2);
	if (!t->text_open)
		tui_cursor_open_text(t);
	enum tui_action action = tui_keys_action(TUI_KEYS_TEXT, key);
	switch (action) {
	case TUI_ACTION_LEAVE:
		/* the editor stays open: typing on goes back into it */
		t->focus = TUI_FOCUS_SECTIONS;
		return TUI_REDRAW;
	case TUI_ACTION_NEXT:
		return tui_cursor_next_item(t, false);
	case TUI_ACTION_PREV:
		return tui_cursor_next_item(t, true);
	case TUI_ACTION_BACKSPACE:
		return textedit_backspace(&t->text) ? text_edited(t, TUI_UNDO_DELETING) : TUI_NONE;
	case TUI_ACTION_DELETE:
		return textedit_delete(&t->text) ? text_edited(t, TUI_UNDO_DELETING) : TUI_NONE;
	case TUI_ACTION_KILL_LINE:
		return textedit_kill_paragraph(&t->text) ? text_edited(t, TUI_UNDO_OTHER)
							 : TUI_NONE;
	case TUI_ACTION_KILL_TO_START:
		return textedit_kill_to_start(&t->text) ? text_edited(t, TUI_UNDO_OTHER) : TUI_NONE;
	case TUI_ACTION_EXTERNAL_EDITOR:
		return external_editor(t);
	case TUI_ACTION_INSERT_SENTENCE:
		return insert_sentence(t);
	case TUI_ACTION_UP:
		if (!textedit_up(&t->text, 1))
			return t->item > 0 ? tui_cursor_next_item(t, true) : TUI_NONE;
		return TUI_REDRAW;
	case TUI_ACTION_DOWN:
		if (!textedit_down(&t->text, 1))
			return t->item + 1 < tui_cursor_section(t)->nitems
				       ? tui_cursor_next_item(t, false)
				       : TUI_NONE;
		return TUI_REDRAW;
	case TUI_ACTION_PAGE_UP:
		textedit_up(&t->text, page_lines);
		return TUI_REDRAW;
	case TUI_ACTION_PAGE_DOWN:
		textedit_down(&t->text, page_lines);
		return TUI_REDRAW;
	case TUI_ACTION_ENTER:
		return tui_narrative_insert(t, "\n", 1);
	default:
		return tui_keys_move_text(&t->text, action) ? TUI_REDRAW : TUI_NONE;
	}
}

enum tui_reaction tui_narrative_insert(struct tui *t, const char *utf8, size_t len)
{
	if (!t->text_open)
		tui_cursor_open_text(t);
	switch (textedit_insert(&t->text, utf8, len)) {
	case TEXTEDIT_OK:
		return text_edited(t, TUI_UNDO_TYPING);
	case TEXTEDIT_TOO_LONG:
		tui_message(t, TUI_MESSAGE_ERROR, "这段文字已到上限（%zu 字），没有再加入",
			    t->form->types[FORM_TEXT].max_chars);
		return TUI_REDRAW;
	default:
		tui_message(t, TUI_MESSAGE_ERROR, "输入中有控制字符，没有加入");
		return TUI_REDRAW;
	}
}
