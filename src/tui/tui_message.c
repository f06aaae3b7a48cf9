/* The transient message of the message line. */
#include "tui_message.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

void tui_message(struct tui *t, enum tui_message_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = text;
	t->message_kind = kind;
}
