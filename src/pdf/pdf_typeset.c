/* Typesetting a report into pages; see pdf_typeset.h. */
#include "pdf_typeset.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "font_set.h"
#include "form.h"
#include "line_break.h"
#include "narrative.h"
#include "pdf_layout.h"
#include "pdf_table.h"
#include "pdf_title.h"
#include "report.h"
#include "template.h"
#include "templates.h"
#include "utf8.h"
#include "xalloc.h"

#define SEAL_SIZE (42 * PDF_MM)
#define IDEOGRAPHIC_SPACE 0x3000u

/* The baseline of a line of size points whose grid line starts at top:
 * ideographs sit centred in the line. */
static double baseline(double top, double size)
{
	return top + PDF_LINE_PITCH / 2 + 0.36 * size;
}

/* Body text is set on the 28-character grid: an ideograph advances one
 * grid step, so the character space is what 16 pt lacks of it. */
#define BODY_CHAR_SPACE (PDF_CHAR_PITCH - PDF_BODY_SIZE)

/* Draws cps[0..n) of one line at x, with space after each glyph; the
 * first head characters are a level-2 heading, in its own face. */
static void add_line(struct pdf_flow *flow, enum font_role role, const uint32_t *cps, size_t n,
		     const double *widths, size_t head, double x, double space)
{
	double y = PDF_PAGE_HEIGHT - baseline(flow->y, PDF_BODY_SIZE);
	if (head > n)
		head = n;
	if (head > 0) {
		pdf_page_add_text(flow->page, flow->fonts, FONT_ROLE_HEADING2, PDF_BODY_SIZE, x, y,
				  cps, head, space);
		for (size_t i = 0; i < head; i++)
			x += widths[i] - BODY_CHAR_SPACE + space;
	}
	pdf_page_add_text(flow->page, flow->fonts, role, PDF_BODY_SIZE, x, y, cps + head, n - head,
			  space);
}

/* Sets one paragraph on the grid.  indent: leading ideographic spaces
 * to add (they are not drawn, only leave room).  head: how many of
 * text's first characters are a level-2 heading (narrative.h).  keep:
 * lines of the next paragraph that must follow this one on its page
 * when it is all heading.  justify: every line but the last reaches the
 * right edge. */
static void add_paragraph(struct pdf_flow *flow, enum font_role role, const uint32_t *text,
			  size_t len, size_t head, int keep, size_t indent, bool justify)
{
	size_t n = len + indent;
	uint32_t *cps = xmalloc((n ? n : 1) * sizeof *cps);
	for (size_t i = 0; i < indent; i++)
		cps[i] = IDEOGRAPHIC_SPACE;
	for (size_t i = 0; i < len; i++)
		cps[indent + i] = text[i];
	double *widths = xmalloc((n ? n : 1) * sizeof *widths);
	pdf_text_widths(flow->fonts, FONT_ROLE_HEADING2, PDF_BODY_SIZE, cps + indent, head,
			BODY_CHAR_SPACE, widths + indent);
	pdf_text_widths(flow->fonts, role, PDF_BODY_SIZE, cps + indent + head, len - head,
			BODY_CHAR_SPACE, widths + indent + head);
	for (size_t i = 0; i < indent; i++)
		widths[i] = PDF_CHAR_PITCH;
	size_t *starts;
	size_t nlines = line_break_lines(cps, widths, n, PDF_BLOCK_WIDTH, LINE_BREAK_SPACES_HANG,
					 &starts);
	if (head > 0) {
		/* a heading never ends a page: two lines of what follows it
		 * come along, in this paragraph or the next */
		size_t last = 0;
		while (last + 1 < nlines && starts[last + 1] < indent + head)
			last++;
		size_t need = head < len ? last + 2 : nlines + (size_t)keep;
		if (need > nlines + (size_t)keep)
			need = nlines + (size_t)keep;
		if (need > PDF_LINES_PER_PAGE)
			need = PDF_LINES_PER_PAGE;
		pdf_flow_need(flow, (double)need * PDF_LINE_PITCH);
	}
	for (size_t k = 0; k < nlines; k++) {
		size_t from = starts[k], to = k + 1 < nlines ? starts[k + 1] : n;
		double x = PDF_BLOCK_LEFT;
		while (from < to && utf8_is_space(cps[from])) {
			x += widths[from];
			from++;
		}
		size_t end = to;
		while (end > from && utf8_is_space(cps[end - 1]))
			end--;
		/* the glyphs' own advances, without the grid's character space */
		double glyphs = 0;
		for (size_t i = from; i < end; i++)
			glyphs += widths[i] - BODY_CHAR_SPACE;
		double space = BODY_CHAR_SPACE;
		if (justify && k + 1 < nlines && end - from > 1) {
			/* the last glyph ends exactly at the right edge, unless that
			 * would spread a short line (one broken before a long
			 * unbreakable run) across the page: then it stays on the grid */
			double even = (PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH - x - glyphs) /
				      (double)(end - from - 1);
			if (even - BODY_CHAR_SPACE <= PDF_CHAR_PITCH)
				space = even;
		}
		pdf_flow_need(flow, PDF_LINE_PITCH);
		size_t in_head = indent + head > from ? indent + head - from : 0;
		add_line(flow, role, cps + from, end - from, widths + from, in_head, x, space);
		flow->y += PDF_LINE_PITCH;
	}
	free(starts);
	free(widths);
	free(cps);
}

