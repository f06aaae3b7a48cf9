/* A table of a section page.  The grid gives each column the width of
 * its label or its widest number, splits labels over two lines when one
 * line leaves too little room for the row labels, and shows the columns
 * that fit around the cursor's (◀ ▶ say that more are off screen).
 * Cells are coloured by what the session says of them. */
#include "tui_table.h"

#include <curses.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "session.h"
#include "tui_area.h"
#include "tui_cursor.h"
#include "tui_keys.h"
#include "tui_message.h"
#include "tui_number.h"
#include "tui_put.h"
#include "tui_style.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

static int number_width(const struct report *r, size_t cell)
{
	char text[32];
	if (r->form->cells[cell].type == FORM_MONEY) {
		value_format_money(r->numbers[cell], text);
		return (int)strlen(text);
	}
	int digits = 1; /* counts are never negative */
	for (int64_t v = r->numbers[cell]; v >= 10; v /= 10)
		digits++;
	return digits;
}

/* Splits label into two lines of about equal width; returns the byte
 * length of the first. */
static size_t split_label(const char *label)
{
	size_t len = strlen(label);
	return utf8_prefix_for_width(label, len, (utf8_width(label) + 1) / 2 + 1);
}

void tui_table_layout(const struct tui *t, const struct form_table *tab, struct tui_table_grid *g)
{
	const struct form_column_set *cols = tab->columns;
	int available = tui_area_content_width(t) - 1;
	size_t n = cols->ncolumns < TUI_TABLE_MAX_COLUMNS ? cols->ncolumns : TUI_TABLE_MAX_COLUMNS;
	int one_line = 0, two_lines = 0;
	int wide_numbers[TUI_TABLE_MAX_COLUMNS];
	for (size_t c = 0; c < n; c++) {
		int w = 6;
		for (size_t r = 0; r < tab->nrows; r++)
			if (!tab->rows[r].group) {
				int nw = number_width(t->session->report,
						      tab->rows[r].first_cell + c);
				if (nw > w)
					w = nw;
			}
		if (t->number_editing && (int)t->number.len > w)
			w = (int)t->number.len;
		wide_numbers[c] = w;
		int label = utf8_width(cols->columns[c].label);
		int half = utf8_nwidth(cols->columns[c].label, split_label(cols->columns[c].label));
		one_line += 1 + (label > w ? label : w);
		two_lines += 1 + (half > w ? half : w);
	}
	int labels = 0;
	for (size_t r = 0; r < tab->nrows; r++) {
		int w = (int)tab->rows[r].depth * 2 + utf8_width(tab->rows[r].label);
		if (w > labels)
			labels = w;
	}
	int min_label = available / 4 > 14 ? available / 4 : 14;
	bool single = available - one_line >= (labels < min_label ? labels : min_label);
	g->header_lines = single ? 1 : 2;
	for (size_t c = 0; c < n; c++) {
		const char *label = cols->columns[c].label;
		int lw = single ? utf8_width(label) : utf8_nwidth(label, split_label(label));
		int rest = single ? 0 : utf8_width(label + split_label(label));
		if (rest > lw)
			lw = rest;
		g->width[c] = 1 + (lw > wide_numbers[c] ? lw : wide_numbers[c]);
	}
	int sum = single ? one_line : two_lines;
	g->label_width = available - sum;
	if (g->label_width > labels)
		g->label_width = labels;
	if (g->label_width < min_label)
		g->label_width = min_label;
	g->groups = 0;
	for (size_t c = 0; c < n; c++)
		if (cols->columns[c].ngroups > g->groups)
			g->groups = cols->columns[c].ngroups;
	/* the columns that fit, keeping the cursor's in view */
	size_t first = 0;
	for (;;) {
		int x = g->label_width;
		size_t last = first;
		while (last < n && x + g->width[last] <= available)
			x += g->width[last++];
		if (last == first)
			last = first + 1;
		if (tui_cursor_table(t, t->item) != tab || t->column < last || first + 1 >= n) {
			g->first = first;
			g->last = last;
			break;
		}
		first++;
	}
}

/* A column group's label centred over the columns it spans, with a rule
 * on either side so that the span shows. */
