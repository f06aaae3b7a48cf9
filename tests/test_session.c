/* Tests of editing sessions under faults: the form's save (session_save)
 * on a disk that is full or over a file-size limit, in a read-only
 * directory, over a file someone else changed, and the recovery file
 * written after every change when the program is killed meanwhile. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "report.h"
#include "report_load.h"
#include "report_save.h"
#include "rules.h"
#include "session.h"
#include "support.h"
#include "xalloc.h"

struct scratch {
	char dir[64];
	char path[128];
};

/* A directory of its own holding report.yaml, a copy of tests/data/NAME. */
static void scratch_init(struct scratch *sc, const char *name)
{
	snprintf(sc->dir, sizeof sc->dir, "%s", "/tmp/nianbao-session.XXXXXX");
	assert_non_null(mkdtemp(sc->dir));
	snprintf(sc->path, sizeof sc->path, "%s/report.yaml", sc->dir);
	size_t len;
	char *data = test_read_data(name, &len);
	FILE *fp = fopen(sc->path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	free(data);
}

static void scratch_fini(struct scratch *sc)
{
	char cmd[160];
	chmod(sc->dir, 0700);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", sc->dir);
	assert_int_equal(system(cmd), 0);
}

static char *file_text(const char *path, size_t *len)
{
	*len = 0;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *data = malloc(REPORT_FILE_MAX_BYTES);
	*len = fread(data, 1, REPORT_FILE_MAX_BYTES, fp);
	fclose(fp);
	return data;
}

static void assert_file_is(const char *path, const char *name)
{
	size_t len, want_len;
	char *got = file_text(path, &len);
	char *want = test_read_data(name, &want_len);
	assert_non_null(got);
	assert_int_equal(len, want_len);
	assert_memory_equal(got, want, len);
	free(got);
	free(want);
}

/* No temporary file of an atomic write is left in dir. */
static void assert_no_litter(const char *dir)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "test -z \"$(find '%s' -name '.*.tmp-*')\"", dir);
	assert_int_equal(system(cmd), 0);
}

static struct session *open_session(const char *path)
{
	struct diag_list diags;
	diag_list_init(&diags);
	bool created = true;
	struct session *s = session_open(path, test_catalog(), &diags, &created);
	assert_non_null(s);
	assert_false(created);
	diag_list_fini(&diags);
	return s;
}

/* Over a file-size limit (and so on a full disk: both fail the write), the
 * form's save fails, says the old file is intact, and it is. */
static void test_save_over_size_limit(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	struct session *s = open_session(sc.path);
	session_set_number(s, test_cell("requests.new[0]"), 12345);

	struct rlimit saved, small = {1024, 1024};
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
	small.rlim_max = saved.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	char *error = NULL;
	enum session_save_result result = session_save(s, false, &error);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, old_handler);

	assert_int_equal(result, SESSION_SAVE_FAILED);
	assert_non_null(error);
	assert_non_null(strstr(error, "文件超过了允许的大小"));
	assert_non_null(strstr(error, "原文件没有改动"));
	free(error);
	assert_true(s->dirty);
	assert_file_is(sc.path, "seed-004.yaml");
	assert_no_litter(sc.dir);

	/* once there is room again, the same session saves */
	assert_int_equal(session_save(s, false, &error), SESSION_SAVED);
	assert_false(s->dirty);
	struct report *r = report_load_file(sc.path, test_catalog(), NULL, &(struct diag_list){0});
	assert_non_null(r);
	assert_int_equal(r->numbers[test_cell("requests.new[0]")], 12345);
	report_free(r);
	session_free(s);
	scratch_fini(&sc);
}

/* Runs fn in a child without the right to write into dir: as root, the
 * child becomes nobody, since root ignores permissions. */
static int run_as_clerk(int (*fn)(const char *), const char *path)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(99);
		_exit(fn(path));
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* 0 when saving fails as it should, and the recovery file goes to the
 * state folder ($XDG_STATE_HOME/nianbao) instead, or, when there is none,
 * fails to be written beside the report. */
