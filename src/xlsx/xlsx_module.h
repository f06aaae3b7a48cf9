/* The worksheet writer as a module, nianbao-xlsx.so (see module.h): the
 * only part that loads libxlsxwriter. */
#ifndef NIANBAO_XLSX_MODULE_H
#define NIANBAO_XLSX_MODULE_H

#include "xlsx_sheet.h"

struct xlsx_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(xlsx_sheet_write) *write;
};

extern const struct xlsx_module xlsx_module;

#endif
