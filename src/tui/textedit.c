/* Multi-line text editing; see textedit.h. */
#include "textedit.h"

#include <stdlib.h>
#include <string.h>

#include "line_break.h"
#include "utf8.h"
#include "xalloc.h"

static void add_line(struct textedit *e, size_t start, size_t end)
{
	e->lines = xgrow(e->lines, &e->cap, e->nlines + 1, sizeof *e->lines);
	e->lines[e->nlines++] = (struct textedit_line){start, end};
}

/* Wraps one paragraph s[start..end) into lines no wider than e->width,
 * by the line breaker every view of nianbao shares (render/line_break):
 * where the rules allow, and inside a run only when nothing else fits (a
 * long number or word).  A space wraps like any character, so the cursor
 * never sits beyond the edge. */
static void layout_paragraph(struct textedit *e, size_t start, size_t end)
{
	if (start == end) {
		add_line(e, start, start);
		return;
	}
	const char *s = e->text.data;
	size_t need = end - start + 1;
	if (need > e->scratch_cap) {
		e->scratch_cap = need;
		e->cps = xrealloc(e->cps, need * sizeof *e->cps);
		e->widths = xrealloc(e->widths, need * sizeof *e->widths);
		e->offsets = xrealloc(e->offsets, need * sizeof *e->offsets);
	}
	size_t n = 0;
	for (size_t i = start; i < end; n++) {
		bool ok;
		e->offsets[n] = i;
		i += utf8_decode(s + i, end - i, &e->cps[n], &ok);
		e->widths[n] = utf8_char_width(e->cps[n], ok);
	}
	e->offsets[n] = end;
	size_t *at;
	size_t lines = line_break_lines(e->cps, e->widths, n, e->width, LINE_BREAK_SPACES_FIT, &at);
	for (size_t k = 0; k < lines; k++)
		add_line(e, e->offsets[at[k]], e->offsets[k + 1 < lines ? at[k + 1] : n]);
	free(at);
}

/* Wraps the paragraphs of s[start..end] (end at a paragraph's end),
 * appending their lines. */
static void layout_range(struct textedit *e, size_t start, size_t end)
{
	const char *s = e->text.data;
	for (;;) {
		const char *nl = memchr(s + start, '\n', end - start);
		size_t stop = nl ? (size_t)(nl - s) : end;
		layout_paragraph(e, start, stop);
		if (!nl)
			break;
		start = stop + 1;
	}
}

/* Wraps every paragraph into lines no wider than e->width. */
static void layout(struct textedit *e)
{
	e->nlines = 0;
	layout_range(e, 0, e->text.len);
}

