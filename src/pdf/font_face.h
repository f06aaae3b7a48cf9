/* One TrueType font file opened for layout and embedding: which
 * characters it has, how wide they are, whether their outlines are
 * whole, and what a PDF font descriptor says of it.  HarfBuzz reads the
 * file; what is embedded is a subset of it (font_subset.h). */
#ifndef NIANBAO_FONT_FACE_H
#define NIANBAO_FONT_FACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct font_face;

/* Opens face number index of path (a .ttf, or a .ttc collection).
 * Returns NULL with *error set (the caller frees it) when it cannot be
 * read or has no TrueType outlines. */
struct font_face *font_face_open(const char *path, unsigned index, char **error);
void font_face_free(struct font_face *face);

/* The file and family it was opened as (borrowed, live as long as face). */
const char *font_face_path(const struct font_face *face);
const char *font_face_family(const struct font_face *face);

/* The glyph of cp, or 0 when the font lacks it. */
uint32_t font_face_glyph(const struct font_face *face, uint32_t cp);

/* Horizontal advance of cp in thousandths of the font size. */
int font_face_advance(const struct font_face *face, uint32_t cp);

/* True when glyph's outline is whole (a composite's parts are there,
 * nested at most 8 deep). */
bool font_face_glyph_printable(const struct font_face *face, uint32_t glyph);

/* What a PDF font descriptor says of the face, in thousandths of the
 * font size: the extent above and below the baseline, the height of
 * capitals, the box every glyph fits in (left, bottom, right, top), and
 * the width of vertical stems as estimated from the weight class. */
struct font_face_metrics {
	int ascent, descent, cap_height;
	int bbox[4];
	int stem_v;
};
void font_face_metrics(const struct font_face *face, struct font_face_metrics *m);

/* The face's PostScript name (its name table's ID 6), or its family when
 * it has none; borrowed, live as long as face. */
const char *font_face_postscript_name(const struct font_face *face);

/* The underlying hb_face_t (borrowed), for font_subset. */
void *font_face_hb_face(const struct font_face *face);

#endif
