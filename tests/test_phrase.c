/* The audit rules of the 2021 form on sentences of real reports: each
 * phrase of text.numbers and text.year fires when the narrative and the
 * table disagree and stays quiet when they agree or when a sentence only
 * looks like one; text.repeat, text.other and plausibility.change.
 * Sentences marked "hongze" are from ../shared/real (淮安市洪泽区人民政府
 * 2023, 2024), "seed N" from the published seeds; the rest are written
 * here, where no collected report has such a sentence. */
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
#include "phrase.h"
#include "report.h"
#include "rules.h"
#include "support.h"

struct sentence_case {
	const char *text;  /* put in 一、总体情况 */
	const char *path;  /* a cell set first, or NULL */
	int64_t value;	   /* its value */
	const char *rule;  /* the one failure expected, or NULL for none */
	const char *quote; /* what its message must hold */
};

static const struct sentence_case cases[] = {
	/* hongze 2023: agrees with its table (21 new requests) */
	{"依申请公开受理渠。2023 年全区受理政府信息公开申请 21 件，", "requests.new[6]", 21, NULL,
	 NULL},
	{"依申请公开受理渠。2023 年全区受理政府信息公开申请 21 件，", "requests.new[6]", 20,
	 "text.numbers",
	 "“受理政府信息公开申请21件”，但表格中“一、本年新收政府信息公开申请数量／总计”为 20"},
	/* hongze 2024: the table says 95; the sentence is wrapped as pdftotext gave it */
	{"区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。",
	 "requests.new[6]", 95, "text.numbers", "“受理政府信息公开申请17件”"},
	/* seed 000: a phrase of absence */
	{"2021年，函谷关镇人民政府全年未收到政府信息公开申请。", "requests.new[6]", 0, NULL, NULL},
	{"2021年，函谷关镇人民政府全年未收到政府信息公开申请。", "requests.new[6]", 12,
	 "text.numbers",
	 "“未收到政府信息公开申请”，但表格中“一、本年新收政府信息公开申请数量／总计”为 12，不是没有"},
	/* example: the carried-in figure is read by 上年结转, not again by 结转 */
	{"全年新收政府信息公开申请36件，上年结转2件，已全部办理完毕。", NULL, 0, NULL, NULL},
	{"全年新收政府信息公开申请36件，上年结转3件。", NULL, 0, "text.numbers",
	 "“二、上年结转政府信息公开申请数量／总计”为 2"},
	{"结转下年度继续办理5件。", NULL, 0, "text.numbers", "“四、结转下年度继续办理／总计”为 2"},
	{"已办结36件。", NULL, 0, NULL, NULL},
	{"已办结38件。", NULL, 0, "text.numbers", "“三、本年度办理结果／（七）总计／总计”为 36"},
	{"收到政府信息公开申请三十六件。", NULL, 0, NULL, NULL},
	{"收到政府信息公开申请三十七件。", NULL, 0, "text.numbers", "申请三十七件"},
	/* sentences that only look like figures or absences */
	{"有效\n降低行政复议、行政诉讼发生率和纠错率。", "appeals.review[4]", 3, NULL,
	 NULL},								/* hongze */
	{"全年收取政府信息公开信息处理费 0 元。", NULL, 0, NULL, NULL}, /* hongze */
	{"保证了网络安全、稳定、有序运行，全年无网络安全事故。", NULL, 0, NULL,
	 NULL}, /* seed 003 */
	{"存在该公开的信息没及时公开，通过群众申请才进行公开，", NULL, 0, NULL,
	 NULL}, /* seed 002 */
	{"我镇在政府申请信息公开方面形成了受理、回复、公开的快速反馈机制，", NULL, 0, NULL,
	 NULL}, /* seed 004 */
	{"无正当理由大量反复申请的，依法不予处理。", NULL, 0, NULL, NULL},
	{"未收到申请人的补正材料。", NULL, 0, NULL, NULL},
	{"印发《关于收到政府信息公开申请12件的通报》。", NULL, 0, NULL, NULL},
	/* appeals: one row, and litigation as the sum of both rows */
	{"全年发生政府信息公开行政复议案件1件。", "appeals.review[4]", 1, NULL, NULL},
	{"全年发生政府信息公开行政复议案件2件。", "appeals.review[4]", 1, "text.numbers",
	 "“行政复议／总计”为 1"},
	{"行政诉讼3件。", "appeals.litigation_direct[4]", 1, "text.numbers",
	 "“行政诉讼（未经复议直接起诉与复议后起诉）的总计”为 1"},
	{"未经复议直接起诉2件。", "appeals.litigation_direct[4]", 1, "text.numbers",
	 "“行政诉讼／未经复议直接起诉／总计”为 1"},
	{"本年度未发生政府信息公开行政复议、行政诉讼。", "appeals.litigation_after_review[4]", 2,
	 "text.numbers", "“未发生政府信息公开行政复议、行政诉讼”"},
	{"本年度未发生政府信息公开行政复议、行政诉讼。", NULL, 0, NULL, NULL},
	/* table 二 (example: normative 6 issued, 2 repealed, 41 in force) */
	{"制发行政规范性文件6件，废止行政规范性文件2件，现行有效规范性文件41件。", NULL, 0, NULL,
	 NULL},
	{"全年制发行政规范性文件7件。", NULL, 0, "text.numbers",
	 "“行政规范性文件／本年制发件数”为 6"},
	{"废止规范性文件3件。", NULL, 0, "text.numbers", "“行政规范性文件／本年废止件数”为 2"},
	{"现行有效规范性文件40件。", NULL, 0, "text.numbers",
	 "“行政规范性文件／现行有效件数”为 41"},
	{"制发规章1件。", NULL, 0, "text.numbers", "“规章／本年制发件数”为 0"},
	{"作出行政许可决定550件。", "proactive.licensing", 550, NULL, NULL},
	/* 项 counts matters (事项), not decisions */
	{"公开行政许可事项清单120项。", "proactive.licensing", 550, NULL, NULL},
	{"作出行政许可决定550件。", "proactive.licensing", 9487, "text.numbers", "为 9487"},
	{"行政处罚4119件。", "proactive.penalty", 4118, "text.numbers", "“行政处罚”为 4118"},
	{"行政强制195件。", "proactive.coercion", 195, NULL, NULL},
};

