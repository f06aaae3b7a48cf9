/* The form: a full-screen terminal program (ncursesw) that walks a clerk
 * through the report.  This file owns the terminal (start, stop,
 * signals, resize), the main loop (key -> handler -> recovery file ->
 * draw), the bars at the top and bottom, dialogs, saving and quitting.
 * The pages are drawn and driven by tui_page.c, tui_basics.c and
 * tui_sidebar.c; the report and its rules live in the session. */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "render_pdf.h"
#include "render_text.h"
#include "report.h"
#include "session.h"
#include "tui_internal.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

/* The markers a terminal in bracketed-paste mode puts around a paste,
 * as keys of our own (define_key). */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)
#define BRACKETED_PASTE_ON "\033[?2004h"
#define BRACKETED_PASTE_OFF "\033[?2004l"

#define MIN_ROWS 16
#define MIN_COLS 60
/* How long to wait for a key before doing idle work (ms). */
#define IDLE_MS 1000

static volatile sig_atomic_t stop_signal;
static bool terminal_lost;	/* the terminal went away: every read fails at once */
static bool curses_active;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

void tui_bracketed_paste(bool on)
{
	fputs(on ? BRACKETED_PASTE_ON : BRACKETED_PASTE_OFF, stdout);
	fflush(stdout);
}

/* Ends curses (also from the out-of-memory path) so the shell is usable. */
static void terminal_restore(void)
{
	if (curses_active) {
		tui_bracketed_paste(false);
		endwin();
		curses_active = false;
	}
}

/* ---- layout ------------------------------------------------------------- */

int tui_sidebar_width(const struct tui *t)
{
	return t->cols >= 100 ? 28 : 8;
}

int tui_content_x(const struct tui *t)
{
	return tui_sidebar_width(t) + 1;
}

int tui_content_width(const struct tui *t)
{
	return t->cols - tui_content_x(t) - 1;
}

int tui_body_top(const struct tui *t)
{
	(void)t;
	return 1;
}

int tui_body_height(const struct tui *t)
{
	return t->rows - 2 - (t->message_lines > 1 ? t->message_lines : 1);
}

size_t tui_section(const struct tui *t)
{
	return t->page == 0 ? FORM_NONE : t->page - 1;
}

void tui_message(struct tui *t, enum tui_message_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[1024];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = xstrdup(text);
	t->message_kind = kind;
}

/* ---- drawing helpers -------------------------------------------------------- */

void tui_style(struct tui *t, enum tui_style style)
{
	static const struct {
		short pair;
		attr_t attr, mono;
	} styles[] = {
		[TUI_STYLE_NORMAL] = {0, A_NORMAL, A_NORMAL},
		[TUI_STYLE_BAR] = {1, A_NORMAL, A_REVERSE},
		[TUI_STYLE_HEADING] = {2, A_BOLD, A_BOLD},
		[TUI_STYLE_LABEL] = {0, A_NORMAL, A_NORMAL},
		[TUI_STYLE_DERIVED] = {3, A_NORMAL, A_DIM},
		[TUI_STYLE_ERROR] = {4, A_BOLD, A_BOLD | A_UNDERLINE},
		[TUI_STYLE_WARNING] = {5, A_NORMAL, A_UNDERLINE},
		[TUI_STYLE_OK] = {6, A_NORMAL, A_NORMAL},
		[TUI_STYLE_DIM] = {7, A_DIM, A_DIM},
		[TUI_STYLE_CURSOR] = {0, A_REVERSE, A_REVERSE},
		[TUI_STYLE_CURSOR_ERROR] = {4, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD},
	};
	if (t->colors)
		attrset(styles[style].attr | COLOR_PAIR(styles[style].pair));
	else
		attrset(styles[style].mono);
}

