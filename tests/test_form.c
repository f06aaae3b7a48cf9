/* The form definition: the built-in 2021 format as DESIGN.md and the
 * published reports give it, every key a definition may hold, and the
 * refusal of every broken key and value at its line and column. */
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
#include "forms_builtin.h"
#include "rules.h"
#include "support.h"

/* Every data path of DESIGN.md's data file, as rows of the form. */
static const char *const sequence_rows[] = {
	"requests.new",
	"requests.carried_in",
	"requests.granted",
	"requests.partial",
	"requests.denied.state_secret",
	"requests.denied.prohibited",
	"requests.denied.three_safeties",
	"requests.denied.third_party",
	"requests.denied.internal",
	"requests.denied.process",
	"requests.denied.enforcement_file",
	"requests.denied.inquiry",
	"requests.unavailable.not_held",
	"requests.unavailable.needs_creation",
	"requests.unavailable.unclear",
	"requests.not_processed.petition",
	"requests.not_processed.duplicate",
	"requests.not_processed.publication",
	"requests.not_processed.excessive",
	"requests.not_processed.confirmation",
	"requests.other.overdue_correction",
	"requests.other.unpaid_fee",
	"requests.other.other",
	"requests.total",
	"requests.carried_out",
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
	static const char *const singles[] = {"proactive.regulations.issued",
					      "proactive.regulations.repealed",
					      "proactive.regulations.in_force",
					      "proactive.normative.issued",
					      "proactive.normative.repealed",
					      "proactive.normative.in_force",
					      "proactive.licensing",
					      "proactive.penalty",
					      "proactive.coercion",
					      "proactive.fees",
					      "text.overview",
					      "text.problems",
					      "text.other"};
	for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
		assert_int_not_equal(form_find_cell(f, singles[i]), FORM_NONE);
	/* 25 rows of 7, 3 of 5, 6 documents, 4 single counts, 3 texts */
	assert_int_equal(f->ncells, 25 * 7 + 3 * 5 + 6 + 4 + 3);
	assert_int_equal(f->cells[form_find_cell(f, "proactive.fees")].type, FORM_MONEY);
	assert_int_equal(f->cells[form_find_cell(f, "text.other")].type, FORM_TEXT);
}

static void test_headings_and_labels(void **state)
{
	static const char *const headings[] = {"一、总体情况",
					       "二、主动公开政府信息情况",
					       "三、收到和处理政府信息公开申请情况",
					       "四、政府信息公开行政复议、行政诉讼情况",
					       "五、存在的主要问题及改进情况",
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
		{"requests.denied.three_safeties[2]",
		 "（三）不予公开／3.危及“三安全一稳定”／科研机构"},
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
		assert_string_equal(f->cells[form_find_cell(f, labels[i].path)].label,
				    labels[i].label);
	size_t t = form_find_table(f, "requests");
	assert_int_not_equal(t, FORM_NONE);
	assert_string_equal(f->tables[t].label_header,
			    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	const struct form_column_set *cols = f->tables[t].columns;
	static const char *const applicants[] = {
		"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
	assert_int_equal(cols->ncolumns, 7);
	for (size_t c = 0; c < 7; c++)
		assert_string_equal(cols->columns[c].label, applicants[c]);
	assert_string_equal(cols->columns[3].groups[1], "法人或其他组织");
}

static void test_every_design_rule_is_declared(void **state)
{
	static const char *const ids[] = {
		"requests.balance",    "requests.total", "requests.row_sum",	"appeals.row_sum",
		"value.count",	       "proactive.fees", "text.required",	"carry.requests",
		"carry.in_force",      "text.rewrite",	 "text.numbers",	"text.year",
		"text.repeat",	       "text.other",	 "plausibility.change", "text.placeholder",
		"text.problems_parts", "text.fees",	 "text.fees_unpaid"};
	const struct form *f = test_form()->form;
	(void)state;
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		bool found = false;
		for (size_t r = 0; r < f->nrules; r++)
			found = found || strcmp(f->rules[r].id, ids[i]) == 0;
		assert_true(found);
	}
	/* balance 7 + total 7 + row sums 25 + appeals 3 + required 2 + rewrite 3 +
	 * placeholder 3 + carry 7 + in_force 2; numbers 3 + year 3 + repeat 2 + other 1 +
	 * problems_parts 1 + fees 1 + fees_unpaid 1 +
	 * changes 37 (10 requests rows and groups, 3 appeals rows, 9 proactive counts) */
	assert_int_equal(rules_check_count(test_form()->rules), 7 + 7 + 25 + 3 + 2 + 3 + 3 + 7 + 2 +
									3 + 3 + 2 + 1 + 1 + 1 + 1 +
									(25 + 3 + 9));
}

/* The real definition, as built in. */
static const char *real_form(size_t *len)
{
	for (size_t i = 0; i < forms_builtin_count; i++)
		if (strcmp(forms_builtin[i].name, "gov-info-2021") == 0) {
			*len = forms_builtin[i].len;
			return forms_builtin[i].data;
		}
	fail_msg("gov-info-2021 is not built in");
	return NULL;
}

/* The real definition with one change: the first from after the first
 * after (or after the start) replaced by to.  *anchor is where after is. */
static char *mutate(const char *after, const char *from, const char *to, size_t *anchor)
{
	size_t len = 0;
	const char *base = real_form(&len);
	const char *start = after ? strstr(base, after) : base;
	if (!start)
		fail_msg("no \"%s\" in the form", after);
	/* "A\1B" stands for everything from A up to B, or to the end if B is "" */
	char *first = strdup(from);
	char *range = strchr(first, '\1');
	if (range)
		*range = '\0';
	const char *at = strstr(start, first);
	if (!at)
		fail_msg("no \"%s\" after \"%s\" in the form", first, after ? after : "the start");
	size_t flen = strlen(first);
	if (range) {
		const char *end = range[1] ? strstr(at + flen, range + 1) : base + len;
		if (!end)
			fail_msg("no \"%s\" after \"%s\"", range + 1, first);
		flen = (size_t)(end - at);
	}
	free(first);
	size_t head = (size_t)(at - base);
	char *out = malloc(len + strlen(to) + 1);
	memcpy(out, base, head);
	strcpy(out + head, to);
	memcpy(out + head + strlen(to), at + flen, len - head - flen);
	out[len - flen + strlen(to)] = '\0';
	*anchor = (size_t)(start - base);
	return out;
}

/* The 1-based line and column (in characters, as libyaml counts them) of
 * the first marker in text at or after offset from. */
static void position_of(const char *text, size_t from, const char *marker, int *line, int *column)
{
	const char *at = strstr(text + from, marker);
	if (!at)
		fail_msg("no marker \"%s\"", marker);
	*line = 1;
	*column = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			++*line;
			*column = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			++*column;
		}
	}
}

