/* Editing sessions; see session.h. */
#define _GNU_SOURCE /* renameat2 */
#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "report_save.h"
#include "xalloc.h"

/* A text's length and the room allocated for it, so that a splice needs
 * neither strlen nor a new copy; valid while the report's pointer is at. */
struct session_text {
	const char *at;
	size_t len, cap;
};

/* The recovery file reaches the disk at least this often while typing. */
#define RECOVERY_SYNC_SECONDS 5

static struct session_stamp stamp_of(const char *path)
{
	struct session_stamp st = {0};
	struct stat sb;
	if (stat(path, &sb) == 0) {
		st.exists = true;
		st.dev = sb.st_dev;
		st.ino = sb.st_ino;
		st.size = sb.st_size;
		st.mtime = sb.st_mtim;
	}
	return st;
}

static bool stamps_equal(const struct session_stamp *a, const struct session_stamp *b)
{
	return a->exists == b->exists &&
	       (!a->exists ||
		(a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
		 a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec));
}

/* A hidden file beside path: DIR/.NAME.suffix. */
static char *hidden_sibling(const char *path, const char *suffix)
{
	char *dir_copy = xstrdup(path), *base_copy = xstrdup(path);
	char *result = xasprintf("%s/.%s.%s", dirname(dir_copy), basename(base_copy), suffix);
	free(dir_copy);
	free(base_copy);
	return result;
}

