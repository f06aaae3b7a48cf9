/* The fonts of one PDF: the faces the roles name (font_roles.h), opened
 * once each, and for every character the face that prints it in a role:
 * the role's first font, else its fallback.  It remembers which
 * characters each face printed, for subsetting. */
#ifndef NIANBAO_FONT_SET_H
#define NIANBAO_FONT_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "font_roles.h"

struct font_face;

#define FONT_SET_MAX_FACES (2 * FONT_ROLES)

struct font_set {
	struct font_face *faces[FONT_SET_MAX_FACES]; /* owned */
	size_t nfaces;
	int primary[FONT_ROLES];	    /* index into faces */
	int fallback[FONT_ROLES];	    /* index into faces, or -1 */
	uint8_t *state[FONT_SET_MAX_FACES]; /* per BMP character, see font_set.c */
};

/* Opens the fonts of roles.  Returns 0, or -1 with *error set (the
 * caller frees it). */
int font_set_open(struct font_set *set, const struct font_roles *roles, char **error);
/* The same with the roles of fonts_dir's roles.conf (NULL: the fonts
 * directory nianbao uses, font_roles_dir). */
int font_set_open_dir(struct font_set *set, const char *fonts_dir, char **error);
void font_set_close(struct font_set *set);

/* Why cp cannot be printed in role (a Chinese sentence the caller
 * frees), or NULL when it can; then *face is the face that prints it. */
char *font_set_problem(struct font_set *set, enum font_role role, uint32_t cp, int *face);

/* The face that prints cp in role, or -1. */
int font_set_find(struct font_set *set, enum font_role role, uint32_t cp);

/* The same, marking cp as used by it; -1 when
 * none can (font_set_problem says why). */
int font_set_pick(struct font_set *set, enum font_role role, uint32_t cp);

/* The characters face printed, ascending (the caller frees them). */
uint32_t *font_set_used(const struct font_set *set, int face, size_t *n);

#endif
