/* The dialogs of the running form: a file changed by someone else (save
 * over it?) and quitting with unsaved work (save, discard or go on?; for
 * a read-only report: save as, keep the work aside or go on?). */
#include "tui_dialog.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "tui_message.h"
#include "tui_put.h"
#include "tui_save.h"
#include "tui_style.h"
#include "utf8.h"

/* The dialogs a command can open while the form runs. */
static const struct {
	const char *title;
	const char *lines[3];
	const char *choices;
	int cancel;
} dialogs[] = {
	[TUI_DIALOG_CONFLICT] = {"文件已被修改",
				 {"这个文件在您打开之后被其他程序或其他人改过。",
				  "保存会覆盖那些修改。",
				  "[Y] 仍然保存（覆盖）   [N] 不保存（稍后另行处理）"},
				 "yn",
				 'n'},
	[TUI_DIALOG_QUIT] = {"退出",
			     {"报告有还没有保存的修改。", "",
			      "[S] 保存后退出   [D] 不保存，退出   [C] 继续编辑"},
			     "sdc",
			     'c'},
	[TUI_DIALOG_QUIT_READ_ONLY] =
		{"退出（只读）",
		 {"报告是只读的（文件或它所在的文件夹不能写入），", "修改不能存回原处。",
		  "[A] 另存为后退出   [Q] 退出，修改留在恢复文件   [C] 继续编辑"},
		 "aqc",
		 'c'},
};

void tui_dialog_box(const struct tui *t, const char *title, const char *const *lines, size_t nlines)
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
		tui_put_blank(y0 + y, x0, width);
	attron(A_BOLD);
	tui_put(y0 + 1, x0 + 2, title, width - 4);
	attroff(A_BOLD);
	for (size_t i = 0; i < nlines; i++)
		tui_put(y0 + 2 + (int)i, x0 + 2, lines[i], width - 4);
	tui_style(t, TUI_STYLE_NORMAL);
	curs_set(0);
}

void tui_dialog_draw(const struct tui *t)
{
	tui_dialog_box(t, dialogs[t->dialog].title, dialogs[t->dialog].lines, 3);
}

enum tui_reaction tui_dialog_key(struct tui *t, struct tui_key key)
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
			return tui_save_report(t, true);
		t->quit_after_save = false;
		tui_message(t, TUI_MESSAGE_ERROR, "没有保存：文件已被他人修改，%s",
			    t->recovery_failing ? "恢复文件也没能写入，请另存为"
						: "您的内容仍在恢复文件中");
		return TUI_REDRAW;
	}
	switch (answer) {
	case 'a':
		t->quit_after_save = true;
		return TUI_SAVE_AS | TUI_REDRAW;
	case 'q': {
		/* nothing can go back to the report: the work stays, dated, where
		 * the recovery file is (the state folder for a read-only folder) */
		if (!tui_save_recovery(t, true))
			return TUI_REDRAW;
		char *error, *aside = session_recovery_set_aside(t->session, &error);
		if (!aside) {
			tui_message(t, TUI_MESSAGE_ERROR, "没有退出：修改没能留下（%s）", error);
			free(error);
			return TUI_REDRAW;
		}
		free(t->kept_at);
		t->kept_at = aside;
		t->session->dirty = false;
		return TUI_QUIT;
	}
	case 's':
		t->quit_after_save = true;
		return tui_save_report(t, false);
	case 'd': {
		/* the clerk's choice; still, what was typed is set aside, not deleted
		 * (the last keys too: the recovery file may be up to a second behind) */
		tui_save_recovery(t, true);
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
