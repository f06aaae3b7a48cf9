/* The form: a full-screen terminal program (ncursesw) that walks a clerk
 * through the report.  This file runs it: the lock and the report, the
 * start (tui_start.c), the main loop (keys -> handlers -> recovery file
 * -> screen), and the end, which keeps unsaved work in the recovery
 * file.  The terminal is tui_term.c, keys tui_input.c, the screen
 * tui_screen.c; the report and its rules live in the session. */
#include "tui.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "session.h"
#include "textedit.h"
#include "tui_basics.h"
#include "tui_cursor.h"
#include "tui_input.h"
#include "tui_page.h"
#include "tui_save.h"
#include "tui_saveas.h"
#include "tui_screen.h"
#include "tui_start.h"
#include "tui_term.h"
#include "tui_undo.h"
#include "tui_view.h"

static void loop(struct tui *t)
{
	tui_screen_show(t);
	while (!tui_term_stop_signal() && !tui_term_lost()) {
		wint_t ch;
		int kind = tui_term_read_key(&ch);
		if (kind == ERR) {
			/* a second without keys: what was typed within the last one
			 * is written now, and a failure to write it is shown */
			if (t->session->recovery_stale) {
				tui_save_recovery(t, false);
				tui_screen_show(t);
			}
			continue;
		}
		enum tui_reaction r = tui_input_burst(t, ch, kind);
		if (r & TUI_SAVE_AS)
			r |= tui_saveas_run(t);
		if (r & TUI_CHANGED)
			tui_save_recovery(t, false);
		if (r & TUI_QUIT)
			break;
		if (r & TUI_REDRAW)
			tui_screen_show(t);
	}
}

int tui_edit(const char *path, struct catalog *catalog, const char *organ, int year, FILE *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(err, "nianbao edit: 需要在终端里运行（标准输入和输出都应是终端）；"
			     "不用终端检查报告请用 nianbao check\n");
		return 2;
	}
	if (!tui_term_utf8_locale()) {
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
			fprintf(err, "%s:%d:%d: error: %s [%s]\n", path,
				diags.items[i].line ? diags.items[i].line : 1,
				diags.items[i].line ? diags.items[i].column : 1,
				diags.items[i].message, diags.items[i].rule);
		/* a published report's diagnostic already says what to do */
		if (strcmp(diags.items[0].rule, "load.published") != 0)
			fprintf(err, "nianbao edit: %s 不能作为报告读取，请先改正上面的问题\n",
				path);
		diag_list_fini(&diags);
		return 2;
	}
	diag_list_fini(&diags);

	struct tui t = {.catalog = catalog, .rows = 24, .cols = 80, .last_cell = SIZE_MAX};
	buf_init(&t.number);
	tui_term_start(&t);
	int status = 0;
	if (created) {
		s = tui_start_new_report(&t, path, organ, year);
		if (!s) {
			tui_term_restore();
			tui_fini(&t);
			fprintf(err, "nianbao edit: 没有新建 %s\n", path);
			session_unlock(path, lock);
			return 0;
		}
	}
	t.session = s;
	t.form = s->report->form;
	tui_cursor_goto_page(&t, 1);
	t.focus = TUI_FOCUS_SECTIONS;
	if (!created && tui_start_offer_recovery(&t)) {
		t.form = s->report->form;    /* the recovery file may be of another form */
		tui_cursor_goto_page(&t, 1); /* show the restored texts */
	}
	tui_start_old_copies(&t);
	loop(&t);
	if (t.page == 0)
		tui_basics_commit(&t); /* a field being typed reaches the recovery file */

	bool kept = true, unsaved = t.session->dirty;
	if (tui_term_stop_signal()) {
		kept = tui_save_recovery(&t, true);
		status = 128 + tui_term_stop_signal();
	} else if (t.session->dirty) {
		kept = tui_save_recovery(&t, true); /* the terminal went away */
	}
	tui_term_restore();
	/* only what was written is said to be kept */
	if (tui_term_stop_signal() && !unsaved)
		fprintf(err, "nianbao edit: 收到信号 %d，没有未保存的内容\n",
			tui_term_stop_signal());
	else if (tui_term_stop_signal() && kept)
		fprintf(err, "nianbao edit: 收到信号 %d，未保存的内容已写入恢复文件 %s\n",
			tui_term_stop_signal(), s->recovery_path);
	else if (tui_term_stop_signal() || !kept)
		fprintf(err, "nianbao edit: 未保存的内容没能写入恢复文件 %s，已经丢失\n",
			s->recovery_path);
	if (t.kept_at)
		fprintf(err,
			"nianbao edit: %s 是只读的；未保存的内容留在 %s（可用 nianbao edit 打开）\n",
			s->path, t.kept_at);
	tui_fini(&t);
	session_free(s);
	session_unlock(path, lock);
	return status;
}

void tui_fini(struct tui *t)
{
	tui_cursor_commit(t);
	tui_page_layout_free(t);
	tui_undo_fini(t);
	free(t->status);
	textedit_fini(&t->text);
	buf_fini(&t->number);
	free(t->message);
	free(t->kept_at);
	free(t->field_before);
	t->status = t->message = t->kept_at = t->field_before = NULL;
}
