/* The text templates: the built-in ones load, a directory's file replaces
 * the built-in one of its name, and a broken file is refused as a whole
 * with file:line:column, leaving the templates in use as they were. */
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

#include "buf.h"
#include "template.h"
#include "templates.h"

static char dir[64];

static void write_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static void remove_file(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
}

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/nianbao-templates.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	templates_unload();
	return rmdir(dir);
}

static void test_built_in(void **state)
{
	(void)state;
	char *error = NULL;
	assert_true(templates_load(NULL, &error));
	assert_string_equal(templates_get(TEMPLATES_TEXT_DRAFT_LINE), "【草稿】");
	assert_string_equal(templates_get(TEMPLATES_PDF_PAGE_NUMBER), "— {page} —");
	assert_string_equal(templates_get(TEMPLATES_PDF_DRAFT_MARK), "草稿");
	assert_string_equal(templates_get(TEMPLATES_DRAFT_YEAR), "{year}");
	assert_non_null(strstr(templates_get(TEMPLATES_DRAFT_REWRITE_MARK), "【待改写】"));
	char *date = templates_signature_date(2022, 1, 20);
	assert_string_equal(date, "2022年1月20日");
	free(date);
	/* an empty directory, or none named, changes nothing */
	assert_true(templates_load(dir, &error));
	assert_true(templates_load("", &error));
	assert_string_equal(templates_get(TEMPLATES_TEXT_DRAFT_LINE), "【草稿】");
}

static void test_override(void **state)
{
	(void)state;
	char *error = NULL;
	write_file("pdf.yaml",
		   "# comment\ndraft_mark: 样稿\npage_number: \"第 {page} 页（{{}}）\"\n");
	write_file("notes.txt", "not a template: ignored\n");
	assert_true(templates_load(dir, &error));
	assert_string_equal(templates_get(TEMPLATES_PDF_DRAFT_MARK), "样稿");
	struct buf b;
	buf_init(&b);
	const struct template_var page = {"page", "3"};
	templates_expand(&b, TEMPLATES_PDF_PAGE_NUMBER, &page, 1);
	assert_string_equal(b.data, "第 3 页（{}）");
	buf_fini(&b);
	/* the other files are the built-in ones */
	assert_string_equal(templates_get(TEMPLATES_TEXT_DRAFT_LINE), "【草稿】");
	remove_file("pdf.yaml");
	remove_file("notes.txt");
	assert_true(templates_load(NULL, &error));
	assert_string_equal(templates_get(TEMPLATES_PDF_DRAFT_MARK), "草稿");
}

static void test_broken(void **state)
{
	static const struct {
		const char *file, *text, *error;
	} cases[] = {
		{"draft.yaml", "rewrite_mark: x\n", "draft.yaml:1:1: 缺少模板“year”"},
		{"draft.yaml", "rewrite_mark: x\nyear: \"{year}\"\nyaer: y\n",
		 "draft.yaml:3:1: 未知的模板“yaer”；draft.yaml 的模板有：rewrite_mark、year"},
		{"draft.yaml", "rewrite_mark: x\nrewrite_mark: y\nyear: \"{year}\"\n",
		 "draft.yaml:2:1: 模板“rewrite_mark”重复"},
		{"draft.yaml", "rewrite_mark: \"{organ}\"\nyear: \"{year}\"\n",
		 "draft.yaml:1:15: 模板“rewrite_mark”中的“{organ}”不认识：这个模板没有可替换的名称"},
		{"text.yaml", "draft_line: x\nsignature_date: \"{year}年{mon}月\"\n",
		 "text.yaml:2:17: 模板“signature_date”中的“{mon}”不认识：可用的有 {year}、{month}、{day}"},
		{"draft.yaml", "rewrite_mark: x\nyear: 年\n",
		 "draft.yaml:2:7: 模板“year”要写上“{year}”"},
		{"draft.yaml", "rewrite_mark: \"\"\nyear: \"{year}\"\n",
		 "draft.yaml:1:15: 模板“rewrite_mark”是空的"},
		{"draft.yaml", "rewrite_mark: \"a\\nb\"\nyear: \"{year}\"\n",
		 "draft.yaml:1:15: 模板“rewrite_mark”只能是一行文字"},
		{"draft.yaml", "rewrite_mark: x\nyear: \"{year\"\n",
		 "draft.yaml:2:7: 模板“year”中有单独的“{”"},
		{"pdf.yaml", "draft_mark: \"}\"\npage_number: \"{page}\"\n",
		 "pdf.yaml:1:13: 模板“draft_mark”中有单独的“}”"},
		{"draft.yaml", "rewrite_mark: [x]\nyear: \"{year}\"\n",
		 "draft.yaml:1:15: 模板“rewrite_mark”应为一行文字"},
		{"draft.yaml", "rewrite_mark: \"x\nyear: y\n", "draft.yaml:3:1: "},
		{"draft.yaml", "- x\n", "draft.yaml:1:1: 模板文件应为“名称: 文字”的映射"},
		{"draft.yaml", "", "draft.yaml:1:1: 文件是空的"},
		{"draft.yaml", "rewrite_mark: &a x\nyear: \"{year}\"\n", "draft.yaml:1:15: "},
		{"drafts.yaml", "rewrite_mark: x\n",
		 "drafts.yaml: 不是 nianbao 的模板文件；模板文件有："},
		{"help.yaml", "basic: x\n", "help.yaml:1:1: 缺少模板“overview”"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_file(cases[i].file, cases[i].text);
		char *error = NULL;
		if (templates_load(dir, &error))
			fail_msg("case %zu: accepted", i);
		char want[256];
		snprintf(want, sizeof want, "%s/%s", dir, cases[i].error);
		if (strncmp(error, want, strlen(want)) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, error, want);
		free(error);
		remove_file(cases[i].file);
		/* what was in use stays */
		assert_string_equal(templates_get(TEMPLATES_DRAFT_YEAR), "{year}");
	}
	/* a file too large to be templates, and one that cannot be read */
	char *big = malloc(70000);
	memset(big, '#', 69999);
	big[69999] = '\0';
	write_file("pdf.yaml", big);
	free(big);
	char *error = NULL;
	assert_false(templates_load(dir, &error));
	assert_non_null(strstr(error, "pdf.yaml: 文件太大（69999 字节），模板文件最大为 64 KiB"));
	free(error);
	remove_file("pdf.yaml");
	char path[128];
	snprintf(path, sizeof path, "%s/pdf.yaml", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_false(templates_load(dir, &error));
	assert_non_null(strstr(error, "pdf.yaml: 无法读取：这是一个目录"));
	free(error);
	rmdir(path);
	assert_false(templates_load("/nonexistent/templates", &error));
	assert_non_null(
		strstr(error, "NIANBAO_TEMPLATES_DIR=/nonexistent/templates：无法打开这个目录"));
	free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_built_in),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_broken),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
