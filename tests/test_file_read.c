/* Reading whole files: the bound, pipes, and what failed. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "file_read.h"

/* Writes len bytes of 'x' to a new temporary file; returns its path. */
static char *make_file(size_t len)
{
	char *path = strdup("/tmp/nianbao-file-read-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	char block[4096];
	memset(block, 'x', sizeof block);
	for (size_t done = 0; done < len;) {
		size_t n = len - done < sizeof block ? len - done : sizeof block;
		assert_int_equal(write(fd, block, n), (ssize_t)n);
		done += n;
	}
	close(fd);
	return path;
}

static void test_whole_files(void **state)
{
	/* around the first buffer (64 KiB) and the bound */
	static const struct {
		size_t size, max;
		int ok;
	} cases[] = {
		{0, 10, 1},
		{1, 10, 1},
		{10, 10, 1},
		{11, 10, 0},
		{65535, 1 << 20, 1},
		{65536, 1 << 20, 1},
		{65537, 1 << 20, 1},
		{1 << 20, 1 << 20, 1},
		{(1 << 20) + 1, 1 << 20, 0},
		{200000, 65536, 0},
		{65536, 65536, 1},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = make_file(cases[i].size);
		for (unsigned flags = 0; flags <= FILE_READ_SECRET; flags++) {
			struct file_read_error e;
			size_t len = 12345;
			char *data = file_read(path, cases[i].max, flags, &len, &e);
			if (cases[i].ok) {
				if (!data)
					fail_msg("%zu bytes, bound %zu: refused", cases[i].size,
						 cases[i].max);
				assert_int_equal(e.failure, FILE_READ_OK);
				assert_int_equal(len, cases[i].size);
				assert_int_equal(data[len], '\0');
				assert_true(len == 0 || (data[0] == 'x' && data[len - 1] == 'x'));
			} else {
				if (data)
					fail_msg("%zu bytes, bound %zu: read", cases[i].size,
						 cases[i].max);
				assert_int_equal(e.failure, FILE_READ_LARGE);
				assert_int_equal(e.size, (long long)cases[i].size);
			}
			free(data);
		}
		unlink(path);
		free(path);
	}
}

/* A pipe has no size to ask for: it is read until end of file. */
static void test_pipe(void **state)
{
	static const size_t sizes[] = {0, 5, 70000, 300000};
	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t child = fork();
		assert_true(child >= 0);
		if (child == 0) {
			close(fds[0]);
			char c = 'p';
			for (size_t k = 0; k < sizes[i]; k++)
				if (write(fds[1], &c, 1) != 1)
					_exit(1);
			_exit(0);
		}
		close(fds[1]);
		struct file_read_error e;
		size_t len = 0;
		char *data = file_read_fd(fds[0], 100000, 0, &len, &e);
		close(fds[0]);
		waitpid(child, NULL, 0);
		if (sizes[i] <= 100000) {
			assert_non_null(data);
			assert_int_equal(len, sizes[i]);
		} else {
			assert_null(data);
			assert_int_equal(e.failure, FILE_READ_LARGE);
			assert_int_equal(e.size, -1); /* a pipe's size is not known */
		}
		free(data);
	}
}

static void test_failures(void **state)
{
	(void)state;
	struct file_read_error e;
	size_t len;
	assert_null(file_read("/no/such/file", 10, 0, &len, &e));
	assert_int_equal(e.failure, FILE_READ_OPEN);
	assert_int_equal(e.err, ENOENT);
	assert_string_equal(file_read_reason(e.err), "文件不存在");

	assert_null(file_read("/tmp", 10, 0, &len, &e));
	assert_int_equal(e.failure, FILE_READ_READ);
	assert_int_equal(e.err, EISDIR);
	assert_string_equal(file_read_reason(e.err), "这是一个目录");

	assert_string_equal(file_read_reason(EACCES), "没有读取权限");
	assert_string_equal(file_read_reason(EIO), strerror(EIO));
}

/* A named pipe with no writer, a device and a socket are refused at
 * once: opening the pipe would otherwise wait for a writer forever, and
 * /dev/zero would be read to the bound. */
static void test_special_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-file-read-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char fifo[64];
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	struct file_read_error e;
	size_t len;
	assert_null(file_read(fifo, 10, 0, &len, &e));
	assert_int_equal(e.failure, FILE_READ_SPECIAL);
	assert_string_equal(file_read_why(&e), "这不是普通文件，而是命名管道");

	assert_null(file_read("/dev/zero", 1 << 20, 0, &len, &e));
	assert_int_equal(e.failure, FILE_READ_SPECIAL);
	assert_string_equal(file_read_why(&e), "这不是普通文件，而是设备");

	char sock[64];
	snprintf(sock, sizeof sock, "%s/sock", dir);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock);
	assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
	assert_null(file_read(sock, 10, 0, &len, &e));
	assert_int_equal(e.failure, FILE_READ_SPECIAL);
	assert_string_equal(file_read_why(&e), "这不是普通文件，而是套接字");
	close(fd);

	/* the other failures read the same through file_read_why */
	assert_null(file_read(dir, 10, 0, &len, &e));
	assert_string_equal(file_read_why(&e), "这是一个目录");
	unlink(sock);
	unlink(fifo);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_files),
		cmocka_unit_test(test_pipe),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_special_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
