/* Writing a whole file so that it is either complete or untouched: the
 * data goes to a temporary file beside the target (created with O_EXCL
 * and O_NOFOLLOW, so nothing planted under that name is written through),
 * is flushed to disk, and is renamed over the target; the directory is
 * flushed too.  A failure (disk full, no permission) removes the
 * temporary file and leaves the old file as it was. */
#ifndef NIANBAO_ATOMIC_FILE_H
#define NIANBAO_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* How to write: one of the first three, or ATOMIC_HERE added to
 * ATOMIC_REPLACE. */
enum atomic_mode {
	ATOMIC_REPLACE = 0, /* replace the file if it exists; a symbolic link
			     * there is followed: a clerk's report opened
			     * through a link stays a link */
	ATOMIC_CREATE = 1,  /* refuse if anything exists there, a dangling
			     * link too (error is EEXIST) */
	ATOMIC_HERE = 2,    /* replace what is at the path itself: a symbolic
			     * link there is replaced, never written through */
	ATOMIC_UNSYNCED = 4,
	/* for files rewritten after every keystroke (recovery), which must
	 * survive the program's death, not a power cut; never follows a link */
	ATOMIC_REPLACE_UNSYNCED = ATOMIC_UNSYNCED | ATOMIC_HERE,
};

/* Writes data[0..len) to path.  Returns 0, or an errno value with *error
 * set to a Chinese sentence (the caller frees it).  An existing file
 * keeps its permissions (a new one gets 0666 less the umask). */
int atomic_write(const char *path, const char *data, size_t len, int mode, char **error);

/* As atomic_write, but the file gets the permissions perm (e.g. those of
 * the report a recovery copy is of), whatever it had before. */
int atomic_write_perm(const char *path, const char *data, size_t len, int mode, mode_t perm,
		      char **error);

#endif
