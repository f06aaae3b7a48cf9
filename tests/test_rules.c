/* The rules of the 2021 form: silent on a correct report; each failure
 * names its rule and the exact cell; derived totals follow their parts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "forms_builtin.h"
#include "report.h"
#include "rules.h"
#include "support.h"
#include "xalloc.h"

/* When set, expect() looks only at the failures of this rule: a test of
 * one rule on real sentences, which other rules may also read. */
static const char *expect_only;

/* Drops from out the failures of rules other than expect_only. */
static void keep_only(const struct rules *rules, struct rule_outcome *out)
{
	size_t kept = 0;
	for (size_t i = 0; i < out->count; i++)
		if (!expect_only ||
		    strcmp(rules_failure_rule(rules, &out->failures[i]), expect_only) == 0)
			out->failures[kept++] = out->failures[i];
	out->count = kept;
}

/* Asserts that evaluating report gives exactly the failures listed as
 * "rule@path" strings, in any order. */
static void expect(const struct report *r, const struct report *prev, const char *const *want,
		   size_t nwant)
{
	const struct rules *rules = test_form()->rules;
	const struct form *f = test_form()->form;
	struct rule_outcome out = {0};
	rules_evaluate(rules, r, prev, &out);
	keep_only(rules, &out);
	/* as many as there are failures, each as long as it is */
	char **got = calloc(out.count + 1, sizeof *got);
	for (size_t i = 0; i < out.count; i++) {
		struct buf one;
		buf_init(&one);
		buf_addf(&one, "%s@%s", rules_failure_rule(rules, &out.failures[i]),
			 f->cells[rules_failure_cell(rules, &out.failures[i])].path);
		got[i] = buf_take(&one);
	}
	for (size_t i = 0; i < nwant; i++) {
		bool found = false;
		for (size_t j = 0; j < out.count; j++)
			found = found || strcmp(got[j], want[i]) == 0;
		if (!found)
			fail_msg("missing failure %s (got %zu failures, first %s)", want[i],
				 out.count, out.count ? got[0] : "-");
	}
	if (out.count != nwant)
		fail_msg("%zu failures, expected %zu; first: %s", out.count, nwant,
			 out.count ? got[0] : "-");
	for (size_t i = 0; i < out.count; i++)
		free(got[i]);
	free(got);
	rule_outcome_fini(&out);
}

#define EXPECT(r, prev, ...)                                            \
	do {                                                            \
		const char *const want_[] = {__VA_ARGS__};              \
		expect(r, prev, want_, sizeof want_ / sizeof want_[0]); \
	} while (0)
#define EXPECT_NONE(r, prev) expect(r, prev, NULL, 0)

static void set(struct report *r, const char *path, int64_t v)
{
	r->numbers[test_cell(path)] = v;
}

static void test_correct_reports_are_silent(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	EXPECT_NONE(r, NULL);
	report_free(r);
	/* seed 003's 六 says only "无", not whether 信息处理费 was charged:
	 * true, and the only finding */
	r = test_load("seed-003.yaml");
	EXPECT(r, NULL, "text.fees@text.other");
	report_free(r);
	/* seed 000 was published with 六 left empty: true, and the only finding */
	r = test_load("seed-000.yaml");
	EXPECT(r, NULL, "text.other@text.other");
	report_free(r);
}

static void test_balance(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	set(r, "requests.carried_out[2]", 1);
	set(r, "requests.carried_out[6]", 3);
	EXPECT(r, NULL, "requests.balance@requests.carried_out[2]",
	       "requests.balance@requests.carried_out[6]");
	report_free(r);
}

static void test_total(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	set(r, "requests.total[0]", 30);
	/* the total row's own 总计 then disagrees with its parts as well */
	EXPECT(r, NULL, "requests.total@requests.total[0]", "requests.row_sum@requests.total[6]",
	       "requests.balance@requests.carried_out[0]");
	report_free(r);
}

static void test_row_sum(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	set(r, "requests.denied.third_party[6]", 2);
	EXPECT(r, NULL, "requests.row_sum@requests.denied.third_party[6]",
	       "requests.total@requests.total[6]");
	report_free(r);
	r = test_load("example-2024.yaml");
	set(r, "requests.new[3]", 2); /* 社会公益组织 */
	EXPECT(r, NULL, "requests.row_sum@requests.new[6]",
	       "requests.balance@requests.carried_out[3]");
	report_free(r);
}