static void put_group_label(const char *label, int y, int x, int span)
{
	int w = utf8_width(label);
	if (w + 2 >= span) {
		tui_put(y, x, label, span);
		return;
	}
	int left = (span - w) / 2;
	mvhline_set(y, x, WACS_HLINE, left - 1);
	tui_put(y, x + left, label, w);
	mvhline_set(y, x + left + w + 1, WACS_HLINE, span - left - w - 1);
}

void tui_table_draw_groups(const struct tui *t, const struct form_table *tab,
			   const struct tui_table_grid *g, size_t level, int y, int x0)
{
	const struct form_column_set *cols = tab->columns;
	int x = x0 + g->label_width;
	tui_style(t, TUI_STYLE_DIM);
	for (size_t c = g->first; c < g->last; c++) {
		const struct form_column *col = &cols->columns[c];
		bool starts = col->ngroups > level &&
			      (c == g->first || cols->columns[c - 1].ngroups <= level ||
			       strcmp(cols->columns[c - 1].groups[level], col->groups[level]) != 0);
		if (starts) {
			int span = 0;
			for (size_t k = c;
			     k < g->last && cols->columns[k].ngroups > level &&
			     strcmp(cols->columns[k].groups[level], col->groups[level]) == 0;
			     k++)
				span += g->width[k];
			put_group_label(col->groups[level], y, x + 1, span - 1);
		}
		x += g->width[c];
	}
}

void tui_table_draw_labels(const struct tui *t, const struct form_table *tab,
			   const struct tui_table_grid *g, size_t line, int y, int x0)
{
	const struct form_column_set *cols = tab->columns;
	tui_style(t, TUI_STYLE_HEADING);
	if (line + 1 == (size_t)g->header_lines && tab->label_header &&
	    utf8_width(tab->label_header) <= g->label_width)
		tui_put(y, x0, tab->label_header, g->label_width);
	if (g->first > 0 && line == 0)
		tui_put(y, x0 + g->label_width - 2, "◀", 2);
	int x = x0 + g->label_width;
	for (size_t c = g->first; c < g->last; c++) {
		const char *label = cols->columns[c].label;
		char part[128];
		if (g->header_lines == 1) {
			tui_put_right(y, x, label, g->width[c]);
		} else {
			size_t split = split_label(label);
			if (utf8_width(label) < g->width[c]) /* fits one line: put it low */
				snprintf(part, sizeof part, "%s", line == 1 ? label : "");
			else if (line == 0)
				snprintf(part, sizeof part, "%.*s", (int)split, label);
			else
				snprintf(part, sizeof part, "%s", label + split);
			tui_put_right(y, x, part, g->width[c]);
		}
		x += g->width[c];
	}
	if (g->last < tab->columns->ncolumns && line == 0)
		tui_put(y, x, "▶", 2);
}

static enum tui_style cell_style(const struct tui *t, size_t cell, bool here)
{
	const struct session *s = t->session;
	bool broken = session_cell_is_broken(s, cell);
	for (size_t i = 0; i < t->nsuggested && !broken; i++)
		broken = t->suggested[i] == cell; /* the one the problem list says to correct */
	if (here)
		return broken ? TUI_STYLE_CURSOR_ERROR : TUI_STYLE_CURSOR;
	if (broken)
		return TUI_STYLE_ERROR;
	const struct rule_failure *f[1];
	if (session_cell_failures(s, cell, f, 1))
		return TUI_STYLE_WARNING;
	if (rules_cell_is_derived(s->entry->rules, cell))
		return TUI_STYLE_DERIVED;
	return TUI_STYLE_NORMAL;
}

