/* Questions that read their own keys; see tui_prompt.h. */
#include "tui_prompt.h"

#include <curses.h>
#include <stdint.h>
#include <string.h>

#include "textedit.h"
#include "tui_dialog.h"
#include "tui_put.h"
#include "tui_screen.h"
#include "tui_style.h"
#include "tui_term.h"
#include "tui_view.h"
#include "utf8.h"
#include "xalloc.h"

int tui_prompt_ask(struct tui *t, const char *title, const char *const *lines, size_t nlines,
		   const char *choices, int cancel)
{
	for (;;) {
		tui_screen_show(t);
		tui_dialog_box(t, title, lines, nlines);
		refresh();
		wint_t ch;
		int r = tui_term_read_key(&ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			getmaxyx(stdscr, t->rows, t->cols);
			continue;
		}
		if (r == OK && ch == 27)
			return cancel;
		if (r == OK && ch < 128 && strchr(choices, (int)(ch | 0x20)))
			return (int)(ch | 0x20);
		if (r == ERR && (tui_term_stop_signal() || tui_term_lost()))
			return cancel;
	}
}

bool tui_prompt_line(struct tui *t, const char *title, const char *label, const char *initial,
		     size_t max_chars, const char *(*check)(const char *), char **out)
{
	struct textedit e;
	textedit_init(&e, initial, max_chars, 1 << 20);
	textedit_end(&e);
	const char *problem = NULL;
	for (;;) {
		erase();
		tui_screen_title(t);
		int width = t->cols - 8 > 60 ? 60 : t->cols - 8;
		int y0 = t->rows / 2 - 3, x0 = (t->cols - width) / 2;
		tui_style(t, TUI_STYLE_BAR);
		for (int y = 0; y < 6; y++)
			tui_put_blank(y0 + y, x0, width);
		attron(A_BOLD);
		tui_put(y0 + 1, x0 + 2, title, width - 4);
		attroff(A_BOLD);
		int lw = tui_put(y0 + 3, x0 + 2, label, width - 4);
		tui_style(t, TUI_STYLE_NORMAL);
		int fx = x0 + 3 + lw, fw = width - lw - 5;
		tui_put_blank(y0 + 3, fx, fw);
		/* show the end of a long line */
		int cursor_col = utf8_nwidth(e.text.data, e.cursor);
		const char *shown = e.text.data;
		while (cursor_col >= fw && *shown) {
			uint32_t cp;
			bool ok;
			size_t n = utf8_decode(shown, strlen(shown), &cp, &ok);
			cursor_col -= utf8_cp_width(cp);
			shown += n;
		}
		tui_put(y0 + 3, fx, shown, fw);
		tui_style(t, problem ? TUI_STYLE_ERROR : TUI_STYLE_BAR);
		tui_put(y0 + 4, x0 + 2, problem ? problem : "Enter 确定  Esc 取消", width - 4);
		tui_style(t, TUI_STYLE_NORMAL);
		curs_set(1);
		move(y0 + 3, fx + cursor_col);
		refresh();

		wint_t ch;
		int r = tui_term_read_key(&ch);
		if (r == ERR) {
			if (tui_term_stop_signal() || tui_term_lost())
				break;
			continue;
		}
		if (r == KEY_CODE_YES) {
			if (ch == KEY_RESIZE)
				getmaxyx(stdscr, t->rows, t->cols);
			else if (ch == KEY_LEFT)
				textedit_left(&e);
			else if (ch == KEY_RIGHT)
				textedit_right(&e);
			else if (ch == KEY_HOME)
				textedit_home(&e);
			else if (ch == KEY_END)
				textedit_end(&e);
			else if (ch == KEY_BACKSPACE)
				textedit_backspace(&e);
			else if (ch == KEY_DC)
				textedit_delete(&e);
			else if (ch == KEY_ENTER)
				goto enter;
			continue;
		}
		if (ch == 27)
			break;
		if (ch == '\r' || ch == '\n') {
		enter:
			problem = check ? check(e.text.data) : NULL;
			if (!problem) {
				*out = xstrdup(e.text.data);
				textedit_fini(&e);
				return true;
			}
			continue;
		}
		if (ch == 127 || ch == 8) {
			textedit_backspace(&e);
			continue;
		}
		if (ch == ('U' & 0x1f)) { /* as in a shell: the whole line goes */
			textedit_fini(&e);
			textedit_init(&e, "", max_chars, 1 << 20);
			continue;
		}
		if (ch < 0x20)
			continue; /* no control characters in a name or a path */
		char utf8[4];
		size_t n = utf8_encode((uint32_t)ch, utf8);
		if (textedit_insert(&e, utf8, n) == TEXTEDIT_TOO_LONG)
			problem = "太长了";
		else
			problem = NULL;
	}
	textedit_fini(&e);
	return false;
}
