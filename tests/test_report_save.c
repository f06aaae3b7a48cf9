/* Saving: the canonical layout reads back to the same report, is the same
 * bytes for the same report, and is written atomically. */
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
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "report_save.h"
#include "support.h"

static struct report *reload(const char *text, size_t len)
{
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = report_load_buffer(text, len, test_catalog(), NULL, &diags);
	if (!r)
		fail_msg("saved file does not load: %d:%d %s\n%s", diags.items[0].line,
			 diags.items[0].column, diags.items[0].message, text);
	diag_list_fini(&diags);
	return r;
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *files[] = {"example-2024.yaml", "seed-000.yaml", "seed-003.yaml"};
	for (size_t i = 0; i < 3; i++) {
		struct report *r = test_load(files[i]);
		size_t len;
		char *text = report_format(r, &len);
		struct report *back = reload(text, len);
		assert_true(report_equal(r, back));
		size_t len2;
		char *again = report_format(back, &len2);
		assert_int_equal(len, len2);
		assert_memory_equal(text, again, len);
		free(text);
		free(again);
		report_free(back);
		report_free(r);
	}
}

static void test_awkward_texts_survive(void **state)
{
	static const char *const texts[] = {
		"",
		"一行",
		"  leading spaces",
		"\n\nleading blank lines",
		"trailing spaces   ",
		"tab\tinside\n\tand at a line start",
		"a line\n   \nof only spaces in between",
		"quotes \" and ' and \\ backslash",
		"# not a comment\n- not a list\nkey: not a map",
		"line separator\xe2\x80\xa8inside",
		"bom \xef\xbb\xbf inside",
		"“三安全一稳定”：引号、冒号：与 # 号",
		"\xf0\xa0\x80\x80 beyond the BMP",
	};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct report *r = test_load("example-2024.yaml");
		size_t cell = test_cell("text.overview");
		report_set_text(r, cell, texts[i], strlen(texts[i]));
		report_set_organ(r, i % 2 ? "- 以横线开头: 的机关 #1" : "示例县人民政府");
		size_t len;
		char *text = report_format(r, &len);
		struct report *back = reload(text, len);
		/* texts come back without trailing spaces and line breaks */
		size_t want = strlen(texts[i]);
		while (want && (texts[i][want - 1] == ' ' || texts[i][want - 1] == '\n'))
			want--;
		if (strlen(back->texts[cell]) != want || memcmp(back->texts[cell], texts[i], want))
			fail_msg("text %zu came back as \"%s\"", i, back->texts[cell]);
		assert_string_equal(back->organ, r->organ);
		free(text);
		report_free(back);
		report_free(r);
	}
}

static void test_layout(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	size_t len;
	char *text = report_format(r, &len);
	/* one row per line, in the column order of the printed table, labelled */
	assert_non_null(strstr(
		text,
		"  new:           [28, 5, 0, 1, 2, 0, 36]  # 一、本年新收政府信息公开申请数量\n"));
	assert_non_null(strstr(text, "  fees:        \"12.5600\""));
	assert_non_null(strstr(
		text,
		"# 各列依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计\n"));
	assert_non_null(strstr(text, "\nform: gov-info-2021 "));
	assert_non_null(strstr(text, "\nissued_on: 2025-01-20 "));
	assert_null(strchr(text, '\r'));
	assert_null(strchr(text, '\t'));
	/* the key order of DESIGN.md */
	const char *order[] = {"\nform:", "\norgan:",	  "\nyear:",	 "\nissued_on:", "\ndraft:",
			       "\ntext:", "\nproactive:", "\nrequests:", "\nappeals:"};
	const char *at = text;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *next = strstr(at, order[i]);
		if (!next)
			fail_msg("%s missing or out of order", order[i] + 1);
		at = next;
	}
	free(text);
	report_free(r);
}

/* The sections the clerk confirmed are kept, in the form's order, after
 * draft; a report with none confirmed has no such line. */
static void test_confirmed_sections(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	size_t len;
	char *text = report_format(r, &len);
	assert_null(strstr(text, "confirmed"));
	free(text);
	r->confirmed[3] = true; /* 四 */
	r->confirmed[0] = true; /* 一 */
	r->confirmed[2] = true; /* 三 */
	text = report_format(r, &len);
	const char *line = strstr(text, "\nconfirmed: [overview, requests, appeals]");
	assert_non_null(line);
	assert_true(line > strstr(text, "\ndraft:"));
	assert_true(line < strstr(text, "\ntext:"));
	struct report *back = reload(text, len);
	assert_true(report_equal(r, back));
	assert_true(back->confirmed[0] && back->confirmed[2] && back->confirmed[3]);
	assert_false(back->confirmed[1] || back->confirmed[4] || back->confirmed[5]);
	back->confirmed[2] = false;
	assert_false(report_equal(r, back));
	char *names[6];
	for (size_t i = 0; i < 6; i++)
		names[i] = report_section_key(r->form, i);
	assert_string_equal(names[1], "proactive");
	assert_string_equal(names[4], "problems");
	assert_string_equal(names[5], "other");
	for (size_t i = 0; i < 6; i++)
		free(names[i]);
	report_free(back);
	free(text);
	report_free(r);
}

static void test_atomic_save(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-save-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/report.yaml", dir);
	struct report *r = test_load("example-2024.yaml");
	char *error = NULL;

	assert_int_equal(report_save(r, path, false, &error), 0);
	/* a second create is refused and leaves the file alone */
	assert_int_equal(report_save(r, path, false, &error), EEXIST);
	free(error);
	error = NULL;
	chmod(path, 0640);
	r->numbers[test_cell("proactive.penalty")] = 300;
	assert_int_equal(report_save(r, path, true, &error), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640); /* permissions are kept */

	/* a directory we cannot write to: the old file stays as it was */
	if (geteuid() != 0) {
		chmod(dir, 0555);
		r->numbers[test_cell("proactive.penalty")] = 1;
		assert_int_not_equal(report_save(r, path, true, &error), 0);
		assert_non_null(strstr(error, "原文件没有改动"));
		free(error);
		chmod(dir, 0755);
	}
	size_t len;
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *back = report_load_file(path, test_catalog(), NULL, &diags);
	assert_non_null(back);
	assert_int_equal(back->numbers[test_cell("proactive.penalty")], 300);
	report_free(back);
	diag_list_fini(&diags);
	(void)len;

	/* no temporary file is left behind */
	char cmd[512];
	snprintf(cmd, sizeof cmd, "test $(ls -A %s | wc -l) -eq 1", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_awkward_texts_survive),
		cmocka_unit_test(test_layout),	    cmocka_unit_test(test_confirmed_sections),
		cmocka_unit_test(test_atomic_save),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
