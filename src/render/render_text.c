/* The standardized text of a report: the title, the six sections with
 * their official headings, the narratives as written, and every table
 * with all its labels and numbers, aligned by display width.  The layout
 * is the form's; nothing here knows which tables a report has.  The
 * lines that are not the form's (draft mark, 落款 date) come from
 * templates/text.yaml.  Same report, same bytes. */
#include "render_text.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "line_break.h"
#include "report.h"
#include "templates.h"
#include "utf8.h"
#include "xalloc.h"

/* Row labels wider than this wrap onto continuation lines. */
#define LABEL_WRAP 44
#define COLUMN_GAP 2
#define INDENT 2
#define SIGNATURE_WIDTH 72

/* Splits label into lines no wider than width, by the rules of every
 * line nianbao breaks; returns the line count and fills starts/lens (at
 * most max lines). */
static size_t wrap_label(const char *label, int width, const char **starts, size_t *lens,
			 size_t max)
{
	size_t len = strlen(label), n = 0;
	uint32_t *cps = xmalloc((len ? len : 1) * sizeof *cps);
	double *widths = xmalloc((len ? len : 1) * sizeof *widths);
	size_t *offsets = xmalloc((len + 1) * sizeof *offsets);
	for (size_t i = 0; i < len; n++) {
		bool valid;
		offsets[n] = i;
		i += utf8_decode(label + i, len - i, &cps[n], &valid);
		widths[n] = valid ? utf8_cp_width(cps[n]) : 1;
	}
	offsets[n] = len;
	size_t *at;
	size_t lines = line_break_lines(cps, widths, n, width, LINE_BREAK_SPACES_FIT, &at);
	size_t kept = lines < max ? lines : max;
	for (size_t k = 0; k < kept; k++) {
		size_t end = offsets[k + 1 < lines ? at[k + 1] : n];
		starts[k] = label + offsets[at[k]];
		lens[k] = end - offsets[at[k]];
	}
	free(at);
	free(offsets);
	free(widths);
	free(cps);
	return kept;
}

static void pad_to(struct buf *out, size_t line_start, int column)
{
	int w = utf8_nwidth(out->data + line_start, out->len - line_start);
	buf_pad(out, column - w);
}

static void trim_line_end(struct buf *out)
{
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
}

struct table_layout {
	int label_width;
	int *x;	       /* per column: the screen column where it ends */
	int *width;    /* per column */
	size_t levels; /* header lines above the column labels */
};

static void layout_table(const struct form_table *t, const struct report *r,
			 struct table_layout *lay)
{
	const struct form_column_set *cols = t->columns;
	lay->label_width = t->label_header && utf8_width(t->label_header) <= LABEL_WRAP
				   ? utf8_width(t->label_header)
				   : 0;
	for (size_t i = 0; i < t->nrows; i++) {
		int w = (int)t->rows[i].depth * INDENT + utf8_width(t->rows[i].label);
		if (w > LABEL_WRAP)
			w = LABEL_WRAP;
		if (w > lay->label_width)
			lay->label_width = w;
	}
	lay->width = xcalloc(cols->ncolumns, sizeof *lay->width);
	lay->x = xcalloc(cols->ncolumns, sizeof *lay->x);
	lay->levels = 0;
	for (size_t c = 0; c < cols->ncolumns; c++) {
		const struct form_column *col = &cols->columns[c];
		int w = utf8_width(col->label);
		if (col->ngroups > lay->levels)
			lay->levels = col->ngroups;
		for (size_t i = 0; i < t->nrows; i++) {
			if (t->rows[i].group)
				continue;
			char num[32];
			report_format_number(r, t->rows[i].first_cell + c, num);
			if ((int)strlen(num) > w)
				w = (int)strlen(num);
		}
		lay->width[c] = w;
	}
	int x = lay->label_width;
	for (size_t c = 0; c < cols->ncolumns; c++) {
		x += COLUMN_GAP + lay->width[c];
		lay->x[c] = x;
	}
}

/* Header lines: group labels over the first column of their span, then
 * the column labels right-aligned over their numbers. */