static void test_sentences(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	size_t overview = test_cell("text.overview");
	int bad = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct sentence_case *c = &cases[i];
		struct report *r = test_load("example-2024.yaml");
		r->year = 2021; /* the seeds' year: text.year stays out of the way */
		report_set_text(r, overview, c->text, strlen(c->text));
		/* the example's appeals are not 0: the cases set the row they are about */
		r->numbers[test_cell("appeals.review[4]")] = 0;
		r->numbers[test_cell("appeals.litigation_direct[4]")] = 0;
		r->numbers[test_cell("appeals.litigation_after_review[4]")] = 0;
		if (c->path)
			r->numbers[test_cell(c->path)] = c->value;
		struct rule_outcome out = {0};
		rules_evaluate(rules, r, NULL, &out);
		size_t n = 0;
		char *msg = NULL;
		for (size_t j = 0; j < out.count; j++) {
			if (strncmp(rules_failure_rule(rules, &out.failures[j]), "text.", 5) != 0)
				continue;
			n++;
			free(msg);
			msg = rules_failure_message(rules, r, &out.failures[j]);
			if (strcmp(rules_failure_rule(rules, &out.failures[j]),
				   c->rule ? c->rule : ""))
				n += 100;
		}
		if (n != (c->rule ? 1u : 0u) || (c->rule && !strstr(msg, c->quote))) {
			print_error("case %zu (%s): %zu findings, last %s\n", i, c->text, n,
				    msg ? msg : "-");
			bad++;
		}
		free(msg);
		rule_outcome_fini(&out);
		report_free(r);
	}
	assert_int_equal(bad, 0);
}

struct year_case {
	const char *text;
	int year; /* the report's */
	bool fires;
};

