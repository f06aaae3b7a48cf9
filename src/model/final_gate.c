/* The final document's gate; see final_gate.h. */
#include "final_gate.h"

#include <stdbool.h>
#include <string.h>

#include "diag.h"
#include "form.h"
#include "report.h"
#include "rules.h"

/* Whether rule id of form is one of phrases a text must not keep. */
static bool is_text_rule(const struct form *form, const char *id)
{
	for (size_t i = 0; i < form->nrules; i++)
		if (strcmp(form->rules[i].id, id) == 0)
			return form->rules[i].nforbidden > 0;
	return false;
}

size_t final_gate_diagnose(const struct rules *rules, const struct report *report,
			   struct diag_list *diags)
{
	size_t first = diags->count, errors = 0;
	if (report->draft) {
		const struct report_mark *m = &report->key_marks[REPORT_KEY_DRAFT];
		diag_list_add(diags, DIAG_ERROR, "report.draft", NULL, m->line, m->column,
			      "报告还标着草稿（draft: true）：改写、核对完毕后改为 draft: "
			      "false，才是可以签名发布的定稿");
	}
	rules_diagnose(rules, report, NULL, diags);
	for (size_t i = first; i < diags->count; i++) {
		struct diag *d = &diags->items[i];
		if (d->severity == DIAG_WARNING && is_text_rule(report->form, d->rule))
			d->severity = DIAG_ERROR;
		if (d->severity == DIAG_ERROR)
			errors++;
	}
	return errors;
}