/* The title, centred, in lines of whole words in the 梯形 or 菱形 shape
 * (pdf_title.h); organ: how it begins. */
static void add_title(struct pdf_flow *flow, const char *title, const char *organ)
{
	size_t n, norgan = 0;
	uint32_t *cps = pdf_decode(title, strlen(title), &n);
	if (strncmp(title, organ, strlen(organ)) == 0)
		free(pdf_decode(organ, strlen(organ), &norgan));
	double *widths = xmalloc((n ? n : 1) * sizeof *widths);
	pdf_text_widths(flow->fonts, FONT_ROLE_TITLE, PDF_TITLE_SIZE, cps, n, 0, widths);
	size_t *starts;
	size_t nlines = pdf_title_lines(cps, widths, n, norgan, PDF_BLOCK_WIDTH, &starts);
	for (size_t k = 0; k < nlines; k++) {
		size_t from = starts[k], to = k + 1 < nlines ? starts[k + 1] : n;
		double w = 0;
		for (size_t i = from; i < to; i++)
			w += widths[i];
		pdf_flow_need(flow, PDF_LINE_PITCH);
		pdf_page_add_text(flow->page, flow->fonts, FONT_ROLE_TITLE, PDF_TITLE_SIZE,
				  PDF_BLOCK_LEFT + (PDF_BLOCK_WIDTH - w) / 2,
				  PDF_PAGE_HEIGHT - baseline(flow->y, PDF_TITLE_SIZE), cps + from,
				  to - from, 0);
		flow->y += PDF_LINE_PITCH;
	}
	free(starts);
	free(widths);
	free(cps);
}

/* A narrative: each line of the text is a paragraph; the indent the
 * clerk typed (spaces, ideographic spaces) is replaced by ours, and a
 * paragraph's level-2 heading is set in its face. */
static void add_narrative(struct pdf_flow *flow, const char *text)
{
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t start, head_end, head = 0;
		bool heading = narrative_heading(text + i, end - i, &start, &head_end);
		size_t n;
		uint32_t *cps = pdf_decode(text + i, end - i, &n);
		if (heading) {
			size_t skip;
			free(pdf_decode(text + i, head_end, &head));
			free(pdf_decode(text + i, start, &skip));
			head -= skip;
		}
		size_t from = 0;
		while (from < n && utf8_is_space(cps[from]))
			from++;
		for (size_t k = from; k < n; k++)
			if (cps[k] == '\t')
				cps[k] = ' ';
		/* does a paragraph follow this one? */
		bool more = false;
		for (size_t k = end; k < len && !more; k++)
			more = !strchr(" \t\n", text[k]);
		if (from < n)
			add_paragraph(flow, FONT_ROLE_BODY, cps + from, n - from, head,
				      more ? 2 : 0, 2, true);
		free(cps);
		i = end + 1;
	}
}

/* A heading never ends a page: it keeps next points of what follows
 * (a narrative of one line is kept with a little more than it needs). */
static void add_heading(struct pdf_flow *flow, const char *heading, double next)
{
	size_t n;
	uint32_t *cps = pdf_decode(heading, strlen(heading), &n);
	pdf_flow_need(flow, PDF_LINE_PITCH + next);
	add_paragraph(flow, FONT_ROLE_HEADING, cps, n, 0, 0, 2, false);
	free(cps);
}

