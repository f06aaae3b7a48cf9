/* Loading report files: what is accepted, and every class of bad input
 * refused with its rule, its place and a plain message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "support.h"
#include "xalloc.h"

static char *example;
static size_t example_len;

static int setup(void **state)
{
	(void)state;
	example = test_read_data("example-2024.yaml", &example_len);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(example);
	return 0;
}

/* base with the first occurrence of from replaced by to (a new string). */
static char *replace(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	if (!at)
		fail_msg("text lacks \"%s\"", from);
	struct buf out;
	buf_init(&out);
	buf_add(&out, base, (size_t)(at - base));
	buf_adds(&out, to);
	buf_adds(&out, at + strlen(from));
	return buf_take(&out);
}

/* base without the part from the start of `from` to the start of `to`. */
static char *cut(const char *base, const char *from, const char *to)
{
	const char *a = strstr(base, from), *b = a ? strstr(a, to) : NULL;
	if (!a || !b)
		fail_msg("text lacks \"%s\" ... \"%s\"", from, to);
	struct buf out;
	buf_init(&out);
	buf_add(&out, base, (size_t)(a - base));
	buf_adds(&out, b);
	return buf_take(&out);
}

static void expect_refused(const char *text, size_t len, const char *rule, int line, int column,
			   const char *message, const char *what)
{
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = report_load_buffer(text, len, test_catalog(), NULL, &diags);
	if (r)
		fail_msg("%s: accepted", what);
	assert_true(diags.count > 0);
	const struct diag *d = &diags.items[0];
	if (strcmp(d->rule, rule) != 0 || d->line != line || d->column != column ||
	    !strstr(d->message, message))
		fail_msg("%s: got %d:%d %s [%s], expected %d:%d ...%s... [%s]", what, d->line,
			 d->column, d->message, d->rule, line, column, message, rule);
	assert_int_equal(d->severity, DIAG_ERROR);
	diag_list_fini(&diags);
}

static void test_bom_and_crlf(void **state)
{
	(void)state;
	struct diag_list diags;
	diag_list_init(&diags);
	struct buf crlf;
	buf_init(&crlf);
	buf_adds(&crlf, "\xef\xbb\xbf");
	for (const char *p = example; *p; p++) {
		if (*p == '\n')
			buf_addc(&crlf, '\r');
		buf_addc(&crlf, *p);
	}
	struct report *r = report_load_buffer(crlf.data, crlf.len, test_catalog(), NULL, &diags);
	assert_non_null(r);
	assert_string_equal(r->organ, "示例县人民政府");
	assert_int_equal(r->year, 2024);
	assert_int_equal(r->issued_on.month, 1);
	assert_int_equal(r->numbers[test_cell("requests.new[0]")], 28);
	assert_int_equal(r->numbers[test_cell("proactive.fees")], 125600);
	/* positions count from the first line, after the BOM */
	assert_int_equal(r->marks[test_cell("requests.new[0]")].line, 30);
	assert_int_equal(r->marks[test_cell("requests.new[0]")].column, 16);
	assert_null(strchr(r->texts[test_cell("text.overview")], '\r'));
	report_free(r);
	buf_fini(&crlf);
	diag_list_fini(&diags);
}

/* A BOM right before the first key: libyaml, told the encoding, took it
 * for a character and read the next line as outdented. */
static void test_bom_before_first_key(void **state)
{
	(void)state;
	const char *body = strstr(example, "form: ");
	char *text = xasprintf("\xef\xbb\xbf%s", body);
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = report_load_buffer(text, strlen(text), test_catalog(), NULL, &diags);
	if (!r)
		fail_msg("refused: %s [%s]", diags.items[0].message, diags.items[0].rule);
	assert_int_equal(diags.count, 0);
	assert_string_equal(r->organ, "示例县人民政府");
	assert_int_equal(r->marks[test_cell("requests.new[0]")].column, 16);
	report_free(r);
	diag_list_fini(&diags);
	free(text);
	/* a mistake on the first line is at its column, the BOM not counted */
	expect_refused("\xef\xbb\xbf"
		       "from: gov-info-2021\n",
		       22, "load.key", 1, 1, "“form”", "misspelt key after a BOM");
}

