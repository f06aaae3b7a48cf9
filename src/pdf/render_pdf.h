/* The PDF of a report: the pages pdf_typeset lays out, drawn with
 * libharu, with each font embedded as a real subset in objects nianbao
 * writes itself (pdf_cidfont.h) with a ToUnicode map, Title, Author and Subject, and the same bytes for
 * the same report when SOURCE_DATE_EPOCH is set. */
#ifndef NIANBAO_RENDER_PDF_H
#define NIANBAO_RENDER_PDF_H

#include <stddef.h>

struct diag_list;
struct report;

struct render_pdf_options {
	const char *fonts_dir; /* NULL: font_roles_dir() */
	const char *seal_png;  /* the organ's seal over the 落款, or NULL */
};

/* Returns the PDF (the caller frees it; *len is its size), or NULL when
 * it cannot be made: then either diags has an error for each character
 * that cannot be printed (rule pdf.glyph, at its place in the report),
 * or *error is a Chinese sentence (the caller frees it) saying what is
 * wrong with the fonts or the seal. */
char *render_pdf(const struct report *report, const struct render_pdf_options *options, size_t *len,
		 struct diag_list *diags, char **error);

#endif
