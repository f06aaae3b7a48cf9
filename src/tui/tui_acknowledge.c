/* F6: the warning under the cursor acknowledged with a reason typed in a
 * box over the screen.  The box reads its own keys until Enter or Esc: a
 * reason is one short line, and nothing else may happen meanwhile. */
#include "tui_acknowledge.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ack.h"
#include "buf.h"
#include "catalog.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "session.h"
#include "tui_cursor.h"
#include "tui_dialog.h"
#include "tui_message.h"
#include "tui_screen.h"
#include "tui_term.h"
#include "utf8.h"
#include "xalloc.h"

#define REASON_MAX_BYTES 600

/* The warning's message cut into lines that fit the box (at most 3). */
static size_t cut_lines(const char *msg, int width, char *lines[3])
{
	size_t n = 0, len = strlen(msg);
	for (size_t at = 0; at < len && n < 3; n++) {
		size_t take = utf8_prefix_for_width(msg + at, len - at, width);
		if (!take)
			break;
		lines[n] = xstrndup(msg + at, take);
		at += take;
	}
	return n;
}

/* The reason typed, or NULL when the clerk pressed Esc. */
static char *ask_reason(struct tui *t, const char *warning)
{
	struct buf reason;
	buf_init(&reason);
	for (;;) {
		char *lines[6] = {NULL};
		size_t n = cut_lines(warning, t->cols - 10, lines);
		char *typed = xasprintf("理由：%s", reason.len ? reason.data : "");
		lines[n] = typed;
		lines[n + 1] = "Enter 标为已核实    Esc 取消";
		tui_screen_show(t);
		tui_dialog_box(t, "核实这条警告（说明为什么没有错）", (const char *const *)lines,
			       n + 2);
		curs_set(1);
		refresh();
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(typed);

		wint_t ch;
		int kind = tui_term_read_key(&ch);
		if (kind == ERR) {
			if (tui_term_lost())
				break;
			continue;
		}
		if (kind == KEY_CODE_YES) {
			if (ch == KEY_RESIZE)
				getmaxyx(stdscr, t->rows, t->cols);
			else if (ch == KEY_ENTER && reason.len)
				return buf_take(&reason);
			else if (ch == KEY_BACKSPACE)
				ch = 0x7F;
			if (ch != 0x7F)
				continue;
		}
		if ((ch == '\n' || ch == '\r') && reason.len)
			return buf_take(&reason);
		if (ch == 27)
			break;
		if (ch == 0x7F || ch == 8) {
			while (reason.len &&
			       ((unsigned char)reason.data[reason.len - 1] & 0xC0) == 0x80)
				reason.len--;
			if (reason.len)
				reason.data[--reason.len] = '\0';
		} else if (ch >= 0x20 && ch != 0x7F && reason.len + 4 < REASON_MAX_BYTES) {
			char utf8[4];
			buf_add(&reason, utf8, utf8_encode((uint32_t)ch, utf8));
		}
	}
	buf_fini(&reason);
	return NULL;
}

enum tui_reaction tui_acknowledge(struct tui *t)
{
	struct session *s = t->session;
	const struct rules *rules = s->entry->rules;
	if (t->page == 0 || t->focus != TUI_FOCUS_CONTENT) {
		tui_message(t, TUI_MESSAGE_INFO, "请把光标移到有警告的格上，再按 F6 标为已核实");
		return TUI_REDRAW;
	}
	tui_cursor_commit(t);
	size_t cell = tui_cursor_cell(t);
	const struct rule_failure *found[32], *warning = NULL;
	bool error = false;
	size_t n = cell == FORM_NONE ? 0 : session_cell_failures(s, cell, found, 32);
	for (size_t i = 0; i < n; i++) {
		if (rules_failure_severity(rules, found[i]) == DIAG_ERROR)
			error = true;
		else if (rules_failure_cell(rules, found[i]) != cell)
			continue; /* an acknowledgement names the cell the warning names */
		else if (!warning && !rules_failure_acknowledged(rules, s->report, found[i]))
			warning = found[i];
	}
	if (!warning) {
		tui_message(t, error ? TUI_MESSAGE_ERROR : TUI_MESSAGE_INFO, "%s",
			    error ? "这里是错误，不能标为已核实：错误必须改正"
				  : "这一格没有要核实的警告");
		return TUI_REDRAW;
	}
	char *message = rules_failure_message(rules, s->report, warning);
	char *reason = ask_reason(t, message);
	free(message);
	if (!reason) {
		tui_message(t, TUI_MESSAGE_INFO, "没有标为已核实");
		return TUI_REDRAW;
	}
	ack_set(s->report, rules_failure_rule(rules, warning), cell, reason);
	s->dirty = true; /* saved with the report, and kept in the recovery file */
	s->recovery_stale = true;
	tui_message(t, TUI_MESSAGE_INFO, "已标为已核实：%s", reason);
	free(reason);
	return TUI_EDITED;
}
