/* The Word document as a module, nianbao-docx.so (see module.h), with
 * libzip and libxml2.  The OFD links this module for its zip. */
#ifndef NIANBAO_DOCX_MODULE_H
#define NIANBAO_DOCX_MODULE_H

#include "render_docx.h"

struct docx_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(render_docx) *render;
};

extern const struct docx_module docx_module;

#endif
