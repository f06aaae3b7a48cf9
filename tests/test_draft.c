/* Drafts: next year's report carries forward exactly what the form's
 * cross-year rules say (so that check --previous finds no carry error),
 * zeroes everything else, and keeps the narratives as written, marked for
 * rewriting, with each sentence about last year marked to be checked. */
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
#include "draft.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "support.h"
#include "templates.h"

/* The verify mark of year, as draft.yaml words it (static buffer). */
static const char *verify_mark(int year)
{
	static char mark[128];
	snprintf(mark, sizeof mark, "【待核实：%d年情况】", year);
	return mark;
}

static bool carried(const char *path)
{
	return strncmp(path, "requests.carried_in[", 20) == 0 || strstr(path, ".in_force") != NULL;
}

static void check_draft_of(const char *name)
{
	struct report *last = test_load(name);
	/* give every count a distinct value, so that a wrong carry shows */
	const struct form *f = last->form;
	for (size_t c = 0; c < f->ncells; c++)
		if (f->cells[c].type == FORM_COUNT)
			last->numbers[c] = (int64_t)c + 1;
	struct report *d = draft_next_year(last, test_form()->rules);
	assert_non_null(d);
	assert_int_equal(d->year, last->year + 1);
	assert_true(d->draft);
	assert_int_equal(d->issued_on.year, 0);
	assert_string_equal(d->organ, last->organ);
	for (size_t c = 0; c < f->ncells; c++) {
		const char *path = f->cells[c].path;
		if (f->cells[c].type == FORM_TEXT) {
			if (!*last->texts[c]) {
				assert_string_equal(d->texts[c], "");
				continue;
			}
			size_t mark_len = strlen(templates_get(TEMPLATES_DRAFT_REWRITE_MARK));
			assert_true(strncmp(d->texts[c],
					    templates_get(TEMPLATES_DRAFT_REWRITE_MARK),
					    mark_len) == 0);
			/* nothing of last year's text is changed, only marked */
			const char *body = d->texts[c] + mark_len + 1;
			struct buf unmarked;
			buf_init(&unmarked);
			const char *vm = verify_mark(last->year);
			for (const char *p = body; *p;)
				if (strncmp(p, vm, strlen(vm)) == 0)
					p += strlen(vm);
				else
					buf_addc(&unmarked, *p++);
			assert_string_equal(unmarked.data, last->texts[c]);
			buf_fini(&unmarked);
			char year[16];
			snprintf(year, sizeof year, "%d年", last->year);
			if (strstr(last->texts[c], year))
				assert_non_null(strstr(body, verify_mark(last->year)));
			snprintf(year, sizeof year, "%d年", d->year);
			if (!strstr(last->texts[c], year))
				assert_null(strstr(d->texts[c], year));
		} else if (carried(path)) {
			char from[128];
			if (strstr(path, ".in_force"))
				snprintf(from, sizeof from, "%s", path);
			else
				snprintf(from, sizeof from, "requests.carried_out%s", path + 19);
			assert_int_equal(d->numbers[c], last->numbers[test_cell(from)]);
		} else {
			if (d->numbers[c] != 0)
				fail_msg("%s: %s is not 0 in the draft", name, path);
		}
	}
	/* the cross-year rules agree with what was carried */
	struct diag_list diags;
	diag_list_init(&diags);
	rules_diagnose(test_form()->rules, d, last, &diags);
	for (size_t i = 0; i < diags.count; i++)
		if (strncmp(diags.items[i].rule, "carry.", 6) == 0)
			fail_msg("%s: %s", name, diags.items[i].message);
	diag_list_fini(&diags);
	report_free(d);
	report_free(last);
}

static void test_draft_of_each_seed(void **state)
{
	(void)state;
	static const char *const names[] = {"seed-000.yaml", "seed-001.yaml", "seed-002.yaml",
					    "seed-003.yaml", "seed-004.yaml", "example-2024.yaml"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		check_draft_of(names[i]);
}

/* Sentence by sentence: what draft marks, and that it changes nothing. */
static void test_sentences_of_last_year_are_marked(void **state)
{
	static const struct {
		const char *last, *draft;
	} cases[] = {
		/* the year: a fact of last year, marked, kept as written */
		{"2021年，我单位认真贯彻落实《条例》。", "M2021年，我单位认真贯彻落实《条例》。"},
		{"　　2021 年，我镇全年未收到申请。", "　　M2021 年，我镇全年未收到申请。"},
		/* full dates stay as they are, and mark their sentence */
		{"如2021年4月7日发生故障，于4月8日公布。",
		 "M如2021年4月7日发生故障，于4月8日公布。"},
		{"2021-04-07 召开专题会议。", "M2021-04-07 召开专题会议。"},
		{"2021.4.7 召开专题会议。", "M2021.4.7 召开专题会议。"},
		/* a title and a document number name a document: unchanged, unmarked */
		{"认真落实《灵宝市2021年政务公开工作要点》。",
		 "认真落实《灵宝市2021年政务公开工作要点》。"},
		{"按照国办公开办函〔2021〕30号编制。", "按照国办公开办函〔2021〕30号编制。"},
		{"依据国办函[2021]30号、（2021）5号和(2021)6号。",
		 "依据国办函[2021]30号、（2021）5号和(2021)6号。"},
		/* 上年, 全年... with a figure: last year's facts */
		{"全年主动公开政府信息3216条。全年未发生泄密事件。",
		 "M全年主动公开政府信息3216条。全年未发生泄密事件。"},
		{"上年结转２件。", "M上年结转２件。"},
		{"本年度组织培训2次，参训120人次！下一步继续加强。",
		 "M本年度组织培训2次，参训120人次！下一步继续加强。"},
		/* sentence by sentence, line by line; a longer number is not the year */
		{"一是加强领导。2021年以来成效明显。\n二是12021件、20210件。",
		 "一是加强领导。M2021年以来成效明显。\n二是12021件、20210件。"},
		{"他说：“2021年很好。”然后结束。", "M他说：“2021年很好。”然后结束。"},
		{"2020年，2022年。", "2020年，2022年。"},
	};
	(void)state;
	struct report *last = test_load("seed-000.yaml");
	size_t cell = test_cell("text.other");
	const char *top = templates_get(TEMPLATES_DRAFT_REWRITE_MARK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		report_set_text(last, cell, cases[i].last, strlen(cases[i].last));
		struct report *d = draft_next_year(last, test_form()->rules);
		struct buf want;
		buf_init(&want);
		buf_addf(&want, "%s\n", top);
		for (const char *p = cases[i].draft; *p; p++)
			if (*p == 'M')
				buf_adds(&want, verify_mark(2021));
			else
				buf_addc(&want, *p);
		assert_string_equal(d->texts[cell], want.data);
		buf_fini(&want);
		report_free(d);
	}
	last->year = REPORT_YEAR_MAX;
	assert_null(draft_next_year(last, test_form()->rules));
	report_free(last);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_of_each_seed),
		cmocka_unit_test(test_sentences_of_last_year_are_marked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
