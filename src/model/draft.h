/* Next year's draft from last year's report: the same organ and form,
 * year + 1, marked as a draft, issued_on cleared.  Every count is 0
 * except what the form's cross-year rules carry forward from last year
 * (rules_carry_forward: carried_in = last year's carried_out, in_force
 * = last year's in_force).  The narratives are kept as a starting point,
 * word for word (dates, 《》 titles and document numbers too: a fact of
 * last year is never made one of this year), with a first line asking for
 * them to be rewritten and a mark before each sentence that speaks of
 * last year (its year, or 上年、全年... with a figure), both worded by
 * templates/draft.yaml; the rules text.rewrite and text.placeholder find
 * the marks, and sign refuses the report until they are gone. */
#ifndef NIANBAO_DRAFT_H
#define NIANBAO_DRAFT_H

struct report;
struct rules;

/* Returns the draft (the caller frees it), or NULL when last's year is
 * the last year a report may have.  rules: those of last's form. */
struct report *draft_next_year(const struct report *last, const struct rules *rules);

#endif