/* Loads and compiles a definition; NULL with the loader's error or, after
 * a successful load, the compiler's (*compiled tells which). */
static struct form *load(const char *text, struct form_error *err, char **rerr, bool *compiled)
{
	*rerr = NULL;
	*compiled = false;
	struct form *f = form_parse(text, strlen(text), err);
	if (!f)
		return NULL;
	struct rules *r = rules_compile(f, rerr);
	if (!r) {
		form_free(f);
		return NULL;
	}
	*compiled = true;
	rules_free(r);
	return f;
}

/* Values each key may take: the real form with one change loads and its
 * rules compile (the real form itself holds every key once). */
static void test_good_values(void **state)
{
	size_t bad = 0;
	static const struct {
		const char *after, *from, *to;
	} cases[] = {
		{NULL, "title: \"{organ}{year}", "title: \"{{organ}}{organ}{year}"},
		{NULL, "name: 政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）",
		 "name: '政府'"},
		{"count: {", "max: 999999999", "max: 999999999999999"},
		{"count: {", "max: 999999999", "max: 1"},
		{"money: {", "decimals: 4", "decimals: 0"},
		{"money: {", "below: 1000000000", "below: 100000000000"},
		{"money: {", ", unit: 万元", ""},
		{"money: {", ", rule: proactive.fees", ""},
		{"text: {", "max_chars: 100000", "max_chars: 1"},
		{"data_labels:\n", "  text: 正文（一、五、六）\n", ""},
		{"data_labels:\n", "  text: 正文（一、五、六）\n", "  requests.denied: 另一说法\n"},
		{NULL, "data_labels:\n\1\n\n", "data_labels: {}\n"},
		{NULL, "label_breaks:\n\1\n\n", ""},
		{NULL, "label_breaks:\n\1\n\n", "label_breaks: []\n\n"},
		{"label_breaks:\n", "  - 商业|企业\n", ""},
		{"label_breaks:\n", "  - 商业|企业\n",
		 "  - 商|业|企|业\n  - 第二十条|第（五）项\n"},
		{"decisions:\n", "{label: 本年处理决定数量}",
		 "{label: 本年处理决定数量, type: count}"},
		{"decisions:\n", "{label: 本年处理决定数量}",
		 "{label: 本年处理决定数量, total: false, groups: []}"},
		{"documents:\n", "- {key: issued, label: 本年制发件数}",
		 "- {key: issued, label: 本年制发件数, groups: [a, b, c]}"},
		{"number: 一\n", "- text: text.overview", "- {text: text.overview, label: 总体}"},
		{"number: 一\n", "- text: text.overview",
		 "- text: text.extra\n      - text: text.overview"},
		{"table: appeals\n", "print: one_row", "print: rows"},
		{"table: appeals\n", "        print: one_row\n", ""},
		{"table: proactive_licensing\n", "        label_header: 信息内容\n", ""},
		{"table: proactive_licensing\n", "        title: 第二十条第（五）项\n", ""},
		{"table: proactive_fees\n", "store: scalar", "store: sequence"},
		{"label: 行政诉讼\n", "label: 行政诉讼\n",
		 "label: 行政诉讼\n            path: appeals\n"},
		{"path: requests.total, label: （七）总计", ", total: true", ", total: false"},
		{"- id: requests.balance\n", "severity: error", "severity: warning"},
		{"- id: requests.balance\n", "    severity: error\n\1    cell:",
		 "    needs: previous\n    severity: error\n    each: column\n    table: requests\n"
		 "    assert: requests.new[$c] = prev:requests.carried_out[$c]\n"},
		{"- id: requests.total\n", "    fill: true\n", "    fill: false\n"},
		{"- id: requests.total\n", "    fill: true\n", ""},
		{"- id: requests.balance\n", "    cell: requests.carried_out[$c]\n", ""},
		{"- id: requests.row_sum\n", "$row[0..5]",
		 "$row[0] + $row[1..5] - $row[0] + $row[0]"},
		{"- id: requests.row_sum\n", "message: \"", "message: \"{row}{column}{{}}"},
		{"- id: text.required\n", "[text.overview, text.problems]", "[text.other]"},
		{"- id: text.required\n", "message: \"", "message: \"{row}{column}"},
		{"- id: text.rewrite\n", "forbidden: \"【待改写】\"", "forbidden: 草稿"},
		{"- id: value.count\n", "message: \"", "message: \"{{ {problem} }}"},
		{"- id: carry.in_force\n", "    each: row\n    table: proactive_documents\n",
		 "    each: row\n    table: proactive_documents\n    fill: false\n"},
		{"unless the two", "rules:\n",
		 "rules:\n  - {id: x, severity: warning, message: m, "
		 "assert: proactive.licensing = proactive.penalty + proactive.coercion}\n"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t anchor;
		char *text = mutate(cases[i].after, cases[i].from, cases[i].to, &anchor);
		struct form_error err;
		char *rerr;
		bool compiled;
		struct form *f = load(text, &err, &rerr, &compiled);
		if (!f && !rerr) {
			print_error("case %zu (%s): refused at %d:%d: %s\n", i, cases[i].to,
				    err.line, err.column, err.message);
			free(err.message);
			bad++;
		} else if (!f) {
			print_error("case %zu (%s): does not compile: %s\n", i, cases[i].to, rerr);
			free(rerr);
			bad++;
		}
		form_free(f);
		free(text);
	}
	assert_int_equal(bad, 0);
}

/* What the real definition's values mean once loaded. */
static void test_loaded_values(void **state)
{
	const struct form *f = test_form()->form;
	(void)state;
	assert_string_equal(f->id, "gov-info-2021");
	assert_string_equal(form_label_breaks(f, "商业企业"), "商业|企业");
	assert_string_equal(form_label_breaks(f, "未经复议直接起诉"), "未经复议|直接起诉");
	assert_null(form_label_breaks(f, "自然人"));
	assert_null(form_label_breaks(f, "商业"));
	assert_null(form_label_breaks(f, "商业企业们"));
	assert_string_equal(f->title, "{organ}{year}年政府信息公开工作年度报告");
	assert_int_equal(f->types[FORM_COUNT].max, 999999999);
	assert_string_equal(f->types[FORM_COUNT].rule, "value.count");
	assert_int_equal(f->types[FORM_MONEY].decimals, 4);
	assert_int_equal(f->types[FORM_MONEY].below, 1000000000);
	assert_string_equal(f->types[FORM_MONEY].unit, "万元");
	assert_int_equal(f->types[FORM_TEXT].max_chars, 100000);
	assert_null(f->types[FORM_TEXT].rule);
	/* every rule says what it checks, in one line (check --list-rules) */
	for (size_t i = 0; i < f->nrules; i++) {
		assert_non_null(f->rules[i].meaning);
		assert_null(strchr(f->rules[i].meaning, '\n'));
	}
	assert_string_equal(f->rules[0].meaning,
			    "表三每一列：第一项加第二项之和，等于第三项加第四项之和");
	size_t t = form_find_table(f, "appeals");
	assert_true(f->tables[t].print_one_row);
	assert_int_equal(f->tables[t].store, FORM_STORE_SEQUENCE);
	assert_null(f->tables[t].title);
	t = form_find_table(f, "proactive_documents");
	assert_false(f->tables[t].print_one_row);
	assert_int_equal(f->tables[t].store, FORM_STORE_MAP);
	assert_string_equal(f->tables[t].columns->columns[2].key, "in_force");
	assert_int_equal(f->tables[form_find_table(f, "proactive_fees")].store, FORM_STORE_SCALAR);
	assert_string_equal(f->tables[form_find_table(f, "proactive_fees")].title,
			    "第二十条第（八）项");
	t = form_find_table(f, "requests");
	assert_true(f->tables[t].columns->columns[6].total);
	assert_false(f->tables[t].columns->columns[5].total);
	assert_int_equal(f->nodes[form_node_child(f, 0, "text", 4)].kind, FORM_NODE_MAP);
	assert_string_equal(f->nodes[form_node_child(f, 0, "text", 4)].label, "正文（一、五、六）");
	for (size_t i = 0; i < f->nrules; i++) {
		const struct form_rule *r = &f->rules[i];
		if (strcmp(r->id, "requests.total") == 0) {
			assert_true(r->fill);
			assert_false(r->warning);
			assert_string_equal(r->each, "column");
			assert_string_equal(r->cell, "requests.total[$c]");
		} else if (strcmp(r->id, "carry.in_force") == 0) {
			assert_true(r->needs_previous);
			assert_true(r->warning);
			assert_false(r->fill);
		} else if (strcmp(r->id, "proactive.fees") == 0) {
			assert_int_equal(r->value_type, FORM_MONEY);
		} else if (strcmp(r->id, "text.rewrite") == 0) {
			assert_int_equal(r->ntexts, 3);
			assert_int_equal(r->nforbidden, 1);
			assert_string_equal(r->forbidden[0], "【待改写】");
		} else if (strcmp(r->id, "text.placeholder") == 0) {
			assert_true(r->warning);
			assert_int_equal(r->nforbidden, 12);
			assert_string_equal(r->forbidden[1], "XX");
			assert_string_equal(r->forbidden[8], "（ ）");
		} else if (strcmp(r->id, "text.required") == 0) {
			assert_int_equal(r->nrequired, 2);
			assert_string_equal(r->required[1], "text.problems");
		}
	}
}

/* Every key and value the loader refuses: the real form with one change,
 * refused at the line and column of the marker `at` (searched from the
 * anchor), with a message holding `message`. */
static const struct {
	const char *after, *from, *to, *at, *message;
} refusals[] = {
	/* the top level */
	{NULL, "id: gov", "idd: x\nid: gov", "idd", "未知的键“idd”"},
	{"- id: text.required\n", "meaning: \"", "meaning: \"a\\nb", "\"a", "meaning 应写在一行里"},
	{"- id: text.required\n", "meaning: \"总体情况、存在的主要问题及改进情况不能为空\"",
	 "meaning: [总体]", "[总体]", "“meaning”应为一段非空文字"},
	{NULL, "id: gov", "name: x\nid: gov", "name: 政府", "键“name”重复"},
	{NULL, "id: gov-info-2021\n", "", "name:", "缺少“id”"},
	{NULL, "name: 政府", "nam: 政府", "nam:", "未知的键“nam”"},
	{NULL, "types:\n", "typs:\n", "typs", "未知的键“typs”"},
	{NULL, "id: gov-info-2021", "id: \"\"", "\"\"", "“id”应为一段非空文字"},
	{NULL, "id: gov-info-2021", "id: [a]", "[a]", "“id”应为一段非空文字"},
	{NULL, "name: 政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）", "name: {a: 政府}",
	 "{a:", "“name”应为一段非空文字"},
	{NULL, "title: \"{organ}", "title: \"{organ}{foo}", "\"{organ}", "“{foo}”不是可用的名称"},
	{NULL, "title: \"{organ}\1\n", "title: \"{organ}{year}年{\"", "\"{organ",
	 "“{”后面没有对应的“}”"},
	{NULL, "title: \"{organ}", "title: \"}{organ}", "\"}", "“}”前面没有对应的“{”"},
	{NULL, "id: gov", "id: &a gov", "&a", "锚点"},
	{NULL, "id: gov", "id: !!str gov", "!!str", "标签"},
	{"column_sets:\n", "rules:\n", "column_sets: {}\nrules:\n", "column_sets: {}",
	 "键“column_sets”重复"},
	{NULL, "sections:\n", "sectons:\n", "sectons", "未知的键“sectons”"},
	{"unless the two", "\nrules:\n", "\nrule:\n", "rule:", "未知的键“rule”"},
	/* types */
	{NULL, "types:\n\1\n# Labels", "types: []\n", "[]", "此处应为映射"},
	{"types:\n", "  text: {", "  date: {kind: text}\n  text: {", "date", "未知的键“date”"},
	{"types:\n",
	 "  money: {kind: decimal, decimals: 4, below: 1000000000, unit: 万元, rule: proactive.fees}\n",
	 "", "count", "types 缺少“money”"},
	{"types:\n", "kind: integer", "kind: decimal", "decimal", "“count”的 kind 只能是 integer"},
	{"money: {", "kind: decimal", "kind: [decimal]", "[decimal]",
	 "“money”的 kind 只能是 decimal"},
	{"types:\n", "kind: integer, ", "", "{max:", "types 的“count”缺少 kind"},
	{"types:\n", "max: 999999999", "max: 0", "{kind", "count 需要 1 到 999999999999999"},
	{"types:\n", "max: 999999999", "max: 1000000000000000", "1000000000000000",
	 "“max”应为整数"},
	{"types:\n", "max: 999999999", "max: -1", "-1", "“max”应为整数"},
	{"types:\n", "max: 999999999", "max: 1e9", "1e9", "“max”应为整数"},
	{"types:\n", "max: 999999999", "max: ''", "''", "“max”应为整数"},
	{"types:\n", "max: 999999999", "max: [1]", "[1]", "“max”应为整数"},
	{"types:\n", "max: 999999999", "max: 9, decimals: 2", "decimals", "未知的键“decimals”"},
	{"types:\n", "max: 999999999", "max: 9, max: 9", "max: 9, rule", "键“max”重复"},
	{"money: {", "decimals: 4", "decimals: 5", "{kind: decimal",
	 "money 需要 0 到 4 的 decimals"},
	{"money: {", "below: 1000000000", "below: 0", "{kind: decimal", "正的 below"},
	{"money: {", "below: 1000000000", "below: 100000000001", "{kind: decimal", "正的 below"},
	{"money: {", "unit: 万元", "unit: ''", "''", "“unit”应为一段非空文字"},
	{"money: {", "unit: 万元", "unit: 万元, max_chars: 3", "max_chars", "未知的键“max_chars”"},
	{"text: {", "max_chars: 100000", "max_chars: 0", "{kind: text", "text 需要正的 max_chars"},
	{"text: {", "max_chars: 100000", "max_chars: 3, max: 2", "max: 2", "未知的键“max”"},
	{"types:\n", "rule: value.count", "rule: value.cnt", "value.cnt",
	 "没有 id 为“value.cnt”的规则"},
	{"types:\n", "rule: value.count", "rule: proactive.fees", "proactive.fees",
	 "规则“proactive.fees”应写 value_type: count"},
	{"types:\n", "rule: value.count", "rule: requests.total", "requests.total",
	 "规则“requests.total”应写 value_type: count"},
	/* data_labels */
	{NULL, "data_labels:\n\1\n\n", "data_labels: [a]\n", "[a]", "data_labels 应为映射"},
	{"data_labels:\n", "  text: 正文", "  txt: 正文", "txt",
	 "data_labels 中的“txt”不是数据路径"},
	{"data_labels:\n", "  text: 正文", "  text.overview.x: 正文", "text.overview.x",
	 "不是数据路径"},
	{"data_labels:\n", "  text: 正文", "  [text]: 正文", "[text]",
	 "data_labels 的键和值都应为文字"},
	{"data_labels:\n", "  text: 正文\1\n", "  text: [正文]", "text: [",
	 "data_labels 的键和值都应为文字"},
	{"data_labels:\n", "  proactive:", "  text: 又一个\n  proactive:", "text: 又",
	 "data_labels 中的“text”重复"},
	/* column_sets */
	{NULL, "column_sets:\n\1\nsections:", "column_sets: [a]\n", "[a]", "column_sets 应为映射"},
	{"column_sets:\n", "  decisions:\n", "  documents: [{label: x}]\n  decisions:\n",
	 "documents: [", "列组“documents”重复"},
	{"column_sets:\n", "  decisions:\n    - {label: 本年处理决定数量}", "  decisions: []", "[]",
	 "列组“decisions”应为非空列表"},
	{"column_sets:\n", "  decisions:\n    - {label: 本年处理决定数量}", "  decisions: 数量",
	 "数量", "列组“decisions”应为非空列表"},
	{"column_sets:\n", "  decisions:", "  [decisions]:", "[decisions]", "列组的名称应为文字"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{label: 数量, width: 3}", "width",
	 "未知的键“width”"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{key: n}", "{key", "缺少“label”"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{label: ''}", "''",
	 "“label”应为一段非空文字"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{label: 数量, type: date}", "date",
	 "列的类型只能是 count 或 money"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{label: 数量, type: text}", "text}",
	 "列的类型只能是 count 或 money"},
	{"decisions:\n", "{label: 本年处理决定数量}", "{label: 数量, total: yes}", "yes",
	 "“total”应为 true 或 false"},
	{"documents:\n", "{key: issued,", "{key: Issued,", "{key: Issued", "列的键“Issued”不合法"},
	{"documents:\n", "{key: issued,", "{key: 1st,", "{key: 1st", "列的键“1st”不合法"},
	{"documents:\n", "{key: repealed,", "{key: issued,", "issued, label: 本年废止",
	 "列组“documents”中列的键“issued”重复"},
	{"applicants:\n", "groups: [申请人情况]", "groups: 申请人情况", "申请人情况",
	 "groups 应为列表"},
	{"applicants:\n", "groups: [申请人情况]", "groups: [[申请人情况]]", "[申请人情况]]",
	 "列的分组名应为文字"},
	/* sections */
	{NULL, "sections:\n\1\n# 勾稽关系", "sections: []\n", "[]", "sections 应为非空列表"},
	{NULL, "sections:\n\1\n# 勾稽关系", "sections: {}\n", "{}", "sections 应为非空列表"},
	{"sections:\n", "    title: 总体情况\n", "    title: 总体情况\n    note: x\n", "note",
	 "未知的键“note”"},
	{"sections:\n", "  - number: 一\n    title", "  - title", "title: 总体情况",
	 "缺少“number”"},
	{"sections:\n", "    title: 总体情况\n", "", "number: 一", "缺少“title”"},
	{"sections:\n", "    title: 总体情况\n    items:\n      - text: text.overview\n",
	 "    title: 总体情况\n", "number: 一", "第一部分的 items 应为非空列表"},
	{"sections:\n", "items:\n      - text: text.overview", "items: []", "number: 一",
	 "第一部分的 items 应为非空列表"},
	{"sections:\n", "- text: text.overview", "- label: 总体", "label: 总体",
	 "每一项应是 text 或 table"},
	{"sections:\n", "- text: text.overview", "- {text: text.overview, size: 3}", "size",
	 "未知的键“size”"},
	{"sections:\n", "- text: text.overview", "- text: ''", "''", "“text”应为一段非空文字"},
	{"sections:\n", "- text: text.overview", "- text: text.Overview", "text.Overview",
	 "“text.Overview”中的键不合法"},
	{"sections:\n", "- text: text.overview", "- text: text..overview", "text..overview",
	 "“text..overview”中的键不合法"},
	{"sections:\n", "- text: text.overview", "- text: organ", "organ", "保留的键“organ”"},
	{"number: 六\n", "- text: text.other", "- text: text.overview", "text.overview",
	 "数据路径“text.overview”重复"},
	{"number: 五\n", "- text: text.problems", "- text: text.overview.x", "text.overview.x",
	 "数据路径“text.overview.x”与另一格的路径冲突"},
	{"sections:\n", "- text: text.overview", "- text: proactive.fees",
	 "proactive.fees, label: 行政事业性收费", "数据路径“proactive.fees”重复"},
	{"sections:\n", "- text: text.overview", "- {text: text.overview, label: [a]}", "[a]",
	 "“label”应为一段非空文字"},
	/* tables */
	{"table: proactive_licensing\n", "store: scalar", "store: scalar\n        width: 3",
	 "width", "未知的键“width”"},
	{"- table: proactive_licensing\n", "- table: proactive_licensing\n",
	 "- table: proactive_documents\n",
	 "table: proactive_documents\n        title: 第二十条第（五）项",
	 "表格名“proactive_documents”重复"},
	{"- table: proactive_licensing\n", "- table: proactive_licensing", "- table: ''", "''",
	 "“table”应为一段非空文字"},
	{"table: proactive_licensing\n", "columns: decisions", "columns: nope", "nope",
	 "没有名为“nope”的列组"},
	{"table: proactive_licensing\n", "        columns: decisions\n", "",
	 "table: proactive_licensing", "缺少“columns”"},
	{"table: proactive_licensing\n", "store: scalar", "store: list", "list",
	 "store 只能是 sequence、map 或 scalar"},
	{"table: proactive_licensing\n", "        store: scalar\n", "",
	 "table: proactive_licensing", "缺少“store”"},
	{"table: proactive_licensing\n", "columns: decisions", "columns: documents",
	 "table: proactive_licensing", "store: scalar 的表格只能有一列"},
	{"table: requests\n", "store: sequence", "store: map", "table: requests",
	 "store: map 的表格每一列都要有 key"},
	{"table: appeals\n", "print: one_row", "print: one_column", "one_column",
	 "print 只能是 rows 或 one_row"},
	{"table: proactive_licensing\n", "title: 第二十条第（五）项", "title: [a]", "[a]",
	 "“title”应为一段非空文字"},
	{"table: proactive_licensing\n", "label_header: 信息内容", "label_header: ''", "''",
	 "“label_header”应为一段非空文字"},
	{"table: proactive_licensing\n",
	 "        rows:\n          - {path: proactive.licensing, label: 行政许可}\n", "",
	 "table: proactive_licensing", "表格“proactive_licensing”缺少 rows"},
	{"table: proactive_licensing\n",
	 "        rows:\n          - {path: proactive.licensing, label: 行政许可}\n",
	 "        rows: []\n", "[]", "表格“proactive_licensing”的 rows 应为非空列表"},
	{"table: proactive_licensing\n", "{path: proactive.licensing, label: 行政许可}",
	 "{path: proactive.licensing, label: 行政许可, width: 3}", "width", "未知的键“width”"},
	{"table: proactive_licensing\n", "{path: proactive.licensing, label: 行政许可}",
	 "{path: proactive.licensing}", "{path: proactive.licensing}", "缺少“label”"},
	{"table: proactive_licensing\n", "{path: proactive.licensing, label: 行政许可}",
	 "{label: 行政许可}", "{label: 行政许可}", "行“行政许可”缺少 path"},
	{"table: proactive_licensing\n", "{path: proactive.licensing,",
	 "{path: proactive.Licensing,", "proactive.Licensing", "不合法"},
	{"table: proactive_licensing\n", "{path: proactive.licensing,", "{path: proactive.fees,",
	 "proactive.fees, label: 行政事业性收费", "数据路径“proactive.fees”重复"},
	{"table: proactive_licensing\n", "{path: proactive.licensing,", "{path: year,", "year",
	 "保留的键“year”"},
	{"table: proactive_licensing\n", "{path: proactive.licensing,",
	 "{path: proactive.penalty.x,", "proactive.penalty, label: 行政处罚",
	 "数据路径“proactive.penalty”与另一格的路径冲突"},
	{"table: proactive_licensing\n", "label: 行政许可}", "label: 行政许可, total: 1}", "1}",
	 "“total”应为 true 或 false"},
	{"label: （三）不予公开\n", "path: requests.denied\n", "path: requests.unavailable\n",
	 "requests.unavailable",
	 "分组“（三）不予公开”的 path“requests.unavailable”不是其下各行的上级"},
	{"label: （三）不予公开\n", "path: requests.denied\n", "path: requests.new\n",
	 "requests.new", "不是其下各行的上级"},
	{"label: （三）不予公开\n", "path: requests.denied\n\1              - label: （四）",
	 "path: requests.denied\n                rows: []\n", "[]", "的 rows 应为非空列表"},
	{"table: proactive_licensing\n", "- {path: proactive.licensing, label: 行政许可}",
	 "- {label: a, rows: [{label: b, rows: [{label: c, rows: [{label: d, rows: [{label: e, rows: "
	 "[{label: f, rows: [{path: proactive.licensing, label: 行政许可}]}]}]}]}]}]}",
	 "{label: f", "嵌套层次太深"},
	/* rules */
	{"unless the two", "\nrules:\n\1", "\nrules: {}\n", "{}", "rules 应为列表"},
	{"- id: requests.balance\n", "    severity: error\n", "    severity: error\n    level: 1\n",
	 "level", "未知的键“level”"},
	{"- id: requests.balance\n", "    severity: error\n",
	 "    severity: error\n    severity: error\n", "severity: error\n    each",
	 "键“severity”重复"},
	{"rules:\n", "  - id: requests.balance\n    severity", "  - severity", "severity: error",
	 "缺少“id”"},
	{"- id: requests.balance\n", "    severity: error\n", "", "id: requests.balance",
	 "缺少“severity”"},
	{"- id: requests.balance\n", "severity: error", "severity: fatal", "fatal",
	 "severity 只能是 error 或 warning"},
	{"- id: requests.balance\n", "severity: error", "severity: ''", "''",
	 "“severity”应为一段非空文字"},
	{"- id: requests.balance\n", "    message: \"", "    messag: \"", "messag",
	 "未知的键“messag”"},
	{"- id: requests.total\n", "- id: requests.total", "- id: requests.balance",
	 "requests.balance\n    severity: error\n    each: column\n    table: requests\n    assert: requests.total",
	 "规则 id“requests.balance”重复"},
	{"- id: requests.balance\n", "message: \"{column}", "message: \"{column}{foo}",
	 "\"{column}",
	 "“{foo}”不是可用的名称，可用的是 {cell}、{row}、{column}、{left}、{right}、{diff}"},
	{"- id: requests.balance\n", "message: \"{column}\1\n", "message: \"{column\"", "\"{column",
	 "“{”后面没有对应的“}”"},
	{"- id: requests.balance\n", "message: \"{column}", "message: \"{column}}", "\"{column",
	 "“}”前面没有对应的“{”"},
	{"- id: value.count\n", "message: \"", "message: \"{left}", "\"{left}",
	 "可用的是 {cell}、{problem}"},
	{"- id: text.required\n", "message: \"", "message: \"{diff}", "\"{diff}",
	 "可用的是 {cell}、{row}、{column}"},
	{"- id: text.required\n", "message: \"", "message: \"{problem}", "\"{problem}",
	 "“{problem}”不是可用的名称"},
	{"- id: requests.balance\n", "each: column", "each: cell", "cell\n",
	 "each 只能是 column 或 row"},
	{"- id: requests.balance\n", "    each: column\n", "", "table: requests",
	 "table 需要 each"},
	{"- id: requests.balance\n", "    table: requests\n", "", "each: column",
	 "each 需要 table"},
	{"- id: requests.balance\n", "table: requests", "table: request", "request\n",
	 "没有名为“request”的表格"},
	{"- id: requests.balance\n", "requests.new[$c] +", "requests.neww[$c] +", "requests.neww",
	 "“requests.neww[$c]”不是任何一格的数据路径"},
	{"- id: requests.balance\n", "requests.new[$c] +", "prev:requests.neww[$c] +",
	 "prev:requests.neww", "“prev:requests.neww[$c]”不是任何一格的数据路径"},
	{"- id: requests.total\n", "requests.denied.*[$c]", "requests.refused.*[$c]",
	 "requests.total[$c] =", "“requests.refused.*[$c]”不是任何一格的数据路径"},
	{"- id: requests.row_sum\n", "each: row", "each: column",
	 "$row[6] =", "“$row”只能用于 each: row 的规则"},
	{"- id: requests.balance\n", "each: column", "each: row", "requests.new[$c]",
	 "“$c”只能用于 each: column 的规则"},
	{"- id: requests.row_sum\n", "cell: $row[6]", "cell: $c", "$c\n",
	 "“$c”只能用于 each: column 的规则"},
	{"- id: carry.in_force\n", "$row.in_force =", "$row.in_forc =", "$row.in_forc",
	 "“$row.in_forc”在行“规章”找不到数据格 proactive.regulations.in_forc"},
	{"- id: requests.balance\n", "cell: requests.carried_out[$c]", "cell: requests.carried[$c]",
	 "requests.carried[", "“requests.carried[$c]”不是任何一格的数据路径"},
	{"- id: requests.balance\n", "cell: requests.carried_out[$c]", "cell: text.nothing",
	 "text.nothing", "“text.nothing”不是任何一格的数据路径"},
	{"- id: requests.balance\n", "    severity:", "    needs: previous\n    severity:", "needs",
	 "写了 needs: previous，但算式没有用到 prev:"},
	{"- id: requests.balance\n", "    severity: error\n",
	 "    needs: last\n    severity: error\n", "last", "needs 只能是 previous"},
	{"- id: requests.balance\n", "requests.new[$c] +", "prev:requests.new[$c] +",
	 "prev:requests.new", "用到了上年报告（prev:），需要写 needs: previous"},
	{"- id: carry.requests\n", "    needs: previous\n", "    needs: previous\n    fill: true\n",
	 "fill", "规则 carry.requests 用到上年报告，不能写 fill: true"},
	{"- id: carry.in_force\n", "    each: row\n", "    each: row\n    fill: true\n", "fill",
	 "规则 carry.in_force 用到上年报告，不能写 fill: true"},
	{"- id: requests.total\n", "fill: true", "fill: 1", "1\n", "“fill”应为 true 或 false"},
	{"- id: text.required\n", "severity: warning", "severity: warning\n    fill: true", "fill",
	 "fill 只用于有 assert 的规则"},
	{"- id: value.count\n", "severity: error", "severity: error\n    each: row", "each",
	 "each 只用于有 assert 的规则"},
	{"- id: text.rewrite\n", "severity: warning", "severity: warning\n    needs: previous",
	 "needs", "needs 只用于有 assert 的规则"},
	{"- id: text.required\n", "severity: warning", "severity: warning\n    cell: text.overview",
	 "cell", "cell 只用于有 assert 的规则"},
	{"- id: requests.balance\n", "    cell:", "    required: [text.overview]\n    cell:",
	 "required", "已有 assert，不能再有 required"},
	{"- id: text.required\n", "    message:", "    value_type: count\n    message:",
	 "value_type", "已有 required，不能再有 value_type"},
	{"- id: requests.balance\n",
	 "    assert: requests.new[$c] + requests.carried_in[$c] = requests.total[$c] + requests.carried_out[$c]\n",
	 "", "id: requests.balance",
	 "需要 assert、required、texts、value_type、phrases、changes 或 repeat 之一"},
	{"- id: value.count\n", "value_type: count", "value_type: text", "text\n",
	 "value_type 只能是 count 或 money"},
	{"- id: text.required\n", "[text.overview, text.problems]", "[]", "[]",
	 "required 应为非空列表"},
	{"- id: text.required\n", "[text.overview, text.problems]", "text.overview",
	 "text.overview", "required 应为非空列表"},
	{"- id: text.required\n", "[text.overview, text.problems]",
	 "[text.overview, [text.problems]]", "[text.problems]", "required 的每一项应为数据路径"},
	{"- id: text.required\n", "[text.overview, text.problems]", "[text.overview, text.problem]",
	 "text.problem]", "required 中的“text.problem”不是任何一格的数据路径"},
	/* label_breaks */
	{NULL, "label_breaks:\n\1\n\n", "label_breaks: {a: b}\n\n", "{a: b}",
	 "label_breaks 应为列表"},
	{"label_breaks:\n", "  - 商业|企业", "  - 商业企业", "商业企业",
	 "label_breaks 的每一项应是用“|”标出断行处的表头文字"},
	{"label_breaks:\n", "  - 商业|企业", "  - [商业|企业]", "[商业",
	 "label_breaks 的每一项应是用“|”标出断行处的表头文字"},
	{"label_breaks:\n", "  - 商业|企业", "  - 商业||企业", "商业||企业",
	 "“商业||企业”中的“|”应在两个字之间"},
	{"label_breaks:\n", "  - 商业|企业", "  - '|商业企业'", "'|商业企业'",
	 "“|商业企业”中的“|”应在两个字之间"},
	{"label_breaks:\n", "  - 商业|企业", "  - 商业企业|", "商业企业|", "应在两个字之间"},
	{"label_breaks:\n", "  - 商业|企业", "  - 商业|公司", "商业|公司",
	 "“商业|公司”去掉“|”后不是任何表格中的文字"},
	{"label_breaks:\n", "  - 商业|企业", "  - 商业|企业\n  - 商|业企业", "商|业企业",
	 "“商|业企业”的断行处重复给出"},
	{"- id: text.required\n", "[text.overview, text.problems]",
	 "[text.overview, proactive.fees]", "proactive.fees",
	 "required 中的“proactive.fees”不是正文格"},
	{"- id: text.rewrite\n", "texts: [text.overview,", "texts: [\"requests.new[0]\",",
	 "\"requests.new[0]\"", "texts 中的“requests.new[0]”不是正文格"},
	{"- id: text.rewrite\n", "    forbidden: \"【待改写】\"\n", "", "id: text.rewrite",
	 "规则 text.rewrite：forbidden 和 texts 要一起写"},
	{"- id: text.rewrite\n", "forbidden: \"【待改写】\"", "forbidden: ''", "''",
	 "“forbidden”应为一段非空文字"},
	{"- id: text.placeholder\n", "forbidden: [\"【待核实\"", "forbidden: [\"\"", "\"\", \"XX\"",
	 "“forbidden”的每一项应为一段非空文字"},
	{"- id: text.placeholder\n", "forbidden: [\"【待核实\"", "forbidden: [[a]", "[a]",
	 "“forbidden”的每一项应为一段非空文字"},
	{"- id: text.placeholder\n", "forbidden: [\"【待核实\"", "forbidden: [\"  \"", "\"  \"",
	 "“forbidden”的一项只有空格"},
	{"- id: text.rewrite\n", "forbidden: \"【待改写】\"", "forbidden: []", "[]",
	 "forbidden 应为一段文字或非空列表"},
	{"- id: text.rewrite\n", "message: \"", "message: \"{left}", "\"{left}",
	 "可用的是 {cell}、{row}、{column}、{found}"},
	/* the audit rules: each key with its own kind, cross-year ones saying so */
	{"- id: text.numbers\n", "    gap: 12\n", "    gap: 12\n    factor: 3\n", "factor",
	 "factor 只用于有 changes 的规则"},
	{"- id: text.numbers\n", "gap: 12", "gap: 41", "41", "gap 应为 1 到 40 个字"},
	{"- id: text.numbers\n", "    gap: 12\n", "    gap: 12\n    forbidden: XX\n", "forbidden",
	 "forbidden 只用于只有 texts 的规则"},
	{"- id: text.numbers\n", "    gap: 12\n", "    gap: 12\n    fill: true\n", "fill",
	 "fill 只用于有 assert 的规则"},
	{"- id: text.numbers\n", "    gap: 12\n", "    gap: 12\n    needs: previous\n", "needs",
	 "不用上年报告，不能写 needs"},
	{"- id: text.numbers\n", "    texts: [text.overview, text.problems, text.other]\n", "",
	 "id: text.numbers", "phrases 要和 texts（核对哪些正文）一起写"},
	{"- id: text.year\n", "    phrases:\n      - match: \"{year} 年度|年 ，|,|全年|共|我\"\n",
	 "    phrases: []\n", "[]", "phrases 应为非空列表"},
	{"- id: text.numbers\n", "{match: \"上年结转", "{size: 1, match: \"上年结转", "size",
	 "未知的键“size”"},
	{"- id: text.numbers\n", "{match: \"上年结转 … {n} 件|宗\", ", "{", "{value: \"requests",
	 "缺少“match”"},
	{"- id: text.year\n", "    message: \"", "    message: \"{left}", "\"{left}",
	 "可用的是 {cell}、{text}、{written}、{value}、{quantity}、{year}"},
	{"- id: text.repeat\n", "    needs: previous\n", "", "id: text.repeat",
	 "规则 text.repeat 与上年报告比较，需要写 needs: previous"},
	{"- id: text.repeat\n", "repeat: 50", "repeat: 101", "101",
	 "repeat 应为 1 到 100 的百分数"},
	{"- id: text.repeat\n", "repeat: 50", "repeat: 0", "0\n", "repeat 应为 1 到 100 的百分数"},
	{"- id: text.repeat\n", "    message: \"", "    message: \"{left}", "\"{left}",
	 "可用的是 {cell}、{share}"},
	{"- id: plausibility.change\n", "    factor: 100\n", "", "id: plausibility.change",
	 "changes 需要 factor（至少 2）和 by（至少 1）"},
	{"- id: plausibility.change\n", "      - requests.new[6]\n", "      - requests.neww[6]\n",
	 "requests.neww", "“requests.neww[6]”不是任何一格的数据路径"},
	{"- id: plausibility.change\n", "    factor: 100\n",
	 "    factor: 100\n    texts: [text.other]\n", "changes:", "已有 texts，不能再有 changes"},
	{"- id: plausibility.change\n", "    changes:\n", "    repeat: 3\n    changes:\n", "repeat",
	 "已有 changes，不能再有 repeat"},
};

static void test_refused(void **state)
{
	size_t bad = 0;
	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		size_t anchor;
		char *text = mutate(refusals[i].after, refusals[i].from, refusals[i].to, &anchor);
		int line, column;
		position_of(text, anchor, refusals[i].at, &line, &column);
		struct form_error err;
		struct form *f = form_parse(text, strlen(text), &err);
		if (f) {
			print_error("case %zu (%s): accepted\n", i, refusals[i].to);
			bad++;
			form_free(f);
		} else if (!strstr(err.message, refusals[i].message)) {
			print_error("case %zu (%s): \"%s\" lacks \"%s\"\n", i, refusals[i].to,
				    err.message, refusals[i].message);
			bad++;
		} else if (err.line != line || err.column != column) {
			print_error("case %zu (%s): \"%s\" at %d:%d, expected %d:%d\n", i,
				    refusals[i].to, err.message, err.line, err.column, line,
				    column);
			bad++;
		}
		free(err.message);
		free(text);
	}
	assert_int_equal(bad, 0);
}

