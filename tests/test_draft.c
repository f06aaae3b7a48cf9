/* Drafts: next year's report carries forward exactly what the form's
 * cross-year rules say (so that check --previous finds no carry error),
 * zeroes everything else, and keeps the narratives marked for rewriting
 * with the year moved on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "diag.h"
#include "draft.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "support.h"
#include "templates.h"

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
			assert_true(
				strncmp(d->texts[c], templates_get(TEMPLATES_DRAFT_REWRITE_MARK),
					strlen(templates_get(TEMPLATES_DRAFT_REWRITE_MARK))) == 0);
			char year[16];
			snprintf(year, sizeof year, "%d年", last->year);
			if (strstr(last->texts[c], year)) {
				snprintf(year, sizeof year, "%d年", d->year);
				assert_non_null(strstr(d->texts[c], year));
			}
			snprintf(year, sizeof year, "%d年", last->year);
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

static void test_year_is_changed_only_as_a_whole_number(void **state)
{
	(void)state;
	struct report *last = test_load("seed-000.yaml");
	size_t cell = test_cell("text.other");
	const char *text = "2021年；12021；20210；2020年；2021";
	report_set_text(last, cell, text, strlen(text));
	struct report *d = draft_next_year(last, test_form()->rules);
	const char *body = d->texts[cell] + strlen(templates_get(TEMPLATES_DRAFT_REWRITE_MARK)) + 1;
	assert_string_equal(body, "2022年；12021；20210；2020年；2022");
	report_free(d);
	last->year = REPORT_YEAR_MAX;
	assert_null(draft_next_year(last, test_form()->rules));
	report_free(last);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_of_each_seed),
		cmocka_unit_test(test_year_is_changed_only_as_a_whole_number),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
