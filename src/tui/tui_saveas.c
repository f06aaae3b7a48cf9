/* 另存为; see tui_saveas.h. */
#include "tui_saveas.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "session.h"
#include "tui_message.h"
#include "tui_prompt.h"
#include "tui_save.h"
#include "xalloc.h"

#define SAVEAS_MAX_CHARS 1024

/* A writable place for the report's name: the current folder, else the
 * home folder, else the state folder.  The caller frees it. */
static char *suggested_path(const char *path)
{
	char *copy = xstrdup(path);
	char *name = xstrdup(basename(copy));
	free(copy);
	char *cwd = getcwd(NULL, 0), *result = NULL;
	const char *home = getenv("HOME");
	if (cwd && access(cwd, W_OK) == 0)
		result = xasprintf("%s/%s", cwd, name);
	else if (home && home[0] == '/' && access(home, W_OK) == 0)
		result = xasprintf("%s/%s", home, name);
	else {
		char *state = session_state_dir();
		result = state ? xasprintf("%s/%s", state, name) : xstrdup(name);
		free(state);
	}
	free(cwd);
	free(name);
	return result;
}

/* typed with a leading ~/ made absolute, the rest as typed. */
static char *expand_home(const char *typed)
{
	const char *home = getenv("HOME");
	if (typed[0] == '~' && typed[1] == '/' && home)
		return xasprintf("%s%s", home, typed + 1);
	return xstrdup(typed);
}

static const char *path_check(const char *typed)
{
	if (!typed[0])
		return "请写出文件名";
	size_t n = strlen(typed);
	if (typed[n - 1] == '/')
		return "这是一个文件夹；请写出文件名";
	return NULL;
}

enum tui_reaction tui_saveas_run(struct tui *t)
{
	char *initial = suggested_path(t->session->path);
	char *problem = NULL;
	for (;;) {
		char *title = problem ? xasprintf("另存为（%s）", problem)
				      : xstrdup("另存为（原文件是只读的）");
		char *typed = NULL;
		bool answered = tui_prompt_line(t, title, "文件名：", initial, SAVEAS_MAX_CHARS,
						path_check, &typed);
		free(title);
		free(problem);
		problem = NULL;
		if (!answered) {
			free(initial);
			t->quit_after_save = false;
			/* said to be in the recovery file only once it is */
			if (!tui_save_recovery(t, true))
				tui_message(t, TUI_MESSAGE_ERROR, "没有另存；恢复文件也没能写入");
			else
				tui_message(t, TUI_MESSAGE_INFO, "没有另存；修改仍在恢复文件 %s 中",
					    t->session->recovery_path);
			return TUI_REDRAW;
		}
		char *path = expand_home(typed), *error = NULL;
		free(initial);
		initial = typed;
		enum session_save_result r = session_save_as(t->session, path, false, &error);
		if (r == SESSION_SAVE_CONFLICT) {
			char line[SAVEAS_MAX_CHARS * 4 + 64];
			snprintf(line, sizeof line, "%s 已经存在。", path);
			const char *lines[] = {line, "", "[Y] 覆盖它   [N] 换一个文件名"};
			if (tui_prompt_ask(t, "文件已存在", lines, 3, "yn", 'n') == 'y')
				r = session_save_as(t->session, path, true, &error);
			else
				problem = xstrdup("换一个文件名");
		}
		if (r == SESSION_SAVE_FAILED) {
			problem = xasprintf("没有保存：%s", error);
			free(error);
		}
		if (r == SESSION_SAVED) {
			tui_message(t, TUI_MESSAGE_INFO, "已另存到 %s；以后按 F2 保存到这里", path);
			free(path);
			free(initial);
			t->recovery_failing = false;
			return t->quit_after_save ? TUI_QUIT : TUI_REDRAW;
		}
		free(path);
	}
}
