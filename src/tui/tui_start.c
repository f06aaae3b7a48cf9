/* Before the form runs: a new report's organ and year, and the offer to
 * restore what an unfinished session left in the recovery file.  Each
 * question reads its own keys until it is answered, or until a signal or
 * a lost terminal ends the form. */
#include "tui_start.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "diag.h"
#include "report.h"
#include "session.h"
#include "tui_message.h"
#include "tui_prompt.h"
#include "tui_view.h"
#include "xalloc.h"

static const char *organ_check(const char *organ)
{
	return report_organ_problem(organ, strlen(organ));
}

static const char *year_check(const char *text)
{
	int year;
	return report_parse_year(text, strlen(text), &year);
}

bool tui_start_offer_recovery(struct tui *t)
{
	time_t when;
	bool restored = false;
	if (!session_recovery_found(t->session, &when))
		return false;
	char stamp[64], line[256];
	strftime(stamp, sizeof stamp, "%Y年%m月%d日 %H:%M:%S", localtime(&when));
	snprintf(line, sizeof line, "上次编辑在 %s 留下了没有保存的内容。", stamp);
	const char *lines[] = {line, "（可能是程序意外退出或终端断开。）", "",
			       "[Y] 恢复这些内容   [N] 不恢复，打开已保存的文件"};
	if (tui_prompt_ask(t, "发现未保存的内容", lines, 4, "yn", 'y') == 'y') {
		struct diag_list diags;
		diag_list_init(&diags);
		restored = session_recovery_restore(t->session, t->catalog, &diags);
		if (restored)
			tui_message(t, TUI_MESSAGE_INFO, "已恢复 %s 的内容；按 F2 保存", stamp);
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "恢复文件无法读取（%s），已打开保存的文件",
				    diags.count ? diags.items[0].message : "未知原因");
		diag_list_fini(&diags);
	} else {
		char *error, *aside = session_recovery_set_aside(t->session, &error);
		if (aside)
			tui_message(t, TUI_MESSAGE_INFO, "没有恢复；那些内容留在 %s", aside);
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "没有恢复，但恢复文件没能移开（%s）：请先备份 %s", error,
				    t->session->recovery_path);
		free(aside);
		free(error);
	}
	return restored;
}

struct session *tui_start_new_report(struct tui *t, const char *path, const char *organ, int year)
{
	char *error = NULL;
	struct session *s = NULL;
	char *recovery = session_recovery_path(path);
	bool has_recovery = access(recovery, F_OK) == 0;
	free(recovery);
	if (has_recovery) {
		s = session_create(path, t->catalog, "（恢复中）", REPORT_YEAR_MIN, &error);
		if (!s) {
			free(error);
			return NULL;
		}
		t->session = s;
		t->form = s->report->form;
		bool restored = tui_start_offer_recovery(t);
		t->session = NULL;
		if (restored)
			return s; /* the clerk saves it when ready */
		session_free(s);
	}

	char *name = organ ? xstrdup(organ) : NULL, *year_text = NULL;
	char default_year[16];
	time_t now = time(NULL);
	snprintf(default_year, sizeof default_year, "%d",
		 year ? year : localtime(&now)->tm_year + 1900 - 1);
	if (!name && !tui_prompt_line(t, "新建报告", "发布机关：", "", REPORT_ORGAN_MAX_CHARS,
				      organ_check, &name))
		return NULL;
	if (!year && !tui_prompt_line(t, "新建报告", "报告年度：", default_year, 4, year_check,
				      &year_text)) {
		free(name);
		return NULL;
	}
	s = session_create(path, t->catalog, name, year ? year : atoi(year_text), &error);
	free(name);
	free(year_text);
	if (!s) {
		free(error);
		return NULL;
	}
	enum session_save_result saved = session_save(s, false, &error);
	if (saved == SESSION_SAVE_CONFLICT) {
		tui_message(t, TUI_MESSAGE_ERROR,
			    "没有保存：%s 刚被别的程序建立；按 F2 决定是否覆盖", path);
	} else if (saved == SESSION_SAVE_FAILED) {
		/* said to be in the recovery file only once it is */
		char *why = NULL;
		if (session_write_recovery(s, true, &why) == 0)
			tui_message(t, TUI_MESSAGE_ERROR,
				    "新文件没能保存：%s（内容在恢复文件 %s 中）", error,
				    s->recovery_path);
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "新文件没能保存：%s；恢复文件也没能写入：%s", error, why);
		free(why);
		free(error);
	} else {
		tui_message(t, TUI_MESSAGE_INFO, "已新建 %s", path);
	}
	return s;
}

/* name's last part (borrowed from name). */
static const char *last_part(const char *name)
{
	const char *slash = strrchr(name, '/');
	return slash ? slash + 1 : name;
}

void tui_start_old_copies(struct tui *t)
{
	size_t n;
	char **names = session_recovery_copies(t->session, &n);
	if (n > SESSION_RECOVERY_KEEP) {
		/* shown, and removed only when the clerk says so */
		size_t old = n - SESSION_RECOVERY_KEEP, shown = old < 4 ? old : 4;
		char head[256], more[64], answer[160];
		snprintf(head, sizeof head,
			 "这个报告有 %zu 份以前没有保存的内容，最早的 %zu 份是：", n, old);
		snprintf(more, sizeof more, "  …… 还有 %zu 份", old - shown);
		snprintf(answer, sizeof answer,
			 "[D] 删除这 %zu 份（留下最近的 %d 份）   [K] 都留着", old,
			 SESSION_RECOVERY_KEEP);
		const char *lines[8];
		size_t nlines = 0;
		lines[nlines++] = head;
		for (size_t i = 0; i < shown; i++)
			lines[nlines++] = last_part(names[i]);
		if (old > shown)
			lines[nlines++] = more;
		lines[nlines++] = "";
		lines[nlines++] = answer;
		if (tui_prompt_ask(t, "以前没有保存的内容", lines, nlines, "dk", 'k') == 'd') {
			size_t removed = 0;
			for (size_t i = 0; i < old; i++)
				removed += unlink(names[i]) == 0;
			tui_message(t, removed == old ? TUI_MESSAGE_INFO : TUI_MESSAGE_ERROR,
				    "删除了 %zu 份以前没有保存的内容，留下最近的 %zu 份", removed,
				    n - removed);
		} else {
			tui_message(t, TUI_MESSAGE_INFO,
				    "以前没有保存的内容都留着：%zu 份，最近一份是 %s", n,
				    names[n - 1]);
		}
	} else if (n > 0 && !t->message) {
		tui_message(t, TUI_MESSAGE_INFO,
			    "这个报告还有 %zu 份以前没有保存的内容，最近一份是 %s", n,
			    names[n - 1]);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