static void add_run_at(struct pdf_flow *flow, const uint32_t *cps, size_t n, double x, double y)
{
	pdf_page_add_text(flow->page, flow->fonts, FONT_ROLE_BODY, PDF_BODY_SIZE, x,
			  PDF_PAGE_HEIGHT - baseline(y, PDF_BODY_SIZE), cps, n, BODY_CHAR_SPACE);
}

/* The 落款: the date four characters in from the right, the organ
 * centred over it (two characters in from the right when there is no
 * date or it is too long; a very long name wraps), and the seal centred
 * over both, a little above their middle.  It never stands alone on a
 * page. */
static void add_signature(struct pdf_flow *flow, const struct report *r, double seal_aspect)
{
	const struct report_date *on = &r->issued_on;
	char *date = on->year ? templates_signature_date(on->year, on->month, on->day)
			      : xstrdup("");
	double right = PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH, limit = right - 2 * PDF_CHAR_PITCH;
	size_t n, nd;
	uint32_t *organ = pdf_decode(r->organ, strlen(r->organ), &n);
	uint32_t *day = pdf_decode(date, strlen(date), &nd);
	double *widths = xmalloc((n ? n : 1) * sizeof *widths);
	pdf_text_widths(flow->fonts, FONT_ROLE_BODY, PDF_BODY_SIZE, organ, n, BODY_CHAR_SPACE,
			widths);
	/* a long name wraps between its words */
	bool *breaks = xcalloc(n + 1, sizeof *breaks);
	pdf_title_organ_breaks(organ, n, breaks);
	size_t *starts;
	size_t nlines = pdf_title_word_lines(organ, widths, breaks, n, limit - PDF_BLOCK_LEFT,
					     &starts);
	free(breaks);

	pdf_flow_snap(flow);
	/* one blank line above the 落款, or none rather than a page of its
	 * own; if even that does not fit, the last two lines of text come
	 * along to the next page */
	double lines = (double)nlines + (nd ? 1 : 0) + (seal_aspect > 0 ? 1 : 0);
	if (pdf_flow_room(flow) >= (lines + 1) * PDF_LINE_PITCH - 0.01) {
		flow->y += PDF_LINE_PITCH;
	} else if (pdf_flow_room(flow) < lines * PDF_LINE_PITCH - 0.01) {
		pdf_flow_break_keeping(flow, 2);
		flow->y += PDF_LINE_PITCH;
	}
	double date_w = pdf_text_width(flow->fonts, FONT_ROLE_BODY, PDF_BODY_SIZE, day, nd,
				       BODY_CHAR_SPACE);
	double date_x = right - 4 * PDF_CHAR_PITCH - date_w;
	double centre = nd ? date_x + date_w / 2 : 0, top = flow->y;
	for (size_t k = 0; k < nlines; k++) {
		size_t from = starts[k], to = k + 1 < nlines ? starts[k + 1] : n;
		double w = 0;
		for (size_t i = from; i < to; i++)
			w += widths[i];
		double x = nd && centre + w / 2 <= limit ? centre - w / 2 : limit - w;
		if (!nd && k == 0)
			centre = x + w / 2;
		add_run_at(flow, organ + from, to - from, x, flow->y);
		flow->y += PDF_LINE_PITCH;
	}
	if (nd) {
		add_run_at(flow, day, nd, date_x, flow->y);
		flow->y += PDF_LINE_PITCH;
	}
	if (seal_aspect > 0) {
		double h = SEAL_SIZE, w = SEAL_SIZE * seal_aspect;
		if (w > SEAL_SIZE) {
			w = SEAL_SIZE;
			h = SEAL_SIZE / seal_aspect;
		}
		/* over the organ's last line and the date, a little above their middle */
		double middle = top + (double)nlines * PDF_LINE_PITCH - PDF_LINE_PITCH * 0.2;
		pdf_page_add_image(flow->page, centre - w / 2, PDF_PAGE_HEIGHT - middle - h / 2, w,
				   h);
	}
	free(starts);
	free(widths);
	free(day);
	free(date);
	free(organ);
}

