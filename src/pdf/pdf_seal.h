/* The seal image of the 落款: a PNG file checked in full before libharu
 * reads it, because libharu 2.3.0 lets libpng abort the program on a
 * damaged file instead of returning an error. */
#ifndef NIANBAO_PDF_SEAL_H
#define NIANBAO_PDF_SEAL_H

#include <stddef.h>

/* A seal bigger than this (pixels a side) is refused: a 42 mm seal
 * needs no more than about 1000 even at 600 dpi. */
#define PDF_SEAL_MAX_SIDE 4000

/* A seal PNG as read once from its file: libharu gets these same bytes,
 * so what was checked is what is printed. */
struct pdf_seal {
	char *png;
	size_t len;
	double aspect; /* width / height */
};

/* A PNG file of more than this is refused unread (a seal is tens of KB). */
#define PDF_SEAL_MAX_BYTES (16u << 20)

/* NULL when path is a complete, readable PNG of at most
 * PDF_SEAL_MAX_SIDE pixels a side, then *seal holds it (free it with
 * pdf_seal_fini); otherwise a Chinese sentence saying why not (the caller
 * frees it) and *seal is empty. */
char *pdf_seal_load(const char *path, struct pdf_seal *seal);

void pdf_seal_fini(struct pdf_seal *seal);

#endif