static int save_in_read_only_dir(const char *path)
{
	struct session *s = open_session(path);
	if (!s->read_only)
		return 5;
	session_set_number(s, test_cell("requests.new[0]"), 7);
	char *error = NULL;
	int err = session_write_recovery(s, true, &error);
	const char *state = getenv("XDG_STATE_HOME");
	if (state && (err != 0 || strncmp(s->recovery_path, state, strlen(state)) != 0 ||
		      access(s->recovery_path, R_OK) != 0))
		return 6;
	if (!state && (err == 0 || !error || !strstr(error, "没有写入权限")))
		return 1;
	free(error);
	if (session_save(s, false, &error) != SESSION_SAVE_FAILED)
		return 2;
	if (!error || !strstr(error, "没有写入权限") || !strstr(error, "原文件没有改动"))
		return 3;
	free(error);
	if (!s->dirty)
		return 4;
	session_free(s);
	return 0;
}

static void test_save_in_read_only_dir(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	assert_int_equal(chmod(sc.path, 0644), 0);
	assert_int_equal(chmod(sc.dir, 0555), 0);
	unsetenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *saved_home = home ? strdup(home) : NULL;
	setenv("HOME", "/nonexistent", 1);
	assert_int_equal(run_as_clerk(save_in_read_only_dir, sc.path), 0);
	/* with a state folder the clerk may write to */
	struct scratch st;
	scratch_init(&st, "seed-004.yaml");
	assert_int_equal(chmod(st.dir, 0777), 0);
	setenv("XDG_STATE_HOME", st.dir, 1);
	assert_int_equal(run_as_clerk(save_in_read_only_dir, sc.path), 0);
	unsetenv("XDG_STATE_HOME");
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);
	assert_file_is(sc.path, "seed-004.yaml");
	scratch_fini(&st);
	scratch_fini(&sc);
}

/* A report file the clerk made read-only, in a folder that is not: the
 * session says 只读, a save does not replace it, 另存为 does the work and
 * refuses an existing file unless told to replace it. */
static int save_read_only_file(const char *path)
{
	struct session *s = open_session(path);
	if (!s->read_only)
		return 1;
	session_set_number(s, test_cell("requests.new[0]"), 7);
	char *error = NULL;
	if (session_save(s, false, &error) != SESSION_SAVE_FAILED || !strstr(error, "只读"))
		return 2;
	free(error);
	char *other = xasprintf("%s.copy.yaml", path);
	if (session_save_as(s, path, true, &error) != SESSION_SAVE_FAILED)
		return 3; /* never onto itself */
	free(error);
	int fd = open(other, O_WRONLY | O_CREAT, 0644);
	close(fd);
	if (session_save_as(s, other, false, &error) != SESSION_SAVE_CONFLICT)
		return 4;
	if (session_save_as(s, other, true, &error) != SESSION_SAVED || s->dirty || s->read_only ||
	    strcmp(s->path, other) != 0)
		return 5;
	free(other);
	session_free(s);
	return 0;
}

static void test_save_read_only_file(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	assert_int_equal(chmod(sc.path, 0444), 0);
	assert_int_equal(chmod(sc.dir, 0777), 0);
	assert_int_equal(run_as_clerk(save_read_only_file, sc.path), 0);
	assert_file_is(sc.path, "seed-004.yaml");
	scratch_fini(&sc);
}

/* The dated copies set aside are listed oldest first, and only they. */
static void test_recovery_copies(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	struct session *s = open_session(sc.path);
	const char *names[] = {"recovery.20250103-080000", "recovery.20250101-080000",
			       "recovery.notes", "recovery.2025", "lock"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *path = xasprintf("%s/.report.yaml.%s", sc.dir, names[i]);
		close(open(path, O_WRONLY | O_CREAT, 0600));
		free(path);
	}
	session_set_number(s, test_cell("requests.new[0]"), 7);
	char *error = NULL;
	assert_int_equal(session_write_recovery(s, true, &error), 0);
	char *aside = session_recovery_set_aside(s, &error);
	assert_non_null(aside);
	size_t n;
	char **copies = session_recovery_copies(s, &n);
	assert_int_equal(n, 3);
	assert_non_null(strstr(copies[0], "/.report.yaml.recovery.20250101-080000"));
	assert_non_null(strstr(copies[1], "/.report.yaml.recovery.20250103-080000"));
	assert_string_equal(copies[2], aside);
	for (size_t i = 0; i < n; i++)
		free(copies[i]);
	free(copies);
	free(aside);
	session_free(s);
	scratch_fini(&sc);
}

