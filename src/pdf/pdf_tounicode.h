/* The ToUnicode CMap of a font the PDF writes (pdf_cidfont.h): each
 * glyph code the pages show, mapped to the character it prints, so that
 * text comes back out of the file (pdftotext, search, copying). */
#ifndef NIANBAO_PDF_TOUNICODE_H
#define NIANBAO_PDF_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Appends to b the CMap mapping the two-byte code glyphs[i] to cps[i],
 * for i in [0, n): glyphs ascending, each once; cps in the BMP.
 * Neighbouring codes of neighbouring characters share a bfrange. */
void pdf_tounicode_cmap(struct buf *b, const uint32_t *glyphs, const uint32_t *cps, size_t n);

#endif