int tui_put(int y, int x, const char *s, int width)
{
	int used = 0;
	size_t len = strlen(s), i = 0;
	move(y, x);
	while (i < len && used < width) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + i, len - i, &cp, &ok);
		if (!ok)
			cp = UTF8_REPLACEMENT;
		if (cp == '\t' || cp == '\n')
			cp = ' ';
		int w = utf8_cp_width(cp);
		if (w == 0 && cp < 0x20)
			cp = UTF8_REPLACEMENT, w = 1;
		if (used + w > width)
			break;
		wchar_t wc[2] = {(wchar_t)cp, 0};
		addnwstr(wc, 1);
		used += w;
		i += n;
	}
	return used;
}

void tui_put_right(int y, int x, const char *s, int width)
{
	int w = utf8_width(s);
	if (w > width)
		w = width;
	tui_blank(y, x, width - w);
	tui_put(y, x + width - w, s, w);
}

/* Wraps s into lines of width columns by the same rules as the
 * narratives, drawing them from (y, x) when draw is set; past max_lines
 * the last line ends in "…".  Returns the number of lines. */
static int wrap(const char *s, int y, int x, int width, int max_lines, bool draw)
{
	struct textedit e;
	textedit_init(&e, s, SIZE_MAX, width);
	int lines = e.nlines < (size_t)max_lines ? (int)e.nlines : max_lines;
	for (int i = 0; draw && i < lines; i++) {
		const struct textedit_line *l = &e.lines[i];
		char *part = xstrndup(e.text.data + l->start, l->end - l->start);
		if (i + 1 == lines && e.nlines > (size_t)lines) {
			int used = tui_put(y + i, x, part, width - 1);
			tui_put(y + i, x + used, "…", 1);
		} else {
			tui_put(y + i, x, part, width);
		}
		free(part);
	}
	textedit_fini(&e);
	return lines;
}

int tui_wrapped_lines(const char *s, int width, int max_lines)
{
	return wrap(s, 0, 0, width, max_lines, false);
}

int tui_put_wrapped(int y, int x, const char *s, int width, int max_lines)
{
	return wrap(s, y, x, width, max_lines, true);
}

void tui_blank(int y, int x, int width)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		addch(' ');
}

/* ---- the bars ------------------------------------------------------------- */

static void draw_title_bar(struct tui *t)
{
	tui_style(t, TUI_STYLE_BAR);
	tui_blank(0, 0, t->cols);
	char *title = t->session ? report_title(t->session->report) : xstrdup("新建报告");
	const char *state = !t->session ? ""
			    : t->session->dirty ? (t->session->report->draft ? "草稿 未保存" : "未保存")
						: (t->session->report->draft ? "草稿 已保存" : "已保存");
	int right = utf8_width(state) + 2;
	int used = tui_put(0, 1, " 年报 ", t->cols - right - 1);
	tui_put(0, 1 + used, title, t->cols - right - used - 2);
	tui_put(0, t->cols - right, state, right);
	free(title);
	tui_style(t, TUI_STYLE_NORMAL);
}

static const char *key_hints(const struct tui *t)
{
	if (t->dialog)
		return "按方括号里的字母回答  Esc 取消";
	if (t->help)
		return "↑↓ PgUp PgDn 翻看  其他任意键返回";
	if (t->focus == TUI_FOCUS_SECTIONS)
		return "↑↓ 选择部分  Enter 进入  F2 保存  F5 生成文本和PDF  F1 帮助  F10 退出";
	if (t->page == 0)
		return t->text_open ? "输入后 Enter 确定  Esc 放弃修改  F1 帮助"
				    : "↑↓ 选择  Enter 修改  空格 切换草稿  Esc 目录  F2 保存  F1 帮助";
	if (t->text_open || tui_page_on_text(t))
		return "输入文字  Tab 下一项  Ctrl-E 外部编辑器  Esc 目录  F2 保存  F1 帮助";
	if (t->number_editing)
		return "数字 继续输入  Enter 确定  Esc 取消本次输入  Tab 下一格  F1 帮助";
	return "数字 填写  方向键/Tab 移动  Enter 确定  Del 清零  Esc 目录  F2 保存  F1 帮助";
}

