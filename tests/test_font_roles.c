/* fonts/roles.conf: each role's font and fallback found by path, in the
 * fonts directory or through fontconfig; mistakes named with their line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "font_roles.h"

static char dir[] = "/tmp/nianbao-roles.XXXXXX";

/* The fonts directory, and the cache of fonts found (not the user's). */
static int make_dir(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	char cache_dir[128];
	snprintf(cache_dir, sizeof cache_dir, "%s/cache", dir);
	return setenv("XDG_CACHE_HOME", cache_dir, 1);
}

static int remove_dir(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/cache/nianbao/fonts", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/cache/nianbao", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/cache", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/%s", dir, FONT_ROLES_FILE);
	unlink(path);
	snprintf(path, sizeof path, "%s/kai.ttf", dir);
	unlink(path);
	return rmdir(dir);
}

/* Loads roles.conf with text; returns the error (the caller frees it) or
 * NULL, leaving the roles in *roles. */
static char *load(const char *text, struct font_roles *roles)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, FONT_ROLES_FILE);
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	char *error = NULL;
	if (font_roles_load(dir, roles, &error) == 0)
		return NULL;
	assert_non_null(error);
	return error;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcmp(s + n - m, end) == 0;
}

static void test_finds_every_role(void **state)
{
	(void)state;
	char kai[128];
	snprintf(kai, sizeof kai, "%s/kai.ttf", dir);
	assert_int_equal(symlink("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", kai), 0);
	struct font_roles roles;
	char *error = load("# comment\n\n"
			   "title   = AR PL SungtiL GB | AR PL UMing CN\n"
			   "heading = kai.ttf\n"
			   "body    = /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf\n"
			   "table   = AR PL KaitiM GB | AR PL UMing CN\n",
			   &roles);
	assert_null(error);
	assert_true(ends_with(roles.primary[FONT_ROLE_TITLE].path, "gbsn00lp.ttf"));
	assert_true(ends_with(roles.fallback[FONT_ROLE_TITLE].path, "uming.ttc"));
	assert_string_equal(roles.primary[FONT_ROLE_HEADING].path, kai);
	assert_null(roles.fallback[FONT_ROLE_HEADING].path);
	assert_true(ends_with(roles.primary[FONT_ROLE_BODY].path, "gbsn00lp.ttf"));
	/* no heading2 written: level-2 headings print as body */
	assert_string_equal(roles.primary[FONT_ROLE_HEADING2].path,
			    roles.primary[FONT_ROLE_BODY].path);
	assert_null(roles.fallback[FONT_ROLE_HEADING2].path);
	/* a family in the fonts directory is found there before the system's */
	assert_string_equal(roles.primary[FONT_ROLE_TABLE].path, kai);
	font_roles_fini(&roles);
}

/* The shipped roles.conf: 黑体 for level-1 headings, 楷体 for level 2,
 * 宋体 for the body, as GB/T 9704 has them. */
static void test_shipped_faces(void **state)
{
	(void)state;
	struct font_roles roles;
	char *error = NULL;
	assert_int_equal(font_roles_load(font_roles_dir(), &roles, &error), 0);
	assert_true(ends_with(roles.primary[FONT_ROLE_HEADING].path, "wqy-zenhei.ttc"));
	assert_int_equal(roles.primary[FONT_ROLE_HEADING].index, 0);
	assert_true(ends_with(roles.primary[FONT_ROLE_HEADING2].path, "gkai00mp.ttf"));
	assert_true(ends_with(roles.primary[FONT_ROLE_BODY].path, "gbsn00lp.ttf"));
	assert_true(ends_with(roles.fallback[FONT_ROLE_HEADING2].path, "uming.ttc"));
	font_roles_fini(&roles);
}

static const struct {
	const char *conf;
	const char *error;
} mistakes[] = {
	{"title = AR PL SungtiL GB\n", "没有为角色 heading 指定字体"},
	{"title = AR PL SungtiL GB\nheading = AR PL SungtiL GB\n", "没有为角色 body 指定字体"},
	{"title = AR PL SungtiL GB\ncolour = AR PL SungtiL GB\n", ":2: 没有“colour”这个字体角色"},
	{"title AR PL SungtiL GB\n", ":1: 应写成“角色 = 字体 | 后备字体”"},
	{"title = \n", ":1: 角色 title 没有写字体"},
	{"title = /no/such/font.ttf\n", ":1: 找不到字体“/no/such/font.ttf”（角色 title）"},
	{"title = AR PL SungtiL GB | 没有这种字体\n", ":1: 找不到字体“没有这种字体”"},
};

