/* Next year's draft from last year's report: the same organ and form,
 * year + 1, marked as a draft, issued_on cleared.  Every count is 0
 * except what the form's cross-year rules carry forward from last year
 * (rules_carry_forward: carried_in = last year's carried_out, in_force
 * = last year's in_force).  The narratives are kept as a starting point,
 * with last year's year changed to this year's and a first line asking
 * for them to be rewritten, both worded by templates/draft.yaml. */
#ifndef NIANBAO_DRAFT_H
#define NIANBAO_DRAFT_H

struct report;
struct rules;

/* Returns the draft (the caller frees it), or NULL when last's year is
 * the last year a report may have.  rules: those of last's form. */
struct report *draft_next_year(const struct report *last, const struct rules *rules);

#endif
