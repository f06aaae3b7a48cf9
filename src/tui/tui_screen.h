/* The whole screen: the title bar, the section list and the page shown
 * (or the help), the message line and the key hints, and the open
 * dialog over them. */
#ifndef NIANBAO_TUI_SCREEN_H
#define NIANBAO_TUI_SCREEN_H

struct tui;

/* Lays the screen out for the state (after every change, before drawing)
 * and draws it; drawing only reads what the layout found. */
void tui_screen_layout(struct tui *t);
void tui_screen_draw(struct tui *t);
/* Both: after a change. */
void tui_screen_show(struct tui *t);
/* The title bar alone, for a question asked before the form starts. */
void tui_screen_title(const struct tui *t);

#endif