static void test_appeals_row_sum(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	set(r, "appeals.litigation_after_review[3]", 4);
	EXPECT(r, NULL, "appeals.row_sum@appeals.litigation_after_review[4]");
	report_free(r);
}

static void test_text_required(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	report_set_text(r, test_cell("text.problems"), "　\n ", 5);
	report_set_text(r, test_cell("text.other"), "", 0); /* 六 empty: a rule of its own */
	EXPECT(r, NULL, "text.required@text.problems", "text.other@text.other");
	const char *fees = "本年度未收取信息处理费。";
	report_set_text(r, test_cell("text.other"), fees, strlen(fees));
	/* NBSP and THIN SPACE, pasted from a web page, are as blank */
	report_set_text(r, test_cell("text.problems"), "\xc2\xa0\t\xe2\x80\x89", 6);
	EXPECT(r, NULL, "text.required@text.problems");
	/* a zero width space is invisible, yet not a space: the text is not
	 * empty (and names neither problems nor improvements) */
	report_set_text(r, test_cell("text.problems"), "\xe2\x80\x8b", 3);
	EXPECT(r, NULL, "text.problems_parts@text.problems", "text.problems_parts@text.problems");
	report_free(r);
}

static void test_text_rewrite(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	const char *marked = "【待改写】以下是上年报告的原文。\n2024年，示例县未收取信息处理费。";
	report_set_text(r, test_cell("text.other"), marked, strlen(marked));
	EXPECT(r, NULL, "text.rewrite@text.other");
	/* the mark taken away, the rule is silent */
	const char *rewritten = "2024年，示例县未收取信息处理费。";
	report_set_text(r, test_cell("text.other"), rewritten, strlen(rewritten));
	EXPECT_NONE(r, NULL);
	report_free(r);
}

/* 五 names problems and improvements, each in words the seeds and
 * published reports use; the message names the part that is missing. */
static void test_problems_parts(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int missing; /* failures */
	} cases[] = {
		{"一是部分单位主动公开意识有待增强。下一步，我县将进一步完善工作机制。", 0},
		{"仍然存在一些问题和不足。针对上述问题，我们将在今后的工作中解决。", 0},
		{"一是机制制度方面有待完善。下步将拓展公开的力度。", 0},
		{"我县政府信息公开工作取得了明显成效。", 2},
		{"存在的问题：政策解读形式单一。", 1},
		{"下一步，我们将加强培训。", 1},
	};
	struct report *r = test_load("example-2024.yaml");
	struct rule_outcome out = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		report_set_text(r, test_cell("text.problems"), cases[i].text,
				strlen(cases[i].text));
		rules_evaluate(test_form()->rules, r, NULL, &out);
		assert_int_equal(out.count, cases[i].missing);
		for (size_t j = 0; j < out.count; j++)
			assert_string_equal(
				rules_failure_rule(test_form()->rules, &out.failures[j]),
				"text.problems_parts");
	}
	report_set_text(r, test_cell("text.problems"), cases[4].text, strlen(cases[4].text));
	rules_evaluate(test_form()->rules, r, NULL, &out);
	char *m = rules_failure_message(test_form()->rules, r, &out.failures[0]);
	assert_non_null(strstr(m, "没有写到“下一步”或“下步”"));
	free(m);
	rule_outcome_fini(&out);
	report_free(r);
}

/* 六 says whether 信息处理费 was charged; saying none was, or that no
 * 收费通知 went out, is flagged only when table 三 counts requests ended
 * for an unpaid fee.  表二's 行政事业性收费 plays no part. */