static void test_other_accepted_spellings(void **state)
{
	(void)state;
	struct diag_list diags;
	diag_list_init(&diags);
	char *a = replace(
		example, "new:        [28, 5, 0, 1, 2, 0, 36]",
		"new:\n    - \"28\"\n    - ５\n    - '0'\n    - 1\n    - 2\n    - 0\n    - ３６");
	char *b = cut(a, "text:", "proactive:");
	char *c = replace(b, "draft: false\n", "");
	char *d = replace(c, "fees: \"12.5600\"", "fees: 12.56");
	struct report *r = report_load_buffer(d, strlen(d), test_catalog(), NULL, &diags);
	if (!r)
		fail_msg("refused: %s", diags.items[0].message);
	assert_int_equal(r->numbers[test_cell("requests.new[0]")], 28);
	assert_int_equal(r->numbers[test_cell("requests.new[1]")], 5);
	assert_int_equal(r->numbers[test_cell("requests.new[6]")], 36);
	assert_int_equal(r->numbers[test_cell("proactive.fees")], 125600);
	assert_string_equal(r->texts[test_cell("text.overview")], "");
	assert_false(r->draft);
	report_free(r);
	free(a);
	free(b);
	free(c);
	free(d);
	diag_list_fini(&diags);
}

/* One edit of the example that must be refused: where and why. */
struct refusal {
	const char *from, *to;
	const char *rule;
	int line, column;
	const char *message;
};

static const struct refusal refusals[] = {
	/* counts */
	{"new:        [28,", "new:        [-28,", "value.count", 30, 16, "不能是负数"},
	{"new:        [28,", "new:        [1000000000,", "value.count", 30, 16, "超过了上限"},
	{"new:        [28,", "new:        [028,", "value.count", 30, 16, "不能以 0 开头"},
	{"new:        [28,", "new:        [2.5,", "value.count", 30, 16, "不能有小数"},
	{"new:        [28,", "new:        [1e3,", "value.count", 30, 16, "科学计数法"},
	{"new:        [28,", "new:        [0x1C,", "value.count", 30, 16, "十进制"},
	{"new:        [28,", "new:        [~,", "value.count", 30, 16, "没有填写数值"},
	{"new:        [28,", "new:        [true,", "value.count", 30, 16, "只能由数字组成"},
	{"new:        [28,", "new:        [\"28 件\",", "value.count", 30, 16, "空格"},
	{"licensing: 1532", "licensing: 20:34", "value.count", 24, 14, "六十进制"},
	/* money */
	{"fees: \"12.5600\"", "fees: 12.56001", "proactive.fees", 27, 9, "小数超过 4 位"},
	{"fees: \"12.5600\"", "fees: -3", "proactive.fees", 27, 9, "负数"},
	{"fees: \"12.5600\"", "fees: 1000000000", "proactive.fees", 27, 9, "金额过大"},
	/* rows */
	{"carried_in: [2, 0, 0, 0, 0, 0, 2]", "carried_in: [2, 0, 0, 0, 0, 2]", "load.row", 31, 15,
	 "应有 7 个数"},
	{"review:                  [2, 1, 0, 0, 3]", "review: [2, 1, 0, 0, 3, 9]", "load.row", 61,
	 11, "应有 5 个数"},
	{"carried_in: [2, 0, 0, 0, 0, 0, 2]", "carried_in: 2", "load.type", 31, 15, "方括号列表"},
	{"new:        [28,", "new:        [[28],", "load.type", 30, 16, "应为一个值"},
	/* keys */
	{"requests:", "reqests:", "load.key", 28, 1, "是不是“requests”"},
	{"  licensing: 1532", "  licensing: 1532\n  licensing: 1", "load.key", 25, 3, "重复"},
	{"  penalty: 287", "  penalty: 287\n  bonus: 3", "load.key", 26, 3, "未知的键“bonus”"},
	{"  normative:   {issued: 6, repealed: 2, in_force: 41}",
	 "  normative:   {issued: 6, repealed: 2, in_forse: 41}", "load.key", 23, 41,
	 "是不是“in_force”"},
	{"year: 2024\n", "", "load.missing", 3, 1, "缺少键“year”"},
	{"  coercion: 12\n", "", "load.missing", 22, 3, "缺少键“coercion”"},
	/* report keys */
	{"year: 2024", "year: 1999", "load.value", 5, 7, "2008 到 2100"},
	{"organ: 示例县人民政府", "organ: \"\"", "load.value", 4, 8, "不能为空"},
	/* blank is blank in any width: NBSP, U+3000, EM SPACE */
	{"organ: 示例县人民政府", "organ: \"\\u00A0　\\u2003\"", "load.value", 4, 8, "不能为空"},
	{"organ: 示例县人民政府", "organ: \"示例\\n县\"", "load.value", 4, 8, "只能写一行"},
	{"issued_on: 2025-01-20", "issued_on: 2025-02-30", "load.value", 6, 12, "有效日期"},
	{"draft: false", "draft: yes", "load.value", 7, 8, "true 或 false"},
	/* confirmed sections */
	{"draft: false", "draft: false\nconfirmed: [overveiw]", "load.key", 8, 13,
	 "是不是“overview”"},
	{"draft: false", "draft: false\nconfirmed: [requests, requests]", "load.key", 8, 23,
	 "重复出现"},
	{"draft: false", "draft: false\nconfirmed: requests", "load.type", 8, 12, "应为一个列表"},
	{"draft: false", "draft: false\nconfirmed: [[overview]]", "load.type", 8, 13, "应为一个值"},
	{"form: gov-info-2021", "form: gov-info-2019", "load.form", 1, 1, "未知的报告格式"},
	/* plain data only */
	{"organ: 示例县人民政府", "organ: &o 示例县人民政府", "load.plain_data", 4, 8, "锚点"},
	{"licensing: 1532", "licensing: !!int 1532", "load.plain_data", 24, 14, "标签"},
	{"licensing: 1532", "licensing: *x", "load.plain_data", 24, 14, "别名"},
	{"  penalty: 287", "  <<: {penalty: 287}", "load.plain_data", 25, 3, "合并键"},
	/* syntax and structure */
	{"  penalty: 287", "  penalty: {287", "load.type", 25, 12, "“行政处罚”应为一个值"},
	{"  penalty: 287", "  penalty: 287\n    x: 1", "value.count", 25, 12, "空格"},
	{"draft: false\n", "draft: false\n\t- x\n", "load.syntax", 8, 1, "YAML 语法错误"},
	{"litigation_after_review: [0, 0, 0, 0, 0]\n",
	 "litigation_after_review: [0, 0, 0, 0, 0]\n---\nform: x\n", "load.syntax", 64, 1,
	 "YAML 文档"},
	{"  coercion: 12", "  coercion: [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "load.type", 26,
	 13, "应为一个值"},
	/* texts */
	{"  other: |\n    　　本年度未收取信息处理费。", "  other: \"a\\u0007b\"", "load.value", 19,
	 10, "控制字符"},
};