static void test_names_mistakes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof mistakes / sizeof mistakes[0]; i++) {
		struct font_roles roles;
		char *error = load(mistakes[i].conf, &roles);
		if (!error)
			fail_msg("accepted: %s", mistakes[i].conf);
		if (!strstr(error, mistakes[i].error))
			fail_msg("%s: got %s, expected %s", mistakes[i].conf, error,
				 mistakes[i].error);
		free(error);
	}
}

/* A line is a line however long (a comment of 3000 bytes), and line
 * numbers count on past it; CRLF and a missing last newline are fine. */
static void test_long_lines(void **state)
{
	(void)state;
	char conf[4096];
	size_t n = 0;
	conf[n++] = '#';
	while (n < 3000)
		conf[n++] = 'x';
	conf[n++] = '\n';
	snprintf(conf + n, sizeof conf - n, "colour = AR PL SungtiL GB\n");
	struct font_roles roles;
	char *error = load(conf, &roles);
	assert_non_null(error);
	if (!strstr(error, ":2: 没有“colour”这个字体角色"))
		fail_msg("got %s", error);
	free(error);
	snprintf(conf + n, sizeof conf - n,
		 "title = AR PL SungtiL GB\r\nheading = AR PL SungtiL GB\r\n"
		 "body = AR PL SungtiL GB\r\ntable = AR PL SungtiL GB");
	error = load(conf, &roles);
	if (error)
		fail_msg("refused: %s", error);
	assert_true(ends_with(roles.primary[FONT_ROLE_TABLE].path, "gbsn00lp.ttf"));
	font_roles_fini(&roles);
}

static char *read_all(const char *path)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return NULL;
	static char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

/* Families fontconfig found are kept in a cache file and taken from it
 * while their file is as it was; a changed file is looked up again. */
static void test_cache(void **state)
{
	(void)state;
	static const char conf[] = "title = AR PL SungtiL GB\nheading = AR PL SungtiL GB\n"
				   "body = AR PL SungtiL GB\ntable = AR PL SungtiL GB\n";
	static const char kai[] = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
	char cache_dir[128], cache[160];
	snprintf(cache_dir, sizeof cache_dir, "%s/cache", dir);
	snprintf(cache, sizeof cache, "%s/nianbao/fonts", cache_dir);
	unlink(cache);
	struct font_roles roles;
	assert_null(load(conf, &roles));
	font_roles_fini(&roles);
	const char *text = read_all(cache);
	assert_non_null(text);
	assert_non_null(strstr(text, "AR PL SungtiL GB\t0\t"));
	assert_non_null(strstr(text, "/gbsn00lp.ttf\n"));

	/* an entry whose file is as recorded is taken as it is */
	struct stat st;
	assert_int_equal(stat(kai, &st), 0);
	FILE *fp = fopen(cache, "w");
	fprintf(fp, "AR PL SungtiL GB\t0\t%lld\t%lld\t%s\n", (long long)st.st_size,
		(long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, kai);
	fclose(fp);
	assert_null(load(conf, &roles));
	assert_string_equal(roles.primary[FONT_ROLE_TITLE].path, kai);
	font_roles_fini(&roles);

	/* one whose file changed is looked up again, and replaced */
	fp = fopen(cache, "w");
	fprintf(fp, "AR PL SungtiL GB\t0\t%lld\t1\t%s\nbroken line\n", (long long)st.st_size, kai);
	fclose(fp);
	assert_null(load(conf, &roles));
	assert_true(ends_with(roles.primary[FONT_ROLE_TITLE].path, "gbsn00lp.ttf"));
	font_roles_fini(&roles);
	text = read_all(cache);
	assert_null(strstr(text, kai));
	assert_non_null(strstr(text, "/gbsn00lp.ttf\n"));

	/* NIANBAO_FONT_CACHE=0: none is read or written */
	unlink(cache);
	setenv("NIANBAO_FONT_CACHE", "0", 1);
	assert_null(load(conf, &roles));
	font_roles_fini(&roles);
	assert_int_equal(access(cache, F_OK), -1);
	unsetenv("NIANBAO_FONT_CACHE");
}

static void test_missing_file(void **state)
{
	(void)state;
	struct font_roles roles;
	char *error = NULL;
	assert_int_equal(font_roles_load("/no/such/dir", &roles, &error), -1);
	assert_non_null(strstr(error, "无法读取字体配置 /no/such/dir/roles.conf"));
	free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finds_every_role), cmocka_unit_test(test_shipped_faces),
		cmocka_unit_test(test_names_mistakes),	 cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_missing_file),	 cmocka_unit_test(test_cache),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
