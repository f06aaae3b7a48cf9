/* Text on the screen by display width: a wide character is never split,
 * invalid bytes show as U+FFFD.  Draws with the current attributes
 * (tui_style.h) and knows nothing of the form. */
#ifndef NIANBAO_TUI_PUT_H
#define NIANBAO_TUI_PUT_H

/* Writes s at (y, x) in at most width columns.  Returns the columns used. */
int tui_put(int y, int x, const char *s, int width);
/* The same, right-aligned in width columns. */
void tui_put_right(int y, int x, const char *s, int width);
/* Draws s wrapped into lines of width columns from (y, x), at most
 * max_lines (the last cut with "…"); returns the lines used.
 * tui_put_wrapped_lines counts them without drawing. */
int tui_put_wrapped(int y, int x, const char *s, int width, int max_lines);
int tui_put_wrapped_lines(const char *s, int width, int max_lines);
/* Fills width columns at (y, x) with spaces. */
void tui_put_blank(int y, int x, int width);

#endif
