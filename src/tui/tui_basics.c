/* The first page of the form (基本信息): the report's own keys, which every
 * format has — the organ, the year, the date it is issued, whether it is a
 * draft.  Each is edited on one line; what is typed reaches the report
 * (and the recovery file) whenever it is a valid value, and is checked
 * when the clerk confirms it, so the report always stays loadable. */
#include "tui_basics.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "report.h"
#include "session.h"
#include "tui_area.h"
#include "tui_cursor.h"
#include "tui_keys.h"
#include "tui_message.h"
#include "tui_put.h"
#include "tui_style.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

#define LABEL_WIDTH 12
#define FIELD_X 2

static const char *const field_labels[TUI_FIELDS] = {"发布机关", "报告年度", "成文日期", "草稿"};
static const char *const field_notes[TUI_FIELDS] = {
	"报告标题和落款中的机关名称", "报告所属的年度",
	"可以不填；例如 2025年1月20日、2025-01-20、2025/1/20",
	"按空格切换；草稿在文本和 PDF 上都有“草稿”标记"};

static int field_y(const struct tui *t, size_t field)
{
	return tui_area_body_top(t) + 2 + (int)field * 2;
}

/* The value of a field as the clerk sees it (caller frees). */
static char *field_text(const struct tui *t, size_t field)
{
	const struct report *r = t->session->report;
	switch (field) {
	case TUI_FIELD_ORGAN:
		return xstrdup(r->organ);
	case TUI_FIELD_YEAR:
		return xasprintf("%d", r->year);
	case TUI_FIELD_ISSUED_ON:
		/* in the form of an official document; any spelling goes back in */
		return r->issued_on.year ? xasprintf("%d年%d月%d日", r->issued_on.year,
						     r->issued_on.month, r->issued_on.day)
					 : xstrdup("");
	default:
		return xstrdup(r->draft ? "是（草稿）" : "否");
	}
}

void tui_basics_draw(struct tui *t)
{
	int x = tui_area_content_x(t) + FIELD_X, width = tui_area_content_width(t) - FIELD_X;
	tui_style(t, TUI_STYLE_HEADING);
	tui_put(tui_area_body_top(t), x, "基本信息", width);
	for (size_t f = 0; f < TUI_FIELDS; f++) {
		int y = field_y(t, f);
		bool here = t->focus == TUI_FOCUS_CONTENT && t->field == f;
		tui_style(t, TUI_STYLE_LABEL);
		tui_put(y, x, field_labels[f], LABEL_WIDTH);
		int vx = x + LABEL_WIDTH, vw = width - LABEL_WIDTH;
		if (here && t->text_open) {
			tui_style(t, TUI_STYLE_NORMAL);
			tui_put_blank(y, vx, vw);
			tui_put(y, vx, t->text.text.data, vw);
		} else {
			char *value = field_text(t, f);
			tui_style(t, here ? TUI_STYLE_CURSOR : TUI_STYLE_NORMAL);
			int used = tui_put(y, vx, *value ? value : "（未填）", vw);
			free(value);
			tui_style(t, TUI_STYLE_DIM);
			if (used + 4 < vw)
				tui_put(y, vx + used + 4, field_notes[f], vw - used - 4);
		}
	}
	tui_style(t, TUI_STYLE_DIM);
	int y = field_y(t, TUI_FIELDS);
	char *name = xasprintf("报告格式：%s", t->form->name);
	char *id = xasprintf("格式编号：%s", t->form->id);
	tui_put(y, x, name, width);
	tui_put(y + 1, x, id, width);
	free(name);
	free(id);
	tui_style(t, TUI_STYLE_NORMAL);
}

static void open_field(struct tui *t, bool keep)
{
	free(t->field_before);
	t->field_before = field_text(t, t->field);
	char *value = keep ? field_text(t, t->field) : xstrdup("");
	size_t max = t->field == TUI_FIELD_ORGAN ? REPORT_ORGAN_MAX_CHARS : 16;
	textedit_fini(&t->text);
	textedit_init(&t->text, value, max, 1 << 20);
	textedit_end(&t->text);
	free(value);
	t->text_open = true;
}

/* Puts text into the report as the value of the open field when it is a
 * valid one; returns the problem otherwise.  *changed (may be NULL) says
 * whether the report changed. */
static const char *apply_field(struct tui *t, const char *text, bool *changed)
{
	char *value = xstrdup(text);
	bool set = false;
	/* an input method's fullwidth digits are fine in a year or a date;
	 * an organ's name is kept exactly as typed */
	size_t len = t->field == TUI_FIELD_ORGAN ? strlen(value)
						 : value_ascii_digits(value, strlen(value));
	const struct report *r = t->session->report;
	const char *problem = NULL;
	switch (t->field) {
	case TUI_FIELD_ORGAN:
		problem = report_organ_problem(value, len);
		if ((set = !problem && strcmp(value, r->organ) != 0))
			session_set_organ(t->session, value);
		break;
	case TUI_FIELD_YEAR: {
		int year;
		problem = report_parse_year(value, len, &year);
		if ((set = !problem && year != r->year))
			session_set_year(t->session, year);
		break;
	}
	case TUI_FIELD_ISSUED_ON: {
		int y = 0, m = 0, d = 0;
		if (len != 0 && !value_parse_date_spelled(value, len, &y, &m, &d))
			problem =
				"应写成 2025年1月20日、2025-01-20、2025/1/20 或 2025.1.20，并且是真实的日期";
		else if ((set = y != r->issued_on.year || m != r->issued_on.month ||
				d != r->issued_on.day))
			session_set_issued_on(t->session, y, m, d);
		break;
	}
	default:
		break;
	}
	free(value);
	if (changed)
		*changed = set;
	return problem;
}

