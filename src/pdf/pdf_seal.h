/* The seal image of the 落款: a PNG file checked in full before libharu
 * reads it, because libharu 2.3.0 lets libpng abort the program on a
 * damaged file instead of returning an error. */
#ifndef NIANBAO_PDF_SEAL_H
#define NIANBAO_PDF_SEAL_H

/* A seal bigger than this (pixels a side) is refused: a 42 mm seal
 * needs no more than about 1000 even at 600 dpi. */
#define PDF_SEAL_MAX_SIDE 4000

/* NULL when path is a complete, readable PNG of at most
 * PDF_SEAL_MAX_SIDE pixels a side (then *aspect is its width / height);
 * otherwise a Chinese sentence saying why not (the caller frees it). */
char *pdf_seal_check(const char *path, double *aspect);

#endif
