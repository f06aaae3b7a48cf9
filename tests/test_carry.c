/* rules_carry_forward: what a new year takes from last year follows the
 * form's cross-year rules (needs: previous), whatever the form is. */
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
#include "report.h"
#include "rules.h"
#include "support.h"

static const struct rules *rules(void)
{
	return test_form()->rules;
}

/* Last year's report with every count distinct, so that a wrong carry shows. */
static struct report *numbered(const char *name)
{
	struct report *last = test_load(name);
	const struct form *f = last->form;
	for (size_t c = 0; c < f->ncells; c++)
		if (f->cells[c].type == FORM_COUNT)
			last->numbers[c] = (int64_t)c + 100;
	return last;
}

static void test_carried_in_and_in_force(void **state)
{
	(void)state;
	struct report *last = numbered("example-2024.yaml");
	const struct form *f = last->form;
	struct report *next = report_new(f);
	/* carry.requests: 7 columns; carry.in_force: 规章 and 行政规范性文件 */
	assert_int_equal(rules_carry_forward(rules(), last, next), 7 + 2);
	for (size_t i = 0; i < 7; i++) {
		char in[64], out[64];
		snprintf(in, sizeof in, "requests.carried_in[%zu]", i);
		snprintf(out, sizeof out, "requests.carried_out[%zu]", i);
		assert_int_equal(next->numbers[test_cell(in)], last->numbers[test_cell(out)]);
	}
	const char *in_force[] = {"proactive.regulations.in_force", "proactive.normative.in_force"};
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(next->numbers[test_cell(in_force[i])],
				 last->numbers[test_cell(in_force[i])]);
	size_t nonzero = 0;
	for (size_t c = 0; c < f->ncells; c++)
		nonzero += f->cells[c].type != FORM_TEXT && next->numbers[c] != 0;
	assert_int_equal(nonzero, 7 + 2);
	report_free(next);
	report_free(last);
}

/* in_force = prev:in_force + issued - repealed, with this year's counts
 * as they stand; a result below 0 is not a count and is not set. */
static void test_in_force_follows_this_years_counts(void **state)
{
	(void)state;
	struct report *last = numbered("seed-003.yaml");
	struct report *next = report_new(last->form);
	size_t in_force = test_cell("proactive.normative.in_force");
	next->numbers[test_cell("proactive.normative.issued")] = 5;
	next->numbers[test_cell("proactive.normative.repealed")] = 2;
	next->numbers[test_cell("proactive.regulations.repealed")] = 1000000;
	assert_int_equal(rules_carry_forward(rules(), last, next), 7 + 1);
	assert_int_equal(next->numbers[in_force], last->numbers[in_force] + 3);
	assert_int_equal(next->numbers[test_cell("proactive.regulations.in_force")], 0);
	report_free(next);
	report_free(last);
}

static const char small_form[] =
	"id: t\n"
	"name: t\n"
	"title: \"{organ}\"\n"
	"types:\n"
	"  count: {kind: integer, max: 9}\n"
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

/* Carries with small_form's rules plus extra_rules; returns the count set
 * and the four cells of next in out. */
static size_t carry_small(const char *extra_rules, int64_t out[4])
{
	char *text = malloc(sizeof small_form + strlen(extra_rules));
	strcpy(text, small_form);
	strcat(text, extra_rules);
	struct form_error ferr;
	struct form *f = form_parse(text, strlen(text), &ferr);
	if (!f)
		fail_msg("%d:%d: %s", ferr.line, ferr.column, ferr.message);
	char *error = NULL;
	struct rules *r = rules_compile(f, &error);
	if (!r)
		fail_msg("%s", error);
	struct report *last = report_new(f), *next = report_new(f);
	for (size_t c = 0; c < 4; c++)
		last->numbers[c] = (int64_t)c + 1;
	size_t set = rules_carry_forward(r, last, next);
	for (size_t c = 0; c < 4; c++)
		out[c] = next->numbers[c];
	report_free(next);
	report_free(last);
	rules_free(r);
	form_free(f);
	free(text);
	return set;
}

static void test_only_cross_year_rules_carry(void **state)
{
	(void)state;
	int64_t v[4];
	/* no rule needs last year: nothing carries */
	assert_int_equal(carry_small("", v), 0);
	for (size_t c = 0; c < 4; c++)
		assert_int_equal(v[c], 0);
	/* a rule of this form's own: x.b[1] starts as last year's x.a[1] */
	assert_int_equal(carry_small("  - {id: p, severity: error, needs: previous, message: m,"
				     " assert: \"x.b[1] = prev:x.a[1]\"}\n",
				     v),
			 1);
	assert_int_equal(v[3], 2);
	assert_int_equal(v[0] + v[1] + v[2], 0);
	/* last year's cell on the left, or no last year's cell at all: nothing */
	assert_int_equal(carry_small("  - {id: p, severity: error, needs: previous, message: m,"
				     " assert: \"prev:x.b[1] = x.a[1]\"}\n"
				     "  - {id: q, severity: error, message: m,"
				     " assert: \"x.b[0] = x.a[1]\"}\n",
				     v),
			 0);
	/* 1 + 2 + 3 + 4 is over the type's max of 9: not set; 2 + 3 + 4 is not */
	static const char sum[] = "  - {id: p, severity: error, needs: previous, message: m,"
				  " assert: \"x.b[1] = prev:x.a[1] + prev:x.b[1] + prev:x.b[0]";
	char rule[256];
	snprintf(rule, sizeof rule, "%s + prev:x.a[0]\"}\n", sum);
	assert_int_equal(carry_small(rule, v), 0);
	assert_int_equal(v[3], 0);
	snprintf(rule, sizeof rule, "%s\"}\n", sum);
	assert_int_equal(carry_small(rule, v), 1);
	assert_int_equal(v[3], 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carried_in_and_in_force),
		cmocka_unit_test(test_in_force_follows_this_years_counts),
		cmocka_unit_test(test_only_cross_year_rules_carry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