/* What only the rules compiler can see (indices, sums, cycles) is refused
 * there, naming the rule and the line it starts on. */
static void test_refused_by_compiler(void **state)
{
	static const struct {
		const char *after, *from, *to, *at, *message;
	} cases[] = {
		{"- id: requests.balance\n", "requests.new[$c] +", "requests.new[9] +",
		 "- id: requests.balance", "规则 requests.balance：找不到数据格：requests.new[9]"},
		{"- id: requests.row_sum\n", "$row[0..5]", "$row[5..0]", "- id: requests.row_sum",
		 "下标写得不对"},
		{"- id: requests.row_sum\n", "$row[0..5]", "$row[0..5", "- id: requests.row_sum",
		 "下标写得不对"},
		{"- id: requests.row_sum\n", "$row[0..5]", "$row[0..5] $row[0]",
		 "- id: requests.row_sum", "缺少“+”或“-”"},
		{"- id: requests.row_sum\n", "$row[0..5]", "$row[0..5] = $row[0]",
		 "- id: requests.row_sum", "只能有一个“=”"},
		{"- id: requests.row_sum\n", "$row[6] = $row[0..5]", "$row[6] + $row[0..5]",
		 "- id: requests.row_sum", "算式应为“左边 = 右边”"},
		{"- id: requests.row_sum\n", "$row[0..5]", "$row[0..5] +", "- id: requests.row_sum",
		 "算式应为"},
		{"- id: requests.total\n", "requests.denied.*[$c]", "requests.denied.*",
		 "- id: requests.total", "“.*”后面要写下标"},
		{"- id: requests.row_sum\n", "cell: $row[6]", "cell: $row[7]",
		 "- id: requests.row_sum", "cell 找不到"},
		{"- id: requests.row_sum\n", "$row[6] = $row[0..5]", "$row[0..5] = $row[6]",
		 "- id: requests.row_sum", "fill 要求算式左边只有 cell 这一格"},
		{"- id: requests.total\n", "requests.total[$c] =",
		 "requests.total[$c] + text.overview =", "- id: requests.total",
		 "算式中不能有正文格"},
		{"- id: requests.balance\n", "    cell: requests.carried_out[$c]\n",
		 "    cell: requests.carried_out[$c]\n    fill: true\n", "- id: requests.balance",
		 "fill 要求"},
		/* phrases: the pattern, and the cells it names */
		{"- id: text.numbers\n", "上年结转 … {n} 件|宗", "上年结转 … …",
		 "- id: text.numbers", "“…”不能在开头，也不能连写"},
		{"- id: text.numbers\n", "上年结转 … {n} 件|宗", "上年结转 {n} {n}",
		 "- id: text.numbers", "只能有一个 {n} 或 {year}"},
		{"- id: text.numbers\n", "requests.carried_in[6]", "requests.carried_in[9]",
		 "- id: text.numbers", "找不到数据格：requests.carried_in[9]"},
		{"- id: text.numbers\n", "requests.carried_in[6]", "proactive.fees",
		 "- id: text.numbers", "value 只能是件数格"},
		{"- id: text.numbers\n", ", value: \"requests.carried_in[6]\"", "",
		 "- id: text.numbers", "匹配式要写 value"},
		{"- id: text.year\n", "match: \"{year} 年度", "match: \"{n} 年度",
		 "- id: text.year", "匹配式要写 value"},
		{"- id: text.numbers\n",
		 "        label: 行政诉讼（未经复议直接起诉与复议后起诉）的总计\n", "",
		 "- id: text.numbers", "几格之和要写 label"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t anchor;
		char *text = mutate(cases[i].after, cases[i].from, cases[i].to, &anchor);
		int line, column;
		position_of(text, 0, cases[i].at, &line, &column);
		struct form_error err;
		struct form *f = form_parse(text, strlen(text), &err);
		if (!f)
			fail_msg("case %zu (%s): refused at load: %s", i, cases[i].to, err.message);
		char *error = NULL;
		struct rules *r = rules_compile(f, &error);
		if (r)
			fail_msg("case %zu (%s): compiled", i, cases[i].to);
		char *where = malloc(64);
		snprintf(where, 64, "表格定义第 %d 行", line);
		if (!strstr(error, cases[i].message) || !strstr(error, where))
			fail_msg("case %zu (%s): \"%s\" lacks \"%s\" or \"%s\"", i, cases[i].to,
				 error, where, cases[i].message);
		free(where);
		free(error);
		form_free(f);
		free(text);
	}
	/* a total derived from itself */
	size_t anchor;
	char *text = mutate("- id: appeals.row_sum\n", "$row[4] = $row[0..3]",
			    "$row[4] = $row[0..3] + $row[4] - $row[4]", &anchor);
	struct form_error err;
	struct form *f = form_parse(text, strlen(text), &err);
	assert_non_null(f);
	char *error = NULL;
	assert_null(rules_compile(f, &error));
	assert_non_null(strstr(error, "合计之间互相依赖，形成了循环"));
	free(error);
	form_free(f);
	free(text);
}

/* A message about a very long label is whole, not cut inside a character. */
static void test_long_label_in_message(void **state)
{
	(void)state;
	char *label = malloc(3 * 3000 + 1);
	label[0] = '\0';
	for (int i = 0; i < 3000; i++)
		strcat(label, i % 2 ? "款" : "条");
	size_t anchor;
	char *to = malloc(strlen(label) + 64);
	sprintf(to, "{label: %s}", label);
	char *text = mutate("table: proactive_licensing\n",
			    "{path: proactive.licensing, label: 行政许可}", to, &anchor);
	struct form_error err;
	assert_null(form_parse(text, strlen(text), &err));
	char *want = malloc(strlen(label) + 64);
	sprintf(want, "行“%s”缺少 path", label);
	assert_string_equal(err.message, want);
	free(err.message);
	free(want);
	free(text);
	free(to);
	free(label);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_paths),
		cmocka_unit_test(test_headings_and_labels),
		cmocka_unit_test(test_every_design_rule_is_declared),
		cmocka_unit_test(test_good_values),
		cmocka_unit_test(test_loaded_values),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_refused_by_compiler),
		cmocka_unit_test(test_long_label_in_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
