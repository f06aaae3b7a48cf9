/* Saving and quitting.  A save never half-writes the report (the
 * session saves atomically) and never silently replaces a file someone
 * else changed meanwhile: that is a dialog (tui_dialog.c).  A report
 * that cannot be written (只读) is saved under another name instead
 * (tui_saveas.c). */
#include "tui_save.h"

#include <stdlib.h>

#include "session.h"
#include "tui_basics.h"
#include "tui_cursor.h"
#include "tui_message.h"

bool tui_save_recovery(struct tui *t, bool sync)
{
	char *error;
	if (session_write_recovery(t->session, sync, &error) != 0) {
		/* said after every failed write: the session tries again on the next change */
		tui_message(
			t, TUI_MESSAGE_ERROR,
			"未保存的内容没能写入恢复文件 %s：%s。每次修改后会再试；请尽快按 F2 保存。",
			t->session->recovery_path, error);
		free(error);
		t->recovery_failing = true;
		return false;
	}
	if (t->recovery_failing && !t->session->recovery_stale) {
		tui_message(t, TUI_MESSAGE_INFO, "未保存的内容已写入恢复文件 %s",
			    t->session->recovery_path);
		t->recovery_failing = false;
	}
	return true;
}

enum tui_reaction tui_save_report(struct tui *t, bool force)
{
	if (t->session->read_only)
		return TUI_SAVE_AS | TUI_REDRAW;
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
	t->recovery_failing = false;
	tui_message(t, TUI_MESSAGE_INFO, "已保存到 %s", t->session->path);
	if (t->quit_after_save)
		return TUI_QUIT;
	return TUI_REDRAW;
}

enum tui_reaction tui_save(struct tui *t)
{
	if (t->page == 0 && !tui_basics_commit(t))
		return TUI_REDRAW;
	tui_cursor_commit(t);
	return tui_save_report(t, false);
}

enum tui_reaction tui_save_quit(struct tui *t)
{
	if (t->page == 0 && !tui_basics_commit(t))
		return TUI_REDRAW;
	tui_cursor_commit(t);
	if (!t->session->dirty)
		return TUI_QUIT;
	t->dialog = t->session->read_only ? TUI_DIALOG_QUIT_READ_ONLY : TUI_DIALOG_QUIT;
	return TUI_REDRAW;
}