/* Someone else saves the file while it is open in the form: the form's
 * save does not overwrite it unless the clerk says so (force). */
static void test_save_conflict(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	struct session *s = open_session(sc.path);
	session_set_number(s, test_cell("requests.new[0]"), 5);

	struct report *theirs = test_load("seed-000.yaml");
	char *error = NULL;
	assert_int_equal(report_save(theirs, sc.path, true, &error), 0);
	report_free(theirs);
	size_t their_len;
	char *their_text = file_text(sc.path, &their_len);

	assert_int_equal(session_save(s, false, &error), SESSION_SAVE_CONFLICT);
	assert_null(error);
	size_t len;
	char *now = file_text(sc.path, &len);
	assert_int_equal(len, their_len);
	assert_memory_equal(now, their_text, len);
	free(now);
	assert_true(s->dirty);

	/* also when only the content changed, same size, same second */
	assert_int_equal(session_save(s, true, &error), SESSION_SAVED);
	now = file_text(sc.path, &len);
	char *year = strstr(now, "year: 20");
	assert_non_null(year);
	year[8] = year[8] == '1' ? '2' : '1';
	FILE *fp = fopen(sc.path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fwrite(now, 1, len, fp), len);
	fclose(fp);
	free(now);
	session_set_number(s, test_cell("requests.new[1]"), 6);
	assert_int_equal(session_save(s, false, &error), SESSION_SAVE_CONFLICT);

	/* and when the file was removed */
	assert_int_equal(unlink(sc.path), 0);
	assert_int_equal(session_save(s, false, &error), SESSION_SAVE_CONFLICT);
	assert_int_equal(access(sc.path, F_OK), -1);

	free(their_text);
	session_free(s);
	scratch_fini(&sc);
}

/* The text the child types into the overview in round i (about 60 KB). */
static char *typed_text(int i)
{
	char *t = malloc(64 + 20000 * 3);
	size_t n = (size_t)sprintf(t, "第%d次\n", i);
	for (int k = 0; k < 20000; k++, n += 3)
		memcpy(t + n, i % 2 ? "甲" : "乙", 3);
	t[n] = '\0';
	return t;
}

/* Edits and writes the recovery file, as the form does, until killed. */
static void type_forever(const char *path)
{
	struct session *s = open_session(path);
	size_t overview = test_cell("text.overview");
	for (int i = 0;; i++) {
		char *t = typed_text(i);
		session_set_text(s, overview, t, strlen(t));
		free(t);
		char *error = NULL;
		if (session_write_recovery(s, i % 8 == 0, &error) != 0)
			_exit(3);
	}
}

/* kill -9 at random moments while the recovery file is being rewritten:
 * whenever it exists, it loads, and holds one whole round of typing. */
static void test_recovery_survives_kill(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	char *recovery = session_recovery_path(sc.path);
	size_t overview = test_cell("text.overview");
	srand((unsigned)time(NULL));
	for (int round = 0; round < 30; round++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0)
			type_forever(sc.path);
		/* from the first recovery file on (however slow the machine, as
		 * under valgrind), a moment within the next few rewrites */
		for (int wait = 0; wait < 5000 && access(recovery, F_OK) != 0; wait++)
			usleep(1000);
		usleep((useconds_t)(rand() % 20000));
		kill(pid, SIGKILL);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		/* replacing it is a rename, so it is never missing once written */
		if (access(recovery, F_OK) != 0)
			fail_msg("round %d: no recovery file after the kill", round);
		struct diag_list diags;
		diag_list_init(&diags);
		struct report *r = report_load_file(recovery, test_catalog(), NULL, &diags);
		if (!r)
			fail_msg("round %d: the recovery file does not load: %d:%d %s", round,
				 diags.items[0].line, diags.items[0].column,
				 diags.items[0].message);
		int typed = -1;
		assert_int_equal(sscanf(r->texts[overview], "第%d次", &typed), 1);
		char *want = typed_text(typed);
		if (strcmp(r->texts[overview], want) != 0)
			fail_msg(
				"round %d: the recovery file holds part of a round: %zu bytes of %zu",
				round, strlen(r->texts[overview]), strlen(want));
		free(want);
		report_free(r);
		diag_list_fini(&diags);
		unlink(recovery);
	}
	free(recovery);
	scratch_fini(&sc);
}

