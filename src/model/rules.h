/* The arithmetic (勾稽关系) of a form, compiled from the rules its
 * definition declares, and evaluated over a report.
 *
 * A rule's assertion "A[$c] + B[$c] = C[$c] + D[$c]" is expanded once, at
 * compile time, into checks: flat lists of cells to add up on each side.
 * Evaluating every check of a report costs a few hundred additions, so
 * the form re-runs all of them after every keystroke.  Rules are pure:
 * report in, failures out.  Only rules_set_number changes a report, to
 * keep derived totals in step with their parts. */
#ifndef NIANBAO_RULES_H
#define NIANBAO_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct form;
struct report;
struct rules;

struct rule_failure {
	size_t check;	     /* which check failed */
	int64_t left, right; /* the two sums that differ; see below for texts */
	/* forbidden words: left is the index of the phrase found. */
	/* phrases (text.numbers, text.year): which phrase of the rule, and the
	 * bytes of the text it matched; left is the figure or year written,
	 * right the table's value or the report's year.  repeat: left of
	 * right 8-grams also stand in last year's text.  changes: left this
	 * year's value, right last year's. */
	size_t phrase, at, len;
};

/* Failures of one evaluation; reuse it to avoid allocating per keystroke. */
struct rules_memo;

struct rule_outcome {
	struct rule_failure *failures; /* owned */
	size_t count;
	size_t cap;
	struct rules_memo *memo; /* what the text checks found, owned; NULL unless tracked */
};

/* Compiles the rules of form.  Returns NULL and sets *error (caller
 * frees) naming the rule and what is wrong with it. */
struct rules *rules_compile(const struct form *form, char **error);
void rules_free(struct rules *rules);

/* Runs every check that applies to report.  Cross-year checks run only
 * when previous (last year's report, same form) is given. */
void rules_evaluate(const struct rules *rules, const struct report *report,
		    const struct report *previous, struct rule_outcome *out);
void rule_outcome_fini(struct rule_outcome *out);

/* Makes the evaluations into out keep what the text checks found in each
 * text, so that rules_evaluate_edit can re-read only what an edit
 * touched (a form editor's outcome; check has no use for it). */
void rule_outcome_track_texts(struct rule_outcome *out);

/* The same outcome as rules_evaluate, after one edit since the last
 * evaluation into out (of the same report): the text of cell (now len
 * bytes) had its bytes [from, old_to) replaced by [from, new_to), or,
 * with cell FORM_NONE, no text changed (a number did).  With tracked
 * texts only the sentences around the edit are read again (no phrase or
 * forbidden word of the form holds a 。, and no gap crosses one); else,
 * or when a phrase does, everything is. */
void rules_evaluate_edit(const struct rules *rules, const struct report *report,
			 const struct report *previous, struct rule_outcome *out, size_t cell,
			 size_t len, size_t from, size_t old_to, size_t new_to);

/* What a failure is about. */
const char *rules_failure_rule(const struct rules *rules, const struct rule_failure *f);
enum diag_severity rules_failure_severity(const struct rules *rules, const struct rule_failure *f);
/* The cell a clerk would correct. */
size_t rules_failure_cell(const struct rules *rules, const struct rule_failure *f);
/* The message of a failure, in Chinese; the caller frees it. */
char *rules_failure_message(const struct rules *rules, const struct report *report,
			    const struct rule_failure *f);
/* The reason the clerk gave when acknowledging this warning (ack.h), or
 * NULL when it is not acknowledged or the cell has changed since; errors
 * never are.  Its message then ends with （已核实：REASON）. */
const char *rules_failure_acknowledged(const struct rules *rules, const struct report *report,
				       const struct rule_failure *f);
/* True when the failure involves cell (on either side of the check). */
bool rules_failure_involves(const struct rules *rules, const struct rule_failure *f, size_t cell);

/* The cells of this year's report that failure f adds up, each once, in
 * the order of the check; writes at most max to out and returns how many
 * there are. */
size_t rules_failure_cells(const struct rules *rules, const struct rule_failure *f, size_t *out,
			   size_t max);

/* The one cell most likely wrong in a broken sum, and what would mend it. */
struct rule_suggestion {
	size_t cell;	  /* the cell to correct */
	int64_t value;	  /* the value that makes the check hold */
	size_t remaining; /* error failures left once it has that value */
};

/* Suggests which cell of failure f (a sum of this year's cells) to
 * correct: of the cells whose change alone mends f (last_cell, the one
 * just typed, counts as one when a total it feeds is in f), the one that
 * leaves the fewest error failures, totals following their parts as
 * rules_set_number keeps them; on a tie the one just typed, then the
 * check's own cell.  False when no single cell mends f. */
bool rules_suggest_cell(const struct rules *rules, const struct report *report,
			const struct rule_failure *f, size_t last_cell,
			struct rule_suggestion *out);

/* Evaluates and appends one diagnostic per failure (with the cell's place
 * in the file), plus a warning when previous is not last year's report of
 * the same organ. */
void rules_diagnose(const struct rules *rules, const struct report *report,
		    const struct report *previous, struct diag_list *diags);

/* True when some rule derives cell from other cells (a total). */
bool rules_cell_is_derived(const struct rules *rules, size_t cell);

/* Sets a count or money cell to value and updates the totals derived from
 * it: every total that agreed with its parts before the change follows
 * them; a total that already disagreed is left as it is.  Returns the
 * number of cells changed besides cell. */
size_t rules_set_number(const struct rules *rules, struct report *report, size_t cell,
			int64_t value);

/* Sets every derived total from its parts. */
void rules_fill_all(const struct rules *rules, struct report *report);

/* Carries last year's values into next, as the form's cross-year rules
 * say: every check "CELL = ..." of a rule that needs previous, with
 * last year's cells (prev:) on the right, sets CELL of next to that right
 * side, read over last and next as next stands (carried_in = last year's
 * carried_out; in_force = last year's in_force + issued - repealed).  A
 * value out of CELL's range is not set.  Returns the number of cells set;
 * a form without such rules carries nothing. */
size_t rules_carry_forward(const struct rules *rules, const struct report *last,
			   struct report *next);

/* The number of compiled checks (for the benchmark and tests). */
size_t rules_check_count(const struct rules *rules);

#endif
