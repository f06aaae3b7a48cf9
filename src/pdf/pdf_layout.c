/* The display list and the flow down the pages; see pdf_layout.h. */
#include "pdf_layout.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "font_face.h"
#include "font_set.h"
#include "utf8.h"
#include "xalloc.h"

void pdf_layout_init(struct pdf_layout *layout)
{
	memset(layout, 0, sizeof *layout);
}

void pdf_layout_fini(struct pdf_layout *layout)
{
	for (size_t p = 0; p < layout->count; p++) {
		for (size_t i = 0; i < layout->pages[p].count; i++)
			free(layout->pages[p].items[i].text);
		free(layout->pages[p].items);
	}
	free(layout->pages);
	memset(layout, 0, sizeof *layout);
}

struct pdf_page *pdf_layout_add_page(struct pdf_layout *layout)
{
	layout->pages = xgrow(layout->pages, &layout->cap, layout->count + 1,
			      sizeof *layout->pages);
	struct pdf_page *page = &layout->pages[layout->count++];
	memset(page, 0, sizeof *page);
	return page;
}

static struct pdf_item *add_item(struct pdf_page *page, enum pdf_item_kind kind, double x, double y)
{
	page->items = xgrow(page->items, &page->cap, page->count + 1, sizeof *page->items);
	struct pdf_item *item = &page->items[page->count++];
	memset(item, 0, sizeof *item);
	item->kind = kind;
	item->face = -1;
	item->x = x;
	item->y = y;
	return item;
}

static bool near(double a, double b)
{
	return a - b < 0.01 && b - a < 0.01;
}

/* How far back a rule is looked for again: a table row's cells share
 * their edges with the row above, some forty items earlier. */
#define RULE_LOOKBACK 128

void pdf_page_add_rule(struct pdf_page *page, double x1, double y1, double x2, double y2,
		       double width)
{
	/* neighbouring table cells draw their shared edge once */
	for (size_t i = page->count, seen = 0; i-- > 0 && seen < RULE_LOOKBACK; seen++) {
		const struct pdf_item *r = &page->items[i];
		if (r->kind != PDF_ITEM_RULE || !near(r->size, width))
			continue;
		if ((near(r->x, x1) && near(r->y, y1) && near(r->x2, x2) && near(r->y2, y2)) ||
		    (near(r->x, x2) && near(r->y, y2) && near(r->x2, x1) && near(r->y2, y1)))
			return;
	}
	struct pdf_item *item = add_item(page, PDF_ITEM_RULE, x1, y1);
	item->x2 = x2;
	item->y2 = y2;
	item->size = width;
}

void pdf_page_add_image(struct pdf_page *page, double x, double y, double w, double h)
{
	struct pdf_item *item = add_item(page, PDF_ITEM_IMAGE, x, y);
	item->x2 = w;
	item->y2 = h;
}

static double advance(struct font_set *fonts, int face, uint32_t cp, double size, double char_space)
{
	if (face < 0)
		return 0;
	return font_face_advance(fonts->faces[face], cp) * size / 1000.0 + char_space;
}

void pdf_page_add_text(struct pdf_page *page, struct font_set *fonts, enum font_role role,
		       double size, double x, double y, const uint32_t *cps, size_t n,
		       double char_space)
{
	struct buf run;
	buf_init(&run);
	int run_face = -1;
	double run_x = x;
	for (size_t i = 0; i <= n; i++) {
		int face = i < n ? font_set_pick(fonts, role, cps[i]) : -2;
		if (i < n && face < 0)
			continue;
		if (face != run_face && run.len > 0) {
			struct pdf_item *item = add_item(page, PDF_ITEM_TEXT, run_x, y);
			item->size = size;
			item->char_space = char_space;
			item->face = run_face;
			item->text = buf_take(&run);
		}
		if (i == n)
			break;
		if (face != run_face) {
			run_face = face;
			run_x = x;
		}
		char bytes[4];
		buf_add(&run, bytes, utf8_encode(cps[i], bytes));
		x += advance(fonts, face, cps[i], size, char_space);
	}
	buf_fini(&run);
}

