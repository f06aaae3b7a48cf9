/* The OFD file as a module, nianbao-ofd.so (see module.h); it links the
 * PDF's module (the typesetter) and the Word document's (the zip). */
#ifndef NIANBAO_OFD_MODULE_H
#define NIANBAO_OFD_MODULE_H

#include "render_ofd.h"

struct ofd_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(render_ofd) *render;
};

extern const struct ofd_module ofd_module;

#endif
