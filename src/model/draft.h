/* Next year's draft from last year's report: the same organ and form,
 * year + 1, marked as a draft, issued_on cleared.  Every count is 0
 * except what the form's cross-year rules (needs: previous, e.g.
 * carry.requests and carry.in_force) carry forward from last year: a
 * cell asserted equal to prev:CELL (plus this year's changes, which are
 * 0 in a draft) starts as last year's value.  The narratives are kept as
 * a starting point, with last year's year changed to this year's and a
 * first line asking for them to be rewritten. */
#ifndef NIANBAO_DRAFT_H
#define NIANBAO_DRAFT_H

struct report;

/* The line put above each narrative of a draft (a static string). */
extern const char draft_rewrite_mark[];

/* Returns the draft (the caller frees it), or NULL when last's year is
 * the last year a report may have. */
struct report *draft_next_year(const struct report *last);

#endif
