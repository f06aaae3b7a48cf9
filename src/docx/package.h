/* The zip of a document's parts, in memory, as Word documents (OOXML)
 * and OFD files are: each entry deflated, with a fixed time, so that the
 * same parts give the same bytes.  Only this layer links libzip. */
#ifndef NIANBAO_PACKAGE_H
#define NIANBAO_PACKAGE_H

#include <stddef.h>

/* The zip of parts names[i] (UTF-8 paths) holding data[i][0..lens[i]),
 * in that order.  Returns it (the caller frees it; *len its size), or
 * NULL with *error set (the caller frees it); what names the format in
 * the message (DOCX, OFD). */
char *package_zip(const char *const *names, char *const *data, const size_t *lens, size_t n,
		  const char *what, size_t *len, char **error);

#endif