static void test_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		const struct refusal *c = &refusals[i];
		char *text = replace(example, c->from, c->to);
		char what[64];
		snprintf(what, sizeof what, "case %zu (%s)", i, c->to);
		expect_refused(text, strlen(text), c->rule, c->line, c->column, c->message, what);
		free(text);
	}
}

static void test_refused_files(void **state)
{
	(void)state;
	expect_refused("", 0, "load.empty", 1, 1, "空", "empty");
	expect_refused("# only a comment\n", 17, "load.empty", 2, 1, "没有内容", "comment only");
	expect_refused("- 1\n", 4, "load.type", 1, 1, "“键: 值”", "a list");
	expect_refused("\xff\xfe"
		       "f\0o\0",
		       6, "load.encoding", 1, 1, "UTF-16", "utf-16");
	expect_refused("form: x\0", 8, "load.encoding", 1, 8, "NUL", "nul");
	/* "组织" in GBK */
	expect_refused("organ: \xd7\xe9\xd6\xaf\n", 12, "load.encoding", 1, 8, "GBK", "gbk");
	expect_refused("organ: \xff\n", 9, "load.encoding", 1, 8, "0xFF", "latin");
	expect_refused("form: gov-info-2021\nform: gov-info-2021\n", 40, "load.key", 2, 1, "重复",
		       "duplicate form");
	/* a report with no form key at all */
	char *noform = replace(example, "form: gov-info-2021\n", "");
	expect_refused(noform, strlen(noform), "load.missing", 3, 1, "缺少键“form”", "no form");
	free(noform);
}

/* A published report (its text, a web page, a Word file or a PDF) is
 * named as such, with the import command, not taken for broken YAML. */
static void test_published_refused(void **state)
{
	(void)state;
	for (int n = 0; n <= 4; n++) {
		char name[64];
		snprintf(name, sizeof name, "published/seed-00%d.txt", n);
		size_t len;
		char *text = test_read_data(name, &len);
		expect_refused(text, len, "load.published", n == 1 ? 1 : 3, 1,
			       "nianbao import 文件 -o 报告.yaml", name);
		free(text);
	}
	const char *markdown = "\xef\xbb\xbf# 某县2021年政府信息公开工作年度报告\n\n"
			       "## 一、 总体情况\n\n本年度……\n\n"
			       "## **二、主动公开政府信息情况**\n\n| 信息内容 |\n";
	expect_refused(markdown, strlen(markdown), "load.published", 1, 1, "已发布的年度报告文本",
		       "markdown");
	expect_refused("%PDF-1.7\n\x00\xff", 11, "load.published", 1, 1, "PDF", "pdf");
	expect_refused("PK\x03\x04\x14\x00", 6, "load.published", 1, 1, ".docx", "docx");
	expect_refused("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", 9, "load.published", 1, 1,
		       "另存为 .docx", "doc");
	expect_refused("\n <!DOCTYPE html>\n<html>", 24, "load.published", 1, 1, "网页", "html");
	expect_refused("<html lang=zh>", 14, "load.published", 1, 1, "网页", "html");
	/* the headings alone, without a title, are not enough */
	expect_refused("一、总体情况\n二、主动公开政府信息情况\n", 55, "load.type", 1, 1,
		       "“键: 值”", "headings only");
}