/* The message line's text: a transient message, else what is wrong with
 * (or what is) the cell under the cursor.  The caller frees it. */
static char *bottom_message(const struct tui *t, enum tui_message_kind *kind)
{
	*kind = t->message_kind;
	if (t->message)
		return xstrdup(t->message);
	if (t->session && !t->help && t->focus == TUI_FOCUS_CONTENT && t->page > 0)
		return tui_page_status(t, kind);
	return NULL;
}

static void draw_bottom_bars(struct tui *t, const char *message, enum tui_message_kind kind)
{
	int lines = t->message_lines > 1 ? t->message_lines : 1;
	int top = t->rows - 1 - lines;
	tui_style(t, kind == TUI_MESSAGE_ERROR ? TUI_STYLE_ERROR : TUI_STYLE_NORMAL);
	for (int i = 0; i < lines; i++)
		tui_blank(top + i, 0, t->cols);
	if (message)
		tui_put_wrapped(top, 1, message, t->cols - 2, lines);
	tui_style(t, TUI_STYLE_BAR);
	tui_blank(t->rows - 1, 0, t->cols);
	tui_put(t->rows - 1, 1, key_hints(t), t->cols - 2);
	tui_style(t, TUI_STYLE_NORMAL);
}

/* The dialogs a command can open while the form runs. */
static const struct {
	const char *title;
	const char *lines[3];
	const char *choices;
	int cancel;
} dialogs[] = {
	[TUI_DIALOG_CONFLICT] = {"文件已被修改",
				 {"这个文件在您打开之后被其他程序或其他人改过。", "保存会覆盖那些修改。",
				  "[Y] 仍然保存（覆盖）   [N] 不保存（稍后另行处理）"},
				 "yn", 'n'},
	[TUI_DIALOG_QUIT] = {"退出",
			     {"报告有还没有保存的修改。", "",
			      "[S] 保存后退出   [D] 不保存，退出   [C] 继续编辑"},
			     "sdc", 'c'},
};

/* Draws a question in a box over the screen. */
static void draw_box(struct tui *t, const char *title, const char *const *lines, size_t nlines)
{
	int width = utf8_width(title) + 4;
	for (size_t i = 0; i < nlines; i++)
		if (utf8_width(lines[i]) + 4 > width)
			width = utf8_width(lines[i]) + 4;
	if (width > t->cols - 2)
		width = t->cols - 2;
	int height = (int)nlines + 4;
	int y0 = (t->rows - height) / 2, x0 = (t->cols - width) / 2;
	tui_style(t, TUI_STYLE_BAR);
	for (int y = 0; y < height; y++)
		tui_blank(y0 + y, x0, width);
	attron(A_BOLD);
	tui_put(y0 + 1, x0 + 2, title, width - 4);
	attroff(A_BOLD);
	for (size_t i = 0; i < nlines; i++)
		tui_put(y0 + 2 + (int)i, x0 + 2, lines[i], width - 4);
	tui_style(t, TUI_STYLE_NORMAL);
	curs_set(0);
}

void tui_layout(struct tui *t)
{
	if (t->repaint_all) {
		clearok(curscr, TRUE);
		t->repaint_all = false;
	}
	tui_page_layout_free(t);
	free(t->status);
	t->status = NULL;
	t->cursor_shown = false;
	if (!t->session || t->rows < MIN_ROWS || t->cols < MIN_COLS)
		return;
	/* a long message takes two lines, so that how much is wrong shows */
	t->status = bottom_message(t, &t->status_kind);
	t->message_lines = t->status ? tui_wrapped_lines(t->status, t->cols - 2, 2) : 1;
	if (t->help) {
		tui_help_layout(t);
		return;
	}
	if (t->page == 0)
		t->cursor_shown = t->focus == TUI_FOCUS_CONTENT &&
				  tui_basics_cursor(t, &t->cursor_y, &t->cursor_x);
	else
		tui_page_layout(t);
	if (t->focus != TUI_FOCUS_CONTENT)
		t->cursor_shown = false;
}

