/* A font of the PDF as nianbao writes it, not as libharu would: a Type0
 * font whose CIDFontType2 descendant embeds the HarfBuzz subset
 * (font_subset.h) as it is.  A character's code is its glyph in the
 * subset (Identity-H, CIDToGIDMap /Identity), so there is no map of
 * 65536 entries to build and no font for libharu to parse and write
 * again; the widths and the ToUnicode map (pdf_tounicode.h) name only
 * the glyphs used.  The objects are made with libharu's object layer, so
 * they stand in its document beside everything else; pages name the font
 * with pdf_cidfont_select and show text with pdf_cidfont_show.  The font
 * program goes in as an empty stream that the whole-file rewrite fills
 * (pdf_rewrite.h), so its bytes are not copied through libharu. */
#ifndef NIANBAO_PDF_CIDFONT_H
#define NIANBAO_PDF_CIDFONT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct font_face;

struct pdf_cidfont {
	HPDF_Dict dict;		 /* the Type0 font, for the pages' resources */
	uint16_t *glyph;	 /* the subset's glyph of each BMP character; 0: none */
	uint32_t program_object; /* the object number of the empty FontFile2 stream */
	char *program;		 /* the subset to put there, owned */
	size_t program_len;
};

/* Adds to pdf the font of face printing the characters cps[0..n)
 * (ascending, BMP, n > 0).  False with *error set (the caller frees it)
 * when HarfBuzz cannot subset the face or libharu cannot make an object;
 * font is then empty for pdf_cidfont_fini. */
bool pdf_cidfont_add(HPDF_Doc pdf, const struct font_face *face, const uint32_t *cps, size_t n,
		     struct pdf_cidfont *font, char **error);
void pdf_cidfont_fini(struct pdf_cidfont *font);

/* Writes the Tf operator choosing font at size points into page's text
 * object (between HPDF_Page_BeginText and HPDF_Page_EndText). */
bool pdf_cidfont_select(HPDF_Page page, const struct pdf_cidfont *font, double size);

/* Writes a Tj operator showing the UTF-8 text in font, each character
 * as its glyph (0, the missing glyph, for one the font does not print). */
bool pdf_cidfont_show(HPDF_Page page, const struct pdf_cidfont *font, const char *text);

#endif
