/* Acknowledged warnings: they round-trip through save and load in the
 * canonical layout, mark the warning's message, lapse when the cell
 * changes, and are refused for errors and for anything the form does not
 * know. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ack.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "report.h"
#include "report_save.h"
#include "rules.h"
#include "support.h"
#include "xalloc.h"

/* The first failure of rule, or NULL (out keeps it). */
static const struct rule_failure *failure_of(const struct report *r, const char *rule,
					     struct rule_outcome *out)
{
	const struct rules *rules = test_form()->rules;
	rules_evaluate(rules, r, NULL, out);
	for (size_t i = 0; i < out->count; i++)
		if (strcmp(rules_failure_rule(rules, &out->failures[i]), rule) == 0)
			return &out->failures[i];
	return NULL;
}

/* The report with a figure in 一 that disagrees with table 三 (36 new). */
static struct report *disagreeing(void)
{
	struct report *r = test_load("example-2024.yaml");
	const char *text = "全年新收政府信息公开申请40件，含转办的4件。";
	report_set_text(r, test_cell("text.overview"), text, strlen(text));
	return r;
}

static void test_round_trip(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = disagreeing();
	ack_set(r, "text.numbers", test_cell("text.overview"), "含上级转办的 4 件, 已核对");
	ack_set(r, "text.other", test_cell("text.other"), "本年无其他事项");
	size_t len;
	char *text = report_format(r, &len);
	/* last, one entry per line, a text's value as its fingerprint */
	const char *tail = strstr(text, "acknowledged:");
	assert_non_null(tail);
	assert_non_null(strstr(tail, "\n  - {rule: text.numbers, path: text.overview, reason: "
				     "\"含上级转办的 4 件, 已核对\", value: \"#"));
	assert_non_null(strstr(tail, "\n  - {rule: text.other, path: text.other, reason: "
				     "本年无其他事项, value: \"#"));
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *back = test_load_text(text, &diags);
	assert_non_null(back);
	assert_int_equal(diags.count, 0);
	assert_true(report_equal(r, back));
	size_t len2;
	char *again = report_format(back, &len2);
	assert_string_equal(text, again);
	free(again);

	/* the warning is still there, its message marked with the reason */
	struct rule_outcome out = {0};
	const struct rule_failure *f = failure_of(back, "text.numbers", &out);
	assert_non_null(f);
	assert_string_equal(rules_failure_acknowledged(rules, back, f),
			    "含上级转办的 4 件, 已核对");
	char *msg = rules_failure_message(rules, back, f);
	assert_non_null(strstr(msg, "为 36（已核实：含上级转办的 4 件, 已核对）"));
	free(msg);
	diag_list_clear(&diags);
	rules_diagnose(rules, back, NULL, &diags);
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "（已核实："));

	/* the text changes: the acknowledgement lapses, the warning is plain again */
	const char *other = "全年新收政府信息公开申请41件。";
	report_set_text(back, test_cell("text.overview"), other, strlen(other));
	f = failure_of(back, "text.numbers", &out);
	assert_non_null(f);
	assert_null(rules_failure_acknowledged(rules, back, f));
	msg = rules_failure_message(rules, back, f);
	assert_null(strstr(msg, "已核实"));
	free(msg);
	/* acknowledged again: the entry is replaced, not added */
	ack_set(back, "text.numbers", test_cell("text.overview"), "再次核对");
	assert_int_equal(back->nacks, 2);
	f = failure_of(back, "text.numbers", &out);
	assert_string_equal(rules_failure_acknowledged(rules, back, f), "再次核对");
	rule_outcome_fini(&out);
	diag_list_fini(&diags);
	report_free(back);
	free(text);
	report_free(r);
}

static void test_counts_lapse(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	size_t cell = test_cell("proactive.licensing");
	char *value = ack_value(r, cell);
	char want[32];
	snprintf(want, sizeof want, "%lld", (long long)r->numbers[cell]);
	assert_string_equal(value, want);
	free(value);
	ack_set(r, "plausibility.change", cell, "新增审批事项");
	assert_non_null(ack_find(r, "plausibility.change", cell));
	assert_null(ack_find(r, "text.numbers", cell));
	r->numbers[cell]++;
	assert_null(ack_find(r, "plausibility.change", cell));
	value = ack_value(r, test_cell("proactive.fees"));
	assert_non_null(strchr(value, '.')); /* money as written: 4 decimals */
	free(value);
	report_free(r);
}

static void test_refused(void **state)
{
	(void)state;
	static const struct {
		const char *entry;
		const char *message;
	} cases[] = {
		{"  - {rule: requests.balance, path: \"requests.carried_out[0]\", reason: x, value: \"1\"}\n",
		 "这条规则是错误，不能标为已核实"},
		{"  - {rule: text.nothing, path: text.overview, reason: x, value: \"1\"}\n",
		 "rule 不是本报告格式的规则"},
		{"  - {rule: text.numbers, path: text.summary, reason: x, value: \"1\"}\n",
		 "path 不是本报告格式的数据格"},
		{"  - {rule: text.numbers, path: text.overview, reason: \"\", value: \"1\"}\n",
		 "reason（核实的理由）不能为空"},
		{"  - {rule: text.numbers, path: text.overview, reason: \"a\\nb\", value: \"1\"}\n",
		 "不能含有换行或控制字符"},
		{"  - {rule: text.numbers, path: text.overview, value: \"1\"}\n",
		 "已核实的警告缺少键“reason”"},
		{"  - {rule: text.numbers, path: text.overview, reason: x, value: \"1\", by: me}\n",
		 "未知的键“by”"},
		{"  - text.numbers\n", "每一项应为 {rule: …, path: …, reason: …, value: …}"},
		{"  {rule: text.numbers}\n", "应为一个列表"},
	};
	size_t len;
	char *base = test_read_data("example-2024.yaml", &len);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = xasprintf("%sacknowledged:\n%s", base, cases[i].entry);
		struct diag_list diags;
		diag_list_init(&diags);
		struct report *r = test_load_text(text, &diags);
		bool found = false;
		for (size_t j = 0; j < diags.count; j++)
			found = found || strstr(diags.items[j].message, cases[i].message);
		if (r || !found)
			fail_msg("case %zu: %s, %zu diagnostics, first %s", i,
				 r ? "loaded" : "refused", diags.count,
				 diags.count ? diags.items[0].message : "-");
		diag_list_fini(&diags);
		free(text);
	}
	free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_counts_lapse),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
