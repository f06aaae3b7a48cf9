/* A file compiled into the program at build time (scripts/embed-files.cmake):
 * the forms, the text templates, the page templates.  Each table of them
 * ends with an entry whose name is NULL. */
#ifndef NIANBAO_EMBEDDED_FILE_H
#define NIANBAO_EMBEDDED_FILE_H

#include <stddef.h>

struct embedded_file {
	const char *name; /* the file name without its extension */
	const char *data; /* NUL-terminated */
	size_t len;
};

#endif
