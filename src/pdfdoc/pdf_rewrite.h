/* Writing a PDF read with pdf_read.h anew, whole: every object in use
 * once, in ascending order, streams deflated, one classic
 * cross-reference table.  It is for files whose objects all stand at the
 * top level (no object streams), such as libharu's; what the objects say
 * is kept, except the contents of the streams the caller replaces. */
#ifndef NIANBAO_PDF_REWRITE_H
#define NIANBAO_PDF_REWRITE_H

#include <stddef.h>
#include <stdint.h>

struct pdf_doc;

/* New contents for one stream object of the input. */
struct pdf_rewrite_stream {
	uint32_t num;
	const char *data; /* not encoded; borrowed */
	size_t len;
};

/* The lowest and highest deflate levels of pdf_rewrite (libdeflate's). */
#define PDF_REWRITE_LEVEL_MIN 1
#define PDF_REWRITE_LEVEL_MAX 12

/* Returns the whole of doc written again: the streams of replaced[] with
 * their new contents deflated at level, every other stream without a
 * /Filter deflated at level, streams with a filter as they are.  A
 * deflated stream keeps its dictionary but for a new /Length and
 * /Filter (and no /DecodeParms).  A /Length that refers to
 * an object makes that object the new length.  The trailer keeps /Root,
 * /Info and /ID.  The caller frees the result; *len is its length.  NULL
 * with *cause (the caller frees it) when an object cannot be read, stands
 * in an object stream, or is a length two streams share. */
char *pdf_rewrite(struct pdf_doc *doc, const struct pdf_rewrite_stream *replaced, size_t nreplaced,
		  int level, size_t *len, char **cause);

#endif
