/* Text on the screen by display width, wrapped by the same rules as the
 * narratives (textedit.c). */
#include "tui_put.h"

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "textedit.h"
#include "utf8.h"
#include "xalloc.h"

int tui_put(int y, int x, const char *s, int width)
{
	int used = 0;
	size_t len = strlen(s), i = 0;
	move(y, x);
	while (i < len && used < width) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + i, len - i, &cp, &ok);
		if (!ok)
			cp = UTF8_REPLACEMENT;
		if (cp == '\t' || cp == '\n')
			cp = ' ';
		int w = utf8_cp_width(cp);
		if (w == 0 && cp < 0x20)
			cp = UTF8_REPLACEMENT, w = 1;
		if (used + w > width)
			break;
		wchar_t wc[2] = {(wchar_t)cp, 0};
		addnwstr(wc, 1);
		used += w;
		i += n;
	}
	return used;
}

void tui_put_right(int y, int x, const char *s, int width)
{
	int w = utf8_width(s);
	if (w > width)
		w = width;
	tui_put_blank(y, x, width - w);
	tui_put(y, x + width - w, s, w);
}

/* Wraps s into lines of width columns by the same rules as the
 * narratives, drawing them from (y, x) when draw is set; past max_lines
 * the last line ends in "…".  Returns the number of lines. */
static int wrap(const char *s, int y, int x, int width, int max_lines, bool draw)
{
	struct textedit e;
	textedit_init(&e, s, SIZE_MAX, width);
	int lines = e.nlines < (size_t)max_lines ? (int)e.nlines : max_lines;
	for (int i = 0; draw && i < lines; i++) {
		const struct textedit_line *l = &e.lines[i];
		char *part = xstrndup(e.text.data + l->start, l->end - l->start);
		if (i + 1 == lines && e.nlines > (size_t)lines) {
			int used = tui_put(y + i, x, part, width - 1);
			tui_put(y + i, x + used, "…", 1);
		} else {
			tui_put(y + i, x, part, width);
		}
		free(part);
	}
	textedit_fini(&e);
	return lines;
}

int tui_put_wrapped_lines(const char *s, int width, int max_lines)
{
	return wrap(s, 0, 0, width, max_lines, false);
}

int tui_put_wrapped(int y, int x, const char *s, int width, int max_lines)
{
	return wrap(s, y, x, width, max_lines, true);
}

void tui_put_blank(int y, int x, int width)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		addch(' ');
}
