/* The first step of import: the bytes of a published report become UTF-8
 * text.  Offices save their reports as UTF-8 (with or without a BOM) or
 * as GB18030/GBK; both are read, and the caller is told which it was.
 * Binary files and UTF-16 are refused with a diagnostic.  Nothing here
 * knows what a report says. */
#ifndef NIANBAO_IMPORT_DECODE_H
#define NIANBAO_IMPORT_DECODE_H

#include <stddef.h>

struct diag_list;

/* The most a published report as text or a web page may take: three
 * narratives of the longest a form allows, and the tables; the seeds take
 * a few KiB. */
#define IMPORT_TEXT_MAX_BYTES (2u << 20)

/* The most a published file may take: a PDF or Word file carries its
 * fonts and images (a seal, photos) besides the text. */
#define IMPORT_FILE_MAX_BYTES (32u << 20)

/* Returns data[0..len) as NUL-terminated UTF-8 without a BOM (the caller
 * frees it; *out_len is its length) and sets *encoding to a static name
 * ("UTF-8" or "GB18030").  Returns NULL after adding an error to diags
 * when the bytes are not text in either encoding. */
char *import_decode(const char *data, size_t len, size_t *out_len, const char **encoding,
		    struct diag_list *diags);

#endif
