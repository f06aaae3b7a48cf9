/* The areas of the screen for its size: the section list at the left,
 * the content to its right, the body between the title bar and the
 * message line. */
#ifndef NIANBAO_TUI_AREA_H
#define NIANBAO_TUI_AREA_H

#include <stdbool.h>

struct tui;

/* Below this size the form shows a notice instead. */
#define TUI_AREA_MIN_ROWS 16
#define TUI_AREA_MIN_COLS 60

bool tui_area_too_small(const struct tui *t);
int tui_area_sidebar_width(const struct tui *t);
int tui_area_content_x(const struct tui *t);
int tui_area_content_width(const struct tui *t);
int tui_area_body_top(const struct tui *t);
int tui_area_body_height(const struct tui *t);

#endif
