/* The whole screen, laid out and drawn from the view state: the bars at
 * the top and bottom, the section list, the page of the cursor (or the
 * help), and the open dialog over them; below the smallest size, a
 * notice instead. */
#include "tui_screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "deadline.h"
#include "report.h"
#include "session.h"
#include "template.h"
#include "templates.h"
#include "tui_area.h"
#include "tui_basics.h"
#include "tui_cursor.h"
#include "tui_dialog.h"
#include "tui_help.h"
#include "tui_page.h"
#include "tui_put.h"
#include "tui_sidebar.h"
#include "tui_style.h"
#include "tui_view.h"
#include "utf8.h"
#include "xalloc.h"

/* The days to the report's deadline (templates/help.yaml), or since it;
 * the caller frees it. */
static char *deadline_text(const struct report *r)
{
	int y, m, d;
	deadline_today(&y, &m, &d);
	long left = deadline_days_left(r->year, y, m, d);
	char days[32];
	snprintf(days, sizeof days, "%ld", left >= 0 ? left : -left);
	const struct template_var vars[] = {{"days", days}};
	struct buf b;
	buf_init(&b);
	templates_expand(&b, left >= 0 ? TEMPLATES_HELP_DAYS_LEFT : TEMPLATES_HELP_DAYS_OVER, vars,
			 1);
	return buf_take(&b);
}

void tui_screen_title(const struct tui *t)
{
	tui_style(t, TUI_STYLE_BAR);
	tui_put_blank(0, 0, t->cols);
	char *title = t->session ? report_title(t->session->report) : xstrdup("新建报告");
	const char *saved = !t->session ? ""
			    : t->session->dirty
				    ? (t->session->report->draft ? "草稿 未保存" : "未保存")
				    : (t->session->report->draft ? "草稿 已保存" : "已保存");
	char *days = t->session ? deadline_text(t->session->report) : xstrdup("");
	char *state = xasprintf("%s%s%s%s%s", days, *days ? "  " : "",
				t->session && t->session->read_only ? "只读 " : "", saved,
				t->recovery_failing ? " 恢复文件写入失败" : "");
	free(days);
	int right = utf8_width(state) + 2;
	int used = tui_put(0, 1, " 年报 ", t->cols - right - 1);
	tui_put(0, 1 + used, title, t->cols - right - used - 2);
	tui_put(0, t->cols - right, state, right);
	free(state);
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
		return "↑↓ 选择部分  Enter 进入  打字 接着填写  F2 保存  F5 生成文本和PDF  F1 帮助";
	if (t->page == 0)
		return t->text_open
			       ? "输入后 Enter 确定  Esc 放弃修改  F1 帮助"
			       : "↑↓ 选择  Enter 修改  空格 切换草稿  Esc 目录  F2 保存  F1 帮助";
	if (t->text_open || tui_cursor_on_text(t))
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

static void draw_bottom_bars(const struct tui *t, const char *message, enum tui_message_kind kind)
{
	int lines = t->message_lines > 1 ? t->message_lines : 1;
	int top = t->rows - 1 - lines;
	tui_style(t, kind == TUI_MESSAGE_ERROR ? TUI_STYLE_ERROR : TUI_STYLE_NORMAL);
	for (int i = 0; i < lines; i++)
		tui_put_blank(top + i, 0, t->cols);
	if (message)
		tui_put_wrapped(top, 1, message, t->cols - 2, lines);
	tui_style(t, TUI_STYLE_BAR);
	tui_put_blank(t->rows - 1, 0, t->cols);
	tui_put(t->rows - 1, 1, key_hints(t), t->cols - 2);
	tui_style(t, TUI_STYLE_NORMAL);
}

void tui_screen_layout(struct tui *t)
{
	if (t->repaint_all) {
		clearok(curscr, TRUE);
		t->repaint_all = false;
	}
	tui_page_layout_free(t);
	free(t->status);
	t->status = NULL;
	t->cursor_shown = false;
	if (!t->session || tui_area_too_small(t))
		return;
	/* a long message takes two lines, so that how much is wrong shows */
	t->status = bottom_message(t, &t->status_kind);
	t->message_lines = t->status ? tui_put_wrapped_lines(t->status, t->cols - 2, 2) : 1;
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

void tui_screen_draw(struct tui *t)
{
	erase();
	if (tui_area_too_small(t)) {
		char notice[128];
		snprintf(notice, sizeof notice, "窗口太小：至少需要 %d 列 × %d 行，现在是 %d × %d",
			 TUI_AREA_MIN_COLS, TUI_AREA_MIN_ROWS, t->cols, t->rows);
		tui_put(0, 0, notice, t->cols);
		tui_put(1, 0, "请放大终端窗口；您填写的内容不会丢失。", t->cols);
		curs_set(0);
		refresh();
		return;
	}
	tui_screen_title(t);
	if (!t->session) {
		refresh(); /* a dialog before the report exists */
		return;
	}
	if (t->help) {
		tui_help_draw(t);
	} else {
		tui_sidebar_draw(t);
		tui_style(t, TUI_STYLE_DIM);
		mvvline_set(1, tui_area_sidebar_width(t), WACS_VLINE, tui_area_body_height(t));
		tui_style(t, TUI_STYLE_NORMAL);
		if (t->page == 0)
			tui_basics_draw(t);
		else
			tui_page_draw(t);
	}
	draw_bottom_bars(t, t->status, t->status_kind);
	if (t->dialog) {
		tui_dialog_draw(t);
	} else {
		curs_set(t->cursor_shown ? 1 : 0);
		if (t->cursor_shown)
			move(t->cursor_y, t->cursor_x);
	}
	refresh();
}

void tui_screen_show(struct tui *t)
{
	tui_screen_layout(t);
	tui_screen_draw(t);
}