/* The first visual line that starts at or after offset. */
static size_t first_line_from(const struct textedit *e, size_t offset)
{
	size_t lo = 0, hi = e->nlines;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e->lines[mid].start < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* After an edit that turned text[from..old_to) into text[from..new_to),
 * wraps again only the paragraphs the edit touched and moves the lines
 * after them: a keystroke costs the same in a long text as in a short
 * one (unless its paragraph is long). */
static void relayout(struct textedit *e, size_t from, size_t old_to, size_t new_to)
{
	e->edit_from = from;
	e->edit_old_to = old_to;
	e->edit_new_to = new_to;
	const char *s = e->text.data;
	size_t len = e->text.len;
	size_t p0 = from, p1 = new_to;
	while (p0 > 0 && s[p0 - 1] != '\n')
		p0--;
	while (p1 < len && s[p1] != '\n')
		p1++;
	size_t old_p1 = p1 - new_to + old_to;
	/* the old lines of those paragraphs: from the one starting at p0 to
	 * the last starting at or before old_p1 */
	size_t first = first_line_from(e, p0);
	size_t after = first_line_from(e, old_p1 + 1);
	if (after < first || first >= e->nlines) {
		layout(e); /* not laid out as expected: start again */
		return;
	}
	/* the new lines go at the end first, then into place */
	size_t old_count = e->nlines;
	layout_range(e, p0, p1);
	size_t fresh = e->nlines - old_count, tail = old_count - after;
	struct textedit_line *made = xmalloc((fresh ? fresh : 1) * sizeof *made);
	memcpy(made, e->lines + old_count, fresh * sizeof *made);
	memmove(e->lines + first + fresh, e->lines + after, tail * sizeof *e->lines);
	memcpy(e->lines + first, made, fresh * sizeof *made);
	free(made);
	e->nlines = first + fresh + tail;
	for (size_t i = first + fresh; i < e->nlines; i++) {
		e->lines[i].start = e->lines[i].start - old_to + new_to;
		e->lines[i].end = e->lines[i].end - old_to + new_to;
	}
}

void textedit_init(struct textedit *e, const char *text, size_t max_chars, int width)
{
	memset(e, 0, sizeof *e);
	buf_init(&e->text);
	buf_adds(&e->text, text);
	e->chars = utf8_length(e->text.data, e->text.len);
	e->cursor = 0;
	e->goal_column = -1;
	e->max_chars = max_chars;
	e->width = width > 1 ? width : 2;
	layout(e);
}

void textedit_fini(struct textedit *e)
{
	buf_fini(&e->text);
	free(e->lines);
	free(e->cps);
	free(e->widths);
	free(e->offsets);
	e->lines = NULL;
	e->cps = NULL;
	e->widths = NULL;
	e->offsets = NULL;
	e->nlines = e->cap = e->scratch_cap = 0;
}

void textedit_set_width(struct textedit *e, int width)
{
	e->width = width > 1 ? width : 2;
	layout(e);
}

enum textedit_refusal textedit_insert(struct textedit *e, const char *s, size_t len)
{
	size_t i = 0;
	if (!utf8_validate(s, len, NULL))
		return TEXTEDIT_INVALID;
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(s + i, len - i, &cp, &ok);
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0))
			return TEXTEDIT_CONTROL;
	}
	size_t added = utf8_length(s, len);
	if (e->chars + added > e->max_chars)
		return TEXTEDIT_TOO_LONG;
	e->chars += added;
	struct buf *t = &e->text;
	buf_add(t, s, len); /* grow, then open the gap at the cursor */
	memmove(t->data + e->cursor + len, t->data + e->cursor, t->len - len - e->cursor);
	memcpy(t->data + e->cursor, s, len);
	e->cursor += len;
	e->goal_column = -1;
	e->at_line_end = false;
	relayout(e, e->cursor - len, e->cursor - len, e->cursor);
	return TEXTEDIT_OK;
}

/* Byte offset of the character before / after offset. */
static size_t prev_char(const struct textedit *e, size_t offset)
{
	if (offset == 0)
		return 0;
	do
		offset--;
	while (offset > 0 && ((unsigned char)e->text.data[offset] & 0xC0) == 0x80);
	return offset;
}

static size_t next_char(const struct textedit *e, size_t offset)
{
	if (offset >= e->text.len)
		return e->text.len;
	uint32_t cp;
	bool ok;
	return offset + utf8_decode(e->text.data + offset, e->text.len - offset, &cp, &ok);
}

static void remove_range(struct textedit *e, size_t from, size_t to)
{
	struct buf *t = &e->text;
	e->chars -= utf8_length(t->data + from, to - from);
	memmove(t->data + from, t->data + to, t->len - to);
	t->len -= to - from;
	t->data[t->len] = '\0';
	e->cursor = from;
	e->goal_column = -1;
	e->at_line_end = false;
	relayout(e, from, to, from);
}

bool textedit_backspace(struct textedit *e)
{
	if (e->cursor == 0)
		return false;
	remove_range(e, prev_char(e, e->cursor), e->cursor);
	return true;
}

bool textedit_delete(struct textedit *e)
{
	if (e->cursor >= e->text.len)
		return false;
	remove_range(e, e->cursor, next_char(e, e->cursor));
	return true;
}

bool textedit_kill_paragraph(struct textedit *e)
{
	const char *s = e->text.data;
	size_t from = e->cursor, to = e->cursor;
	while (from > 0 && s[from - 1] != '\n')
		from--;
	while (to < e->text.len && s[to] != '\n')
		to++;
	if (to < e->text.len)
		to++; /* its line break, so the next paragraph moves up */
	else if (from > 0)
		from--; /* the last one: the line break before it */
	if (from == to)
		return false;
	remove_range(e, from, to);
	/* at the start of what took the deleted paragraph's place */
	while (e->cursor > 0 && s[e->cursor - 1] != '\n')
		e->cursor--;
	return true;
}

bool textedit_kill_to_start(struct textedit *e)
{
	size_t from = e->cursor;
	while (from > 0 && e->text.data[from - 1] != '\n')
		from--;
	if (from == e->cursor)
		return false;
	remove_range(e, from, e->cursor);
	return true;
}

/* The kind of character a word is a run of. */
enum char_class { CLASS_SPACE, CLASS_HAN, CLASS_WORD, CLASS_PUNCT };

