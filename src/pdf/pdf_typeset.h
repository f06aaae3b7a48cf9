/* A report typeset for the PDF, in the layout of GB/T 9704-2012: the
 * title in 2号 centred, the six sections (headings in the heading font,
 * paragraphs in 3号 on a grid of 22 lines of 28 characters, first lines
 * indented by two characters, justified), the form's tables, the 落款
 * (organ, and the 成文日期 four characters from the right) with room for
 * a seal over it, page numbers "— 1 —" (odd pages right, even pages
 * left) and, on a draft, a 草稿 mark on every page; the wording of these
 * three comes from templates/ (templates.h).  No libharu here. */
#ifndef NIANBAO_PDF_TYPESET_H
#define NIANBAO_PDF_TYPESET_H

struct font_set;
struct pdf_layout;
struct report;

/* seal_aspect: width / height of the seal image, or 0 for no seal; the
 * seal's place is the one image item of the layout. */
void pdf_typeset_report(const struct report *report, struct font_set *fonts, double seal_aspect,
			struct pdf_layout *layout);

#endif
