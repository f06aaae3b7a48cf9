/* Saving the report (F2, Ctrl-S), the recovery file after every change,
 * and quitting, which asks first when there is unsaved work. */
#ifndef NIANBAO_TUI_SAVE_H
#define NIANBAO_TUI_SAVE_H

#include <stdbool.h>

#include "tui_view.h"

/* F2: commits what is being typed and saves. */
enum tui_reaction tui_save(struct tui *t);
/* Saves (force: over a file someone else changed); a conflict opens the
 * dialog that asks whether to.  TUI_QUIT when a quit waited for it;
 * TUI_SAVE_AS when the report is read-only (另存为 instead). */
enum tui_reaction tui_save_report(struct tui *t, bool force);
/* Rewrites the recovery file (sync: to the disk, before the form ends).
 * Returns false when that failed, which the message line says (and says
 * again when a later write succeeds). */
bool tui_save_recovery(struct tui *t, bool sync);
/* Quits, or opens the dialog that asks what to do with unsaved work. */
enum tui_reaction tui_save_quit(struct tui *t);

#endif