static enum char_class char_class(uint32_t cp)
{
	if (utf8_is_space(cp) || cp == '\n')
		return CLASS_SPACE;
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp >= 0x20000)
		return CLASS_HAN;
	if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '_' ||
	    (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xC0 && cp < 0x2000))
		return CLASS_WORD;
	return CLASS_PUNCT;
}

static enum char_class class_at(const struct textedit *e, size_t offset)
{
	uint32_t cp;
	bool ok;
	utf8_decode(e->text.data + offset, e->text.len - offset, &cp, &ok);
	return char_class(cp);
}

bool textedit_word_right(struct textedit *e)
{
	size_t at = e->cursor;
	while (at < e->text.len && class_at(e, at) == CLASS_SPACE)
		at = next_char(e, at);
	if (at < e->text.len) {
		enum char_class c = class_at(e, at);
		while (at < e->text.len && class_at(e, at) == c)
			at = next_char(e, at);
	}
	e->goal_column = -1;
	e->at_line_end = false;
	bool moved = at != e->cursor;
	e->cursor = at;
	return moved;
}

bool textedit_word_left(struct textedit *e)
{
	size_t at = e->cursor;
	while (at > 0 && class_at(e, prev_char(e, at)) == CLASS_SPACE)
		at = prev_char(e, at);
	if (at > 0) {
		enum char_class c = class_at(e, prev_char(e, at));
		while (at > 0 && class_at(e, prev_char(e, at)) == c)
			at = prev_char(e, at);
	}
	e->goal_column = -1;
	e->at_line_end = false;
	bool moved = at != e->cursor;
	e->cursor = at;
	return moved;
}

bool textedit_left(struct textedit *e)
{
	e->goal_column = -1;
	e->at_line_end = false;
	if (e->cursor == 0)
		return false;
	e->cursor = prev_char(e, e->cursor);
	return true;
}

bool textedit_right(struct textedit *e)
{
	e->goal_column = -1;
	e->at_line_end = false;
	if (e->cursor >= e->text.len)
		return false;
	e->cursor = next_char(e, e->cursor);
	return true;
}

size_t textedit_cursor_line(const struct textedit *e, int *column)
{
	/* the last line that starts at or before the cursor; a cursor at the
	 * end of a wrapped line shows at the start of the next one, unless it
	 * was put at the end of its line (End, or moving up and down) */
	size_t lo = 0, hi = e->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (e->lines[mid].start <= e->cursor)
			lo = mid;
		else
			hi = mid;
	}
	if (e->at_line_end && lo > 0 && e->lines[lo].start == e->cursor &&
	    e->lines[lo - 1].end == e->cursor)
		lo--;
	if (column)
		*column = utf8_nwidth(e->text.data + e->lines[lo].start,
				      e->cursor - e->lines[lo].start);
	return lo;
}

/* Puts the cursor on visual line `line` at display column goal or before. */
static void place_on_line(struct textedit *e, size_t line, int goal)
{
	const struct textedit_line *l = &e->lines[line];
	size_t take = utf8_prefix_for_width(e->text.data + l->start, l->end - l->start, goal);
	e->cursor = l->start + take;
	/* its end may also be the next line's start: stay on this line */
	e->at_line_end = e->cursor == l->end && e->cursor > l->start && line + 1 < e->nlines &&
			 e->lines[line + 1].start == l->end;
}

static bool move_vertically(struct textedit *e, long delta)
{
	int column;
	size_t line = textedit_cursor_line(e, &column);
	if (e->goal_column < 0)
		e->goal_column = column;
	long target = (long)line + delta;
	if (target < 0)
		target = 0;
	if (target >= (long)e->nlines)
		target = (long)e->nlines - 1;
	if ((size_t)target == line)
		return false;
	int goal = e->goal_column;
	place_on_line(e, (size_t)target, goal);
	e->goal_column = goal;
	return true;
}

bool textedit_up(struct textedit *e, size_t lines)
{
	return move_vertically(e, -(long)lines);
}

bool textedit_down(struct textedit *e, size_t lines)
{
	return move_vertically(e, (long)lines);
}

void textedit_home(struct textedit *e)
{
	e->cursor = e->lines[textedit_cursor_line(e, NULL)].start;
	e->goal_column = -1;
	e->at_line_end = false;
}

void textedit_end(struct textedit *e)
{
	size_t line = textedit_cursor_line(e, NULL);
	place_on_line(e, line, 1 << 30);
	e->goal_column = -1;
}
