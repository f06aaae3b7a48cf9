/* Atomic writes and links: what each mode does with a symbolic link at
 * the path, the permissions a file gets, and that no temporary file is
 * left. */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "atomic_file.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/nianbao-atomic-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *in_dir(const char *name)
{
	static char paths[4][128];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, sizeof paths[0], "%s/%s", dir, name);
	return p;
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void assert_file_is(const char *path, const char *text)
{
	char got[256] = "";
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	size_t n = fread(got, 1, sizeof got - 1, fp);
	fclose(fp);
	got[n] = '\0';
	assert_string_equal(got, text);
}

/* Nothing but the named files is left in the directory. */
static void assert_no_temporary(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, ".tmp-"));
	closedir(d);
}

static void write_ok(const char *path, const char *text, int mode)
{
	char *error;
	assert_int_equal(atomic_write(path, text, strlen(text), mode, &error), 0);
	assert_null(error);
}

static void test_here_replaces_the_link_itself(void **state)
{
	(void)state;
	char *target = in_dir("target"), *link = in_dir("link");
	put(target, "theirs");
	assert_int_equal(symlink(target, link), 0);
	write_ok(link, "ours", ATOMIC_REPLACE | ATOMIC_HERE);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file_is(link, "ours");
	assert_file_is(target, "theirs");
	/* the recovery mode does the same */
	unlink(link);
	assert_int_equal(symlink(target, link), 0);
	write_ok(link, "recovered", ATOMIC_REPLACE_UNSYNCED);
	assert_file_is(target, "theirs");
	assert_file_is(link, "recovered");
	assert_no_temporary();
}

static void test_replace_follows_a_link(void **state)
{
	(void)state;
	char *target = in_dir("report.yaml"), *link = in_dir("via-link.yaml");
	put(target, "old");
	assert_int_equal(symlink(target, link), 0);
	write_ok(link, "new", ATOMIC_REPLACE);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_file_is(target, "new");
	assert_no_temporary();
}

static void test_create_refuses_a_dangling_link(void **state)
{
	(void)state;
	char *nothing = in_dir("nothing"), *link = in_dir("dangling");
	assert_int_equal(symlink(nothing, link), 0);
	char *error;
	assert_int_equal(atomic_write(link, "x", 1, ATOMIC_CREATE, &error), EEXIST);
	assert_non_null(strstr(error, "文件已经存在"));
	free(error);
	assert_int_equal(access(nothing, F_OK), -1);
	/* and --force's mode replaces the link, still creating nothing there */
	write_ok(link, "x", ATOMIC_REPLACE | ATOMIC_HERE);
	assert_int_equal(access(nothing, F_OK), -1);
	assert_no_temporary();
}

static void test_permissions(void **state)
{
	(void)state;
	mode_t old_mask = umask(022);
	char *fresh = in_dir("fresh"), *kept = in_dir("kept"), *copy = in_dir(".copy");
	write_ok(fresh, "a", ATOMIC_CREATE);
	struct stat st;
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	put(kept, "b");
	chmod(kept, 0640);
	write_ok(kept, "c", ATOMIC_REPLACE);
	assert_int_equal(stat(kept, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* a copy of a 0600 report is 0600, also over a 0644 one */
	put(copy, "d");
	chmod(copy, 0644);
	char *error;
	assert_int_equal(atomic_write_perm(copy, "e", 1, ATOMIC_REPLACE_UNSYNCED, 0600, &error), 0);
	assert_int_equal(stat(copy, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	umask(old_mask);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_here_replaces_the_link_itself),
		cmocka_unit_test(test_replace_follows_a_link),
		cmocka_unit_test(test_create_refuses_a_dangling_link),
		cmocka_unit_test(test_permissions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
