/* A real subset of a font: only the glyphs a report uses, which is what
 * the PDF and the OFD embed.  Glyphs are renumbered from 0, which makes
 * the file smaller; the caller learns each character's new glyph. */
#ifndef NIANBAO_FONT_SUBSET_H
#define NIANBAO_FONT_SUBSET_H

#include <stddef.h>
#include <stdint.h>

struct font_face;

/* The subset of face holding the characters cps[0..n) (ascending) as a
 * TrueType file in memory (the caller frees it; *len is its size), or
 * NULL when HarfBuzz cannot subset the font.  glyphs, when not NULL,
 * receives the subset's glyph of each cps[i] (0: the font lacks it). */
char *font_subset_make(const struct font_face *face, const uint32_t *cps, size_t n,
		       uint32_t *glyphs, size_t *len);

#endif
