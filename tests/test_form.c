/* The form definition: the built-in 2021 format as DESIGN.md and the
 * published reports give it, and refusal of broken definitions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "form.h"
#include "rules.h"
#include "support.h"

/* Every data path of DESIGN.md's data file, as rows of the form. */
static const char *const sequence_rows[] = {
	"requests.new", "requests.carried_in", "requests.granted", "requests.partial",
	"requests.denied.state_secret", "requests.denied.prohibited",
	"requests.denied.three_safeties", "requests.denied.third_party",
	"requests.denied.internal", "requests.denied.process",
	"requests.denied.enforcement_file", "requests.denied.inquiry",
	"requests.unavailable.not_held", "requests.unavailable.needs_creation",
	"requests.unavailable.unclear", "requests.not_processed.petition",
	"requests.not_processed.duplicate", "requests.not_processed.publication",
	"requests.not_processed.excessive", "requests.not_processed.confirmation",
	"requests.other.overdue_correction", "requests.other.unpaid_fee", "requests.other.other",
	"requests.total", "requests.carried_out",
};

static void test_data_paths(void **state)
{
	const struct form *f = test_form()->form;
	char path[128];
	(void)state;
	for (size_t i = 0; i < sizeof sequence_rows / sizeof sequence_rows[0]; i++)
		for (int c = 0; c < 7; c++) {
			snprintf(path, sizeof path, "%s[%d]", sequence_rows[i], c);
			assert_int_not_equal(form_find_cell(f, path), FORM_NONE);
		}
	snprintf(path, sizeof path, "requests.new[7]");
	assert_int_equal(form_find_cell(f, path), FORM_NONE);
	static const char *const appeals[] = {"appeals.review", "appeals.litigation_direct",
					      "appeals.litigation_after_review"};
	for (size_t i = 0; i < 3; i++)
		for (int c = 0; c < 5; c++) {
			snprintf(path, sizeof path, "%s[%d]", appeals[i], c);
			assert_int_not_equal(form_find_cell(f, path), FORM_NONE);
		}
	static const char *const singles[] = {
		"proactive.regulations.issued", "proactive.regulations.repealed",
		"proactive.regulations.in_force", "proactive.normative.issued",
		"proactive.normative.repealed", "proactive.normative.in_force",
		"proactive.licensing", "proactive.penalty", "proactive.coercion", "proactive.fees",
		"text.overview", "text.problems", "text.other"};
	for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
		assert_int_not_equal(form_find_cell(f, singles[i]), FORM_NONE);
	/* 25 rows of 7, 3 of 5, 6 documents, 4 single counts, 3 texts */
	assert_int_equal(f->ncells, 25 * 7 + 3 * 5 + 6 + 4 + 3);
	assert_int_equal(f->cells[form_find_cell(f, "proactive.fees")].type, FORM_MONEY);
	assert_int_equal(f->cells[form_find_cell(f, "text.other")].type, FORM_TEXT);
}

