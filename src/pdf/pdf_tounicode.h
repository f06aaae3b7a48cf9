/* Mending the ToUnicode CMaps libharu 2.3.0 writes.  With its UTF-8
 * encoder a character's code in the PDF is its Unicode value, but the
 * CMap it writes uses begincidrange, which is not allowed there: pdftotext
 * warns on every page and other readers extract nothing.  The file is
 * written anew (pdf_rewrite.h) with each of them replaced by a correct
 * CMap; that pass also deflates the streams libharu was told to leave
 * raw, faster than libharu would. */
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

/* Returns pdf[0..len) written anew with the ToUnicode stream of each
 * font replaced by one that maps each of its characters to itself (a
 * font not in fonts[] gets the characters of all of them), and every
 * stream without a filter deflated at deflate_level (see pdf_rewrite.h).
 * The caller frees the result; *out_len is its length.  NULL when pdf
 * cannot be read or written anew (see pdf_read.h, pdf_rewrite.h). */
char *pdf_tounicode_fix(const char *pdf, size_t len, const struct pdf_tounicode_font *fonts,
			size_t nfonts, int deflate_level, size_t *out_len);

#endif
