/* The PDF layer as a module, nianbao-pdf.so (see module.h): what the
 * command line calls.  The form and the OFD link this module itself. */
#ifndef NIANBAO_PDF_MODULE_H
#define NIANBAO_PDF_MODULE_H

#include "font_roles.h"
#include "render_pdf.h"

struct pdf_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(render_pdf) *render;
	__typeof__(font_roles_dir) *fonts_dir;
	__typeof__(font_roles_load) *fonts_load;
	__typeof__(font_roles_fini) *fonts_fini;
};

extern const struct pdf_module pdf_module;

#endif