static void test_fees(void **state)
{
	(void)state;
	static const char *const said_none[] = {
		"本年度未收取信息处理费。",
		"依据《政府信息公开信息处理费管理办法》，我镇没有收取任何信息处理费。",
		"区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。",
		"本年度未发出收费通知。",
	};
	struct report *r = test_load("example-2024.yaml");
	const char *none = "无";
	report_set_text(r, test_cell("text.other"), none, strlen(none));
	EXPECT(r, NULL, "text.fees@text.other");
	for (size_t i = 0; i < sizeof said_none / sizeof said_none[0]; i++) {
		report_set_text(r, test_cell("text.other"), said_none[i], strlen(said_none[i]));
		set(r, "requests.other.unpaid_fee[6]", 0);
		set(r, "proactive.fees", 120000); /* 12 万元 of 行政事业性收费: another thing */
		EXPECT_NONE(r, NULL);
		set(r, "requests.other.unpaid_fee[6]", 2);
		EXPECT(r, NULL, "text.fees_unpaid@text.other",
		       "requests.row_sum@requests.other.unpaid_fee[6]",
		       "requests.total@requests.total[6]");
	}
	/* a fee charged, said so: quiet whatever the table */
	const char *charged = "本年度收取信息处理费10元。";
	report_set_text(r, test_cell("text.other"), charged, strlen(charged));
	EXPECT(r, NULL, "requests.row_sum@requests.other.unpaid_fee[6]",
	       "requests.total@requests.total[6]");
	report_free(r);
}

/* Each stand-in of text.placeholder, in a sentence as offices write them
 * (the seeds' wording), is found and named; the same sentences filled in
 * are silent. */
static void test_text_placeholder(void **state)
{
	static const struct {
		const char *text, *found, *filled;
	} cases[] = {
		{"2021年，XX镇人民政府全年未收到政府信息公开申请。", "XX",
		 "2021年，函谷关镇人民政府全年未收到政府信息公开申请。"},
		{"全年主动公开政府信息××条，其中政策文件××件。", "××",
		 "全年主动公开政府信息3216条，其中政策文件48件。"},
		{"通过县政府门户网站（www.xx.gov.cn）主动公开政府信息。", "xx",
		 "通过县政府门户网站（www.lingbao.gov.cn）主动公开政府信息。"},
		{"某某镇党委、政府高度重视政府政务信息公开工作。", "某某",
		 "函谷关镇党委、政府高度重视政府政务信息公开工作。"},
		{"一是信息公开的内容有待进一步细化明确；二是待补充。", "待补充",
		 "一是信息公开的内容有待进一步细化明确；二是更新不够及时。"},
		{"组织业务培训待填写次，参训人员120人次。", "待填写",
		 "组织业务培训2次，参训人员120人次。"},
		{"（此处填写本年度其他需要报告的事项）", "此处填写", "本年度未收取信息处理费。"},
		{"全年新收政府信息公开申请（ ）件。", "（ ）", "全年新收政府信息公开申请36件。"},
		{"全年新收政府信息公开申请（\xe3\x80\x80\xe3\x80\x80）件。", "（ ）",
		 "全年新收政府信息公开申请（含网上申请）36件。"},
		{"全年新收政府信息公开申请（）件。", "（）", "全年新收政府信息公开申请（一）件。"},
		{"政策解读(   )篇。", "( )", "政策解读(图解3篇)36篇。"},
		{"政策解读()篇。", "()", "政策解读(共36篇)。"},
		{"【待核实：2021年】2021年，我镇政务信息公开工作取得了一定的进展。", "【待核实",
		 "2022年，我镇政务信息公开工作取得了一定的进展。"},
	};
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = test_load("example-2024.yaml");
	size_t cell = test_cell("text.problems");
	/* the sentences name years and counts the audit rules read too */
	expect_only = "text.placeholder";
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		report_set_text(r, cell, cases[i].text, strlen(cases[i].text));
		EXPECT(r, NULL, "text.placeholder@text.problems");
		struct rule_outcome out = {0};
		rules_evaluate(rules, r, NULL, &out);
		keep_only(rules, &out);
		char *msg = rules_failure_message(rules, r, &out.failures[0]);
		char *want = xasprintf("还有“%s”", cases[i].found);
		if (!strstr(msg, want))
			fail_msg("%s: message %s lacks %s", cases[i].text, msg, want);
		free(want);
		free(msg);
		rule_outcome_fini(&out);
		report_set_text(r, cell, cases[i].filled, strlen(cases[i].filled));
		EXPECT_NONE(r, NULL);
	}
	/* brackets across a line break are not left blank; two stand-ins, two failures */
	const char *across = "全年新收申请（\n）件。", *two = "XX镇全年收到申请待填写件。";
	report_set_text(r, cell, across, strlen(across));
	EXPECT_NONE(r, NULL);
	report_set_text(r, cell, two, strlen(two));
	EXPECT(r, NULL, "text.placeholder@text.problems", "text.placeholder@text.problems");
	expect_only = NULL;
	report_free(r);
}

