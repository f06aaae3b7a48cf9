/* Acknowledging the warning under the cursor (F6): the clerk says why it
 * is right as it stands, and the warning is marked 已核实 until its cell
 * changes (ack.h). */
#ifndef NIANBAO_TUI_ACKNOWLEDGE_H
#define NIANBAO_TUI_ACKNOWLEDGE_H

#include "tui_view.h"

/* Asks for a reason over the screen and records it; errors cannot be
 * acknowledged (the message line says so). */
enum tui_reaction tui_acknowledge(struct tui *t);

#endif