void tui_draw(struct tui *t)
{
	erase();
	if (t->rows < MIN_ROWS || t->cols < MIN_COLS) {
		char notice[128];
		snprintf(notice, sizeof notice, "窗口太小：至少需要 %d 列 × %d 行，现在是 %d × %d", MIN_COLS,
			 MIN_ROWS, t->cols, t->rows);
		tui_put(0, 0, notice, t->cols);
		tui_put(1, 0, "请放大终端窗口；您填写的内容不会丢失。", t->cols);
		curs_set(0);
		refresh();
		return;
	}
	draw_title_bar(t);
	if (!t->session) {
		refresh(); /* a dialog before the report exists */
		return;
	}
	if (t->help) {
		tui_help_draw(t);
	} else {
		tui_sidebar_draw(t);
		tui_style(t, TUI_STYLE_DIM);
		mvvline_set(1, tui_sidebar_width(t), WACS_VLINE, tui_body_height(t));
		tui_style(t, TUI_STYLE_NORMAL);
		if (t->page == 0)
			tui_basics_draw(t);
		else
			tui_page_draw(t);
	}
	draw_bottom_bars(t, t->status, t->status_kind);
	if (t->dialog) {
		draw_box(t, dialogs[t->dialog].title, dialogs[t->dialog].lines, 3);
	} else {
		curs_set(t->cursor_shown ? 1 : 0);
		if (t->cursor_shown)
			move(t->cursor_y, t->cursor_x);
	}
	refresh();
}

/* After a change: lay the screen out again and draw it. */
static void show(struct tui *t)
{
	tui_layout(t);
	tui_draw(t);
}

/* get_wch, noting a terminal that went away without a SIGHUP: it answers
 * at once, forever, instead of waiting for the timeout. */
static int read_key(wint_t *ch)
{
	static unsigned fast_errors;
	struct timespec before, after;
	clock_gettime(CLOCK_MONOTONIC, &before);
	int kind = get_wch(ch);
	if (kind != ERR) {
		fast_errors = 0;
		return kind;
	}
	clock_gettime(CLOCK_MONOTONIC, &after);
	long ms = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
	fast_errors = ms < IDLE_MS / 2 ? fast_errors + 1 : 0;
	if (fast_errors > 100)
		terminal_lost = true;
	return ERR;
}

/* ---- dialogs ------------------------------------------------------------- */

/* Asks a question before the form starts (the recovery file); returns the
 * key (lower case) of the choice, one of `choices`.  Esc answers
 * `cancel`.  Questions asked while the form runs are dialogs instead
 * (enum tui_dialog), answered through the main loop. */
