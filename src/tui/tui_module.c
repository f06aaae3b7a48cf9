/* The table of nianbao-tui.so; see tui_module.h. */
#include "tui_module.h"

#include "module.h"

const struct tui_module tui_module = {.stamp = MODULE_STAMP, .edit = tui_edit};
