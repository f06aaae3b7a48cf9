/* 另存为: saving the report under a name the clerk types, for a report
 * whose own file or folder cannot be written.  It asks in boxes of its
 * own (tui_prompt.h), so the main loop runs it when a handler returns
 * TUI_SAVE_AS. */
#ifndef NIANBAO_TUI_SAVEAS_H
#define NIANBAO_TUI_SAVEAS_H

#include "tui_view.h"

/* Asks for a file name (an existing file only after a yes) and saves
 * there; the report then lives there.  TUI_QUIT when a quit waited for
 * the save. */
enum tui_reaction tui_saveas_run(struct tui *t);

#endif
