/* The PDF renderer in process: a report renders, the same report gives
 * the same bytes under SOURCE_DATE_EPOCH, and a character that cannot be
 * printed is an error naming it and its place, not a blank. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "render_pdf.h"
#include "report.h"
#include "support.h"

static char *render(const struct report *r, size_t *len, struct diag_list *diags, char **error)
{
	struct render_pdf_options options = {0};
	return render_pdf(r, &options, len, diags, error);
}

static void test_renders_and_repeats(void **state)
{
	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1737331200", 1);
	struct report *r = test_load("example-2024.yaml");
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len1, len2;
	char *error;
	char *a = render(r, &len1, &diags, &error);
	assert_non_null(a);
	assert_null(error);
	assert_int_equal(diags.count, 0);
	assert_memory_equal(a, "%PDF-1.", 7);
	assert_non_null(memmem(a, len1, "/CreationDate (D:20250120000000Z", 32));
	char *b = render(r, &len2, &diags, &error);
	assert_non_null(b);
	assert_int_equal(len1, len2);
	assert_memory_equal(a, b, len1);
	free(a);
	free(b);
	diag_list_fini(&diags);
	report_free(r);
	unsetenv("SOURCE_DATE_EPOCH");
}

/* text is put into text.overview of the example; the error must name
 * the character, its code and its line within the narrative, and give
 * the file line below the value's start where that line is. */
static void expect_refused(const char *text, const char *character, const char *code,
			   const char *where, int lines_below)
{
	struct report *r = test_load("example-2024.yaml");
	size_t cell = test_cell("text.overview");
	report_set_text(r, cell, text, strlen(text));
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *error;
	char *pdf = render(r, &len, &diags, &error);
	assert_null(pdf);
	assert_null(error);
	assert_int_equal(diags.count, 1);
	const struct diag *d = &diags.items[0];
	assert_string_equal(d->rule, "pdf.glyph");
	assert_string_equal(d->path, "text.overview");
	assert_int_equal(d->line, r->marks[cell].line + lines_below);
	if (!strstr(d->message, character) || !strstr(d->message, code) ||
	    !strstr(d->message, where))
		fail_msg("message lacks %s %s %s: %s", character, code, where, d->message);
	diag_list_fini(&diags);
	report_free(r);
}

static void test_refuses_unprintable(void **state)
{
	(void)state;
	/* above U+FFFF: libharu would print a blank */
	expect_refused("第一行。\n其中𠀀字在第二行，𠀀重复只报一次。", "𠀀", "U+20000",
		       "第 2 行第 3 个字", 2);
	/* Georgian: in none of the default fonts */
	expect_refused("ა", "ა", "U+10D0", "第 1 行第 1 个字", 0);
}

/* A character outside GB2312 comes from the fallback font. */
static void test_fallback_font(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	const char *text = "本年度办理“喆堃镕”三字。";
	report_set_text(r, test_cell("text.overview"), text, strlen(text));
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *error;
	char *pdf = render(r, &len, &diags, &error);
	assert_non_null(pdf);
	assert_non_null(memmem(pdf, len, "UMing", 5));
	free(pdf);
	diag_list_fini(&diags);
	report_free(r);
}

/* Makes dir (a mkdtemp template) and writes text as its roles.conf, whose
 * path goes to path. */
static void write_roles(char *dir, char *path, size_t size, const char *text)
{
	assert_non_null(mkdtemp(dir));
	snprintf(path, size, "%s/roles.conf", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* A level-2 heading is printed in the heading2 role: a character its font
 * lacks is refused there, though the body's font has it. */
static void test_heading2_role(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-fonts.XXXXXX", path[128];
	write_roles(dir, path, sizeof path,
		    "title = AR PL UMing CN\nheading = AR PL UMing CN\nbody = AR PL UMing CN\n"
		    "table = AR PL UMing CN\n"
		    "heading2 = /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf\n");
	struct report *r = test_load("example-2024.yaml");
	size_t cell = test_cell("text.overview");
	const char *text = "首段。\n（一）喆字情况。正文有堃字。";
	report_set_text(r, cell, text, strlen(text));
	struct render_pdf_options options = {.fonts_dir = dir};
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *error;
	assert_null(render_pdf(r, &options, &len, &diags, &error));
	assert_null(error);
	assert_int_equal(diags.count, 1); /* 堃 is body text: UMing prints it */
	const struct diag *d = &diags.items[0];
	if (!strstr(d->message, "第 2 行第 4 个字“喆”") || !strstr(d->message, "KaitiM"))
		fail_msg("message: %s", d->message);
	assert_int_equal(d->line, r->marks[cell].line + 2);
	diag_list_fini(&diags);
	/* the same words as body text print */
	const char *plain = "首段。\n一是喆字情况。正文有堃字。";
	report_set_text(r, cell, plain, strlen(plain));
	diag_list_init(&diags);
	char *pdf = render_pdf(r, &options, &len, &diags, &error);
	assert_non_null(pdf);
	assert_int_equal(diags.count, 0);
	free(pdf);
	diag_list_fini(&diags);
	unlink(path);
	rmdir(dir);
	report_free(r);
}

static void test_missing_font(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-fonts.XXXXXX", path[128];
	write_roles(dir, path, sizeof path,
		    "# test\ntitle = AR PL SungtiL GB\nbody = 没有这种字体\n");
	struct report *r = test_load("example-2024.yaml");
	struct render_pdf_options options = {.fonts_dir = dir};
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *error;
	assert_null(render_pdf(r, &options, &len, &diags, &error));
	assert_non_null(error);
	assert_non_null(strstr(error, "roles.conf:3"));
	assert_non_null(strstr(error, "没有这种字体"));
	free(error);
	unlink(path);
	rmdir(dir);
	diag_list_fini(&diags);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renders_and_repeats), cmocka_unit_test(test_heading2_role),
		cmocka_unit_test(test_refuses_unprintable), cmocka_unit_test(test_fallback_font),
		cmocka_unit_test(test_missing_font),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
