/* Atomic whole-file writes; see atomic_file.h. */
#define _GNU_SOURCE
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

static const char *reason(int err)
{
	switch (err) {
	case ENOSPC:
		return "磁盘空间不足";
	case EDQUOT:
		return "磁盘配额已用完";
	case EFBIG:
		return "文件超过了允许的大小";
	case EACCES:
	case EPERM:
		return "没有写入权限";
	case EROFS:
		return "磁盘是只读的";
	case ENOENT:
		return "目录不存在";
	case EEXIST:
		return "文件已经存在";
	default:
		return strerror(err);
	}
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static void fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Moves tmp to path, refusing to replace an existing file when asked. */
static int place(const char *tmp, const char *path, int mode)
{
	if (!(mode & ATOMIC_CREATE))
		return rename(tmp, path) == 0 ? 0 : errno;
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return errno;
	/* a file system without RENAME_NOREPLACE: link() refuses to replace */
	if (link(tmp, path) != 0)
		return errno;
	unlink(tmp);
	return 0;
}

/* perm < 0: keep an existing file's permissions, or 0666 less the umask. */
static int write_file(const char *path, const char *data, size_t len, int mode, int perm_wanted,
		      char **error)
{
	char *target = NULL, *dir_copy = NULL, *base_copy = NULL, *tmp = NULL;
	struct stat st;
	mode_t perm = 0666;
	int err = 0, fd = -1;

	*error = NULL;
	if (lstat(path, &st) == 0) {
		if (mode & ATOMIC_CREATE) {
			err = EEXIST;
			goto done;
		}
		if (S_ISLNK(st.st_mode) && !(mode & ATOMIC_HERE)) {
			target = realpath(path, NULL);
			if (!target || stat(target, &st) != 0) {
				err = errno ? errno : ENOENT;
				goto done;
			}
		}
		if (S_ISLNK(st.st_mode)) {
			/* the link itself is replaced: its target is not ours */
			mode_t mask = umask(0);
			umask(mask);
			perm &= ~mask;
		} else if (!S_ISREG(st.st_mode)) {
			err = EISDIR;
			goto done;
		} else {
			perm = st.st_mode & 07777;
		}
	} else {
		mode_t mask = umask(0);
		umask(mask);
		perm &= ~mask;
	}
	if (perm_wanted >= 0)
		perm = (mode_t)perm_wanted;
	if (!target)
		target = xstrdup(path);
	dir_copy = xstrdup(target);
	base_copy = xstrdup(target);
	const char *dir = dirname(dir_copy);
	tmp = xasprintf("%s/.%s.tmp-XXXXXX", dir, basename(base_copy));
	/* mkostemp creates with O_EXCL (mode 0600); O_NOFOLLOW as well, so
	 * that no name planted beforehand is ever opened */
	fd = mkostemp(tmp, O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		err = errno;
		free(tmp);
		tmp = NULL;
		goto done;
	}
	err = write_all(fd, data, len);
	if (!err && fchmod(fd, perm) != 0)
		err = errno;
	if (!err && !(mode & ATOMIC_UNSYNCED) && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	fd = -1;
	if (!err)
		err = place(tmp, target, mode);
	if (!err && !(mode & ATOMIC_UNSYNCED))
		fsync_dir(dir);
done:
	if (fd >= 0)
		close(fd);
	if (err && tmp)
		unlink(tmp);
	if (err)
		*error = xasprintf("无法写入 %s：%s%s", path, reason(err),
				   !(mode & ATOMIC_CREATE) && err != EEXIST ? "（原文件没有改动）"
									    : "");
	free(tmp);
	free(target);
	free(dir_copy);
	free(base_copy);
	return err;
}

int atomic_write(const char *path, const char *data, size_t len, int mode, char **error)
{
	return write_file(path, data, len, mode, -1, error);
}

int atomic_write_perm(const char *path, const char *data, size_t len, int mode, mode_t perm,
		      char **error)
{
	return write_file(path, data, len, mode, (int)(perm & 07777), error);
}