static int ask(struct tui *t, const char *title, const char *const *lines, size_t nlines,
	       const char *choices, int cancel)
{
	for (;;) {
		show(t);
		draw_box(t, title, lines, nlines);
		refresh();
		wint_t ch;
		int r = read_key(&ch);
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			getmaxyx(stdscr, t->rows, t->cols);
			continue;
		}
		if (r == OK && ch == 27)
			return cancel;
		if (r == OK && ch < 128 && strchr(choices, (int)(ch | 0x20)))
			return (int)(ch | 0x20);
		if (r == ERR && (stop_signal || terminal_lost))
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
		draw_title_bar(t);
		int width = t->cols - 8 > 60 ? 60 : t->cols - 8;
		int y0 = t->rows / 2 - 3, x0 = (t->cols - width) / 2;
		tui_style(t, TUI_STYLE_BAR);
		for (int y = 0; y < 6; y++)
			tui_blank(y0 + y, x0, width);
		attron(A_BOLD);
		tui_put(y0 + 1, x0 + 2, title, width - 4);
		attroff(A_BOLD);
		int lw = tui_put(y0 + 3, x0 + 2, label, width - 4);
		tui_style(t, TUI_STYLE_NORMAL);
		int fx = x0 + 3 + lw, fw = width - lw - 5;
		tui_blank(y0 + 3, fx, fw);
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
		int r = read_key(&ch);
		if (r == ERR) {
			if (stop_signal || terminal_lost)
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

/* ---- commands ---------------------------------------------------------------- */

static void write_recovery(struct tui *t, bool sync)
{
	char *error;
	if (session_write_recovery(t->session, sync, &error) != 0) {
		tui_message(t, TUI_MESSAGE_ERROR, "恢复文件写不进去：%s。请尽快按 F2 保存。", error);
		free(error);
	}
}

/* Saves (force: over a file someone else changed); a conflict opens the
 * dialog that asks whether to. */
static enum tui_reaction save_report(struct tui *t, bool force)
{
	char *error;
	enum session_save_result r = session_save(t->session, force, &error);
	if (r == SESSION_SAVE_CONFLICT) {
		t->dialog = TUI_DIALOG_CONFLICT;
		return TUI_REDRAW;
	}
	if (r == SESSION_SAVE_FAILED) {
		tui_message(t, TUI_MESSAGE_ERROR, "保存失败：%s", error);
		free(error);
		t->quit_after_save = false;
		return TUI_REDRAW;
	}
	tui_message(t, TUI_MESSAGE_INFO, "已保存到 %s", t->session->path);
	if (t->quit_after_save)
		return TUI_QUIT;
	return TUI_REDRAW;
}

static enum tui_reaction save(struct tui *t)
{
	if (t->page == 0 && !tui_basics_commit(t))
		return TUI_REDRAW;
	tui_page_commit(t);
	return save_report(t, false);
}

/* The file beside the report with another extension (caller frees). */
static char *sibling_path(const char *path, const char *extension)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
	char *sibling = xasprintf("%.*s%s", (int)stem, path, extension);
	if (strcmp(sibling, path) == 0) { /* a report named 年报.txt is not overwritten */
		free(sibling);
		sibling = xasprintf("%s%s", path, extension);
	}
	return sibling;
}

/* Writes the standardized text and the PDF beside the report. */
static enum tui_reaction render_outputs(struct tui *t)
{
	tui_page_commit(t);
	const struct report *report = t->session->report;
	size_t len;
	char *text = render_text(report, &len);
	char *text_path = sibling_path(t->session->path, ".txt");
	char *pdf_path = sibling_path(t->session->path, ".pdf");
	char *error = NULL;
	struct diag_list diags;
	diag_list_init(&diags);
	/* both are made before either is written: none is left newer than the other */
	struct render_pdf_options options = {0};
	size_t pdf_len;
	char *pdf = render_pdf(report, &options, &pdf_len, &diags, &error);
	if (!pdf) {
		tui_message(t, TUI_MESSAGE_ERROR, "没有生成：%s",
			    diags.count ? diags.items[0].message : error);
		goto done;
	}
	int failed = atomic_write(text_path, text, len, ATOMIC_REPLACE, &error) ||
		     atomic_write(pdf_path, pdf, pdf_len, ATOMIC_REPLACE, &error);
	free(pdf);
	if (failed) {
		tui_message(t, TUI_MESSAGE_ERROR, "没有生成：%s", error);
		goto done;
	}
	size_t errors = session_error_count(t->session);
	if (errors)
		tui_message(t, TUI_MESSAGE_ERROR, "已生成 %s 和 %s（注意：报告还有 %zu 处错误）", text_path,
			    pdf_path, errors);
	else
		tui_message(t, TUI_MESSAGE_INFO, "已生成 %s 和 %s", text_path, pdf_path);
done:
	diag_list_fini(&diags);
	free(error);
	free(text_path);
	free(pdf_path);
	free(text);
	return TUI_REDRAW;
}

static enum tui_reaction quit(struct tui *t)
{
	if (t->page == 0 && !tui_basics_commit(t))
		return TUI_REDRAW;
	tui_page_commit(t);
	if (!t->session->dirty)
		return TUI_QUIT;
	t->dialog = TUI_DIALOG_QUIT;
	return TUI_REDRAW;
}

/* The answer to the open dialog; other keys wait for one. */
static enum tui_reaction dialog_key(struct tui *t, struct tui_key key)
{
	int answer = 0;
	if (!key.function && key.code == 27)
		answer = dialogs[t->dialog].cancel;
	else if (!key.function && key.code < 128 &&
		 strchr(dialogs[t->dialog].choices, (int)(key.code | 0x20)))
		answer = (int)(key.code | 0x20);
	if (!answer)
		return TUI_NONE;
	enum tui_dialog dialog = t->dialog;
	t->dialog = TUI_DIALOG_NONE;
	if (dialog == TUI_DIALOG_CONFLICT) {
		if (answer == 'y')
			return save_report(t, true);
		t->quit_after_save = false;
		tui_message(t, TUI_MESSAGE_ERROR, "没有保存：文件已被他人修改，您的内容仍在恢复文件中");
		return TUI_REDRAW;
	}
	switch (answer) {
	case 's':
		t->quit_after_save = true;
		return save_report(t, false);
	case 'd': {
		/* the clerk's choice; still, what was typed is set aside, not deleted */
		char *error, *aside = session_recovery_set_aside(t->session, &error);
		free(aside);
		free(error);
		t->session->dirty = false;
		return TUI_QUIT;
	}
	default:
		return TUI_REDRAW;
	}
}

/* Keys that mean the same everywhere. */
static enum tui_reaction global_key(struct tui *t, struct tui_key key, bool *handled)
{
	*handled = true;
	if (key.function) {
		switch (key.code) {
		case KEY_F(1):
			t->help = true;
			return TUI_REDRAW;
		case KEY_F(2):
			return save(t);
		case KEY_F(5):
			return render_outputs(t);
		case KEY_F(10):
			return quit(t);
		default:
			break;
		}
	} else {
		switch (key.code) {
		case 'S' & 0x1f:
			return save(t);
		case 'Q' & 0x1f:
			return quit(t);
		case 'L' & 0x1f:
			/* a screen garbled by a flaky connection or another program */
			t->repaint_all = true;
			return TUI_REDRAW;
		case 'N' & 0x1f:
		case 'P' & 0x1f:
			if (t->page == 0 && !tui_basics_commit(t))
				return TUI_REDRAW;
			tui_page_commit(t);
			size_t pages = t->form->nsections + 1;
			tui_goto_page(t, key.code == ('N' & 0x1f) ? (t->page + 1) % pages
								    : (t->page + pages - 1) % pages);
			t->focus = TUI_FOCUS_CONTENT;
			return TUI_REDRAW;
		default:
			break;
		}
	}
	*handled = false;
	return TUI_NONE;
}

enum tui_reaction tui_handle_key(struct tui *t, struct tui_key key)
{
	if (key.function && key.code == KEY_RESIZE) {
		getmaxyx(stdscr, t->rows, t->cols);
		if (t->text_open && t->page > 0)
			textedit_set_width(&t->text, tui_content_width(t) - 2);
		return TUI_REDRAW;
	}
	if (t->dialog)
		return dialog_key(t, key);
	if (t->help)
		return tui_help_key(t, key);
	free(t->message);
	t->message = NULL;
	bool handled;
	enum tui_reaction r = global_key(t, key, &handled);
	if (handled)
		return r;
	if (t->rows < MIN_ROWS || t->cols < MIN_COLS)
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

enum tui_reaction tui_insert_text(struct tui *t, const char *utf8, size_t len)
{
	free(t->message);
	t->message = NULL;
	if (t->dialog)
		return dialog_key(t, (struct tui_key){(wint_t)utf8[0], false});
	if (t->help)
		return tui_help_key(t, (struct tui_key){(wint_t)utf8[0], false});
	if (t->rows < MIN_ROWS || t->cols < MIN_COLS)
		return TUI_NONE;
	if (t->focus == TUI_FOCUS_SECTIONS) {
		/* typing in the list goes nowhere; tell the clerk how to get in */
		tui_message(t, TUI_MESSAGE_INFO, "请先按 Enter 进入一个部分再填写");
		return TUI_REDRAW;
	}
	return t->page == 0 ? tui_basics_insert(t, utf8, len) : tui_page_insert(t, utf8, len);
}

/* True when the terminal has sent bytes not read yet. */
static bool input_pending(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&in, 1, 0) > 0 && (in.revents & POLLIN);
}

/* Reads keys until none are waiting, handling runs of typed characters
 * (a paste) as one insertion, so the screen is drawn once per burst. */
static enum tui_reaction process_input(struct tui *t, wint_t first, int first_kind)
{
	enum tui_reaction reaction = TUI_NONE;
	struct buf run;
	buf_init(&run);
	wint_t ch = first;
	int kind = first_kind;
	for (;;) {
		struct tui_key key = {ch, kind == KEY_CODE_YES};
		bool in_text = t->focus == TUI_FOCUS_CONTENT && t->page > 0 && tui_page_on_text(t) &&
			       !t->help;
		if (key.function && (ch == KEY_PASTE_BEGIN || ch == KEY_PASTE_END)) {
			t->pasting = ch == KEY_PASTE_BEGIN;
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
				reaction |= tui_insert_text(t, run.data, run.len);
				buf_clear(&run);
			}
			reaction |= tui_handle_key(t, key);
			if (reaction & TUI_QUIT)
				break;
		}
	next:
		/* ask the kernel, not get_wch with a zero timeout: with that,
		 * ncurses now and then drops part of a long paste */
		if (!input_pending())
			break;
		kind = get_wch(&ch);
		if (kind == ERR)
			break;
	}
	if (run.len && !(reaction & TUI_QUIT))
		reaction |= tui_insert_text(t, run.data, run.len);
	buf_fini(&run);
	return reaction;
}

