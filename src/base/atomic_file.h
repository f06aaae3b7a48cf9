/* Writing a whole file so that it is either complete or untouched: the
 * data goes to a temporary file beside the target, is flushed to disk,
 * and is renamed over the target; the directory is flushed too.  A
 * failure (disk full, no permission) removes the temporary file and
 * leaves the old file as it was. */
#ifndef NIANBAO_ATOMIC_FILE_H
#define NIANBAO_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>

enum atomic_mode {
	ATOMIC_REPLACE,		 /* replace the file if it exists */
	ATOMIC_CREATE,		 /* refuse if the file exists (error is EEXIST) */
	ATOMIC_REPLACE_UNSYNCED, /* replace, without waiting for the disk: for
				 * files rewritten after every keystroke, which
				 * must survive the program's death, not a
				 * power cut */
};

/* Writes data[0..len) to path.  Returns 0, or an errno value with *error
 * set to a Chinese sentence (the caller frees it).  An existing file
 * keeps its permissions; a symbolic link is followed, not replaced. */
int atomic_write(const char *path, const char *data, size_t len, enum atomic_mode mode,
		 char **error);

#endif
