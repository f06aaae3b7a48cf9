/* libFuzzer target: rule evaluation over a loaded report.  The input is a
 * report file, then a NUL byte, then edits of 8 bytes each (a cell and a
 * value), applied as the form applies a clerk's typing: rules_set_number,
 * then rules_evaluate against the report as loaded (as last year's), and
 * every failure's message and diagnostic. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"
#include "value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void evaluate_all(const struct catalog_entry *entry, const struct report *report,
			 const struct report *previous, struct rule_outcome *outcome)
{
	rules_evaluate(entry->rules, report, previous, outcome);
	for (size_t i = 0; i < outcome->count; i++) {
		const struct rule_failure *f = &outcome->failures[i];
		char *message = rules_failure_message(entry->rules, report, f);
		size_t cell = rules_failure_cell(entry->rules, f);
		if (!message || !rules_failure_rule(entry->rules, f) || cell >= entry->form->ncells)
			abort();
		free(message);
	}
	struct diag_list diags;
	diag_list_init(&diags);
	rules_diagnose(entry->rules, report, previous, &diags);
	diag_list_fini(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *catalog;
	if (!catalog)
		catalog = catalog_new();
	const uint8_t *nul = memchr(data, 0, size);
	size_t text_len = nul ? (size_t)(nul - data) : size;
	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry = NULL;
	struct report *report = report_load_buffer((const char *)data, text_len, catalog, &entry,
						   &diags);
	diag_list_fini(&diags);
	if (!report)
		return 0;
	struct report *previous = report_clone(report);
	struct rule_outcome outcome = {0};
	evaluate_all(entry, report, previous, &outcome);

	const struct form *form = entry->form;
	const uint8_t *edit = nul ? nul + 1 : data + size;
	for (; edit + 8 <= data + size; edit += 8) {
		uint32_t pick, raw;
		memcpy(&pick, edit, 4);
		memcpy(&raw, edit + 4, 4);
		size_t cell = pick % form->ncells;
		if (report->texts[cell])
			continue; /* a text cell: the form never sets a number there */
		/* any value the form's parser accepts for the cell */
		const struct form_type *type = &form->types[form->cells[cell].type];
		int64_t largest = form->cells[cell].type == FORM_MONEY
					  ? type->below * VALUE_MONEY_SCALE - 1
					  : type->max;
		int64_t value = (pick & 0x80000000u) ? largest : (int64_t)raw % (largest + 1);
		rules_set_number(entry->rules, report, cell, value);
		evaluate_all(entry, report, previous, &outcome);
	}
	rules_fill_all(entry->rules, report);
	evaluate_all(entry, report, previous, &outcome);

	rule_outcome_fini(&outcome);
	report_free(previous);
	report_free(report);
	return 0;
}