/* The session's outcome is what a reading of the whole report finds. */
static void assert_whole_reading(const struct session *s, int round)
{
	struct rule_outcome full = {0};
	rules_evaluate(s->entry->rules, s->report, NULL, &full);
	if (full.count != s->outcome.count)
		fail_msg("round %d: %zu failures, not %zu", round, s->outcome.count, full.count);
	for (size_t i = 0; i < full.count; i++) {
		const struct rule_failure *a = &full.failures[i], *b = &s->outcome.failures[i];
		if (a->check != b->check || a->left != b->left || a->right != b->right ||
		    a->phrase != b->phrase || a->at != b->at || a->len != b->len)
			fail_msg("round %d: failure %zu differs", round, i);
	}
	rule_outcome_fini(&full);
}

/* Keystrokes spliced into a narrative (session_splice_text) give the text
 * and the rules' outcome that setting the whole text gives: the text
 * rules re-read only the sentences around each edit, and must find what a
 * reading of the whole text finds. */

/* The edit [at, to) -> add made in the session and in want, the text the
 * session must then hold. */
static void splice_both(struct session *s, size_t cell, struct buf *want, size_t at, size_t to,
			const char *add)
{
	session_splice_text(s, cell, at, to, add, strlen(add));
	struct buf next;
	buf_init(&next);
	buf_add(&next, want->data, at);
	buf_adds(&next, add);
	buf_add(&next, want->data + to, want->len - to);
	buf_fini(want);
	*want = next;
}
static void test_splice_text(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"。",	      "《",	  "》",	    "〔",	"〕",	      "收到申请", "12",
		"件",	      "XX",	  "（ ）",  "（",	"）",	      " ",	  "\n",
		"2023年，",   "上年结转", "无",	    "行政复议", "３",	      "十二",	  "，",
		"未收到申请", "问题",	  "下一步", "措施",	"信息处理费", "未收取",	  "收费"};
	struct scratch sc;
	scratch_init(&sc, "example-2024.yaml");
	struct session *s = open_session(sc.path);
	/* 一 has the phrases, 五 and 六 the words a part must name */
	static const char *const cells[] = {"text.overview", "text.problems", "text.other"};
	struct buf want;
	size_t cell = 0;
	for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
		cell = test_cell(cells[c]);
		buf_init(&want);
		buf_adds(&want, s->report->texts[cell]);
		unsigned seed = 15;
		for (int round = 0; round < 3000; round++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % (want.len + 1), to = at;
			while (at > 0 && ((unsigned char)want.data[at] & 0xC0) == 0x80)
				at--;
			to = at;
			const char *add = "";
			if ((seed >> 4) % 3 == 0) {
				for (int n = (int)((seed >> 12) % 12); n > 0 && to < want.len; n--)
					do
						to++;
					while (to < want.len &&
					       ((unsigned char)want.data[to] & 0xC0) == 0x80);
			} else {
				add = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			}
			splice_both(s, cell, &want, at, to, add);
			assert_string_equal(s->report->texts[cell], want.data);
			assert_whole_reading(s, round);
		}
		buf_fini(&want);
	}
	cell = test_cell("text.overview");
	buf_init(&want);
	/* a whole new text, then splices again */
	session_set_text(s, cell, "全年新收政府信息公开申请3件。",
			 strlen("全年新收政府信息公开申请3件。"));
	session_splice_text(s, cell, 0, 0, "XX", 2);
	assert_string_equal(s->report->texts[cell], "XX全年新收政府信息公开申请3件。");
	struct rule_outcome full = {0};
	rules_evaluate(s->entry->rules, s->report, NULL, &full);
	assert_int_equal(full.count, s->outcome.count);
	rule_outcome_fini(&full);
	buf_fini(&want);
	session_free(s);
	scratch_fini(&sc);
}

/* Typing as a clerk types into a long narrative (一 written twenty times,
 * so every word and phrase is found hundreds of times): mostly where the
 * last key was, sometimes anywhere, at the very start or end; sentences
 * made and joined (。 typed, deletes across one), and the tables'
 * figures changed between keys, which the phrases compare with. */
