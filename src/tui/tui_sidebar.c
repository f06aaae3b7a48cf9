/* The list of pages at the left of the form: 基本信息 and the sections
 * 一 to 六, each with its state (完成, 已填, 有错, 提醒, 未填) from the
 * session, and confirming a section (确认本部分). */
#include "tui_sidebar.h"

#include <curses.h>
#include <stdio.h>
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

static const struct {
	const char *word; /* wide list */
	const char *mark; /* narrow list: one character */
	enum tui_style style;
} states[] = {
	[SECTION_EMPTY] = {"未填", "空", TUI_STYLE_DIM},
	[SECTION_UNCONFIRMED] = {"已填", "填", TUI_STYLE_NORMAL},
	[SECTION_COMPLETE] = {"完成", "完", TUI_STYLE_OK},
	[SECTION_WARNING] = {"提醒", "提", TUI_STYLE_WARNING},
	[SECTION_ERROR] = {"有错", "错", TUI_STYLE_ERROR},
};

/* A section's heading in the wide list: what does not fit on its line
 * goes on the line below, under the title rather than under the number. */
static void put_heading(const struct form_section *sec, int y, int width)
{
	const char *h = sec->heading;
	size_t len = strlen(h), first = utf8_prefix_for_width(h, len, width);
	tui_put(y, 1, h, width);
	if (first == len)
		return;
	int indent = utf8_width(sec->number) + 2; /* under the title, past "一、" */
	int room = width - indent;
	const char *rest = h + first;
	if (utf8_width(rest) <= room) {
		tui_put(y + 1, 1 + indent, rest, room);
	} else {
		int used = tui_put(y + 1, 1 + indent, rest, room - 1);
		tui_put(y + 1, 1 + indent + used, "…", 1);
	}
}

void tui_sidebar_draw(struct tui *t)
{
	int width = tui_area_sidebar_width(t);
	bool wide = width > 10;
	size_t pages = t->form->nsections + 1;
	for (size_t p = 0; p < pages && (int)p * (wide ? 2 : 1) < tui_area_body_height(t); p++) {
		int y = tui_area_body_top(t) + (int)p * (wide ? 2 : 1);
		bool here = p == t->page;
		tui_style(t, here ? (t->focus == TUI_FOCUS_SECTIONS ? TUI_STYLE_CURSOR
								    : TUI_STYLE_HEADING)
				  : TUI_STYLE_NORMAL);
		tui_put_blank(y, 0, width);
		if (p == 0) {
			tui_put(y, 1, wide ? "基本信息" : "基本", width - 2);
			continue;
		}
		const struct form_section *sec = &t->form->sections[p - 1];
		size_t problems;
		enum section_state state = session_section_state(t->session, p - 1, &problems);
		int state_width = wide ? 6 : 2;
		if (wide)
			put_heading(sec, y, width - state_width - 2);
		else
			tui_put(y, 1, sec->number, width - state_width - 2);
		if (!here || t->focus != TUI_FOCUS_SECTIONS)
			tui_style(t, states[state].style);
		if (wide && state >= SECTION_WARNING) {
			char word[32];
			snprintf(word, sizeof word, "%s%zu", state == SECTION_ERROR ? "错" : "提",
				 problems);
			tui_put_right(y, width - state_width - 1, word, state_width);
		} else {
			tui_put_right(y, width - state_width - 1,
				      wide ? states[state].word : states[state].mark, state_width);
		}
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

enum tui_reaction tui_sidebar_key(struct tui *t, struct tui_key key)
{
	size_t pages = t->form->nsections + 1;
	switch (tui_keys_action(TUI_KEYS_LIST, key)) {
	case TUI_ACTION_UP:
		tui_cursor_goto_page(t, (t->page + pages - 1) % pages);
		return TUI_REDRAW;
	case TUI_ACTION_DOWN:
		tui_cursor_goto_page(t, (t->page + 1) % pages);
		return TUI_REDRAW;
	case TUI_ACTION_HOME:
		tui_cursor_goto_page(t, 0);
		return TUI_REDRAW;
	case TUI_ACTION_END:
		tui_cursor_goto_page(t, pages - 1);
		return TUI_REDRAW;
	case TUI_ACTION_ENTER:
		t->focus = TUI_FOCUS_CONTENT;
		return TUI_REDRAW;
	default:
		return TUI_NONE;
	}
}

enum tui_reaction tui_sidebar_confirm(struct tui *t)
{
	if (t->page == 0) {
		tui_message(t, TUI_MESSAGE_INFO, "基本信息不需要确认；请到一至六各部分确认");
		return TUI_REDRAW;
	}
	size_t section = t->page - 1, problems;
	const struct form_section *sec = &t->form->sections[section];
	if (t->session->report->confirmed[section]) {
		session_set_confirmed(t->session, section, false);
		tui_message(t, TUI_MESSAGE_INFO, "已取消确认“%s”", sec->heading);
		return TUI_EDITED;
	}
	if (session_section_state(t->session, section, &problems) == SECTION_ERROR) {
		tui_message(t, TUI_MESSAGE_ERROR, "本部分还有 %zu 处问题，改正后才能确认",
			    problems);
		return TUI_REDRAW;
	}
	session_set_confirmed(t->session, section, true);
	tui_message(t, TUI_MESSAGE_INFO, "已确认“%s”：目录中显示为完成", sec->heading);
	return TUI_EDITED;
}
