/* The table of nianbao-xlsx.so; see xlsx_module.h. */
#include "xlsx_module.h"

#include "module.h"

const struct xlsx_module xlsx_module = {.stamp = MODULE_STAMP, .write = xlsx_sheet_write};