static void test_carry(void **state)
{
	(void)state;
	struct report *prev = test_load("example-2024.yaml");
	struct report *r = test_load("example-2024.yaml");
	r->year = 2025;
	/* this year's carried_in must equal last year's carried_out [1,1,0,0,0,0,2]; the
	 * texts are last year's word for word, and say 2024年，in the 2025 report */
	EXPECT(r, prev, "carry.requests@requests.carried_in[0]",
	       "carry.requests@requests.carried_in[1]",
	       "carry.in_force@proactive.normative.in_force", "text.repeat@text.overview",
	       "text.repeat@text.problems", "text.year@text.overview");
	report_set_text(r, test_cell("text.overview"), "本年度工作平稳。",
			strlen("本年度工作平稳。"));
	report_set_text(r, test_cell("text.problems"), "问题与改进。", strlen("问题与改进。"));
	set(r, "requests.carried_in[0]", 1);
	set(r, "requests.carried_in[1]", 1);
	/* in_force = 41 + issued 6 - repealed 2 */
	set(r, "proactive.normative.in_force", 45);
	/* the carry now holds; this year's own balance is what is off */
	EXPECT(r, prev, "requests.balance@requests.carried_out[0]",
	       "requests.balance@requests.carried_out[1]");
	/* without last year's report the cross-year rules are not run */
	EXPECT(r, NULL, "requests.balance@requests.carried_out[0]",
	       "requests.balance@requests.carried_out[1]");
	report_free(r);
	report_free(prev);
}

static void test_messages_say_by_how_much(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = test_load("example-2024.yaml");
	set(r, "requests.carried_out[0]", 3); /* 28 + 2 = 30, 29 + 3 = 32 */
	set(r, "requests.carried_out[6]", 4);
	struct rule_outcome out = {0};
	rules_evaluate(rules, r, NULL, &out);
	assert_int_equal(out.count, 2);
	char *msg = rules_failure_message(rules, r, &out.failures[0]);
	assert_string_equal(msg, "自然人：第一项加第二项之和（30）不等于第三项加第四项之和（32），"
				 "相差 2");
	free(msg);
	rule_outcome_fini(&out);

	struct diag_list diags;
	diag_list_init(&diags);
	rules_diagnose(rules, r, NULL, &diags);
	assert_int_equal(diags.count, 2);
	assert_string_equal(diags.items[0].path, "requests.carried_out[0]");
	assert_int_equal(diags.items[0].line, 58); /* where carried_out is in the file */
	assert_int_equal(diags.items[0].severity, DIAG_ERROR);
	diag_list_fini(&diags);
	report_free(r);
}

static void test_totals_follow_their_parts(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = test_load("example-2024.yaml");
	/* one more 予以公开 for 自然人: its row, the column total and 总计 follow */
	size_t changed = rules_set_number(rules, r, test_cell("requests.granted[0]"), 13);
	assert_int_equal(r->numbers[test_cell("requests.granted[6]")], 17);
	assert_int_equal(r->numbers[test_cell("requests.total[0]")], 30);
	assert_int_equal(r->numbers[test_cell("requests.total[6]")], 37);
	assert_int_equal(changed, 3);
	/* carried_out is entered, not derived: the balance now shows the change */
	EXPECT(r, NULL, "requests.balance@requests.carried_out[0]",
	       "requests.balance@requests.carried_out[6]");
	assert_true(rules_cell_is_derived(rules, test_cell("requests.total[3]")));
	assert_true(rules_cell_is_derived(rules, test_cell("appeals.review[4]")));
	assert_false(rules_cell_is_derived(rules, test_cell("requests.carried_out[0]")));
	report_free(r);
}