static void add_table_header(struct buf *out, const struct form_table *t,
			     const struct table_layout *lay)
{
	const struct form_column_set *cols = t->columns;
	for (size_t level = 0; level < lay->levels; level++) {
		size_t line = out->len;
		for (size_t c = 0; c < cols->ncolumns; c++) {
			const struct form_column *col = &cols->columns[c];
			if (col->ngroups <= level)
				continue;
			const struct form_column *prev = c ? &cols->columns[c - 1] : NULL;
			if (prev && prev->ngroups > level &&
			    strcmp(prev->groups[level], col->groups[level]) == 0)
				continue; /* same span */
			pad_to(out, line, lay->x[c] - lay->width[c]);
			buf_adds(out, col->groups[level]);
			buf_addc(out, ' ');
		}
		trim_line_end(out);
		buf_addc(out, '\n');
	}
	size_t line = out->len;
	if (t->label_header && utf8_width(t->label_header) <= lay->label_width)
		buf_adds(out, t->label_header);
	for (size_t c = 0; c < cols->ncolumns; c++) {
		pad_to(out, line, lay->x[c] - utf8_width(cols->columns[c].label));
		buf_adds(out, cols->columns[c].label);
	}
	buf_addc(out, '\n');
}

static void add_table(struct buf *out, const struct form_table *t, const struct report *r)
{
	struct table_layout lay;
	layout_table(t, r, &lay);
	if (t->title)
		buf_addf(out, "%s\n", t->title);
	if (t->label_header && utf8_width(t->label_header) > lay.label_width)
		buf_addf(out, "%s\n", t->label_header);
	add_table_header(out, t, &lay);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct form_row *row = &t->rows[i];
		int indent = (int)row->depth * INDENT;
		const char *starts[8];
		size_t lens[8];
		size_t nlines = wrap_label(row->label, lay.label_width - indent, starts, lens, 8);
		for (size_t k = 0; k < nlines; k++) {
			size_t line = out->len;
			buf_pad(out, indent + (k ? INDENT : 0));
			buf_add(out, starts[k], lens[k]);
			if (k == 0 && !row->group) {
				for (size_t c = 0; c < t->columns->ncolumns; c++) {
					char num[32];
					report_format_number(r, row->first_cell + c, num);
					pad_to(out, line, lay.x[c] - (int)strlen(num));
					buf_adds(out, num);
				}
			}
			buf_addc(out, '\n');
		}
	}
	free(lay.width);
	free(lay.x);
}

/* Narratives are printed as written, without trailing blank lines. */
static void add_narrative(struct buf *out, const char *text)
{
	size_t len = strlen(text);
	len = utf8_trim_end(text, len);
	if (len == 0)
		return;
	buf_add(out, text, len);
	buf_adds(out, "\n\n");
}

static void add_right_aligned(struct buf *out, const char *text)
{
	buf_pad(out, SIGNATURE_WIDTH - utf8_width(text));
	buf_adds(out, text);
	buf_addc(out, '\n');
}

char *render_text(const struct report *r, size_t *len)
{
	const struct form *f = r->form;
	struct buf out;
	buf_init(&out);
	if (r->draft)
		buf_addf(&out, "%s\n", templates_get(TEMPLATES_TEXT_DRAFT_LINE));
	char *title = report_title(r);
	buf_addf(&out, "%s\n\n", title);
	free(title);
	for (size_t s = 0; s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		buf_addf(&out, "%s\n\n", sec->heading);
		for (size_t i = 0; i < sec->nitems; i++) {
			const struct form_item *item = &sec->items[i];
			if (item->kind == FORM_ITEM_TEXT) {
				add_narrative(&out, r->texts[item->index]);
			} else {
				add_table(&out, &f->tables[item->index], r);
				buf_addc(&out, '\n');
			}
		}
	}
	if (r->issued_on.year) {
		char *date = templates_signature_date(r->issued_on.year, r->issued_on.month,
						      r->issued_on.day);
		add_right_aligned(&out, r->organ);
		add_right_aligned(&out, date);
		free(date);
	}
	/* exactly one newline at the end */
	while (out.len > 1 && out.data[out.len - 1] == '\n' && out.data[out.len - 2] == '\n')
		out.len--;
	out.data[out.len] = '\0';
	*len = out.len;
	return buf_take(&out);
}
