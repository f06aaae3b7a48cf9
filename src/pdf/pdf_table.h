/* One table of the form typeset into the PDF's flow: every label the
 * form gives it (its title, the header over the labels, group and
 * column headers, row labels), ruled cells across the whole text block,
 * labels wrapped inside their cells, numbers right-aligned, and the
 * header rows repeated on each page the table continues on. */
#ifndef NIANBAO_PDF_TABLE_H
#define NIANBAO_PDF_TABLE_H

struct font_set;
struct form_table;
struct pdf_flow;
struct report;

#define PDF_TABLE_SIZE 10.5 /* 5号 */

/* The height the table needs on the page it starts on: its header and
 * first row, which are never parted. */
double pdf_table_lead_height(struct font_set *fonts, const struct form_table *table,
			     const struct report *report);

void pdf_table_add(struct pdf_flow *flow, const struct form_table *table,
		   const struct report *report);

#endif
