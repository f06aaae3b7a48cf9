/* F5: the standardized text and the PDF beside the report. */
#ifndef NIANBAO_TUI_OUTPUT_H
#define NIANBAO_TUI_OUTPUT_H

#include "tui_view.h"

/* Writes both, or neither; the message says which files, or why not. */
enum tui_reaction tui_output_write(struct tui *t);

#endif
