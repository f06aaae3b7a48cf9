/* Reading a whole file, or standard input, into memory, up to a bound.
 * Every reader of nianbao's inputs (reports, published texts, form
 * definitions, font roles, seals, keys) comes through here, so a pipe
 * works wherever a file does and a file growing while it is read cannot
 * get past the bound.  Nothing prints: the caller words the message. */
#ifndef NIANBAO_FILE_READ_H
#define NIANBAO_FILE_READ_H

#include <stddef.h>

/* What failed, for the caller's message. */
enum file_read_failure {
	FILE_READ_OK,
	FILE_READ_OPEN,	   /* open(2) failed: err */
	FILE_READ_READ,	   /* read(2) failed: err (EISDIR for a directory) */
	FILE_READ_LARGE,   /* more than max bytes */
	FILE_READ_SPECIAL, /* a named pipe, device or socket: refused before any read */
};

struct file_read_error {
	enum file_read_failure failure;
	int err;	/* errno of OPEN and READ */
	long long size; /* LARGE: the file's size when it is a regular file, else -1 */
	const char *special; /* SPECIAL: what it is, e.g. 这不是普通文件，而是命名管道 (static) */
};

/* Flags: the data is a secret (a private key): every copy made while
 * growing the buffer, and the buffer on failure, is cleared. */
#define FILE_READ_SECRET 1u

/* Reads all of path (at most max bytes) and returns it NUL-terminated
 * with its length in *len; the caller frees it (clearing it first when it
 * is a secret).  NULL on failure, with *error saying why.  Only a regular
 * file is read: a directory fails as EISDIR, and a named pipe or a device
 * is refused at once (opened without blocking, never read), so a path
 * that names one cannot hang nianbao or feed it endless data. */
char *file_read(const char *path, size_t max, unsigned flags, size_t *len,
		struct file_read_error *error);

/* The same for an open descriptor (e.g. STDIN_FILENO), read until end of
 * file; fd stays open. */
char *file_read_fd(int fd, size_t max, unsigned flags, size_t *len, struct file_read_error *error);

/* The errno of a failed read, in the words a clerk reads: 文件不存在,
 * 没有读取权限, 这是一个目录, else strerror's.  Static, not to be freed. */
const char *file_read_reason(int err);

/* Why an OPEN, READ or SPECIAL failure happened, in the same words
 * (SPECIAL: 这不是普通文件，而是命名管道).  Static, not to be freed. */
const char *file_read_why(const struct file_read_error *error);

#endif
