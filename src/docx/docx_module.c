/* The table of nianbao-docx.so; see docx_module.h. */
#include "docx_module.h"

#include "module.h"

const struct docx_module docx_module = {.stamp = MODULE_STAMP, .render = render_docx};
