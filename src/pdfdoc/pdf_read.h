/* Reading just enough of an existing PDF to append an update to it: the
 * cross-reference sections (classic tables, cross-reference streams and
 * hybrids, following /Prev), the trailer, and single objects, also those
 * inside object streams.  It never renders, never decrypts and never
 * repairs: a file whose structure does not hold together is refused with
 * a Chinese sentence.  Every loop is bounded by the input's size, nesting
 * is limited and decompression is capped, so a hostile file costs bounded
 * time and memory. */
#ifndef NIANBAO_PDF_READ_H
#define NIANBAO_PDF_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pdf_kind {
	PDF_NULL,
	PDF_BOOL,
	PDF_NUMBER,
	PDF_NAME,
	PDF_STRING,
	PDF_ARRAY,
	PDF_DICT,
	PDF_REF,
};

/* One parsed value.  start/len is its source text, borrowed from the
 * document (the input bytes or a decompressed object stream) and valid
 * until pdf_doc_free. */
struct pdf_value {
	enum pdf_kind kind;
	const char *start;
	size_t len;
	int64_t number; /* PDF_NUMBER: integer part; PDF_REF: object number */
	bool integer;	/* PDF_NUMBER written without a point */
	int generation; /* PDF_REF */
};

struct pdf_doc;

/* Reads the structure of data[0..len), which must stay alive and unchanged
 * until pdf_doc_free.  Returns NULL with *cause set (the caller frees it)
 * when data is not a PDF or its cross-references are broken. */
struct pdf_doc *pdf_doc_open(const char *data, size_t len, char **cause);
void pdf_doc_free(struct pdf_doc *doc);

/* The newest trailer dictionary (of a cross-reference stream: its dictionary). */
const struct pdf_value *pdf_doc_trailer(const struct pdf_doc *doc);
/* Where the newest cross-reference section starts, and whether it is a stream. */
size_t pdf_doc_last_xref(const struct pdf_doc *doc);
bool pdf_doc_last_xref_is_stream(const struct pdf_doc *doc);
/* One more than the highest object number in use (the trailer's /Size). */
uint32_t pdf_doc_size(const struct pdf_doc *doc);
/* The bytes given to pdf_doc_open (borrowed); *len is their length. */
const char *pdf_doc_bytes(const struct pdf_doc *doc, size_t *len);

/* Steps through the objects in use (not free ones), in ascending order:
 * start with *num = 0; each call sets *num to the next one and returns
 * false after the last.  The whole walk is bounded by the entries of the
 * cross-references, however large /Size claims to be. */
bool pdf_doc_next_object(const struct pdf_doc *doc, uint32_t *num);

/* Object number num.  A missing or free object is null, as the standard
 * says.  Returns false with *cause set when the object cannot be read. */
bool pdf_doc_object(struct pdf_doc *doc, uint32_t num, struct pdf_value *out, char **cause);

/* Object num as the file holds it at the top level, read afresh (not
 * cached, not counted against the limit above): its generation, its value,
 * and for a stream its data as stored (still encoded) in *data, borrowed
 * from the input; *data is NULL for an object that is not a stream.
 * False for an object that is free or in an object stream, or that cannot
 * be read. */
bool pdf_doc_object_raw(struct pdf_doc *doc, uint32_t num, int *generation, struct pdf_value *out,
			const char **data, size_t *len, char **cause);

/* v itself, or the object it refers to (chains of references are followed
 * a few steps). */
bool pdf_doc_resolve(struct pdf_doc *doc, const struct pdf_value *v, struct pdf_value *out,
		     char **cause);

/* The value of key in dict (a PDF_DICT); false when absent or dict is not
 * a dictionary.  key is written without the slash. */
bool pdf_dict_get(const struct pdf_value *dict, const char *key, struct pdf_value *out);

/* True when v is the name /name (name written without the slash). */
bool pdf_name_is(const struct pdf_value *v, const char *name);

/* Walks the items of an array, or the keys and values of a dictionary in
 * turn (key, value, key, value...). */
struct pdf_iter {
	const char *pos;
	const char *end;
};
void pdf_iter_init(struct pdf_iter *it, const struct pdf_value *container);
bool pdf_iter_next(struct pdf_iter *it, struct pdf_value *out);

#endif