static void test_splice_long_text(void **state)
{
	(void)state;
	static const char *const pieces[] = {"。", "。新收申请12件", "收到申请", "3",	   "件",
					     "XX", "2023年，",	     "问题",	 "下一步", "，",
					     "\n"};
	struct scratch sc;
	scratch_init(&sc, "example-2024.yaml");
	struct session *s = open_session(sc.path);
	size_t cell = test_cell("text.overview"), figure = test_cell("requests.new[0]");
	struct buf want;
	buf_init(&want);
	for (int i = 0; i < 20; i++)
		buf_adds(&want, s->report->texts[cell]);
	session_set_text(s, cell, want.data, want.len);
	unsigned seed = 42;
	size_t cursor = want.len / 2;
	for (int round = 0; round < 3000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t at = cursor;
		switch ((seed >> 8) % 10) {
		case 0:
			at = (seed >> 12) % (want.len + 1);
			break;
		case 1:
			at = 0;
			break;
		case 2:
			at = want.len;
			break;
		case 3:
			session_set_number(s, figure, (int64_t)((seed >> 12) % 20));
			assert_whole_reading(s, round);
			continue;
		default:
			break;
		}
		if (at > want.len)
			at = want.len;
		while (at > 0 && ((unsigned char)want.data[at] & 0xC0) == 0x80)
			at--;
		size_t to = at;
		const char *add = "";
		if ((seed >> 4) % 3 == 0) {
			/* up to 60 characters: across a 。 or two */
			for (int n = (int)((seed >> 16) % 60); n > 0 && to < want.len; n--)
				do
					to++;
				while (to < want.len &&
				       ((unsigned char)want.data[to] & 0xC0) == 0x80);
			if ((seed >> 22) % 2 && at > 0) { /* a Backspace: the deleted text before */
				size_t back = to - at;
				to = at;
				at = at > back ? at - back : 0;
				while (at > 0 && ((unsigned char)want.data[at] & 0xC0) == 0x80)
					at--;
			}
		} else {
			add = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
		}
		splice_both(s, cell, &want, at, to, add);
		cursor = at + strlen(add);
		assert_string_equal(s->report->texts[cell], want.data);
		assert_whole_reading(s, round);
	}
	buf_fini(&want);
	session_free(s);
	scratch_fini(&sc);
}

/* While typing, the recovery file is written at most once a second; a
 * write asked for with sync (before exit, on a signal) always happens. */
static void test_recovery_throttled(void **state)
{
	(void)state;
	struct scratch sc;
	scratch_init(&sc, "seed-004.yaml");
	struct session *s = open_session(sc.path);
	size_t cell = test_cell("requests.new[0]");
	char *error = NULL, *recovery = xstrdup(s->recovery_path);
	session_set_number(s, cell, 7);
	assert_int_equal(session_write_recovery(s, false, &error), 0);
	assert_false(s->recovery_stale);
	size_t len;
	char *first = file_text(recovery, &len);
	assert_non_null(first);
	/* at once again: not written, and still to be written */
	session_set_number(s, cell, 8);
	assert_int_equal(session_write_recovery(s, false, &error), 0);
	assert_true(s->recovery_stale);
	char *second = file_text(recovery, &len);
	assert_memory_equal(first, second, len);
	/* after the window it is */
	struct timespec pause = {1, 100000000};
	nanosleep(&pause, NULL);
	assert_int_equal(session_write_recovery(s, false, &error), 0);
	assert_false(s->recovery_stale);
	free(second);
	second = file_text(recovery, &len);
	assert_non_null(strstr(second, "new:           [8,"));
	/* sync is never put off */
	session_set_number(s, cell, 9);
	assert_int_equal(session_write_recovery(s, true, &error), 0);
	assert_false(s->recovery_stale);
	free(second);
	second = file_text(recovery, &len);
	assert_non_null(strstr(second, "new:           [9,"));
	free(first);
	free(second);
	free(recovery);
	session_free(s);
	scratch_fini(&sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_over_size_limit),
		cmocka_unit_test(test_save_in_read_only_dir),
		cmocka_unit_test(test_save_read_only_file),
		cmocka_unit_test(test_recovery_copies),
		cmocka_unit_test(test_splice_text),
		cmocka_unit_test(test_splice_long_text),
		cmocka_unit_test(test_recovery_throttled),
		cmocka_unit_test(test_save_conflict),
		cmocka_unit_test(test_recovery_survives_kill),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
