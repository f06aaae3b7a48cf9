/* Reading whole files; see file_read.h.  The size is never taken from
 * fstat: the file is read until end of file, so pipes work and a file
 * that grows meanwhile is refused at the bound, not cut. */
#define _GNU_SOURCE
#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define FILE_READ_FIRST 65536u

static char *fail(struct file_read_error *error, enum file_read_failure failure, int err)
{
	error->failure = failure;
	error->err = err;
	error->size = -1;
	error->special = NULL;
	return NULL;
}

/* Moves data to a buffer of cap + 1 bytes; a secret leaves no copy behind. */
static char *grow(char *data, size_t used, size_t cap, unsigned flags)
{
	if (!(flags & FILE_READ_SECRET))
		return xrealloc(data, cap + 1);
	char *bigger = xmalloc(cap + 1);
	memcpy(bigger, data, used);
	explicit_bzero(data, used);
	free(data);
	return bigger;
}

char *file_read_fd(int fd, size_t max, unsigned flags, size_t *len, struct file_read_error *error)
{
	/* one byte past the bound tells a file of max bytes from a longer one */
	size_t limit = max + 1;
	size_t cap = limit < FILE_READ_FIRST ? limit : FILE_READ_FIRST, n = 0;
	char *data = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap == limit)
				break;
			cap = cap > limit / 2 ? limit : cap * 2;
			data = grow(data, n, cap, flags);
		}
		ssize_t got = read(fd, data + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int err = errno;
			if (flags & FILE_READ_SECRET)
				explicit_bzero(data, n);
			free(data);
			return fail(error, FILE_READ_READ, err);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max) {
		if (flags & FILE_READ_SECRET)
			explicit_bzero(data, n);
		free(data);
		fail(error, FILE_READ_LARGE, EFBIG);
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			error->size = (long long)st.st_size;
		return NULL;
	}
	data[n] = '\0';
	*len = n;
	error->failure = FILE_READ_OK;
	error->err = 0;
	error->size = -1;
	error->special = NULL;
	return data;
}

/* What a file that is neither regular nor a directory is, for a clerk. */
static const char *special_file(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "这不是普通文件，而是命名管道";
	if (S_ISSOCK(mode))
		return "这不是普通文件，而是套接字";
	return "这不是普通文件，而是设备";
}

char *file_read(const char *path, size_t max, unsigned flags, size_t *len,
		struct file_read_error *error)
{
	/* O_NONBLOCK: opening a named pipe must not wait for a writer */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	if (fd < 0 && errno == ENXIO && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* a socket, or a device with nothing behind it, cannot be opened */
		fail(error, FILE_READ_SPECIAL, 0);
		error->special = special_file(st.st_mode);
		return NULL;
	}
	if (fd < 0)
		return fail(error, FILE_READ_OPEN, errno);
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		return fail(error, FILE_READ_OPEN, err);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (S_ISDIR(st.st_mode))
			return fail(error, FILE_READ_READ, EISDIR);
		fail(error, FILE_READ_SPECIAL, 0);
		error->special = special_file(st.st_mode);
		return NULL;
	}
	char *data = file_read_fd(fd, max, flags, len, error);
	close(fd);
	return data;
}

const char *file_read_reason(int err)
{
	switch (err) {
	case ENOENT:
		return "文件不存在";
	case EACCES:
		return "没有读取权限";
	case EISDIR:
		return "这是一个目录";
	default:
		return strerror(err);
	}
}

const char *file_read_why(const struct file_read_error *error)
{
	return error->failure == FILE_READ_SPECIAL ? error->special : file_read_reason(error->err);
}
