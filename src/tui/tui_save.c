/* Saving and quitting.  A save never half-writes the report (the
 * session saves atomically) and never silently replaces a file someone
 * else changed meanwhile: that is a dialog (tui_dialog.c). */
#include "tui_save.h"

#include <stdlib.h>

#include "session.h"
#include "tui_basics.h"
#include "tui_cursor.h"
#include "tui_message.h"

void tui_save_recovery(struct tui *t, bool sync)
{
	char *error;
	if (session_write_recovery(t->session, sync, &error) != 0) {
		tui_message(t, TUI_MESSAGE_ERROR, "恢复文件写不进去：%s。请尽快按 F2 保存。",
			    error);
		free(error);
	}
}

enum tui_reaction tui_save_report(struct tui *t, bool force)
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
	t->dialog = TUI_DIALOG_QUIT;
	return TUI_REDRAW;
}
