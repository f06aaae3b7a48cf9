/* The narrative sentences: the built-in ones are filled from the tables of
 * the real form, every placeholder of templates/sentences.yaml is a number
 * cell of it, and a placeholder the form lacks is refused when filled,
 * naming the key and the path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "catalog.h"
#include "form.h"
#include "report.h"
#include "sentences.h"
#include "support.h"
#include "templates.h"
#include "xalloc.h"

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/nianbao-sentences.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	templates_unload();
	return rmdir(dir);
}

/* Loads sentences.yaml with text as the whole file from dir. */
static void load_sentences(const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/sentences.yaml", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	char *error = NULL;
	bool ok = templates_load(dir, &error);
	if (!ok)
		fail_msg("%s", error);
	unlink(path);
}

static void test_built_in(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	char *error = NULL;
	char *s = sentences_fill(r, "overview", &error);
	assert_null(error);
	assert_string_equal(s,
			    "本年度共收到政府信息公开申请36件，上年结转2件，结转下年度继续办理2件；"
			    "本年制发行政规范性文件6件，现行有效41件。");
	free(s);
	s = sentences_fill(r, "other", &error);
	assert_null(error);
	assert_string_equal(s,
			    "本年度因政府信息公开被申请行政复议3件，未经复议直接被提起行政诉讼2件，"
			    "复议后被提起行政诉讼0件。");
	free(s);
	/* 五 has no sentence, nor has a table's section */
	assert_null(sentences_fill(r, "problems", &error));
	assert_null(error);
	assert_null(sentences_fill(r, "requests", &error));
	assert_null(error);
	report_free(r);
}

/* Every {path} of the built-in file names a number cell of gov-info-2021. */
static void test_built_in_paths(void **state)
{
	(void)state;
	templates_unload();
	const struct form *form = test_form()->form;
	const enum templates_key keys[] = {TEMPLATES_SENTENCES_OVERVIEW, TEMPLATES_SENTENCES_OTHER};
	size_t seen = 0;
	for (size_t k = 0; k < 2; k++)
		for (const char *p = templates_get(keys[k]); (p = strchr(p, '{'));) {
			if (p[1] == '{') {
				p += 2;
				continue;
			}
			const char *end = strchr(p, '}');
			assert_non_null(end);
			char path[128];
			snprintf(path, sizeof path, "%.*s", (int)(end - p - 1), p + 1);
			size_t cell = form_find_cell(form, path);
			if (cell == FORM_NONE)
				fail_msg("sentences.yaml: {%s} is no cell of the form", path);
			assert_int_not_equal(form->cells[cell].type, FORM_TEXT);
			seen++;
			p = end + 1;
		}
	assert_true(seen >= 8);
}

static void test_override(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	char *error = NULL;
	load_sentences("overview: \"{{申请}}{requests.new[0]}件，收费{proactive.fees}万元\"\n"
		       "other: \"无\"\n");
	char *s = sentences_fill(r, "overview", &error);
	assert_null(error);
	assert_string_equal(s, "{申请}28件，收费12.5600万元");
	free(s);

	load_sentences("overview: \"共{requests.new[9]}件\"\nother: \"无\"\n");
	assert_null(sentences_fill(r, "overview", &error));
	char *want = xasprintf("%s/sentences.yaml 的模板“overview”中的“{requests.new[9]}”"
			       "不是表格中的格",
			       dir);
	assert_string_equal(error, want);
	free(want);
	free(error);

	load_sentences("overview: \"无\"\nother: \"{text.other}\"\n");
	assert_null(sentences_fill(r, "other", &error));
	want = xasprintf("%s/sentences.yaml 的模板“other”中的“{text.other}”"
			 "是一段文字，不是表格中的数字",
			 dir);
	assert_string_equal(error, want);
	free(want);
	free(error);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_built_in),
		cmocka_unit_test(test_built_in_paths),
		cmocka_unit_test(test_override),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
