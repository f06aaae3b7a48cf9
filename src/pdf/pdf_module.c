/* The table of nianbao-pdf.so; see pdf_module.h. */
#include "pdf_module.h"

#include "module.h"

const struct pdf_module pdf_module = {
	.stamp = MODULE_STAMP,
	.render = render_pdf,
	.fonts_dir = font_roles_dir,
	.fonts_load = font_roles_load,
	.fonts_fini = font_roles_fini,
};
