/* The fourth step of import: the cells of one section are placed into the
 * rows of the section's tables by their official labels (from the form),
 * never by position in the text.  A published label may be written with
 * other brackets or spaces, cut by a line wrap, or differ in a word; the
 * numbers after a label belong to its row.  A row with one number too
 * many or too few is read as best it can be (the totals as published
 * decide which number is extra or missing) and the guess is a warning;
 * what cannot be placed is an error; a value that is no count (negative,
 * 30 digits) or a row with far too many numbers makes the import fail.
 * Every diagnostic names the line and column of the published text and,
 * in front of its message, the cell's place in a source without lines
 * (import_pos_words). */
#ifndef NIANBAO_IMPORT_TABLES_H
#define NIANBAO_IMPORT_TABLES_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct form;
struct import_cell;
struct import_pos;
struct report;

/* Reads cells[0..ncells) (borrowed, in text order) of section into r and
 * sets the marks of the cells it fills.  heading_line and heading_pos
 * (borrowed) are where the section starts, for rows it does not find.  Returns false after adding
 * an error when the section cannot be read at all. */
bool import_tables_read(const struct form *form, size_t section,
			const struct import_cell *const *cells, size_t ncells, int heading_line,
			const struct import_pos *heading_pos, struct report *r,
			struct diag_list *diags);

#endif
