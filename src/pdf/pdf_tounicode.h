/* Mending the ToUnicode CMaps libharu 2.3.0 writes.  With its UTF-8
 * encoder a character's code in the PDF is its Unicode value, but the
 * CMap it writes uses begincidrange, which is not allowed there: pdftotext
 * warns on every page and other readers extract nothing.  We append an
 * incremental update (pdf_update.h) that replaces each of them with a
 * correct CMap. */
#ifndef NIANBAO_PDF_TOUNICODE_H
#define NIANBAO_PDF_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* The characters one font prints: name is its PostScript name as
 * libharu returned it (the PDF's BaseFont, without the subset tag). */
struct pdf_tounicode_font {
	const char *name;    /* borrowed */
	const uint32_t *cps; /* ascending BMP characters, borrowed */
	size_t n;
};

/* Returns pdf[0..len) followed by an update replacing the ToUnicode
 * stream of each font with one that maps each of its characters to
 * itself (a font not in fonts[] gets the characters of all of them).
 * The caller frees the result; *out_len is its length.  NULL when pdf
 * cannot be read (see pdf_read.h). */
char *pdf_tounicode_fix(const char *pdf, size_t len, const struct pdf_tounicode_font *fonts,
			size_t nfonts, size_t *out_len);

#endif
