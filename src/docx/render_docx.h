/* The Word document of a report (WordprocessingML, .docx), written here
 * with libxml2 and zipped with libzip: the title in Word's Title style,
 * the six official headings in Heading 1, the narratives, the three tables
 * with the official labels and the printed form's merged cells (gridSpan,
 * vMerge; header rows repeated on every page), the 落款; A4 with the
 * margins of GB/T 9704.  Fonts are named as the PDF's roles name them.
 * Same report, same bytes.  Nothing prints.  Only this layer links libzip
 * and libxml2 (with import/, which reads them). */
#ifndef NIANBAO_RENDER_DOCX_H
#define NIANBAO_RENDER_DOCX_H

#include <stddef.h>

struct report;

/* The font family of each role, as fonts/roles.conf names them; NULL
 * for a role means the built-in name of its default font. */
struct docx_fonts {
	const char *title, *heading, *body, *table;
};

/* Returns the .docx (the caller frees it; *len its size), or NULL with
 * *error set (the caller frees it) when libzip or libxml2 fail. */
char *render_docx(const struct report *report, const struct docx_fonts *fonts, size_t *len,
		  char **error);

#endif