/* The folder path is in (the caller frees it). */
static char *folder_of(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

bool session_path_read_only(const char *path)
{
	char *dir = folder_of(path);
	bool ro = access(dir, W_OK) != 0 || (access(path, F_OK) == 0 && access(path, W_OK) != 0);
	free(dir);
	return ro;
}

char *session_state_dir(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *base;
	if (state && state[0] == '/')
		base = xstrdup(state);
	else if (home && home[0] == '/')
		base = xasprintf("%s/.local/state", home);
	else
		return NULL;
	char *dir = xasprintf("%s/nianbao", base);
	/* each level, as mkdir -p: ~/.local/state may not exist yet */
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	mkdir(dir, 0700);
	free(base);
	if (access(dir, W_OK) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *session_recovery_path(const char *path)
{
	char *dir = folder_of(path);
	bool writable = access(dir, W_OK) == 0;
	free(dir);
	char *state = writable ? NULL : session_state_dir();
	if (!state)
		return hidden_sibling(path, "recovery");
	/* one name per report, however its path is spelt: its own name and a
	 * hash of its folder's real path and that name (the file itself may
	 * not exist yet) */
	char *dir_copy = xstrdup(path), *base_copy = xstrdup(path);
	char *real_dir = realpath(dirname(dir_copy), NULL);
	const char *name = basename(base_copy);
	char *key = xasprintf("%s/%s", real_dir ? real_dir : ".", name);
	uint32_t h = 2166136261u;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	char *result = xasprintf("%s/%s.%08x.recovery", state, name, h);
	free(key);
	free(real_dir);
	free(dir_copy);
	free(base_copy);
	free(state);
	return result;
}

int session_lock(const char *path, char **error)
{
	char *lock_path = hidden_sibling(path, "lock");
	/* O_NOFOLLOW: a link planted under the lock's name is not followed
	 * (O_CREAT would create or truncate nothing, but open its target) */
	int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	*error = NULL;
	if (fd < 0 && errno == ELOOP) {
		*error = xasprintf("%s 是一个符号链接，不是 nianbao 的锁文件；请删除它再打开 %s",
				   lock_path, path);
		free(lock_path);
		return -1;
	}
	if (fd < 0) {
		/* a directory we may not write to: saving will say so; no lock */
		free(lock_path);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		*error = xasprintf(
			errno == EWOULDBLOCK
				? "%s 正在另一个 nianbao 窗口中编辑；请先在那里保存并退出"
				: "%s 无法加锁",
			path);
		close(fd);
		fd = -1;
	}
	free(lock_path);
	return fd;
}

void session_unlock(const char *path, int fd)
{
	if (fd < 0)
		return;
	char *lock_path = hidden_sibling(path, "lock");
	unlink(lock_path);
	close(fd);
	free(lock_path);
}

static void evaluate(struct session *s)
{
	rules_evaluate(s->entry->rules, s->report, NULL, &s->outcome);
}

static struct session *session_new(const char *path, const struct catalog_entry *entry,
				   struct report *report)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->recovery_path = session_recovery_path(path);
	s->entry = entry;
	s->report = report;
	s->stamp = stamp_of(path);
	s->read_only = session_path_read_only(path);
	s->recovery_synced = time(NULL);
	rule_outcome_track_texts(&s->outcome); /* a keystroke re-reads only its sentence */
	evaluate(s);
	return s;
}

struct session *session_open(const char *path, struct catalog *catalog, struct diag_list *diags,
			     bool *created)
{
	*created = false;
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		*created = true;
		return NULL;
	}
	const struct catalog_entry *entry;
	struct report *r = report_load_file(path, catalog, &entry, diags);
	if (!r)
		return NULL;
	return session_new(path, entry, r);
}

struct session *session_create(const char *path, struct catalog *catalog, const char *organ,
			       int year, char **error)
{
	const struct catalog_entry *entry = catalog_get(catalog, catalog_default_id(catalog),
							error);
	if (!entry)
		return NULL;
	struct report *r = report_new(entry->form);
	report_set_organ(r, organ);
	r->year = year;
	rules_fill_all(entry->rules, r);
	struct session *s = session_new(path, entry, r);
	s->dirty = true;
	s->recovery_stale = true;
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	report_free(s->report);
	rule_outcome_fini(&s->outcome);
	free(s->texts);
	free(s->path);
	free(s->recovery_path);
	free(s);
}

bool session_recovery_found(const struct session *s, time_t *when)
{
	struct stat sb;
	/* a link is not nianbao's recovery file: it is never read nor followed */
	if (lstat(s->recovery_path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return false;
	*when = sb.st_mtime;
	return true;
}

bool session_recovery_restore(struct session *s, struct catalog *catalog, struct diag_list *diags)
{
	const struct catalog_entry *entry;
	struct report *r = report_load_file(s->recovery_path, catalog, &entry, diags);
	if (!r)
		return false;
	report_free(s->report);
	s->report = r;
	s->entry = entry;
	free(s->texts); /* of the old report */
	s->texts = NULL;
	s->dirty = true;
	s->recovery_stale = false;
	evaluate(s);
	return true;
}

char *session_recovery_set_aside(struct session *s, char **error)
{
	struct stat st;
	time_t when = stat(s->recovery_path, &st) == 0 ? st.st_mtime : time(NULL);
	char stamp[32];
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&when));
	*error = NULL;
	for (int n = 1; n < 1000; n++) {
		char *aside = n == 1 ? xasprintf("%s.%s", s->recovery_path, stamp)
				     : xasprintf("%s.%s-%d", s->recovery_path, stamp, n);
		/* never over an earlier one: each refusal keeps its own file */
		if (renameat2(AT_FDCWD, s->recovery_path, AT_FDCWD, aside, RENAME_NOREPLACE) == 0)
			return aside;
		int err = errno;
		free(aside);
		if (err != EEXIST) {
			*error = xstrdup(strerror(err));
			return NULL;
		}
	}
	*error = xstrdup("同名的文件太多");
	return NULL;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **session_recovery_copies(const struct session *s, size_t *count)
{
	char *dir_copy = xstrdup(s->recovery_path), *base_copy = xstrdup(s->recovery_path);
	const char *dir = dirname(dir_copy);
	char *prefix = xasprintf("%s.", basename(base_copy));
	size_t n = 0, cap = 0, plen = strlen(prefix);
	char **names = NULL;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		/* NAME.recovery.YYYYmmdd-HHMMSS, maybe with -N: made by set_aside */
		const char *tail = e->d_name + plen;
		if (strncmp(e->d_name, prefix, plen) != 0 || strlen(tail) < 15 || tail[8] != '-' ||
		    strspn(tail, "0123456789") != 8 || strspn(tail + 9, "0123456789") != 6)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	if (d)
		closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, compare_names);
	free(prefix);
	free(dir_copy);
	free(base_copy);
	*count = n;
	return names;
}

static void changed(struct session *s)
{
	s->dirty = true;
	s->recovery_stale = true;
	evaluate(s);
}

/* After an edit of one text (bytes [from, old_to) of cell became [from,
 * new_to), len bytes now) or, with cell FORM_NONE, of numbers alone. */
static void edited(struct session *s, size_t cell, size_t len, size_t from, size_t old_to,
		   size_t new_to)
{
	s->dirty = true;
	s->recovery_stale = true;
	rules_evaluate_edit(s->entry->rules, s->report, NULL, &s->outcome, cell, len, from, old_to,
			    new_to);
}

/* What the clerk confirmed was the section as it stood. */
static void unconfirm(struct session *s, size_t cell)
{
	size_t section = s->report->form->cells[cell].section;
	if (section < s->report->form->nsections)
		s->report->confirmed[section] = false;
}

size_t session_set_number(struct session *s, size_t cell, int64_t value)
{
	size_t n = rules_set_number(s->entry->rules, s->report, cell, value);
	unconfirm(s, cell);
	edited(s, FORM_NONE, 0, 0, 0, 0);
	return n;
}

void session_set_text(struct session *s, size_t cell, const char *text, size_t len)
{
	report_set_text(s->report, cell, text, len);
	if (s->texts)
		s->texts[cell].at = NULL; /* a new pointer may reuse the old address */
	unconfirm(s, cell);
	changed(s);
}

void session_splice_text(struct session *s, size_t cell, size_t from, size_t to, const char *text,
			 size_t len)
{
	if (!s->texts)
		s->texts = xcalloc(s->report->form->ncells, sizeof *s->texts);
	struct session_text *st = &s->texts[cell];
	char *old = s->report->texts[cell];
	if (st->at != old) {
		st->len = strlen(old);
		st->cap = st->len + 1;
	}
	size_t new_len = st->len - (to - from) + len;
	if (new_len + 1 > st->cap) {
		/* room to grow, so that typing reallocates now and then */
		st->cap = new_len + 1 + new_len / 2;
		old = xrealloc(old, st->cap);
	}
	memmove(old + from + len, old + to, st->len - to + 1);
	memcpy(old + from, text, len);
	s->report->texts[cell] = old;
	st->at = old;
	st->len = new_len;
	unconfirm(s, cell);
	edited(s, cell, new_len, from, to, from + len);
}

void session_set_confirmed(struct session *s, size_t section, bool confirmed)
{
	s->report->confirmed[section] = confirmed;
	changed(s);
}

void session_set_organ(struct session *s, const char *organ)
{
	report_set_organ(s->report, organ);
	changed(s);
}

void session_set_year(struct session *s, int year)
{
	s->report->year = year;
	changed(s);
}

void session_set_issued_on(struct session *s, int year, int month, int day)
{
	s->report->issued_on = (struct report_date){year, month, day};
	changed(s);
}

void session_set_draft(struct session *s, bool draft)
{
	s->report->draft = draft;
	changed(s);
}

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int session_write_recovery(struct session *s, bool sync, char **error)
{
	*error = NULL;
	time_t now = time(NULL);
	bool due = sync || now - s->recovery_synced >= RECOVERY_SYNC_SECONDS;
	if (!s->recovery_stale && !(due && s->recovery_unsynced))
		return 0;
	/* a whole report per keystroke is the cost of typing in a long text:
	 * while typing, once a second is enough */
	int64_t ms = monotonic_ms();
	if (!due && s->recovery_written_ms &&
	    ms - s->recovery_written_ms < SESSION_RECOVERY_WRITE_MS)
		return 0;
	size_t len;
	char *text = report_format(s->report, &len);
	/* never through a link planted at the recovery path, and readable by
	 * no one the report itself is not readable by */
	int mode = due ? ATOMIC_REPLACE | ATOMIC_HERE : ATOMIC_REPLACE_UNSYNCED;
	struct stat report_st;
	int err = stat(s->path, &report_st) == 0
			  ? atomic_write_perm(s->recovery_path, text, len, mode,
					      report_st.st_mode & 0666, error)
			  : atomic_write(s->recovery_path, text, len, mode, error);
	free(text);
	if (!err) {
		s->recovery_stale = false;
		s->recovery_written_ms = ms;
		s->recovery_unsynced = !due;
		if (due)
			s->recovery_synced = now;
	}
	return err;
}

enum session_save_result session_save(struct session *s, bool force, char **error)
{
	*error = NULL;
	if (access(s->path, F_OK) == 0 && access(s->path, W_OK) != 0) {
		/* rename would replace a read-only file: the clerk made it so */
		*error = xasprintf(
			"无法写入 %s：没有写入权限，文件是只读的（原文件没有改动）；请另存为",
			s->path);
		return SESSION_SAVE_FAILED;
	}
	struct session_stamp now = stamp_of(s->path);
	if (!force && !stamps_equal(&now, &s->stamp))
		return SESSION_SAVE_CONFLICT;
	if (report_save(s->report, s->path, true, error) != 0)
		return SESSION_SAVE_FAILED;
	s->stamp = stamp_of(s->path);
	s->dirty = false;
	s->recovery_stale = false;
	s->recovery_unsynced = false;
	unlink(s->recovery_path);
	return SESSION_SAVED;
}

enum session_save_result session_save_as(struct session *s, const char *path, bool replace,
					 char **error)
{
	*error = NULL;
	struct session_stamp there = stamp_of(path);
	if (there.exists && s->stamp.exists && there.dev == s->stamp.dev &&
	    there.ino == s->stamp.ino) {
		*error = xasprintf("%s 就是正在编辑的文件", path);
		return SESSION_SAVE_FAILED;
	}
	if (there.exists && !replace)
		return SESSION_SAVE_CONFLICT;
	if (report_save(s->report, path, replace, error) != 0)
		return SESSION_SAVE_FAILED;
	unlink(s->recovery_path);
	free(s->path);
	free(s->recovery_path);
	s->path = xstrdup(path);
	s->recovery_path = session_recovery_path(path);
	s->stamp = stamp_of(path);
	s->read_only = session_path_read_only(path);
	s->dirty = false;
	s->recovery_stale = false;
	s->recovery_unsynced = false;
	return SESSION_SAVED;
}

enum section_state session_section_state(const struct session *s, size_t section, size_t *problems)
{
	const struct form *f = s->report->form;
	const struct rules *rules = s->entry->rules;
	enum section_state state = SECTION_EMPTY;
	size_t count = 0;
	bool warning = false, error = false;

	for (size_t i = 0; i < s->outcome.count; i++) {
		const struct rule_failure *fail = &s->outcome.failures[i];
		if (f->cells[rules_failure_cell(rules, fail)].section != section)
			continue;
		count++;
		if (rules_failure_severity(rules, fail) == DIAG_ERROR)
			error = true;
		else if (!rules_failure_acknowledged(rules, s->report, fail))
			warning = true; /* a warning the clerk checked is listed, not counted */
	}
	if (problems)
		*problems = count;
	if (error)
		return SECTION_ERROR;
	if (warning)
		return SECTION_WARNING;
	if (s->report->confirmed[section])
		return SECTION_COMPLETE;
	for (size_t c = 0; c < f->ncells && state == SECTION_EMPTY; c++) {
		if (f->cells[c].section != section)
			continue;
		if (f->cells[c].type == FORM_TEXT ? s->report->texts[c][0] != '\0'
						  : s->report->numbers[c] != 0)
			state = SECTION_UNCONFIRMED;
	}
	return state;
}

size_t session_cell_failures(const struct session *s, size_t cell, const struct rule_failure **out,
			     size_t max)
{
	/* first the failures that name this cell, then those it is part of */
	const struct rules *rules = s->entry->rules;
	size_t n = 0;
	for (size_t i = 0; i < s->outcome.count && n < max; i++)
		if (rules_failure_cell(rules, &s->outcome.failures[i]) == cell)
			out[n++] = &s->outcome.failures[i];
	for (size_t i = 0; i < s->outcome.count && n < max; i++)
		if (rules_failure_cell(rules, &s->outcome.failures[i]) != cell &&
		    rules_failure_involves(rules, &s->outcome.failures[i], cell))
			out[n++] = &s->outcome.failures[i];
	return n;
}

bool session_cell_is_broken(const struct session *s, size_t cell)
{
	for (size_t i = 0; i < s->outcome.count; i++)
		if (rules_failure_cell(s->entry->rules, &s->outcome.failures[i]) == cell)
			return true;
	return false;
}

size_t session_error_count(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->outcome.count; i++)
		if (rules_failure_severity(s->entry->rules, &s->outcome.failures[i]) == DIAG_ERROR)
			n++;
	return n;
}
