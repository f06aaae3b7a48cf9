/* The external editor: the open text goes to a temporary file, the
 * editor runs on it without a shell, and what it wrote comes back, line
 * ends normalized, checked like typed text. */
#include "tui_editor.h"

#include <curses.h>
#include <errno.h>
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
#include "tui_message.h"
#include "tui_term.h"
#include "xalloc.h"

/* Runs the clerk's editor on path without a shell; false if none ran.
 * Like system(), the form ignores Ctrl-C and Ctrl-\ meanwhile: they are
 * the editor's, and the terminal is in its normal mode. */
static bool run_editor(const char *path)
{
	const char *chosen = getenv("VISUAL");
	if (!chosen || !*chosen)
		chosen = getenv("EDITOR");
	char *words = xstrdup(chosen && *chosen ? chosen : "");
	char *argv[16];
	int argc = 0;
	for (char *w = strtok(words, " \t"); w && argc < 14; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		static const int defaults[] = {SIGINT, SIGQUIT, SIGPIPE, SIGHUP, SIGTERM};
		for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
			signal(defaults[i], SIG_DFL);
		static const char *const fallbacks[] = {"editor", "nano", "vi"};
		if (argc) {
			argv[argc] = (char *)path;
			argv[argc + 1] = NULL;
			execvp(argv[0], argv);
		}
		for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
			execlp(fallbacks[i], fallbacks[i], path, (char *)NULL);
		_exit(127);
	}
	free(words);
	int status = 0;
	bool waited = false;
	if (pid > 0) {
		while (!(waited = waitpid(pid, &status, 0) == pid) && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return waited && WIFEXITED(status) && WEXITSTATUS(status) != 127;
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

enum tui_reaction tui_editor_edit(struct tui *t)
{
	char path[] = "/tmp/nianbao-text-XXXXXX.txt";
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		tui_message(t, TUI_MESSAGE_ERROR, "无法建立临时文件：%s", strerror(errno));
		return TUI_REDRAW;
	}
	const struct buf *text = &t->text.text;
	bool written = write(fd, text->data, text->len) == (ssize_t)text->len;
	close(fd);
	tui_term_bracketed_paste(false);
	def_prog_mode();
	endwin();
	bool ran = written && run_editor(path);
	reset_prog_mode();
	tui_term_bracketed_paste(true);
	refresh();
	enum tui_reaction r = TUI_REDRAW;
	size_t max_chars = t->form->types[FORM_TEXT].max_chars;
	/* a longer file is refused below, as too long */
	size_t len = 0;
	struct file_read_error e;
	char *data = ran ? file_read(path, max_chars * 4 + 1, 0, &len, &e) : NULL;
	if (!data && (!ran || e.failure != FILE_READ_LARGE)) {
		tui_message(t, TUI_MESSAGE_ERROR, "外部编辑器没能运行（请设置 EDITOR 环境变量）");
		unlink(path);
		return r;
	}
	size_t w = data ? normalize_editor_text(data, len) : 0;
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
