/* Import of a published annual report into a report of a form.  Each
 * format becomes blocks (import_blocks.h: headings, paragraphs, tables as
 * grids); for plain text the encoding is detected (import_decode) and the
 * text split into lines and cells (import_text).  The structure reader
 * then walks the blocks: the title and the sections found (import_layout), the narratives taken as text and the
 * tables' numbers placed into their cells by label (import_tables).
 * Lines of a narrative that the page cut (text, PDF) are joined again.
 * Each diagnostic gives the place in the source: LINE:COLUMN, and in
 * words where the format has no lines (import_pos_words).
 * Every published number goes into its cell as published; totals are
 * never recomputed.  Reading the standardized text nianbao renders gives
 * back the same report. */
#ifndef NIANBAO_IMPORT_H
#define NIANBAO_IMPORT_H

#include <stddef.h>

struct diag_list;
struct form;
struct import_blocks;
struct report;

/* Reads data[0..len).  Returns the report (the caller frees it), with
 * warnings (guesses) and errors (what it could not place) in diags, and
 * *encoding set to the name of the encoding it read.  Returns NULL after
 * adding at least one error when the text is not a report it can read. */
struct report *import_report(const char *data, size_t len, const struct form *form,
			     const char **encoding, struct diag_list *diags);

/* Where the cells of an imported report were read from, in the words of
 * a source without lines (import_pos_words), kept for the diagnostics of
 * the rules checked on the report afterwards. */
struct import_where;

/* import_report, and *where (the caller frees it with import_where_free)
 * for the report returned; *where is NULL when NULL is returned. */
struct report *import_report_where(const char *data, size_t len, const struct form *form,
				   const char **encoding, struct diag_list *diags,
				   struct import_where **where);

/* Puts the words for where a diagnostic's line and column were read
 * ("第4页第2行（距页顶 40 毫米）第6格：") in front of the message of each of
 * diags[first..] that names a place read from the source. */
void import_where_say(const struct import_where *where, struct diag_list *diags, size_t first);

void import_where_free(struct import_where *where);

/* The structure reader behind every format: reads blocks (borrowed) into
 * a report as import_report does. */
struct report *import_report_blocks(const struct import_blocks *blocks, const struct form *form,
				    struct diag_list *diags);

#endif
