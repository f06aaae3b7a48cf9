/* The report as an OFD file (GB/T 33190-2016, the format of 电子公文
 * archives): the pages of the PDF, typeset by the same typesetter
 * (pdf_typeset.h), written as OFD text and path objects in millimetres
 * from the top-left corner, with the subsets of the PDF's fonts embedded
 * as TrueType files.  What is not written: the seal, signatures
 * (Signatures.xml), an outline, annotations, and text objects' glyph
 * ids (CGTransform): readers map characters through the embedded font's
 * cmap.  Same report, same bytes.  Nothing prints. */
#ifndef NIANBAO_RENDER_OFD_H
#define NIANBAO_RENDER_OFD_H

#include <stddef.h>

struct diag_list;
struct report;

/* Returns the OFD (the caller frees it; *len its size), or NULL: with
 * errors added to diags for characters no font prints (as render_pdf),
 * or with *error set (the caller frees it) when the fonts cannot be
 * loaded or the package not written.  fonts_dir: the fonts/ directory,
 * NULL for font_roles_dir(). */
char *render_ofd(const struct report *report, const char *fonts_dir, size_t *len,
		 struct diag_list *diags, char **error);

#endif
