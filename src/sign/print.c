/* Printing through CUPS lp; see print.h. */
#include "print.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "xalloc.h"

extern char **environ;

static enum print_status no_cups(char **cause)
{
	*cause = xstrdup("找不到 lp 命令：这台计算机没有安装 CUPS 打印系统"
			 "（Debian、统信 UOS、麒麟上可安装 cups-client 软件包）");
	return PRINT_NO_CUPS;
}

enum print_status print_pdf(const char *path, const char *printer, char **cause)
{
	*cause = NULL;
	/* lp would take a file name that starts with '-' for an option, and
	 * not every lp knows "--" */
	char *file = path[0] == '-' ? xasprintf("./%s", path) : xstrdup(path);
	char *argv[5];
	int argc = 0;
	argv[argc++] = "lp";
	if (printer) {
		argv[argc++] = "-d";
		argv[argc++] = (char *)printer;
	}
	argv[argc++] = file;
	argv[argc] = NULL;

	pid_t pid;
	int err = posix_spawnp(&pid, "lp", NULL, NULL, argv, environ);
	free(file);
	if (err == ENOENT)
		return no_cups(cause);
	if (err) {
		*cause = xasprintf("无法运行 lp：%s", strerror(err));
		return PRINT_FAILED;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			*cause = xasprintf("等待 lp 结束时出错：%s", strerror(errno));
			return PRINT_FAILED;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return PRINT_OK;
	/* Where posix_spawnp cannot report a failed exec (it falls back to
	 * fork, as under valgrind), the child exits 127 as a shell would. */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return no_cups(cause);
	if (WIFEXITED(status))
		*cause = xasprintf("lp 没能交付打印任务（退出状态 %d）", WEXITSTATUS(status));
	else
		*cause = xasprintf("lp 被信号 %d 中止", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return PRINT_FAILED;
}
