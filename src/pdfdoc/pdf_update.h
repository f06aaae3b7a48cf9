/* Writing an incremental update of an existing PDF: the input's bytes as
 * they are, then new objects and new versions of old ones, then a
 * cross-reference section of the input's kind (a classic table, or a
 * cross-reference stream when the input's newest section is one) whose
 * trailer points back at the input's with /Prev and repeats its /Root,
 * /Info and /ID.  What the objects say is the caller's concern; this
 * module frames them and keeps track of where they are. */
#ifndef NIANBAO_PDF_UPDATE_H
#define NIANBAO_PDF_UPDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct pdf_doc;
struct pdf_update;

/* Starts an update of doc.  Copies doc's bytes and the trailer values it
 * repeats, so doc may be freed before pdf_update_finish. */
struct pdf_update *pdf_update_new(const struct pdf_doc *doc);
/* Abandons an update that will not be finished. */
void pdf_update_free(struct pdf_update *u);

/* A number for a new object: above every number of the input and every
 * number handed out before. */
uint32_t pdf_update_number(struct pdf_update *u);

/* Starts object num of generation (a new object, or a new version of one
 * of the input's; each number at most once) and returns the output, to
 * which the caller appends the object's value.  Offsets in it are offsets
 * in the finished file.  Borrowed until pdf_update_end, which closes the
 * object. */
struct buf *pdf_update_begin(struct pdf_update *u, uint32_t num, int generation);
void pdf_update_end(struct pdf_update *u);

/* A whole stream object holding data[0..len), deflated (/FlateDecode)
 * when deflate is set. */
void pdf_update_add_stream(struct pdf_update *u, uint32_t num, int generation, const char *data,
			   size_t len, bool deflate);

/* Writes the cross-references and the trailer and frees u.  Returns the
 * whole file, which the caller frees; *len is its length. */
char *pdf_update_finish(struct pdf_update *u, size_t *len);

#endif
