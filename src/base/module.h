/* Loading a module: the layers whose libraries most commands do not need
 * (the PDF, the form, signing, the Word, OFD and XLSX writers, the web
 * page and Word readers of import) are shared objects, nianbao-NAME.so,
 * loaded when a command first uses one, so that `check` and `render
 * --text` start without them.  A module's references to base, model,
 * render, pdfdoc and import are resolved from the program, which exports
 * them; the module exports one table of entry points. */
#ifndef NIANBAO_MODULE_H
#define NIANBAO_MODULE_H

#include "version.h"

/* The first member of every module's table: a module of another version
 * of nianbao is refused rather than called. */
#define MODULE_STAMP "nianbao " NIANBAO_VERSION

/* What a module is, for loading it and for the message when it cannot be. */
struct module_spec {
	const char *name;     /* "pdf": the file nianbao-pdf.so */
	const char *table;    /* the symbol of its table, "pdf_module" */
	const char *purpose;  /* what it does, in Chinese: "排版 PDF" */
	const char *packages; /* the Debian packages of its libraries */
};

/* The module's table (its first member a const char * equal to
 * MODULE_STAMP), loaded on first use from the directory of modules: the
 * installed one beside the program (bin/../lib/nianbao), else the
 * program's own directory (the build tree).  NULL with *error set (a
 * Chinese sentence saying what is missing and what to install; the
 * caller frees it) when it cannot be found or loaded. */
const void *module_load(const struct module_spec *spec, char **error);

#endif
