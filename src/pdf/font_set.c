/* Choosing the face for each character; see font_set.h. */
#include "font_set.h"

#include <stdlib.h>
#include <string.h>

#include "font_face.h"
#include "xalloc.h"

/* What a face knows of a BMP character, filled in on first use. */
enum {
	STATE_UNKNOWN,
	STATE_PRINTS,
	STATE_MISSING,
	STATE_MISPRINTS, /* has it, but its outline is broken */
	STATE_USED = 0x80,
};

#define BMP 0x10000u

static int open_source(struct font_set *set, const struct font_source *src, char **error)
{
	for (size_t i = 0; i < set->nfaces; i++)
		if (strcmp(font_face_path(set->faces[i]), src->path) == 0)
			return (int)i;
	struct font_face *face = font_face_open(src->path, src->index, error);
	if (!face)
		return -1;
	set->faces[set->nfaces] = face;
	set->state[set->nfaces] = xcalloc(BMP, 1);
	return (int)set->nfaces++;
}

int font_set_open(struct font_set *set, const struct font_roles *roles, char **error)
{
	memset(set, 0, sizeof *set);
	for (int r = 0; r < FONT_ROLES; r++) {
		set->primary[r] = open_source(set, &roles->primary[r], error);
		if (set->primary[r] < 0)
			goto fail;
		set->fallback[r] = -1;
		if (roles->fallback[r].path) {
			set->fallback[r] = open_source(set, &roles->fallback[r], error);
			if (set->fallback[r] < 0)
				goto fail;
		}
	}
	return 0;
fail:
	font_set_close(set);
	return -1;
}

void font_set_close(struct font_set *set)
{
	for (size_t i = 0; i < set->nfaces; i++) {
		font_face_free(set->faces[i]);
		free(set->state[i]);
	}
	memset(set, 0, sizeof *set);
}

static int face_state(struct font_set *set, int face, uint32_t cp)
{
	uint8_t *st = &set->state[face][cp];
	if ((*st & ~STATE_USED) == STATE_UNKNOWN) {
		uint32_t glyph = font_face_glyph(set->faces[face], cp);
		if (glyph == 0)
			*st = STATE_MISSING;
		else if (!font_face_glyph_printable(set->faces[face], glyph))
			*st = STATE_MISPRINTS;
		else
			*st = STATE_PRINTS;
	}
	return *st & ~STATE_USED;
}

char *font_set_problem(struct font_set *set, enum font_role role, uint32_t cp, int *face)
{
	if (cp >= BMP)
		/* the set keeps what it knows per BMP character */
		return xasprintf("nianbao 的 PDF 只能印基本多文种平面（U+FFFF 以内）的字");
	int faces[2] = {set->primary[role], set->fallback[role]};
	int misprints = -1;
	for (int k = 0; k < 2; k++) {
		if (faces[k] < 0)
			continue;
		int st = face_state(set, faces[k], cp);
		if (st == STATE_PRINTS) {
			*face = faces[k];
			return NULL;
		}
		if (st == STATE_MISPRINTS && misprints < 0)
			misprints = faces[k];
	}
	if (misprints >= 0)
		return xasprintf("字体“%s”中这个字的字形已损坏（组成它的部件不全），"
				 "请在 fonts/roles.conf 中换一种字体",
				 font_face_family(set->faces[misprints]));
	if (faces[1] >= 0)
		return xasprintf("字体“%s”和后备字体“%s”都没有这个字",
				 font_face_family(set->faces[faces[0]]),
				 font_face_family(set->faces[faces[1]]));
	return xasprintf("字体“%s”没有这个字，角色 %s 也没有后备字体",
			 font_face_family(set->faces[faces[0]]), font_role_name(role));
}

int font_set_find(struct font_set *set, enum font_role role, uint32_t cp)
{
	if (cp >= BMP)
		return -1;
	int faces[2] = {set->primary[role], set->fallback[role]};
	for (int k = 0; k < 2; k++)
		if (faces[k] >= 0 && face_state(set, faces[k], cp) == STATE_PRINTS)
			return faces[k];
	return -1;
}

int font_set_pick(struct font_set *set, enum font_role role, uint32_t cp)
{
	int face = font_set_find(set, role, cp);
	if (face >= 0)
		set->state[face][cp] |= STATE_USED;
	return face;
}

uint32_t *font_set_used(const struct font_set *set, int face, size_t *n)
{
	size_t count = 0;
	for (uint32_t cp = 0; cp < BMP; cp++)
		count += (set->state[face][cp] & STATE_USED) != 0;
	uint32_t *cps = xmalloc((count ? count : 1) * sizeof *cps);
	count = 0;
	for (uint32_t cp = 0; cp < BMP; cp++)
		if (set->state[face][cp] & STATE_USED)
			cps[count++] = cp;
	*n = count;
	return cps;
}

int font_set_open_dir(struct font_set *set, const char *fonts_dir, char **error)
{
	struct font_roles roles;
	if (font_roles_load(fonts_dir ? fonts_dir : font_roles_dir(), &roles, error) != 0)
		return -1;
	int opened = font_set_open(set, &roles, error);
	font_roles_fini(&roles);
	return opened;
}
