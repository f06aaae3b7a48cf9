/* The external editor: the open text goes to a temporary file, the
 * editor runs on it without a shell, and what it wrote comes back, line
 * ends normalized, checked like typed text.  An editor that fails (a
 * signal, a status other than 0) leaves the text as it was; what it wrote
 * is shown and taken only if the clerk says so.  With neither $VISUAL nor
 * $EDITOR set, it runs nano where installed, else Debian's `editor`
 * alternative, and says first which one and how to leave it. */
#include "tui_editor.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "file_read.h"
#include "form.h"
#include "report.h"
#include "textedit.h"
#include "tui_area.h"
#include "tui_dialog.h"
#include "tui_message.h"
#include "tui_term.h"
#include "utf8.h"
#include "xalloc.h"

/* How the editor ended. */
enum editor_end {
	EDITOR_DONE,	/* it exited with status 0 */
	EDITOR_FAILED,	/* it exited with another status, or a signal ended it */
	EDITOR_NOT_RUN, /* it could not be started */
};

/* The command of $VISUAL or $EDITOR split into words (at most 14), in a
 * new string *words; argc 0 when neither is set. */
static int chosen_editor(char **words, char *argv[16])
{
	const char *chosen = getenv("VISUAL");
	if (!chosen || !*chosen)
		chosen = getenv("EDITOR");
	*words = xstrdup(chosen && *chosen ? chosen : "");
	int argc = 0;
	for (char *w = strtok(*words, " \t"); w && argc < 14; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	return argc;
}

/* name's full path along $PATH, or NULL; the caller frees it. */
static char *find_in_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy = xstrdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	char *found = NULL;
	for (char *dir = strtok(copy, ":"); dir && !found; dir = strtok(NULL, ":")) {
		char *candidate = xasprintf("%s/%s", *dir ? dir : ".", name);
		if (access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(copy);
	return found;
}

/* The editor run when none is chosen: nano, which shows its keys on
 * screen, where installed; else Debian's `editor` alternative (often vim),
 * else vi.  NULL when there is none; the caller frees it. */
static char *default_editor(void)
{
	static const char *const fallbacks[] = {"nano", "editor", "vi"};
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		char *found = find_in_path(fallbacks[i]);
		if (found)
			return found;
	}
	return NULL;
}

/* Runs argv (argv[argc] is set to path) without a shell.  Like system(),
 * the form ignores Ctrl-C and Ctrl-\ meanwhile: they are the editor's,
 * and the terminal is in its normal mode.  *how says how it ended. */
static enum editor_end run_editor(char *argv[16], int argc, const char *path, char *how,
				  size_t how_size)
{
	argv[argc] = (char *)path;
	argv[argc + 1] = NULL;
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		static const int defaults[] = {SIGINT, SIGQUIT, SIGPIPE, SIGHUP, SIGTERM};
		for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
			signal(defaults[i], SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	bool waited = false;
	if (pid > 0) {
		while (!(waited = waitpid(pid, &status, 0) == pid) && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (!waited || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		return EDITOR_NOT_RUN;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return EDITOR_DONE;
	if (WIFSIGNALED(status))
		snprintf(how, how_size, "被信号 %d（%s）终止", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(how, how_size, "以退出码 %d 结束", WEXITSTATUS(status));
	return EDITOR_FAILED;
}

/* Shows lines in a box over the screen until Enter (true) or Esc, y or n
 * (y true) is pressed; a signal or a lost terminal answer false. */
static bool editor_confirm(struct tui *t, const char *title, const char *const *lines,
			   size_t nlines, bool yes_no)
{
	for (;;) {
		tui_dialog_box(t, title, lines, nlines);
		refresh();
		wint_t ch;
		int r = tui_term_read_key(&ch);
		if (r == ERR && (tui_term_stop_signal() || tui_term_lost()))
			return false;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			getmaxyx(stdscr, t->rows, t->cols);
		if (r != OK)
			continue;
		if (ch == 27 || (yes_no && (ch | 0x20) == 'n'))
			return false;
		if (yes_no ? (ch | 0x20) == 'y' : (ch == '\r' || ch == '\n'))
			return true;
	}
}

/* Before a default editor runs, says which one it is and how to leave it:
 * a clerk who never set $EDITOR may never have met vim.  False when the
 * clerk would rather not. */
static bool explain_default_editor(struct tui *t, const char *editor)
{
	char *real = realpath(editor, NULL);
	const char *name = strrchr(real ? real : editor, '/');
	name = name ? name + 1 : editor;
	char what[PATH_MAX + 128];
	if (real && strcmp(real, editor) != 0)
		snprintf(what, sizeof what, "将运行系统默认的编辑器 %s（%s）。", name, real);
	else
		snprintf(what, sizeof what, "将运行系统默认的编辑器 %s。", name);
	const char *how = "改完后保存并退出编辑器，就回到这里。";
	const char *how2 = "";
	if (!strncmp(name, "vi", 2) || !strncmp(name, "nvi", 3)) {
		how = "在 vim 里：按 i 开始输入；写完按 Esc，再输入 :wq 回车，保存并回来；";
		how2 = "输入 :q! 回车，不保存就回来。";
	} else if (!strncmp(name, "nano", 4) || !strncmp(name, "rnano", 5)) {
		how = "在 nano 里：直接输入；写完按 Ctrl-X，再按 Y 和回车，保存并回来。";
	} else if (!strncmp(name, "emacs", 5) || !strncmp(name, "mg", 2)) {
		how = "在 emacs 里：写完按 Ctrl-X Ctrl-S 保存，Ctrl-X Ctrl-C 回来。";
	} else if (!strncmp(name, "mcedit", 6)) {
		how = "在 mcedit 里：写完按 F2 保存，F10 回来。";
	}
	const char *lines[] = {"没有设置 VISUAL 或 EDITOR 环境变量。", what, how, how2, "",
			       "[Enter] 启动编辑器   [Esc] 不用了"};
	free(real);
	return editor_confirm(t, "外部编辑器", lines, 6, false);
}

/* The text an editor wrote: line ends as LF (CRLF and a lone CR both),
 * no trailing line breaks. */
static size_t normalize_editor_text(char *data, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			data[w++] = '\n';
		} else {
			data[w++] = data[i];
		}
	}
	while (w && data[w - 1] == '\n')
		w--;
	data[w] = '\0';
	return w;
}

/* Whether the file at path holds exactly data[0..len). */
static bool file_holds(const char *path, const char *data, size_t len)
{
	size_t got;
	struct file_read_error e;
	char *now = file_read(path, len + 1, 0, &got, &e);
	bool same = now && got == len && !memcmp(now, data, len);
	free(now);
	return same;
}

/* An editor that failed left text in its file: shows its beginning and
 * asks whether to take it.  True when the clerk says yes. */
static bool offer_failed_text(struct tui *t, const char *how, const char *path, const char *data,
			      size_t len)
{
	char head[256], size[128], begin[3][256];
	snprintf(head, sizeof head, "外部编辑器%s；表单里的文字保持原样。", how);
	snprintf(size, sizeof size, "它写进文件的内容（%zu 字）开头是：", utf8_length(data, len));
	const char *lines[8] = {head, size};
	size_t n = 2, at = 0;
	for (int i = 0; i < 3 && at < len; i++) {
		const char *nl = memchr(data + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - data) : len;
		size_t cut = utf8_prefix_for_width(data + at, end - at, 60);
		snprintf(begin[i], sizeof begin[i], "  %.*s%s", (int)cut, data + at,
			 cut < end - at ? "……" : "");
		lines[n++] = begin[i];
		at = end + 1;
	}
	lines[n++] = "";
	char answer[PATH_MAX + 64];
	snprintf(answer, sizeof answer, "[Y] 采用这些内容   [N] 不采用（留在 %s）", path);
	lines[n++] = answer;
	return editor_confirm(t, "外部编辑器异常结束", lines, n, true);
}

enum tui_reaction tui_editor_edit(struct tui *t)
{
	char *words, *argv[16];
	int argc = chosen_editor(&words, argv);
	char *fallback = NULL;
	if (argc == 0) {
		fallback = default_editor();
		if (!fallback) {
			tui_message(t, TUI_MESSAGE_ERROR,
				    "找不到编辑器：请设置 EDITOR 环境变量（例如 EDITOR=nano）");
			free(words);
			return TUI_REDRAW;
		}
		if (!explain_default_editor(t, fallback)) {
			tui_message(t, TUI_MESSAGE_INFO, "没有启动外部编辑器");
			free(fallback);
			free(words);
			return TUI_REDRAW;
		}
		argv[argc++] = fallback;
	}
	char path[] = "/tmp/nianbao-text-XXXXXX.txt";
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		tui_message(t, TUI_MESSAGE_ERROR, "无法建立临时文件：%s", strerror(errno));
		free(fallback);
		free(words);
		return TUI_REDRAW;
	}
	const struct buf *text = &t->text.text;
	bool written = write(fd, text->data, text->len) == (ssize_t)text->len;
	close(fd);
	tui_term_bracketed_paste(false);
	def_prog_mode();
	endwin();
	char how[128] = "";
	enum editor_end end = written ? run_editor(argv, argc, path, how, sizeof how)
				      : EDITOR_NOT_RUN;
	reset_prog_mode();
	tui_term_bracketed_paste(true);
	refresh();
	free(fallback);
	free(words);
	enum tui_reaction r = TUI_REDRAW;
	size_t max_chars = t->form->types[FORM_TEXT].max_chars;
	/* a longer file is refused below, as too long */
	size_t len = 0;
	struct file_read_error e;
	char *data = end != EDITOR_NOT_RUN ? file_read(path, max_chars * 4 + 1, 0, &len, &e) : NULL;
	bool large = !data && end != EDITOR_NOT_RUN && e.failure == FILE_READ_LARGE;
	if (end == EDITOR_FAILED && large) {
		tui_message(t, TUI_MESSAGE_ERROR,
			    "外部编辑器%s；文字没有改动，它写的内容太长，留在 %s", how, path);
		return r;
	}
	if (end == EDITOR_FAILED && (!data || file_holds(path, text->data, text->len))) {
		tui_message(t, TUI_MESSAGE_ERROR, "外部编辑器%s；文字没有改动", how);
		free(data);
		unlink(path);
		return r;
	}
	if (!data && !large) {
		tui_message(t, TUI_MESSAGE_ERROR, "外部编辑器没能运行（请设置 EDITOR 环境变量）");
		unlink(path);
		return r;
	}
	size_t w = data ? normalize_editor_text(data, len) : 0;
	if (end == EDITOR_FAILED && !offer_failed_text(t, how, path, data, w)) {
		/* not taken, not lost: the file stays where it is */
		tui_message(t, TUI_MESSAGE_INFO, "外部编辑器写的内容没有采用；它留在 %s", path);
		free(data);
		return r;
	}
	const char *problem = !data ? "太长了" : report_text_problem(data, w, max_chars);
	if (problem) {
		/* keep what the clerk wrote: the file stays where it is */
		tui_message(t, TUI_MESSAGE_ERROR, "编辑器里的文字没有采用（%s）；它保存在 %s",
			    problem, path);
		free(data);
		return r;
	}
	size_t cursor = t->text.cursor;
	textedit_fini(&t->text);
	textedit_init(&t->text, data, max_chars, tui_area_content_width(t) - 2);
	t->text.cursor = cursor <= w ? cursor : w;
	while (t->text.cursor > 0 && ((unsigned char)data[t->text.cursor] & 0xC0) == 0x80)
		t->text.cursor--;
	tui_message(t, TUI_MESSAGE_INFO, "已采用外部编辑器里的文字");
	free(data);
	unlink(path);
	return TUI_EDITED;
}