/* A report whose narrative quotes a title and the headings is a report. */
static void test_report_quoting_headings_loads(void **state)
{
	(void)state;
	char *text = replace(example, "  overview: |\n",
			     "  overview: |\n"
			     "    示例县人民政府2023年政府信息公开工作年度报告\n"
			     "    一、总体情况\n"
			     "    二、主动公开政府信息情况\n"
			     "    三、收到和处理政府信息公开申请情况\n");
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = report_load_buffer(text, strlen(text), test_catalog(), NULL, &diags);
	if (!r)
		fail_msg("refused: %s [%s]", diags.items[0].message, diags.items[0].rule);
	report_free(r);
	diag_list_fini(&diags);
	free(text);
}

static void test_hostile_sizes_are_quick(void **state)
{
	(void)state;
	/* a million nested flow sequences: refused at once, not parsed */
	size_t n = 1000000;
	char *deep = malloc(n + 1);
	memset(deep, '[', n);
	deep[n] = '\0';
	expect_refused(deep, n, "load.type", 1, 1, "“键: 值”", "deep sequence");
	char *deep_map = malloc(4 * n + 8);
	strcpy(deep_map, "a: ");
	for (size_t i = 0; i < n; i++)
		memcpy(deep_map + 3 + 4 * i, "{b: ", 4);
	deep_map[3 + 4 * n] = '\0';
	expect_refused(deep_map, strlen(deep_map), "load.nesting", 1, 40, "嵌套", "deep mapping");
	free(deep);
	free(deep_map);

	/* larger than 16 MiB */
	size_t big = (16u << 20) + 1;
	char *huge = malloc(big);
	memset(huge, '#', big);
	expect_refused(huge, big, "load.size", 1, 1, "太大", "huge");
	free(huge);

	/* a narrative of a million characters */
	struct buf text;
	buf_init(&text);
	buf_adds(&text, "  other: \"");
	for (int i = 0; i < 200000; i++)
		buf_adds(&text, "字字字字字");
	buf_adds(&text, "\"");
	char *long_text = replace(example, "  other: |\n    　　本年度未收取信息处理费。",
				  text.data);
	expect_refused(long_text, strlen(long_text), "load.value", 19, 10, "太长", "long text");
	free(long_text);
	buf_fini(&text);

	/* a row of a million numbers */
	struct buf row;
	buf_init(&row);
	buf_adds(&row, "new: [");
	for (int i = 0; i < 1000000; i++)
		buf_adds(&row, "1, ");
	buf_adds(&row, "1]");
	char *long_row = replace(example, "new:        [28, 5, 0, 1, 2, 0, 36]", row.data);
	expect_refused(long_row, strlen(long_row), "load.row", 30, 8, "实际有 1000001 个",
		       "long row");
	free(long_row);
	buf_fini(&row);
}

static void test_many_errors_are_all_reported(void **state)
{
	(void)state;
	char *a = replace(example, "licensing: 1532", "licensing: -1");
	char *b = replace(a, "penalty: 287", "penalty: x");
	struct diag_list diags;
	diag_list_init(&diags);
	assert_null(report_load_buffer(b, strlen(b), test_catalog(), NULL, &diags));
	assert_int_equal(diags.count, 2);
	assert_string_equal(diags.items[0].path, "proactive.licensing");
	assert_string_equal(diags.items[1].path, "proactive.penalty");
	assert_non_null(strstr(diags.items[1].message, "行政处罚"));
	diag_list_fini(&diags);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_bom_before_first_key),
		cmocka_unit_test(test_published_refused),
		cmocka_unit_test(test_report_quoting_headings_loads),
		cmocka_unit_test(test_other_accepted_spellings),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_refused_files),
		cmocka_unit_test(test_hostile_sizes_are_quick),
		cmocka_unit_test(test_many_errors_are_all_reported),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
