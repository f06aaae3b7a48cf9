/* The areas of the screen for its size. */
#include "tui_area.h"

#include "tui_view.h"

bool tui_area_too_small(const struct tui *t)
{
	return t->rows < TUI_AREA_MIN_ROWS || t->cols < TUI_AREA_MIN_COLS;
}

int tui_area_sidebar_width(const struct tui *t)
{
	return t->cols >= 100 ? 28 : 8;
}

int tui_area_content_x(const struct tui *t)
{
	return tui_area_sidebar_width(t) + 1;
}

int tui_area_content_width(const struct tui *t)
{
	return t->cols - tui_area_content_x(t) - 1;
}

int tui_area_body_top(const struct tui *t)
{
	(void)t;
	return 1;
}

int tui_area_body_height(const struct tui *t)
{
	return t->rows - 2 - (t->message_lines > 1 ? t->message_lines : 1);
}
