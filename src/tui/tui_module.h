/* The form as a module, nianbao-tui.so (see module.h): the only part
 * that loads ncursesw. */
#ifndef NIANBAO_TUI_MODULE_H
#define NIANBAO_TUI_MODULE_H

#include "tui.h"

struct tui_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(tui_edit) *edit;
};

extern const struct tui_module tui_module;

#endif