/* ---- start and stop -------------------------------------------------------- */

static bool utf8_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	/* over SSH the locale is often unset: Chinese needs UTF-8 anyway */
	return setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static void start_curses(struct tui *t)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	set_escdelay(25);
	initscr();
	curses_active = true;
	xalloc_set_fatal_hook(terminal_restore);
	raw(); /* Ctrl-S and Ctrl-Q reach the form, not the terminal */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	tui_bracketed_paste(true);
	timeout(IDLE_MS);
	t->colors = has_colors();
	if (t->colors) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_BLUE, -1);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_RED, -1);
		init_pair(5, COLOR_YELLOW, -1);
		init_pair(6, COLOR_GREEN, -1);
		init_pair(7, -1, -1);
	}
	getmaxyx(stdscr, t->rows, t->cols);
}

/* Offers to restore what an unfinished session left in the recovery file;
 * true when it was restored. */
static bool offer_recovery(struct tui *t)
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
			tui_message(t, TUI_MESSAGE_ERROR, "恢复文件无法读取（%s），已打开保存的文件",
				    diags.count ? diags.items[0].message : "未知原因");
		diag_list_fini(&diags);
	} else {
		char *error, *aside = session_recovery_set_aside(t->session, &error);
		if (aside)
			tui_message(t, TUI_MESSAGE_INFO, "没有恢复；那些内容留在 %s", aside);
		else
			tui_message(t, TUI_MESSAGE_ERROR, "没有恢复，但恢复文件没能移开（%s）：请先备份 %s",
				    error, t->session->recovery_path);
		free(aside);
		free(error);
	}
	return restored;
}