void tui_table_draw_row(const struct tui *t, const struct form_table *tab,
			const struct tui_table_grid *g, size_t r, bool cursor_table, int y, int x0)
{
	const struct form_row *row = &tab->rows[r];
	int indent = (int)row->depth * (tui_area_content_width(t) < 80 ? 1 : 2);
	tui_style(t, row->group ? TUI_STYLE_HEADING : TUI_STYLE_LABEL);
	int lw = g->label_width - indent - 1;
	if (utf8_width(row->label) <= lw || lw <= 2) {
		tui_put(y, x0 + indent, row->label, lw);
	} else {
		/* show that the label goes on: the message line has all of it */
		int used = tui_put(y, x0 + indent, row->label, lw - 1);
		tui_put(y, x0 + indent + used, "…", 1);
	}
	if (row->group)
		return;
	int x = x0 + g->label_width;
	for (size_t c = g->first; c < g->last; c++) {
		size_t cell = row->first_cell + c;
		bool here = cursor_table && r == t->row && c == t->column &&
			    t->focus == TUI_FOCUS_CONTENT;
		char text[40];
		if (here && t->number_editing)
			snprintf(text, sizeof text, "%s", t->number.data);
		else if (t->form->cells[cell].type == FORM_MONEY)
			value_format_money(t->session->report->numbers[cell], text);
		else
			snprintf(text, sizeof text, "%" PRId64, t->session->report->numbers[cell]);
		tui_style(t, cell_style(t, cell, here));
		tui_put_right(y, x + 1, text, g->width[c] - 1);
		x += g->width[c];
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

bool tui_table_cursor(const struct tui *t, const struct tui_table_grid *g, int *x)
{
	if (!t->number_editing)
		return false;
	int x_end = tui_area_content_x(t) + 1 + g->label_width;
	for (size_t c = g->first; c <= t->column && c < g->last; c++)
		x_end += g->width[c];
	*x = x_end;
	return true;
}

enum tui_reaction tui_table_key(struct tui *t, struct tui_key key)
{
	const struct form_table *tab = tui_cursor_table(t, t->item);
	size_t page_rows = (size_t)(tui_area_body_height(t) > 10 ? tui_area_body_height(t) - 8 : 2);
	enum tui_reaction r = TUI_NONE;
	enum tui_action action = tui_keys_action(TUI_KEYS_TABLE, key);

	switch (action) {
	case TUI_ACTION_LEAVE:
		if (t->number_editing)
			return tui_number_cancel(t);
		t->focus = TUI_FOCUS_SECTIONS;
		return TUI_REDRAW;
	case TUI_ACTION_BACKSPACE:
		if (!t->number_editing)
			tui_number_start(t, true);
		if (t->number.len) {
			t->number.len--;
			t->number.data[t->number.len] = '\0';
		}
		return tui_number_apply(t);
	case TUI_ACTION_DELETE:
		tui_number_start(t, false);
		return tui_number_apply(t);
	case TUI_ACTION_NONE:
		return TUI_NONE;
	default:
		break;
	}
	/* everything else ends the number being typed */
	if (t->number_editing) {
		t->number_editing = false;
		buf_clear(&t->number);
		r = TUI_REDRAW;
	}
	switch (action) {
	case TUI_ACTION_ENTER:
	case TUI_ACTION_DOWN:
		return r | tui_cursor_move_vertically(t, 1, 1);
	case TUI_ACTION_NEXT:
		return r | tui_cursor_move_tab(t, false);
	case TUI_ACTION_PREV:
		return r | tui_cursor_move_tab(t, true);
	case TUI_ACTION_UP:
		return r | tui_cursor_move_vertically(t, -1, 1);
	case TUI_ACTION_PAGE_UP:
		return r | tui_cursor_move_vertically(t, -1, page_rows) | TUI_REDRAW;
	case TUI_ACTION_PAGE_DOWN:
		return r | tui_cursor_move_vertically(t, 1, page_rows) | TUI_REDRAW;
	case TUI_ACTION_LEFT:
		if (t->column > 0)
			t->column--;
		return r | TUI_REDRAW;
	case TUI_ACTION_RIGHT:
		if (t->column + 1 < tab->columns->ncolumns)
			t->column++;
		return r | TUI_REDRAW;
	case TUI_ACTION_HOME:
		t->column = 0;
		return r | TUI_REDRAW;
	case TUI_ACTION_END:
		t->column = tab->columns->ncolumns - 1;
		return r | TUI_REDRAW;
	default:
		return r;
	}
}

/* Typed or pasted characters into the table: digits fill the cell under
 * the cursor; in a paste (from a spreadsheet, say) a tab moves to the next
 * cell and a line break to the next row, back at the first column pasted.
 * The first character that cannot go in stops the rest, with a message,
 * so "12 34" never becomes 1234. */
/* Where the number starting at s[at] ends: its digits, thousands
 * separators and decimal point. */
static size_t number_end(const char *s, size_t len, size_t at)
{
	while (at < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + at, len - at, &cp, &ok);
		if (utf8_digit_value(cp) < 0 && !strchr(",. ", (int)(cp < 0x80 ? cp : 'x')) &&
		    cp != 0xFF0C && cp != 0xFF0E && cp != 0x3000)
			break;
		at += n;
	}
	while (at > 0 && (s[at - 1] == ',' || s[at - 1] == ' ' || s[at - 1] == '.'))
		at--; /* a separator after the number is not part of it */
	return at;
}

static bool starts_with(const char *s, size_t len, const char *word)
{
	return len >= strlen(word) && memcmp(s, word, strlen(word)) == 0;
}

/* A number pasted as people write it: "1,234" or "１，２３４" is 1234; a
 * count's unit 件 after it is dropped; an amount written with 元 or 万元 is
 * refused whole (its unit is the form's 万元: 5000元 must not become 5000
 * 万元).  Returns the bytes taken from s[at], or 0 to type s[at] as it is;
 * *refused when the number is refused. */
static size_t paste_number(struct tui *t, const char *s, size_t len, size_t at,
			   enum tui_reaction *r, bool *refused)
{
	size_t cell = tui_cursor_cell(t), end = number_end(s, len, at);
	bool money = t->form->cells[cell].type == FORM_MONEY;
	*refused = false;
	if (money &&
	    (starts_with(s + end, len - end, "元") || starts_with(s + end, len - end, "万元"))) {
		size_t unit = starts_with(s + end, len - end, "元") ? strlen("元") : strlen("万元");
		const char *form_unit = t->form->types[FORM_MONEY].unit;
		tui_message(t, TUI_MESSAGE_ERROR, "金额只填数字（单位已是%s）：“%.*s”没有填入",
			    form_unit ? form_unit : "万元", (int)(end + unit - at), s + at);
		*refused = true;
		return 0;
	}
	char *digits = xmalloc(end - at + 1);
	size_t taken = value_take_grouped(s + at, end - at, digits);
	for (size_t k = 0; taken && digits[k] && !*refused; k++)
		*r |= tui_number_type(t, (uint32_t)digits[k], refused);
	free(digits);
	if (*refused)
		return 0;
	if (taken && at + taken == end && !money && starts_with(s + end, len - end, "件"))
		taken += strlen("件");
	return taken;
}

enum tui_reaction tui_table_insert(struct tui *t, const char *utf8, size_t len)
{
	enum tui_reaction r = TUI_NONE;
	size_t start_column = t->column, i = 0;
	bool in_number = false; /* the last character was a digit */
	while (i < len) {
		uint32_t cp;
		bool ok, refused;
		size_t at = i;
		i += utf8_decode(utf8 + i, len - i, &cp, &ok);
		if (!in_number && utf8_digit_value(cp) >= 0) {
			size_t taken = paste_number(t, utf8, len, at, &r, &refused);
			if (refused)
				return r | TUI_REDRAW;
			if (taken) {
				i = at + taken;
				continue;
			}
		}
		in_number = utf8_digit_value(cp) >= 0;
		if (cp == '\t' || cp == '\n') {
			size_t item = t->item, row = t->row, column = t->column;
			tui_cursor_commit(t);
			r |= cp == '\t' ? tui_cursor_move_tab(t, false)
					: tui_cursor_move_vertically(t, 1, 1);
			const struct form_table *tab = tui_cursor_table(t, t->item);
			bool stayed = item == t->item && row == t->row && column == t->column;
			if (!tab || stayed) {
				if (i < len)
					tui_message(
						t, TUI_MESSAGE_ERROR,
						"粘贴的内容超出了本部分的表格，其余部分没有填入");
				return r | TUI_REDRAW;
			}
			if (cp == '\n')
				t->column = start_column < tab->columns->ncolumns ? start_column
										  : 0;
			continue;
		}
		if (cp == '?' && !t->number_editing && len == 1) {
			t->help = true;
			return r | TUI_REDRAW;
		}
		r |= tui_number_type(t, cp, &refused);
		/* a count's unit after plain digits is dropped, as after grouped ones */
		if (!refused && in_number &&
		    t->form->cells[tui_cursor_cell(t)].type != FORM_MONEY &&
		    starts_with(utf8 + i, len - i, "件")) {
			i += strlen("件");
			in_number = false;
		}
		if (refused) {
			if (i < len) {
				char *why = xstrdup(t->message ? t->message : "");
				tui_message(t, TUI_MESSAGE_ERROR,
					    "%s；从“%.*s”起粘贴的内容没有填入", why, (int)(i - at),
					    utf8 + at);
				free(why);
			}
			return r | TUI_REDRAW;
		}
	}
	return r;
}
