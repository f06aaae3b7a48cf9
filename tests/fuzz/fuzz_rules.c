/* libFuzzer target: rule evaluation over a loaded report.  The input is a
 * report file, then a NUL byte, then edits of 8 bytes each (a cell and a
 * value), applied as the form applies a clerk's typing: rules_set_number,
 * then rules_evaluate against the report as loaded (as last year's), and
 * every failure's message and diagnostic.  An edit of a text cell splices
 * a piece into it at a character boundary; an outcome kept up to date by
 * rules_evaluate_edit (as the form's) must equal a reading of the whole. */
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

/* What the form types into a text: sentences made and joined, words and
 * phrases the rules look for. */
static const char *const pieces[] = {"",   "。",    "收到申请", "12",	    "件",
				     "XX", "（ ）", "2023年，", "问题",	    "下一步",
				     "\n", "《",    "》",	"上年结转", "十二"};

static void same_outcome(const struct rule_outcome *a, const struct rule_outcome *b)
{
	if (a->count != b->count)
		abort();
	for (size_t i = 0; i < a->count; i++) {
		const struct rule_failure *x = &a->failures[i], *y = &b->failures[i];
		if (x->check != y->check || x->left != y->left || x->right != y->right ||
		    x->phrase != y->phrase || x->at != y->at || x->len != y->len)
			abort();
	}
}

/* Splices a piece into text cell as an editor does; returns the bytes
 * [from, old_to) replaced and where the piece ends. */
static void splice(struct report *report, size_t cell, uint32_t raw, size_t *from, size_t *old_to,
		   size_t *new_to)
{
	const char *text = report->texts[cell];
	size_t len = strlen(text), at = raw % (len + 1), to;
	while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
		at--;
	to = at;
	for (unsigned n = (raw >> 20) % 8; n > 0 && to < len; n--)
		do
			to++;
		while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80);
	const char *add = pieces[(raw >> 24) % (sizeof pieces / sizeof pieces[0])];
	size_t add_len = strlen(add);
	char *next = malloc(len - (to - at) + add_len + 1);
	if (!next)
		abort();
	memcpy(next, text, at);
	memcpy(next + at, add, add_len);
	memcpy(next + at + add_len, text + to, len - to + 1);
	report_set_text(report, cell, next, len - (to - at) + add_len);
	free(next);
	*from = at;
	*old_to = to;
	*new_to = at + add_len;
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
	struct rule_outcome outcome = {0}, typed = {0};
	evaluate_all(entry, report, previous, &outcome);
	rule_outcome_track_texts(&typed);
	rules_evaluate(entry->rules, report, previous, &typed);

	const struct form *form = entry->form;
	const uint8_t *edit = nul ? nul + 1 : data + size;
	for (; edit + 8 <= data + size; edit += 8) {
		uint32_t pick, raw;
		memcpy(&pick, edit, 4);
		memcpy(&raw, edit + 4, 4);
		size_t cell = pick % form->ncells;
		if (report->texts[cell]) { /* a text cell: the form never sets a number there */
			size_t from, old_to, new_to;
			splice(report, cell, raw, &from, &old_to, &new_to);
			rules_evaluate_edit(entry->rules, report, previous, &typed, cell,
					    strlen(report->texts[cell]), from, old_to, new_to);
			evaluate_all(entry, report, previous, &outcome);
			same_outcome(&outcome, &typed);
			continue;
		}
		/* any value the form's parser accepts for the cell */
		const struct form_type *type = &form->types[form->cells[cell].type];
		int64_t largest = form->cells[cell].type == FORM_MONEY
					  ? type->below * VALUE_MONEY_SCALE - 1
					  : type->max;
		int64_t value = (pick & 0x80000000u) ? largest : (int64_t)raw % (largest + 1);
		rules_set_number(entry->rules, report, cell, value);
		evaluate_all(entry, report, previous, &outcome);
		rules_evaluate_edit(entry->rules, report, previous, &typed, FORM_NONE, 0, 0, 0, 0);
		same_outcome(&outcome, &typed);
	}
	rules_fill_all(entry->rules, report);
	evaluate_all(entry, report, previous, &outcome);

	rule_outcome_fini(&outcome);
	rule_outcome_fini(&typed);
	report_free(previous);
	report_free(report);
	return 0;
}