static const struct year_case years[] = {
	{"2021年，函谷关镇党委、政府高度重视政府政务信息公开工作，", 2021, false}, /* seed 000 */
	{"2021年，函谷关镇党委、政府高度重视政府政务信息公开工作，", 2022, true},
	{"2021年我镇政务信息公开工作取得了一定的进展，", 2022, true},		  /* seed 000 */
	{"2021 年，章古台镇按照省、市县统一部署，", 2021, false},		  /* seed 004 */
	{"2021年度，我镇通过章古台抖音平台，及时发布政府相关信息，", 2023, true}, /* seed 004 */
	/* history and plans are not the reporting year */
	{"2021年以来，湖滨区政府办认真贯彻落实", 2023, false},		/* seed 003 */
	{"针对存在问题，2025 年我们将切实抓好以下工作：", 2024, false}, /* hongze 2024 */
	{"报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。", 2024, false},
	{"依据国办公开办函〔2021〕30号要求编制此报告。", 2023, false},
	{"印发《2022年全年政务公开工作要点》。", 2023, false},
	{"2022年全年政务公开工作要点已印发。", 2023, true},
	{"2026年，我们将继续推进。", 2024, true},
};

static void test_years(void **state)
{
	(void)state;
	const struct rules *rules = test_form()->rules;
	int bad = 0;
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		struct report *r = test_load("example-2024.yaml");
		r->year = years[i].year;
		report_set_text(r, test_cell("text.overview"), years[i].text,
				strlen(years[i].text));
		report_set_text(r, test_cell("text.problems"), "问题与改进。",
				strlen("问题与改进。"));
		struct rule_outcome out = {0};
		rules_evaluate(rules, r, NULL, &out);
		size_t n = 0;
		for (size_t j = 0; j < out.count; j++)
			n += strcmp(rules_failure_rule(rules, &out.failures[j]), "text.year") == 0;
		if (n != (years[i].fires ? 1u : 0u)) {
			print_error("year case %zu (%s, %d): %zu findings\n", i, years[i].text,
				    years[i].year, n);
			bad++;
		}
		if (n == 1) {
			char *msg = rules_failure_message(rules, r, &out.failures[0]);
			char want[64];
			snprintf(want, sizeof want, "但本报告是 %d 年度的", years[i].year);
			if (!strstr(msg, want))
				bad++;
			free(msg);
		}
		rule_outcome_fini(&out);
		report_free(r);
	}
	assert_int_equal(bad, 0);
}

/* The failures of rule over report against prev. */
static size_t count_rule(const struct report *r, const struct report *prev, const char *rule,
			 char **message)
{
	const struct rules *rules = test_form()->rules;
	struct rule_outcome out = {0};
	rules_evaluate(rules, r, prev, &out);
	size_t n = 0;
	for (size_t j = 0; j < out.count; j++)
		if (strcmp(rules_failure_rule(rules, &out.failures[j]), rule) == 0) {
			if (message && !n)
				*message = rules_failure_message(rules, r, &out.failures[j]);
			n++;
		}
	rule_outcome_fini(&out);
	return n;
}

static void test_repeat(void **state)
{
	(void)state;
	struct report *prev = test_load("example-2024.yaml");
	struct report *r = test_load("example-2024.yaml");
	r->year = 2025;
	char *msg = NULL;
	/* word for word: both sections */
	assert_int_equal(count_rule(r, prev, "text.repeat", &msg), 2);
	assert_non_null(strstr(msg, "有 100% 的文字与上年报告相同"));
	free(msg);
	/* the years moved on and the spacing changed: still copied */
	const char *five =
		"一是部分单位主动公开意识有待增强 ,公开内容不够全面及时;二是政策解读形式较为单一，"
		"图解、视频解读数量偏少；三是基层政务公开标准化规范化建设仍需加强。";
	report_set_text(r, test_cell("text.problems"), five, strlen(five));
	report_set_text(r, test_cell("text.overview"), "本年度工作平稳。",
			strlen("本年度工作平稳。"));
	msg = NULL;
	assert_int_equal(count_rule(r, prev, "text.repeat", &msg), 1);
	assert_non_null(strstr(msg, "五、存在的主要问题及改进情况"));
	free(msg);
	/* rewritten: quiet; and without last year's report the rule does not run */
	const char *own =
		"一是依申请公开答复文书还不够规范；二是政务新媒体更新不够及时。下一步将加强培训。";
	report_set_text(r, test_cell("text.problems"), own, strlen(own));
	assert_int_equal(count_rule(r, prev, "text.repeat", NULL), 0);
	report_set_text(r, test_cell("text.problems"), five, strlen(five));
	assert_int_equal(count_rule(r, NULL, "text.repeat", NULL), 0);
	report_free(r);
	report_free(prev);
}

