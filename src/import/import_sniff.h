/* Which format a published report is in, from its first bytes: a web
 * page, or a ZIP archive (a .docx is one).  Apart from the readers, which
 * need libxml2 and libzip, so that telling a text from a page or a Word
 * file loads neither. */
#ifndef NIANBAO_IMPORT_SNIFF_H
#define NIANBAO_IMPORT_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* How far into a page its first element and its meta charset are looked for. */
#define IMPORT_HTML_HEAD_BYTES 4096

/* Whether data[0..len) is a web page rather than text: its first
 * character (after a BOM and spaces) is '<' and it names an HTML element
 * early on. */
bool import_sniff_html(const char *data, size_t len);

/* Whether data[0..len) is a ZIP archive. */
bool import_sniff_docx(const char *data, size_t len);

/* Where needle (lower case) is in s[0..len), ASCII case ignored, or NULL. */
const char *import_sniff_find(const char *s, size_t len, const char *needle);

#endif
