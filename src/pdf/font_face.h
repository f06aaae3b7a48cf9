/* One TrueType font file opened for layout and embedding: which
 * characters it has, how wide they are, whether libharu can print them,
 * and a real subset of it.  HarfBuzz reads the file; libharu never sees
 * the full font (see font_subset.h). */
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
 * nested at most 8 deep).  *deep: it has parts numbered 32768 or above,
 * which libharu 2.3.0 drops; it prints right only from a subset of
 * fewer glyphs, where the parts are renumbered (font_subset.h). */
bool font_face_glyph_printable(const struct font_face *face, uint32_t glyph, bool *deep);

/* The underlying hb_face_t (borrowed), for font_subset. */
void *font_face_hb_face(const struct font_face *face);

#endif