static void loop(struct tui *t)
{
	show(t);
	while (!stop_signal && !terminal_lost) {
		wint_t ch;
		int kind = read_key(&ch);
		if (kind == ERR) {
			write_recovery(t, false);
			continue;
		}
		enum tui_reaction r = process_input(t, ch, kind);
		if (r & TUI_CHANGED)
			write_recovery(t, false);
		if (r & TUI_QUIT)
			break;
		if (r & TUI_REDRAW)
			show(t);
	}
}

/* A report for a file that does not exist yet: what an unfinished
 * session left behind, if the clerk wants it, else a new report for the
 * organ and year asked for (or given on the command line).  The new file
 * is written at once.  NULL when the clerk cancels. */
static struct session *start_new_report(struct tui *t, const char *path, const char *organ,
					int year)
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
		bool restored = offer_recovery(t);
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
	if (!year && !prompt_line(t, "新建报告", "报告年度：", default_year, 4, year_check,
				  &year_text)) {
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
		tui_message(t, TUI_MESSAGE_ERROR, "没有保存：%s 刚被别的程序建立；按 F2 决定是否覆盖",
			    path);
	} else if (saved == SESSION_SAVE_FAILED) {
		tui_message(t, TUI_MESSAGE_ERROR, "新文件没能保存：%s（内容在恢复文件中）", error);
		free(error);
	} else {
		tui_message(t, TUI_MESSAGE_INFO, "已新建 %s", path);
	}
	return s;
}

