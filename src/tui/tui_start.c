/* Before the form runs: a new report's organ and year, and the offer to
 * restore what an unfinished session left in the recovery file.  Each
 * question reads its own keys until it is answered, or until a signal or
 * a lost terminal ends the form. */
#include "tui_start.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "diag.h"
#include "report.h"
#include "session.h"
#include "textedit.h"
#include "tui_dialog.h"
#include "tui_message.h"
#include "tui_put.h"
#include "tui_screen.h"
#include "tui_style.h"
#include "tui_term.h"
#include "tui_view.h"
#include "utf8.h"
#include "xalloc.h"

/* Asks a question before the form starts (the recovery file); returns the
 * key (lower case) of the choice, one of `choices`.  Esc answers
 * `cancel`.  Questions asked while the form runs are dialogs instead
 * (enum tui_dialog), answered through the main loop. */
static int ask(struct tui *t, const char *title, const char *const *lines, size_t nlines,
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

/* Reads one line in a box; returns false on Esc.  *out is owned by the
 * caller.  check (may be NULL) returns a problem phrase or NULL. */
static bool prompt_line(struct tui *t, const char *title, const char *label, const char *initial,
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

static const char *organ_check(const char *organ)
{
	return report_organ_problem(organ, strlen(organ));
}

static const char *year_check(const char *text)
{
	int year;
	return report_parse_year(text, strlen(text), &year);
}

bool tui_start_offer_recovery(struct tui *t)
{
	time_t when;
	bool restored = false;
	if (!session_recovery_found(t->session, &when))
		return false;
	char stamp[64], line[256];
	strftime(stamp, sizeof stamp, "%Y年%m月%d日 %H:%M:%S", localtime(&when));
	snprintf(line, sizeof line, "上次编辑在 %s 留下了没有保存的内容。", stamp);
	const char *lines[] = {line, "（可能是程序意外退出或终端断开。）", "",
			       "[Y] 恢复这些内容   [N] 不恢复，打开已保存的文件"};
	if (ask(t, "发现未保存的内容", lines, 4, "yn", 'y') == 'y') {
		struct diag_list diags;
		diag_list_init(&diags);
		restored = session_recovery_restore(t->session, t->catalog, &diags);
		if (restored)
			tui_message(t, TUI_MESSAGE_INFO, "已恢复 %s 的内容；按 F2 保存", stamp);
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "恢复文件无法读取（%s），已打开保存的文件",
				    diags.count ? diags.items[0].message : "未知原因");
		diag_list_fini(&diags);
	} else {
		char *error, *aside = session_recovery_set_aside(t->session, &error);
		if (aside)
			tui_message(t, TUI_MESSAGE_INFO, "没有恢复；那些内容留在 %s", aside);
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "没有恢复，但恢复文件没能移开（%s）：请先备份 %s", error,
				    t->session->recovery_path);
		free(aside);
		free(error);
	}
	return restored;
}

struct session *tui_start_new_report(struct tui *t, const char *path, const char *organ, int year)
{
	char *error = NULL;
	struct session *s = NULL;
	char *recovery = session_recovery_path(path);
	bool has_recovery = access(recovery, F_OK) == 0;
	free(recovery);
	if (has_recovery) {
		s = session_create(path, t->catalog, "（恢复中）", REPORT_YEAR_MIN, &error);
		if (!s) {
			free(error);
			return NULL;
		}
		t->session = s;
		t->form = s->report->form;
		bool restored = tui_start_offer_recovery(t);
		t->session = NULL;
		if (restored)
			return s; /* the clerk saves it when ready */
		session_free(s);
	}

	char *name = organ ? xstrdup(organ) : NULL, *year_text = NULL;
	char default_year[16];
	time_t now = time(NULL);
	snprintf(default_year, sizeof default_year, "%d",
		 year ? year : localtime(&now)->tm_year + 1900 - 1);
	if (!name && !prompt_line(t, "新建报告", "发布机关：", "", REPORT_ORGAN_MAX_CHARS,
				  organ_check, &name))
		return NULL;
	if (!year &&
	    !prompt_line(t, "新建报告", "报告年度：", default_year, 4, year_check, &year_text)) {
		free(name);
		return NULL;
	}
	s = session_create(path, t->catalog, name, year ? year : atoi(year_text), &error);
	free(name);
	free(year_text);
	if (!s) {
		free(error);
		return NULL;
	}
	enum session_save_result saved = session_save(s, false, &error);
	if (saved == SESSION_SAVE_CONFLICT) {
		tui_message(t, TUI_MESSAGE_ERROR,
			    "没有保存：%s 刚被别的程序建立；按 F2 决定是否覆盖", path);
	} else if (saved == SESSION_SAVE_FAILED) {
		tui_message(t, TUI_MESSAGE_ERROR, "新文件没能保存：%s（内容在恢复文件中）", error);
		free(error);
	} else {
		tui_message(t, TUI_MESSAGE_INFO, "已新建 %s", path);
	}
	return s;
}