/* The failure of rule at cell in r's evaluation (out), or NULL. */
static const struct rule_failure *failure_at(const struct rules *rules,
					     const struct rule_outcome *out, const char *rule,
					     const char *path)
{
	for (size_t i = 0; i < out->count; i++)
		if (strcmp(rules_failure_rule(rules, &out->failures[i]), rule) == 0 &&
		    rules_failure_cell(rules, &out->failures[i]) == test_cell(path))
			return &out->failures[i];
	return NULL;
}

static void test_suggestion_points_at_the_wrong_cell(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = test_load("example-2024.yaml");
	struct rule_outcome out = {0};
	struct rule_suggestion s;

	/* 予以公开 just typed wrong (12 -> 13): the totals follow, the balance
	 * breaks, and the cell just typed is the one to correct, back to 12 */
	rules_set_number(rules, r, test_cell("requests.granted[0]"), 13);
	rules_evaluate(rules, r, NULL, &out);
	const struct rule_failure *f = failure_at(rules, &out, "requests.balance",
						  "requests.carried_out[0]");
	assert_non_null(f);
	size_t cells[8];
	assert_int_equal(rules_failure_cells(rules, f, cells, 8), 4);
	assert_int_equal(cells[0], test_cell("requests.new[0]"));
	assert_int_equal(cells[3], test_cell("requests.carried_out[0]"));
	assert_true(rules_suggest_cell(rules, r, f, test_cell("requests.granted[0]"), &s));
	assert_int_equal(s.cell, test_cell("requests.granted[0]"));
	assert_int_equal(s.value, 12);
	assert_int_equal(s.remaining, 0);
	/* nothing typed: a tie among cells that mend everything goes to the
	 * rule's own cell, with the value that mends it */
	assert_true(rules_suggest_cell(rules, r, f, FORM_NONE, &s));
	assert_int_equal(s.cell, test_cell("requests.carried_out[0]"));
	assert_int_equal(s.value, r->numbers[test_cell("requests.carried_out[0]")] - 1);
	report_free(r);

	/* a published 一、本年新收 that disagrees with its row: mending it mends
	 * both the balance and the row, so it is suggested, not 结转 */
	r = test_load("example-2024.yaml");
	int64_t right = r->numbers[test_cell("requests.new[0]")];
	set(r, "requests.new[0]", right + 5);
	rules_evaluate(rules, r, NULL, &out);
	f = failure_at(rules, &out, "requests.balance", "requests.carried_out[0]");
	assert_non_null(f);
	assert_true(rules_suggest_cell(rules, r, f, FORM_NONE, &s));
	assert_int_equal(s.cell, test_cell("requests.new[0]"));
	assert_int_equal(s.value, right);
	assert_int_equal(s.remaining, 0);
	rule_outcome_fini(&out);
	report_free(r);
}

static void test_disagreeing_total_is_kept(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	struct report *r = test_load("example-2024.yaml");
	/* an imported total that was wrong stays wrong: it is shown, not replaced */
	set(r, "appeals.review[4]", 9);
	rules_set_number(rules, r, test_cell("appeals.review[0]"), 3);
	assert_int_equal(r->numbers[test_cell("appeals.review[4]")], 9);
	EXPECT(r, NULL, "appeals.row_sum@appeals.review[4]");
	/* editing the total itself is the clerk's decision */
	rules_set_number(rules, r, test_cell("appeals.review[4]"), 4);
	EXPECT_NONE(r, NULL);
	rules_fill_all(rules, r);
	EXPECT_NONE(r, NULL);
	report_free(r);
}

/* text with every from replaced by to (a new string). */
static char *replaced(const char *text, const char *from, const char *to)
{
	struct buf out;
	buf_init(&out);
	for (const char *p = text, *at; *p; p = at + strlen(from)) {
		at = strstr(p, from);
		if (!at) {
			buf_adds(&out, p);
			break;
		}
		buf_add(&out, p, (size_t)(at - p));
		buf_adds(&out, to);
	}
	return buf_take(&out);
}

static char *repeated(const char *piece, size_t times)
{
	struct buf out;
	buf_init(&out);
	for (size_t i = 0; i < times; i++)
		buf_adds(&out, piece);
	return buf_take(&out);
}