int tui_edit(const char *path, struct catalog *catalog, const char *organ, int year, FILE *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(err, "nianbao edit: 需要在终端里运行（标准输入和输出都应是终端）；"
			     "不用终端检查报告请用 nianbao check\n");
		return 2;
	}
	if (!utf8_locale()) {
		fprintf(err, "nianbao edit: 终端需要 UTF-8 编码（例如 LANG=zh_CN.UTF-8）\n");
		return 2;
	}
	char *lock_error;
	int lock = session_lock(path, &lock_error);
	if (lock_error) {
		fprintf(err, "nianbao edit: %s\n", lock_error);
		free(lock_error);
		return 2;
	}
	struct diag_list diags;
	diag_list_init(&diags);
	bool created;
	struct session *s = session_open(path, catalog, &diags, &created);
	if (!s && !created) {
		session_unlock(path, lock);
		for (size_t i = 0; i < diags.count; i++)
			fprintf(err, "%s:%d:%d: error: %s [%s]\n", path, diags.items[i].line ? diags.items[i].line : 1,
				diags.items[i].line ? diags.items[i].column : 1, diags.items[i].message,
				diags.items[i].rule);
		fprintf(err, "nianbao edit: %s 不能作为报告读取，请先改正上面的问题\n", path);
		diag_list_fini(&diags);
		return 2;
	}
	diag_list_fini(&diags);

	struct tui t = {.catalog = catalog, .rows = 24, .cols = 80};
	buf_init(&t.number);
	start_curses(&t);
	int status = 0;
	if (created) {
		s = start_new_report(&t, path, organ, year);
		if (!s) {
			terminal_restore();
			tui_fini(&t);
			fprintf(err, "nianbao edit: 没有新建 %s\n", path);
			session_unlock(path, lock);
			return 0;
		}
	}
	t.session = s;
	t.form = s->report->form;
	tui_goto_page(&t, 1);
	t.focus = TUI_FOCUS_SECTIONS;
	if (!created && offer_recovery(&t)) {
		t.form = s->report->form; /* the recovery file may be of another form */
		tui_goto_page(&t, 1);	   /* show the restored texts */
	}
	loop(&t);
	if (t.page == 0)
		tui_basics_commit(&t); /* a field being typed reaches the recovery file */

	if (stop_signal) {
		write_recovery(&t, true);
		status = 128 + stop_signal;
	} else if (t.session->dirty) {
		write_recovery(&t, true); /* the terminal went away */
	}
	terminal_restore();
	if (stop_signal)
		fprintf(err, "nianbao edit: 收到信号 %d，未保存的内容已写入 %s\n", (int)stop_signal,
			s->recovery_path);
	tui_fini(&t);
	session_free(s);
	session_unlock(path, lock);
	return status;
}

void tui_fini(struct tui *t)
{
	tui_page_commit(t);
	tui_page_layout_free(t);
	free(t->status);
	textedit_fini(&t->text);
	buf_fini(&t->number);
	free(t->message);
	t->status = t->message = NULL;
}
