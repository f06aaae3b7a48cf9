/* The form: `nianbao edit FILE` in a terminal (see tui.c). */
#ifndef NIANBAO_TUI_H
#define NIANBAO_TUI_H

#include <stdio.h>

struct catalog;
struct tui;

/* Opens path in the form (creating it when missing, for organ and year if
 * given, else asking).  Returns the exit status; problems that keep the
 * form from starting are printed to err. */
int tui_edit(const char *path, struct catalog *catalog, const char *organ, int year, FILE *err);

/* Frees the view state (not the session, which the caller owns): the end
 * of tui_edit, and of a program that drives the form without it. */
void tui_fini(struct tui *t);

#endif