static void test_headings_and_labels(void **state)
{
	static const char *const headings[] = {
		"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
		"六、其他需要报告的事项"};
	const struct form *f = test_form()->form;
	(void)state;
	assert_int_equal(f->nsections, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(f->sections[i].heading, headings[i]);
	static const struct {
		const char *path, *label;
	} labels[] = {
		{"requests.new[0]", "一、本年新收政府信息公开申请数量／自然人"},
		{"requests.carried_out[6]", "四、结转下年度继续办理／总计"},
		{"requests.granted[1]", "三、本年度办理结果／（一）予以公开／商业企业"},
		{"requests.denied.three_safeties[2]", "（三）不予公开／3.危及“三安全一稳定”／科研机构"},
		{"requests.other.unpaid_fee[6]",
		 "（六）其他处理／2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请／总计"},
		{"requests.total[3]", "三、本年度办理结果／（七）总计／社会公益组织"},
		{"appeals.litigation_after_review[4]", "行政诉讼／复议后起诉／总计"},
		{"appeals.review[0]", "行政复议／结果维持"},
		{"proactive.normative.in_force", "行政规范性文件／现行有效件数"},
		{"proactive.licensing", "行政许可"},
		{"proactive.fees", "行政事业性收费"},
		{"text.problems", "五、存在的主要问题及改进情况"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		assert_string_equal(f->cells[form_find_cell(f, labels[i].path)].label, labels[i].label);
	size_t t = form_find_table(f, "requests");
	assert_int_not_equal(t, FORM_NONE);
	assert_string_equal(f->tables[t].label_header,
			    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	const struct form_column_set *cols = f->tables[t].columns;
	static const char *const applicants[] = {"自然人",	 "商业企业",	  "科研机构", "社会公益组织",
						 "法律服务机构", "其他", "总计"};
	assert_int_equal(cols->ncolumns, 7);
	for (size_t c = 0; c < 7; c++)
		assert_string_equal(cols->columns[c].label, applicants[c]);
	assert_string_equal(cols->columns[3].groups[1], "法人或其他组织");
}

static void test_every_design_rule_is_declared(void **state)
{
	static const char *const ids[] = {"requests.balance", "requests.total", "requests.row_sum",
					  "appeals.row_sum",  "value.count",	"proactive.fees",
					  "text.required",    "carry.requests", "carry.in_force",
					  "text.rewrite"};
	const struct form *f = test_form()->form;
	(void)state;
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		bool found = false;
		for (size_t r = 0; r < f->nrules; r++)
			found = found || strcmp(f->rules[r].id, ids[i]) == 0;
		assert_true(found);
	}
	/* balance 7 + total 7 + row sums 25 + appeals 3 + required 2 + rewrite 3 + carry 7 +
	 * in_force 2 */
	assert_int_equal(rules_check_count(test_form()->rules), 7 + 7 + 25 + 3 + 2 + 3 + 7 + 2);
}

static const char minimal[] =
	"id: t\n"
	"name: t\n"
	"title: \"{organ}\"\n"
	"types:\n"
	"  count: {kind: integer, max: 9, rule: value.count}\n"
	"  money: {kind: decimal, decimals: 4, below: 10}\n"
	"  text: {kind: text, max_chars: 10}\n"
	"column_sets:\n"
	"  c: [{label: A}, {label: B}]\n"
	"sections:\n"
	"  - number: 一\n"
	"    title: T\n"
	"    items:\n"
	"      - table: t\n"
	"        columns: c\n"
	"        store: sequence\n"
	"        rows:\n"
	"          - {path: x.a, label: A}\n"
	"          - {path: x.b, label: B}\n"
	"rules:\n"
	"  - {id: r, severity: error, message: m, assert: \"x.a[0] = x.b[0]\"}\n";

/* Replaces the first occurrence of from in the minimal form by to. */
static char *mutate(const char *from, const char *to)
{
	const char *at = strstr(minimal, from);
	assert_non_null(at);
	size_t head = (size_t)(at - minimal);
	char *out = malloc(sizeof minimal + strlen(to));
	memcpy(out, minimal, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

static void test_minimal_form(void **state)
{
	struct form_error err;
	(void)state;
	struct form *f = form_parse(minimal, strlen(minimal), &err);
	assert_non_null(f);
	assert_int_equal(f->ncells, 4);
	char *rerr = NULL;
	struct rules *r = rules_compile(f, &rerr);
	assert_non_null(r);
	assert_int_equal(rules_check_count(r), 1);
	rules_free(r);
	form_free(f);
}

static void test_broken_definitions(void **state)
{
	static const struct {
		const char *from, *to, *message;
	} cases[] = {
		{"id: t\n", "", "缺少“id”"},
		{"store: sequence", "store: list", "store 只能是"},
		{"{path: x.b, label: B}", "{path: x.a, label: B}", "重复"},
		{"{path: x.b, label: B}", "{path: x.a.b, label: B}", "冲突"},
		{"{path: x.b, label: B}", "{path: X.b, label: B}", "不合法"},
		{"{path: x.b, label: B}", "{path: organ, label: B}", "保留"},
		{"columns: c", "columns: nope", "没有名为“nope”的列组"},
		{"title: T\n", "title: T\n    extra: 1\n", "未知的键“extra”"},
		{"id: t\n", "id: &a t\n", "锚点"},
		{"name: t\n", "name: [[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "嵌套"},
		{"max: 9,", "max: -9,", "整数"},
		{"message: m, assert:", "message: m, forbidden: x, assert:", "forbidden 和 texts 要一起写"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = mutate(cases[i].from, cases[i].to);
		struct form_error err;
		struct form *f = form_parse(text, strlen(text), &err);
		if (f)
			fail_msg("case %zu: accepted", i);
		if (!strstr(err.message, cases[i].message))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].message);
		free(err.message);
		free(text);
	}
}

static void test_broken_rules(void **state)
{
	static const struct {
		const char *to, *message;
	} cases[] = {
		{"x.a[0] = x.c[0]", "找不到数据格"},
		{"x.a[0] = x.b[9]", "找不到数据格"},
		{"x.a[0] x.b[0]", "缺少“+”或“-”"},
		{"x.a[0] = x.b[0] = x.a[1]", "只能有一个"},
		{"x.a[0] = x.b[0", "下标"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = mutate("x.a[0] = x.b[0]", cases[i].to);
		struct form_error err;
		struct form *f = form_parse(text, strlen(text), &err);
		assert_non_null(f);
		char *error = NULL;
		struct rules *r = rules_compile(f, &error);
		if (r)
			fail_msg("case %zu: compiled", i);
		if (!strstr(error, cases[i].message))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, error, cases[i].message);
		free(error);
		form_free(f);
		free(text);
	}
	/* two totals that derive each other */
	char *text = mutate("  - {id: r, severity: error, message: m, assert: \"x.a[0] = x.b[0]\"}\n",
			    "  - {id: r, severity: error, message: m, assert: \"x.a[0] = x.b[0]\", fill: true}\n"
			    "  - {id: s, severity: error, message: m, assert: \"x.b[0] = x.a[0]\", fill: true}\n");
	struct form_error err;
	struct form *f = form_parse(text, strlen(text), &err);
	assert_non_null(f);
	char *error = NULL;
	assert_null(rules_compile(f, &error));
	assert_non_null(strstr(error, "循环"));
	free(error);
	form_free(f);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_paths),
		cmocka_unit_test(test_headings_and_labels),
		cmocka_unit_test(test_every_design_rule_is_declared),
		cmocka_unit_test(test_minimal_form),
		cmocka_unit_test(test_broken_definitions),
		cmocka_unit_test(test_broken_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