bool tui_basics_commit(struct tui *t)
{
	if (!t->text_open)
		return true;
	const char *problem = apply_field(t, t->text.text.data, NULL);
	if (problem) {
		tui_message(t, TUI_MESSAGE_ERROR, "%s%s（Esc 放弃修改）", field_labels[t->field],
			    problem);
		return false;
	}
	t->text_open = false;
	return true;
}

/* What is typed goes into the report as soon as it is a valid value, so
 * that the recovery file has it before Enter (kill -9 loses no organ,
 * year or date half-confirmed); Esc puts back the value from before. */
static enum tui_reaction typed(struct tui *t)
{
	bool changed;
	apply_field(t, t->text.text.data, &changed);
	return changed ? TUI_EDITED : TUI_REDRAW;
}

enum tui_reaction tui_basics_insert(struct tui *t, const char *utf8, size_t len)
{
	if (t->field == TUI_FIELD_DRAFT) {
		struct tui_key key = {(wint_t)(unsigned char)utf8[0], false};
		if (len == 1 && tui_keys_action(TUI_KEYS_BASICS, key) == TUI_ACTION_TOGGLE) {
			session_set_draft(t->session, !t->session->report->draft);
			return TUI_EDITED;
		}
		return TUI_NONE;
	}
	if (!t->text_open)
		open_field(t, t->field != TUI_FIELD_YEAR);
	enum textedit_refusal refusal = memchr(utf8, '\n', len)
						? TEXTEDIT_CONTROL
						: textedit_insert(&t->text, utf8, len);
	if (refusal == TEXTEDIT_TOO_LONG)
		tui_message(t, TUI_MESSAGE_ERROR, "%s太长了", field_labels[t->field]);
	else if (refusal != TEXTEDIT_OK)
		tui_message(t, TUI_MESSAGE_ERROR, "这里只能写一行文字");
	return typed(t);
}

static enum tui_reaction move_field(struct tui *t, long delta)
{
	if (!tui_basics_commit(t))
		return TUI_REDRAW;
	long f = (long)t->field + delta;
	if (f < 0) {
		t->focus = TUI_FOCUS_SECTIONS;
		return TUI_REDRAW;
	}
	if (f >= TUI_FIELDS) {
		tui_message(t, TUI_MESSAGE_INFO, "已在本部分末尾；Ctrl-N 到下一部分");
		return TUI_REDRAW;
	}
	t->field = (size_t)f;
	return TUI_REDRAW;
}

enum tui_reaction tui_basics_key(struct tui *t, struct tui_key key)
{
	enum tui_action action = tui_keys_action(TUI_KEYS_BASICS, key);
	switch (action) {
	case TUI_ACTION_LEAVE:
		if (t->text_open) {
			/* give up the edit: the value from before, which typing replaced */
			bool changed = false;
			if (t->field_before)
				apply_field(t, t->field_before, &changed);
			t->text_open = false;
			return changed ? TUI_EDITED : TUI_REDRAW;
		}
		t->focus = TUI_FOCUS_SECTIONS;
		return TUI_REDRAW;
	case TUI_ACTION_ENTER:
		if (t->field == TUI_FIELD_DRAFT) {
			session_set_draft(t->session, !t->session->report->draft);
			return TUI_EDITED;
		}
		if (!t->text_open) {
			open_field(t, true);
			return TUI_REDRAW;
		}
		return tui_basics_commit(t) ? TUI_EDITED : TUI_REDRAW;
	case TUI_ACTION_NEXT:
	case TUI_ACTION_DOWN:
		return move_field(t, 1) | TUI_EDITED;
	case TUI_ACTION_PREV:
	case TUI_ACTION_UP:
		return move_field(t, -1) | TUI_EDITED;
	default:
		break;
	}
	if (!t->text_open)
		return TUI_NONE;
	if (tui_keys_move_text(&t->text, action))
		return TUI_REDRAW;
	switch (action) {
	case TUI_ACTION_BACKSPACE:
		textedit_backspace(&t->text);
		return typed(t);
	case TUI_ACTION_DELETE:
		textedit_delete(&t->text);
		return typed(t);
	default:
		return TUI_NONE;
	}
}

bool tui_basics_cursor(const struct tui *t, int *y, int *x)
{
	if (!t->text_open)
		return false;
	*y = field_y(t, t->field);
	*x = tui_area_content_x(t) + FIELD_X + LABEL_WIDTH +
	     utf8_nwidth(t->text.text.data, t->text.cursor);
	return true;
}
