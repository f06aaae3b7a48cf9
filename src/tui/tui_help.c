/* The help screen (F1): what the 30号文 asks in the part the clerk is in
 * and the report's deadline (templates/help.yaml), then every key of the
 * form, from the key table. */
#include "tui_help.h"

#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "report.h"
#include "session.h"
#include "template.h"
#include "templates.h"
#include "textedit.h"
#include "tui_area.h"
#include "tui_keys.h"
#include "tui_put.h"
#include "tui_style.h"
#include "xalloc.h"

#define HELP_LINES (help_intro_lines(t) + tui_keys_help_count())
#define HELP_LINE_MAX 512

/* The text above the keys: the help of the page (0 基本信息, p section
 * p - 1) and the deadline, as one string (caller frees). */
static char *help_intro(const struct tui *t)
{
	struct buf b;
	buf_init(&b);
	if (t->page <= TEMPLATES_HELP_OTHER - TEMPLATES_HELP_BASIC)
		buf_addf(&b, "%s", templates_get(TEMPLATES_HELP_BASIC + t->page));
	if (t->session) {
		char year[16];
		snprintf(year, sizeof year, "%d", t->session->report->year + 1);
		const struct template_var vars[] = {{"year", year}};
		buf_addf(&b, "%s", b.len ? "\n" : "");
		templates_expand(&b, TEMPLATES_HELP_DEADLINE, vars, 1);
	}
	return buf_take(&b);
}

/* The intro wrapped to the help's width, in *e (textedit_fini it). */
static void help_wrap_intro(const struct tui *t, struct textedit *e)
{
	char *intro = help_intro(t);
	textedit_init(e, intro, SIZE_MAX, t->cols - 4 > 10 ? t->cols - 4 : 10);
	free(intro);
}

/* Lines the intro takes, with the blank line below it. */
static size_t help_intro_lines(const struct tui *t)
{
	struct textedit e;
	help_wrap_intro(t, &e);
	size_t n = e.text.len ? e.nlines + 1 : 0;
	textedit_fini(&e);
	return n;
}

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
	struct textedit e;
	help_wrap_intro(t, &e);
	size_t intro = e.text.len ? e.nlines + 1 : 0;
	for (size_t i = 0; i < room && t->help_scroll + i < HELP_LINES; i++) {
		size_t n = t->help_scroll + i;
		int y = tui_area_body_top(t) + 2 + (int)i;
		if (n + 1 < intro) {
			const struct textedit_line *l = &e.lines[n];
			char *part = xstrndup(e.text.data + l->start, l->end - l->start);
			tui_put(y, 2, part, t->cols - 4);
			free(part);
		} else if (n >= intro) {
			char line[HELP_LINE_MAX];
			tui_put(y, 2, tui_keys_help_line(n - intro, line, sizeof line),
				t->cols - 4);
		}
	}
	textedit_fini(&e);
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