/* The message of the rule that failed at path, or NULL. */
static char *message_at(const struct rules *rules, const struct form *f, const struct report *r,
			const struct rule_outcome *out, const char *path)
{
	for (size_t i = 0; i < out->count; i++)
		if (strcmp(f->cells[rules_failure_cell(rules, &out->failures[i])].path, path) == 0)
			return rules_failure_message(rules, r, &out->failures[i]);
	return NULL;
}

/* Labels and message templates thousands of characters long reach the
 * clerk whole: no buffer on the way cuts them, let alone inside a character. */
static void test_long_labels_and_messages(void **state)
{
	(void)state;
	const char *real = NULL;
	for (size_t i = 0; i < forms_builtin_count; i++)
		if (strcmp(forms_builtin[i].name, "gov-info-2021") == 0)
			real = forms_builtin[i].data;
	assert_non_null(real);
	char *column = repeated("自然人申请", 800);    /* 4000 characters */
	char *row = repeated("本年新收申请数量", 500); /* 4000 */
	char *preface = repeated("请核对此项：", 600); /* 3600 */
	char *col_label = replaced("{label: 自然人, groups", "自然人", column);
	char *row_label = replaced("label: 一、本年新收政府信息公开申请数量}",
				   "一、本年新收政府信息公开申请数量", row);
	char *long_message = xasprintf("message: \"%s{column}：第一项", preface);
	char *t1 = replaced(real, "{label: 自然人, groups", col_label);
	char *t2 = replaced(t1, "label: 一、本年新收政府信息公开申请数量}", row_label);
	char *text = replaced(t2, "message: \"{column}：第一项", long_message);

	struct form_error err;
	struct form *f = form_parse(text, strlen(text), &err);
	if (!f)
		fail_msg("%d:%d: %s", err.line, err.column, err.message);
	char *error = NULL;
	struct rules *rules = rules_compile(f, &error);
	assert_non_null(rules);
	struct report *r = report_new(f);
	r->numbers[form_find_cell(f, "requests.new[0]")] = 2;

	struct rule_outcome out = {0};
	rules_evaluate(rules, r, NULL, &out);
	char *want = xasprintf("%s%s：第一项加第二项之和（2）不等于第三项加第四项之和（0），相差 2",
			       preface, column);
	char *got = message_at(rules, f, r, &out, "requests.carried_out[0]");
	assert_non_null(got);
	assert_int_equal(strlen(got), strlen(want));
	assert_string_equal(got, want);
	free(got);
	free(want);
	want = xasprintf("“%s／总计”为 0，但本行自然人与各类法人或其他组织之和为 2，相差 2", row);
	got = message_at(rules, f, r, &out, "requests.new[6]");
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);

	/* and through the diagnostics check prints */
	struct diag_list diags;
	diag_list_init(&diags);
	rules_diagnose(rules, r, NULL, &diags);
	bool found = false;
	for (size_t i = 0; i < diags.count; i++)
		if (strcmp(diags.items[i].path, "requests.new[6]") == 0) {
			assert_string_equal(diags.items[i].message, want);
			found = true;
		}
	assert_true(found);
	diag_list_fini(&diags);
	free(want);
	rule_outcome_fini(&out);
	report_free(r);
	rules_free(rules);
	form_free(f);
	free(text);
	free(t2);
	free(t1);
	free(long_message);
	free(row_label);
	free(col_label);
	free(preface);
	free(row);
	free(column);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_correct_reports_are_silent),
		cmocka_unit_test(test_balance),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_row_sum),
		cmocka_unit_test(test_appeals_row_sum),
		cmocka_unit_test(test_text_required),
		cmocka_unit_test(test_text_rewrite),
		cmocka_unit_test(test_problems_parts),
		cmocka_unit_test(test_fees),
		cmocka_unit_test(test_text_placeholder),
		cmocka_unit_test(test_carry),
		cmocka_unit_test(test_messages_say_by_how_much),
		cmocka_unit_test(test_totals_follow_their_parts),
		cmocka_unit_test(test_disagreeing_total_is_kept),
		cmocka_unit_test(test_suggestion_points_at_the_wrong_cell),
		cmocka_unit_test(test_long_labels_and_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
