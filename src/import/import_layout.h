/* The third step of import: where the title and each section of the form
 * are among the rows of a published report's blocks.  A section starts at a line that is its
 * official heading (一、总体情况), or its title alone (存在的主要问题及改进情况),
 * in the form's order; a heading written a second time inside its own
 * section is left out of the section.  A heading with the section's number
 * whose words are misprinted, abbreviated or reworded is taken when it is
 * like the official one and it is the next section; the caller says so.   The headings come from the form
 * (struct form), never from C. */
#ifndef NIANBAO_IMPORT_LAYOUT_H
#define NIANBAO_IMPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct form;
struct import_rows;

struct import_section_span {
	size_t first, end; /* lines after the heading, [first, end) */
	int heading_line;  /* 0 when the heading was not found */
	size_t heading;	   /* the heading's row */
	bool similar;	   /* the heading differs from the form's, but is like it */
};

struct import_layout {
	size_t title_end; /* the lines before the first heading: [0, title_end) */
	struct import_section_span *sections; /* owned; one per form section */
	size_t nfound;			      /* sections whose heading was found */
	bool *repeated;			      /* owned; per line: a heading written twice */
};

void import_layout_find(struct import_layout *layout, const struct form *form,
			const struct import_rows *rows);
void import_layout_fini(struct import_layout *layout);

#endif
