/* The readers of web pages and Word files (import_html, import_docx),
 * which need libxml2 and libzip.  In the nianbao program they are a
 * module, nianbao-import.so (see module.h), loaded the first time such a
 * file is read (import_office_load.c); a program linked with the import
 * library has them linked in (import_office_linked.c). */
#ifndef NIANBAO_IMPORT_OFFICE_H
#define NIANBAO_IMPORT_OFFICE_H

#include "import_docx.h"
#include "import_html.h"

struct diag_list;

struct import_office {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(import_html_read) *html_read;
	__typeof__(import_docx_read) *docx_read;
};

/* The table the module exports. */
extern const struct import_office import_office;

/* The readers, or NULL after adding an error (import.format) to diags
 * saying what is missing and what to install. */
const struct import_office *import_office_get(struct diag_list *diags);

#endif
