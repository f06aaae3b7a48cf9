/* The PDF renderer in process: a report renders, the same report gives
 * the same bytes under SOURCE_DATE_EPOCH, its fonts are the objects
 * pdf_cidfont.h describes, and a character that cannot be printed is an
 * error naming it and its place, not a blank. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "diag.h"
#include "pdf_read.h"
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

/* The stream of object ref in doc, inflated (the caller frees it). */
static char *inflated(struct pdf_doc *doc, const struct pdf_value *ref, size_t *len)
{
	assert_int_equal(ref->kind, PDF_REF);
	int generation;
	struct pdf_value dict, filter;
	const char *data;
	size_t packed;
	char *cause = NULL;
	assert_true(pdf_doc_object_raw(doc, (uint32_t)ref->number, &generation, &dict, &data,
				       &packed, &cause));
	assert_true(pdf_dict_get(&dict, "Filter", &filter));
	assert_true(pdf_name_is(&filter, "FlateDecode"));
	uLongf size = 1 << 22;
	char *out = malloc(size + 1);
	assert_int_equal(uncompress((Bytef *)out, &size, (const Bytef *)data, (uLong)packed), Z_OK);
	out[size] = '\0';
	*len = size;
	return out;
}

/* True when the ToUnicode map maps some code to cp, in a bfchar or a
 * bfrange. */
static bool cmap_maps(const char *cmap, unsigned cp)
{
	for (const char *line = cmap; line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		unsigned a, b, c;
		int n = sscanf(line, "<%x> <%x> <%x>", &a, &b, &c);
		if ((n == 2 && b == cp) || (n == 3 && cp >= c && cp <= c + (b - a)))
			return true;
	}
	return false;
}

static void expect_name(const struct pdf_value *dict, const char *key, const char *name)
{
	struct pdf_value v;
	assert_true(pdf_dict_get(dict, key, &v));
	if (!pdf_name_is(&v, name))
		fail_msg("/%s is %.*s, not /%s", key, (int)v.len, v.start, name);
}

/* Each font is a Type0 of Identity-H codes over a CIDFontType2 whose
 * codes are the glyphs of the embedded TrueType subset, with a subset tag,
 * the program's length, widths and a ToUnicode map. */
static void test_fonts_as_written(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *error;
	char *pdf = render(r, &len, &diags, &error);
	assert_non_null(pdf);
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(pdf, len, &cause);
	assert_non_null(doc);
	int fonts = 0;
	uint32_t num = 0;
	while (pdf_doc_next_object(doc, &num)) {
		struct pdf_value font, subtype;
		assert_true(pdf_doc_object(doc, num, &font, &cause));
		if (font.kind != PDF_DICT || !pdf_dict_get(&font, "Subtype", &subtype) ||
		    !pdf_name_is(&subtype, "Type0"))
			continue;
		fonts++;
		expect_name(&font, "Encoding", "Identity-H");
		struct pdf_value base, list, first, cid, desc, ref, length1, w;
		assert_true(pdf_dict_get(&font, "BaseFont", &base));
		assert_true(base.len > 8 && base.start[7] == '+');
		for (int i = 1; i <= 6; i++)
			assert_true(base.start[i] >= 'A' && base.start[i] <= 'Z');
		assert_true(pdf_dict_get(&font, "DescendantFonts", &list));
		struct pdf_iter it;
		pdf_iter_init(&it, &list);
		assert_true(pdf_iter_next(&it, &first));
		assert_true(pdf_doc_resolve(doc, &first, &cid, &cause));
		expect_name(&cid, "Subtype", "CIDFontType2");
		expect_name(&cid, "CIDToGIDMap", "Identity");
		assert_true(pdf_dict_get(&cid, "W", &w));
		assert_int_equal(w.kind, PDF_ARRAY);
		assert_true(pdf_dict_get(&cid, "FontDescriptor", &ref));
		assert_true(pdf_doc_resolve(doc, &ref, &desc, &cause));
		assert_true(pdf_dict_get(&desc, "FontFile2", &ref));
		size_t program_len;
		char *program = inflated(doc, &ref, &program_len);
		struct pdf_value program_dict;
		assert_true(pdf_doc_resolve(doc, &ref, &program_dict, &cause));
		assert_true(pdf_dict_get(&program_dict, "Length1", &length1));
		assert_int_equal(length1.number, (int64_t)program_len);
		assert_memory_equal(program, "\0\1\0\0", 4); /* a TrueType file */
		free(program);
		assert_true(pdf_dict_get(&font, "ToUnicode", &ref));
		size_t cmap_len;
		char *cmap = inflated(doc, &ref, &cmap_len);
		/* 公 is in every face's part of the example */
		if (!cmap_maps(cmap, 0x516C))
			fail_msg("the map of %.*s lacks 公", (int)base.len, base.start);
		free(cmap);
	}
	/* title, headings and body: three faces */
	assert_int_equal(fonts, 3);
	pdf_doc_free(doc);
	free(pdf);
	diag_list_fini(&diags);
	report_free(r);
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
		cmocka_unit_test(test_renders_and_repeats),
		cmocka_unit_test(test_fonts_as_written),
		cmocka_unit_test(test_heading2_role),
		cmocka_unit_test(test_refuses_unprintable),
		cmocka_unit_test(test_fallback_font),
		cmocka_unit_test(test_missing_font),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
