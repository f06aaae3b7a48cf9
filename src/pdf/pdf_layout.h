/* The pages of a PDF as a list of what to draw where: runs of text in
 * one face, ruled lines, images.  The typesetter fills it without
 * libharu; render_pdf.c draws it.  Coordinates are points from the
 * bottom-left corner of an A4 page, as in PDF.
 *
 * Also the page geometry of GB/T 9704-2012 (党政机关公文格式) and the
 * flow that places blocks down the text block, page after page. */
#ifndef NIANBAO_PDF_LAYOUT_H
#define NIANBAO_PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "font_roles.h"

struct font_set;

#define PDF_MM (72.0 / 25.4)
#define PDF_PAGE_WIDTH (210 * PDF_MM)
#define PDF_PAGE_HEIGHT (297 * PDF_MM)
#define PDF_BLOCK_LEFT (28 * PDF_MM) /* 订口 (left margin) */
#define PDF_BLOCK_TOP (37 * PDF_MM)  /* 天头 (top margin) */
#define PDF_BLOCK_WIDTH (156 * PDF_MM)
#define PDF_BLOCK_HEIGHT (225 * PDF_MM)
#define PDF_BODY_SIZE 16.0	  /* 3号 */
#define PDF_TITLE_SIZE 22.0	  /* 2号 */
#define PDF_PAGE_NUMBER_SIZE 14.0 /* 4号 */
#define PDF_LINES_PER_PAGE 22
#define PDF_CHARS_PER_LINE 28
#define PDF_LINE_PITCH (PDF_BLOCK_HEIGHT / PDF_LINES_PER_PAGE)
#define PDF_CHAR_PITCH (PDF_BLOCK_WIDTH / PDF_CHARS_PER_LINE)

enum pdf_item_kind { PDF_ITEM_TEXT, PDF_ITEM_RULE, PDF_ITEM_IMAGE };

struct pdf_item {
	enum pdf_item_kind kind;
	double x, y;	   /* text: start of the baseline; image: lower left */
	double x2, y2;	   /* rule: the other end; image: width and height */
	double size;	   /* text: font size; rule: line width */
	double char_space; /* text: added after every character */
	double gray;	   /* text: 0 black .. 1 white */
	double angle;	   /* text: degrees, counter-clockwise */
	int face;	   /* text: index into the font_set */
	char *text;	   /* text: UTF-8, owned */
};

struct pdf_page {
	struct pdf_item *items;
	size_t count, cap;
};

struct pdf_layout {
	struct pdf_page *pages;
	size_t count, cap;
};

void pdf_layout_init(struct pdf_layout *layout);
void pdf_layout_fini(struct pdf_layout *layout);
struct pdf_page *pdf_layout_add_page(struct pdf_layout *layout);

void pdf_page_add_rule(struct pdf_page *page, double x1, double y1, double x2, double y2,
		       double width);
void pdf_page_add_image(struct pdf_page *page, double x, double y, double w, double h);

/* A line of text in role, split into runs by the face that prints each
 * character (fonts marks them used).  Characters no face prints are
 * left out: render_pdf checks every text before typesetting. */
void pdf_page_add_text(struct pdf_page *page, struct font_set *fonts, enum font_role role,
		       double size, double x, double y, const uint32_t *cps, size_t n,
		       double char_space);

/* Width of cps[0..n) in role at size, char_space after each character. */
double pdf_text_width(struct font_set *fonts, enum font_role role, double size, const uint32_t *cps,
		      size_t n, double char_space);
/* Advance of each character into widths[0..n). */
void pdf_text_widths(struct font_set *fonts, enum font_role role, double size, const uint32_t *cps,
		     size_t n, double char_space, double *widths);

/* Decodes UTF-8 s into a new array of characters (the caller frees it). */
uint32_t *pdf_decode(const char *s, size_t len, size_t *n);

/* Where the next block goes: y is the distance from the top of the page
 * down to the free space of the current page. */
struct pdf_flow {
	struct pdf_layout *layout;
	struct font_set *fonts;
	struct pdf_page *page;
	double y;
};

void pdf_flow_init(struct pdf_flow *flow, struct pdf_layout *layout, struct font_set *fonts);
/* Starts a new page. */
void pdf_flow_break(struct pdf_flow *flow);
/* Starts a new page and moves the last lines lines of text of this one
 * onto it, so that what comes next does not stand alone; when those
 * lines are not plain text on the grid (a table ends the page), or are
 * all the page has, it only starts a new page. */
void pdf_flow_break_keeping(struct pdf_flow *flow, int lines);
/* Starts a new page unless height more points fit on this one. */
void pdf_flow_need(struct pdf_flow *flow, double height);
/* Moves y down to the next line of the page's grid of 22 lines. */
void pdf_flow_snap(struct pdf_flow *flow);
/* Points left on the current page. */
double pdf_flow_room(const struct pdf_flow *flow);

#endif
