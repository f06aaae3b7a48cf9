/* The help screen (F1): every key of the form, from the key table. */
#include "tui_help.h"

#include <curses.h>
#include <stddef.h>
#include <stdio.h>

#include "tui_area.h"
#include "tui_keys.h"
#include "tui_put.h"
#include "tui_style.h"

#define HELP_LINES tui_keys_help_count()
#define HELP_LINE_MAX 512

/* Lines of help that fit under its title. */
static size_t help_room(const struct tui *t)
{
	int room = tui_area_body_height(t) - 2;
	return room > 1 ? (size_t)room : 1;
}

static size_t help_last_scroll(const struct tui *t)
{
	return HELP_LINES > help_room(t) ? HELP_LINES - help_room(t) : 0;
}

void tui_help_layout(struct tui *t)
{
	size_t last = help_last_scroll(t);
	if (t->help_scroll > last)
		t->help_scroll = last; /* after a resize */
}

void tui_help_draw(struct tui *t)
{
	size_t room = help_room(t), last = help_last_scroll(t);
	tui_style(t, TUI_STYLE_HEADING);
	int used = tui_put(tui_area_body_top(t), 2, "帮助：年报编辑的按键", t->cols - 4);
	tui_style(t, TUI_STYLE_DIM);
	if (last > 0) {
		char where[64];
		snprintf(where, sizeof where, "（第 %zu–%zu 行，共 %zu 行）", t->help_scroll + 1,
			 t->help_scroll + room < HELP_LINES ? t->help_scroll + room : HELP_LINES,
			 HELP_LINES);
		tui_put(tui_area_body_top(t), 3 + used, where, t->cols - used - 5);
	}
	tui_style(t, TUI_STYLE_NORMAL);
	for (size_t i = 0; i < room && t->help_scroll + i < HELP_LINES; i++) {
		char line[HELP_LINE_MAX];
		tui_put(tui_area_body_top(t) + 2 + (int)i, 2,
			tui_keys_help_line(t->help_scroll + i, line, sizeof line), t->cols - 4);
	}
}

enum tui_reaction tui_help_key(struct tui *t, struct tui_key key)
{
	size_t last = help_last_scroll(t), room = help_room(t);
	/* scrolled by the keys that scroll a text */
	switch (tui_keys_action(TUI_KEYS_TEXT, key)) {
	case TUI_ACTION_DOWN:
		t->help_scroll = t->help_scroll < last ? t->help_scroll + 1 : last;
		return TUI_REDRAW;
	case TUI_ACTION_UP:
		t->help_scroll = t->help_scroll > 0 ? t->help_scroll - 1 : 0;
		return TUI_REDRAW;
	case TUI_ACTION_PAGE_DOWN:
		t->help_scroll = t->help_scroll + room < last ? t->help_scroll + room : last;
		return TUI_REDRAW;
	case TUI_ACTION_PAGE_UP:
		t->help_scroll = t->help_scroll > room ? t->help_scroll - room : 0;
		return TUI_REDRAW;
	default:
		break;
	}
	t->help = false;
	t->help_scroll = 0;
	return TUI_REDRAW;
}