static void test_change(void **state)
{
	(void)state;
	struct report *prev = test_load("example-2024.yaml");
	struct report *r = test_load("example-2024.yaml");
	r->year = 2025;
	size_t licensing = test_cell("proactive.licensing");
	/* 0 -> 1, 3 -> 16, 550 -> 9487 (hongze 2023 -> 2024) are ordinary */
	const int64_t quiet[][2] = {{0, 1}, {3, 16}, {550, 9487}, {40, 0}, {0, 50}};
	for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
		prev->numbers[licensing] = quiet[i][0];
		r->numbers[licensing] = quiet[i][1];
		assert_int_equal(count_rule(r, prev, "plausibility.change", NULL), 0);
	}
	const int64_t loud[][2] = {{3, 3000}, {120, 0}, {0, 51}};
	for (size_t i = 0; i < sizeof loud / sizeof loud[0]; i++) {
		prev->numbers[licensing] = loud[i][0];
		r->numbers[licensing] = loud[i][1];
		char *msg = NULL;
		assert_int_equal(count_rule(r, prev, "plausibility.change", &msg), 1);
		char want[128];
		snprintf(want, sizeof want, "“行政许可”为 %lld，上年为 %lld", (long long)loud[i][1],
			 (long long)loud[i][0]);
		assert_non_null(strstr(msg, want));
		free(msg);
	}
	/* a cell of a group (requests.denied.*) is compared too */
	prev->numbers[licensing] = r->numbers[licensing] = 0;
	prev->numbers[test_cell("requests.denied.process[6]")] = 2;
	r->numbers[test_cell("requests.denied.process[6]")] = 300;
	assert_int_equal(count_rule(r, prev, "plausibility.change", NULL), 1);
	assert_int_equal(count_rule(r, NULL, "plausibility.change", NULL), 0);
	report_free(r);
	report_free(prev);
}

/* The pattern language itself: what it refuses, and the finer points. */
static void test_patterns(void **state)
{
	(void)state;
	static const char *const refused[] = {
		"",
		"… 申请",
		"收到 …",
		"收到 … … 申请",
		"收到 {n} {n}",
		"!人 申请",
		"收到 || 申请",
		"收到 {x}",
		"a b c d e f g h i j k l m",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		char *why = NULL;
		struct phrase *p = phrase_compile(refused[i], 10, &why);
		if (p)
			fail_msg("pattern “%s” compiled", refused[i]);
		assert_non_null(why);
		free(why);
	}
	char *why = NULL;
	struct phrase *p = phrase_compile("收到 … 申请 {n} 件", 4, &why);
	assert_non_null(p);
	assert_int_equal(phrase_slot(p), PHRASE_SLOT_NUMBER);
	struct phrase_match m;
	/* a gap of four characters, not five; none across a comma */
	const char *t = "收到公开申请 １２ 件；收到政府信息公开申请3件；收到，申请4件";
	assert_true(phrase_find(p, t, strlen(t), 0, &m));
	assert_int_equal(m.value, 12);
	assert_int_equal(m.at, 0);
	assert_false(phrase_find(p, t, strlen(t), m.end, &m));
	/* not in the middle of a number */
	const char *u = "收到申请 共 123件";
	assert_false(phrase_find(p, u, strlen(u), 0, &m) && m.value != 123);
	phrase_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences), cmocka_unit_test(test_years),
		cmocka_unit_test(test_repeat),	  cmocka_unit_test(test_change),
		cmocka_unit_test(test_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