void pdf_text_widths(struct font_set *fonts, enum font_role role, double size, const uint32_t *cps,
		     size_t n, double char_space, double *widths)
{
	for (size_t i = 0; i < n; i++)
		widths[i] = advance(fonts, font_set_find(fonts, role, cps[i]), cps[i], size,
				    char_space);
}

double pdf_text_width(struct font_set *fonts, enum font_role role, double size, const uint32_t *cps,
		      size_t n, double char_space)
{
	double w = 0;
	for (size_t i = 0; i < n; i++)
		w += advance(fonts, font_set_find(fonts, role, cps[i]), cps[i], size, char_space);
	return w;
}

uint32_t *pdf_decode(const char *s, size_t len, size_t *n)
{
	uint32_t *cps = xmalloc((len ? len : 1) * sizeof *cps);
	size_t count = 0;
	for (size_t i = 0; i < len;) {
		bool valid;
		i += utf8_decode(s + i, len - i, &cps[count], &valid);
		count++;
	}
	*n = count;
	return cps;
}

void pdf_flow_init(struct pdf_flow *flow, struct pdf_layout *layout, struct font_set *fonts)
{
	flow->layout = layout;
	flow->fonts = fonts;
	flow->page = NULL;
	pdf_flow_break(flow);
}

void pdf_flow_break(struct pdf_flow *flow)
{
	flow->page = pdf_layout_add_page(flow->layout);
	flow->y = PDF_BLOCK_TOP;
}

void pdf_flow_break_keeping(struct pdf_flow *flow, int lines)
{
	double top = flow->y - lines * PDF_LINE_PITCH; /* where the lines to move begin */
	double cut = PDF_PAGE_HEIGHT - top;	       /* the same, in page coordinates */
	size_t index = (size_t)(flow->page - flow->layout->pages), moving = 0;
	bool movable = top >= PDF_BLOCK_TOP + PDF_LINE_PITCH - 0.01;
	for (size_t i = 0; movable && i < flow->page->count; i++) {
		const struct pdf_item *it = &flow->page->items[i];
		if (it->y < cut) {
			movable = it->kind == PDF_ITEM_TEXT;
			moving++;
		}
	}
	pdf_flow_break(flow);
	if (!movable || moving == 0)
		return;
	struct pdf_page *old = &flow->layout->pages[index];
	double shift = (PDF_PAGE_HEIGHT - PDF_BLOCK_TOP) - cut;
	size_t kept = 0;
	for (size_t i = 0; i < old->count; i++) {
		struct pdf_item *it = &old->items[i];
		if (it->y >= cut) {
			old->items[kept++] = *it;
			continue;
		}
		struct pdf_item *moved = add_item(flow->page, it->kind, it->x, it->y + shift);
		*moved = *it; /* takes over the text */
		moved->y += shift;
	}
	old->count = kept;
	flow->y = PDF_BLOCK_TOP + lines * PDF_LINE_PITCH;
}

double pdf_flow_room(const struct pdf_flow *flow)
{
	return PDF_BLOCK_TOP + PDF_BLOCK_HEIGHT - flow->y;
}

void pdf_flow_need(struct pdf_flow *flow, double height)
{
	/* a hair of tolerance so that exactly 22 lines fit */
	if (height > pdf_flow_room(flow) + 0.01)
		pdf_flow_break(flow);
}

void pdf_flow_snap(struct pdf_flow *flow)
{
	double line = (flow->y - PDF_BLOCK_TOP) / PDF_LINE_PITCH;
	long whole = (long)line;
	if (line - (double)whole > 0.001)
		flow->y = PDF_BLOCK_TOP + (double)(whole + 1) * PDF_LINE_PITCH;
}
