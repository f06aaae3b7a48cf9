/* Before the form runs: the questions asked in boxes of their own
 * (questions asked while it runs are dialogs, tui_dialog.h). */
#ifndef NIANBAO_TUI_START_H
#define NIANBAO_TUI_START_H

#include <stdbool.h>

struct session;
struct tui;

/* A report for a file that does not exist yet: what an unfinished
 * session left behind, if the clerk wants it, else a new report for the
 * organ and year asked for (or given: organ non-NULL, year non-zero).
 * The new file is written at once.  NULL when the clerk cancels; else
 * the caller frees it (session_free). */
struct session *tui_start_new_report(struct tui *t, const char *path, const char *organ, int year);
/* Offers to restore what an unfinished session left in the recovery file
 * of t->session; true when it was restored. */
bool tui_start_offer_recovery(struct tui *t);
/* Lists the dated copies of unsaved work earlier sessions set aside, and
 * past SESSION_RECOVERY_KEEP of them offers to remove the oldest (never
 * without asking). */
void tui_start_old_copies(struct tui *t);

#endif
