/* An editing session: one report file open in the form.  It owns the
 * report, knows whether it has unsaved changes, keeps the recovery file
 * beside it up to date, and re-runs the rules after every change so that
 * the view only has to ask.  No terminal here: the form (tui) drives a
 * session, and tests and the benchmark drive it without a screen. */
#ifndef NIANBAO_SESSION_H
#define NIANBAO_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "rules.h"

struct catalog;
struct catalog_entry;
struct diag_list;
struct report;
struct session_text;

/* How far a section of the form is. */
enum section_state {
	SECTION_EMPTY,	     /* nothing entered yet, not confirmed */
	SECTION_UNCONFIRMED, /* no rule broken, but the clerk has not confirmed it */
	SECTION_COMPLETE,    /* confirmed by the clerk, no rule broken (all zeros too) */
	SECTION_WARNING,     /* a warning rule is broken */
	SECTION_ERROR,	     /* an error rule is broken */
};

/* What the file on disk looked like when we last read or wrote it. */
struct session_stamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct session {
	char *path;			   /* the report file */
	char *recovery_path;		   /* hidden file beside it */
	const struct catalog_entry *entry; /* borrowed from the catalog */
	struct report *report;		   /* owned */
	struct rule_outcome outcome;	   /* the rules after the last change */
	bool dirty;			   /* changed since opened or saved */
	bool recovery_stale;		   /* changed since the recovery file was written */
	bool recovery_unsynced;		   /* written, but not yet flushed to the disk */
	time_t recovery_synced;		   /* when the recovery file last reached the disk */
	int64_t recovery_written_ms;	   /* when it was last written (CLOCK_MONOTONIC), or 0 */
	struct session_stamp stamp;	   /* the file as we last saw it */
	bool read_only;			   /* the file or its folder cannot be written: save as */
	struct session_text *texts;	   /* per cell, what session_splice_text knows, owned */
};

/* Opens path.  When it exists it must load (else NULL, with the reasons
 * in diags).  When it does not, NULL with *created set: the caller makes
 * the new report with session_create. */
struct session *session_open(const char *path, struct catalog *catalog, struct diag_list *diags,
			     bool *created);
/* Starts a new report for a file that does not exist yet. */
struct session *session_create(const char *path, struct catalog *catalog, const char *organ,
			       int year, char **error);
void session_free(struct session *s);

/* The name of the recovery file of path (the caller frees it): a hidden
 * file beside it, or, when its folder cannot be written, a file named
 * after it in the state folder (session_state_dir). */
char *session_recovery_path(const char *path);

/* Where work that cannot be kept beside its report goes:
 * $XDG_STATE_HOME/nianbao, by default ~/.local/state/nianbao, made
 * (mode 0700) when missing.  The caller frees it; NULL when there is no
 * such folder and it cannot be made. */
char *session_state_dir(void);

/* Whether path, or the folder it is in, cannot be written by us. */
bool session_path_read_only(const char *path);

/* Takes the lock that keeps a second form from editing path (a hidden
 * .NAME.lock beside it, held with flock while the form runs).  Returns a
 * descriptor for session_unlock, or -1: with *error set (the caller frees
 * it) when another form holds the lock, without when the directory takes
 * no lock file (saving there will fail and say so). */
int session_lock(const char *path, char **error);
void session_unlock(const char *path, int fd);

/* Whether a recovery file from an earlier, unfinished session exists;
 * *when is its modification time. */
bool session_recovery_found(const struct session *s, time_t *when);
/* Replaces the report with the recovery file's content (unsaved).
 * Returns false (report untouched) with diagnostics when it does not load. */
bool session_recovery_restore(struct session *s, struct catalog *catalog, struct diag_list *diags);
/* Moves an unwanted recovery file aside, to a new name with its time
 * (...recovery.20250120-093000), rather than deleting what a clerk typed.
 * Returns that name (the caller frees it), or NULL with *error set (the
 * caller frees it) when the file could not be moved. */
char *session_recovery_set_aside(struct session *s, char **error);

/* How many dated copies (session_recovery_set_aside) of a report's
 * unsaved work are kept before the form offers to remove older ones. */
#define SESSION_RECOVERY_KEEP 3

/* The dated copies of s's recovery file, oldest first: a new array of new
 * strings (full paths), *count set; the caller frees each and the array. */
char **session_recovery_copies(const struct session *s, size_t *count);

/* Edits.  Each re-runs the rules; set_number also updates the totals that
 * follow (rules_set_number) and returns how many other cells changed. */
size_t session_set_number(struct session *s, size_t cell, int64_t value);
void session_set_text(struct session *s, size_t cell, const char *text, size_t len);
/* Replaces bytes [from, to) of the text of cell with text[0..len), as a
 * keystroke changes it: only what changed is copied, where set_text
 * copies the whole text.  from <= to <= the text's length, on character
 * boundaries, and the result is a valid text (the editor checked it). */
void session_splice_text(struct session *s, size_t cell, size_t from, size_t to, const char *text,
			 size_t len);
void session_set_organ(struct session *s, const char *organ);
void session_set_year(struct session *s, int year);
void session_set_issued_on(struct session *s, int year, int month, int day);
void session_set_draft(struct session *s, bool draft);
/* Marks section (a form section index) as confirmed by the clerk, or not;
 * a change to any of its cells takes the confirmation back. */
void session_set_confirmed(struct session *s, size_t section, bool confirmed);

/* Writes the recovery file if the report changed since it was last
 * written; it reaches the disk (fsync) at most every few seconds unless
 * sync is true.  Unless sync, it is written at most once a second
 * (SESSION_RECOVERY_WRITE_MS): a change made sooner leaves recovery_stale
 * set, and the caller calls again when idle; before exit and on a signal
 * the caller passes sync.  Returns 0 or an errno (*error set, caller
 * frees). */
#define SESSION_RECOVERY_WRITE_MS 1000

int session_write_recovery(struct session *s, bool sync, char **error);

enum session_save_result {
	SESSION_SAVED,
	SESSION_SAVE_CONFLICT, /* the file changed on disk since we read it */
	SESSION_SAVE_FAILED,   /* *error says why; the old file is intact */
};

/* Saves atomically and removes the recovery file.  Unless force, refuses
 * (SESSION_SAVE_CONFLICT) when someone else changed the file meanwhile. */
enum session_save_result session_save(struct session *s, bool force, char **error);

/* Saves to another file (另存为), which becomes the session's file; the
 * old file is left as it was, its recovery file removed.  Unless replace,
 * an existing path is refused (SESSION_SAVE_CONFLICT), and path is never
 * the session's own file (SESSION_SAVE_FAILED). */
enum session_save_result session_save_as(struct session *s, const char *path, bool replace,
					 char **error);

/* The state of section (a form section index) after the last change, and
 * how many broken checks concern it. */
enum section_state session_section_state(const struct session *s, size_t section, size_t *problems);

/* How many error rules (not warnings) the report breaks. */
size_t session_error_count(const struct session *s);

/* Failures that involve cell: those naming it first, then those it is a
 * part of, each in rule order.
 * Returns how many were written to out (at most max). */
size_t session_cell_failures(const struct session *s, size_t cell, const struct rule_failure **out,
			     size_t max);

/* True when cell is named by a failure (it is the one to correct). */
bool session_cell_is_broken(const struct session *s, size_t cell);

#endif
