/* A real subset of a font: only the glyphs a report uses, which is what
 * libharu is given to embed.  libharu's own "subset" only empties unused
 * outlines and keeps every other table, which makes a report of a few
 * pages weigh 500 KB.  Glyphs are renumbered from 0, which makes the
 * file smaller and keeps the parts of composite glyphs below 32768,
 * where libharu 2.3.0 reads them right (font_face_glyph_printable); its
 * cmap is replaced by one libharu reads fast (font_cmap.h). */
#ifndef NIANBAO_FONT_SUBSET_H
#define NIANBAO_FONT_SUBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct font_face;

/* The subset of face holding the characters cps[0..n) (ascending) as a
 * TrueType file in memory (the caller frees it; *len is its size), or NULL when
 * HarfBuzz cannot subset the font.  compact_cmap: replace HarfBuzz's cmap
 * by the one of font_cmap.h (fast for libharu, which fails on a few sets
 * of glyphs with it; false keeps HarfBuzz's).  *nglyphs: the number of
 * glyphs in the subset. */
char *font_subset_make(const struct font_face *face, const uint32_t *cps, size_t n,
		       bool compact_cmap, size_t *len, unsigned *nglyphs);

#endif
