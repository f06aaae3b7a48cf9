/* Whether a report may leave the office as a final document: what sign,
 * render --final and the form's F5 list all ask, answered here once.
 * A final document breaks no error rule, is not marked draft: true, and
 * none of its narratives still carries a mark of the texts rules
 * (text.rewrite's 【待改写】, text.placeholder's XX, 待补充, 【待核实…):
 * a warning while the clerk writes, those block the final document. */
#ifndef NIANBAO_FINAL_GATE_H
#define NIANBAO_FINAL_GATE_H

#include <stddef.h>

struct diag_list;
struct report;
struct rules;

/* Appends to diags every diagnostic of the rules over report, with the
 * warnings of text rules made errors, and an error [report.draft] when
 * report is a draft.  Errors block the final document, warnings do not.
 * Returns the number of errors appended.  rules: those of report's form. */
size_t final_gate_diagnose(const struct rules *rules, const struct report *report,
			   struct diag_list *diags);

#endif