static void add_page_number(struct pdf_layout *layout, struct font_set *fonts, size_t index)
{
	char page[24];
	snprintf(page, sizeof page, "%zu", index + 1);
	const struct template_var var = {"page", page};
	struct buf s;
	buf_init(&s);
	templates_expand(&s, TEMPLATES_PDF_PAGE_NUMBER, &var, 1);
	size_t n;
	uint32_t *cps = pdf_decode(s.data, s.len, &n);
	buf_fini(&s);
	double w = pdf_text_width(fonts, FONT_ROLE_BODY, PDF_PAGE_NUMBER_SIZE, cps, n, 0);
	double x = index % 2 == 0 ? PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH - PDF_PAGE_NUMBER_SIZE - w
				  : PDF_BLOCK_LEFT + PDF_PAGE_NUMBER_SIZE;
	/* 7 mm below the text block, as GB/T 9704 puts it */
	double y = PDF_PAGE_HEIGHT - (PDF_BLOCK_TOP + PDF_BLOCK_HEIGHT + 7 * PDF_MM) -
		   PDF_PAGE_NUMBER_SIZE * 0.8;
	pdf_page_add_text(&layout->pages[index], fonts, FONT_ROLE_BODY, PDF_PAGE_NUMBER_SIZE, x, y,
			  cps, n, 0);
	free(cps);
}

/* A large light 草稿 (pdf.yaml) across the page, drawn first so the text stays on
 * top of it. */
static void add_draft_mark(struct pdf_layout *layout, struct font_set *fonts, size_t index)
{
	struct pdf_page *page = &layout->pages[index];
	size_t n;
	const char *mark = templates_get(TEMPLATES_PDF_DRAFT_MARK);
	uint32_t *cps = pdf_decode(mark, strlen(mark), &n);
	double size = 150;
	double w = pdf_text_width(fonts, FONT_ROLE_TITLE, size, cps, n, 0);
	size_t before = page->count;
	double c = cos(M_PI / 4), cx = PDF_PAGE_WIDTH / 2, cy = PDF_PAGE_HEIGHT / 2;
	/* start so that the rotated text's middle is the page's centre */
	pdf_page_add_text(page, fonts, FONT_ROLE_TITLE, size, cx - (w / 2 - 0.36 * size) * c,
			  cy - (w / 2 + 0.36 * size) * c, cps, n, 0);
	free(cps);
	for (size_t i = before; i < page->count; i++) {
		page->items[i].gray = 0.72;
		page->items[i].angle = 45;
	}
	/* move the mark's runs to the front */
	size_t added = page->count - before;
	struct pdf_item *moved = xmalloc((added ? added : 1) * sizeof *moved);
	memcpy(moved, page->items + before, added * sizeof *moved);
	memmove(page->items + added, page->items, before * sizeof *moved);
	memcpy(page->items, moved, added * sizeof *moved);
	free(moved);
}

void pdf_typeset_report(const struct report *r, struct font_set *fonts, double seal_aspect,
			struct pdf_layout *layout)
{
	const struct form *f = r->form;
	struct pdf_flow flow;
	pdf_flow_init(&flow, layout, fonts);
	char *title = report_title(r);
	add_title(&flow, title, r->organ);
	free(title);
	flow.y += PDF_LINE_PITCH;
	for (size_t s = 0; s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		/* a heading keeps with two lines of text, or a table's first rows */
		double next = 2 * PDF_LINE_PITCH;
		if (sec->nitems > 0 && sec->items[0].kind == FORM_ITEM_TABLE)
			next = PDF_LINE_PITCH / 4 +
			       pdf_table_lead_height(fonts, &f->tables[sec->items[0].index], r);
		add_heading(&flow, sec->heading, next);
		for (size_t i = 0; i < sec->nitems; i++) {
			const struct form_item *item = &sec->items[i];
			if (item->kind == FORM_ITEM_TEXT) {
				add_narrative(&flow, r->texts[item->index]);
			} else {
				flow.y += PDF_LINE_PITCH / 4;
				pdf_table_add(&flow, &f->tables[item->index], r);
				flow.y += PDF_LINE_PITCH / 4;
				pdf_flow_snap(&flow);
			}
		}
	}
	add_signature(&flow, r, seal_aspect);
	for (size_t p = 0; p < layout->count; p++) {
		if (r->draft)
			add_draft_mark(layout, fonts, p);
		add_page_number(layout, fonts, p);
	}
}
