/* A character map (cmap table, format 4) with few segments, for the font
 * subsets libharu embeds.  libharu 2.3.0 looks up every one of the 65536
 * codes of a UTF-8 font, twice, by scanning the segments one by one; the
 * cmap HarfBuzz writes for a subset has a segment for almost every
 * character, which made that scan the largest part of making a PDF.
 * Here neighbouring characters share a segment, the codes between them
 * mapping to no glyph. */
#ifndef NIANBAO_FONT_CMAP_H
#define NIANBAO_FONT_CMAP_H

#include <stddef.h>
#include <stdint.h>

/* The cmap table mapping cps[i] to glyphs[i] (cps ascending, BMP only),
 * as a new buffer (the caller frees it; *len is its size), or NULL when
 * the characters are too spread out for one format 4 table. */
char *font_cmap_make(const uint32_t *cps, const uint32_t *glyphs, size_t n, size_t *len);

#endif
