/* The incremental-update writer; see pdf_update.h. */
#include "pdf_update.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "pdf_read.h"
#include "xalloc.h"

struct update_object {
	uint32_t num;
	int generation;
	size_t offset;
};

struct pdf_update {
	struct buf out;
	struct buf carried; /* " /Root ... /Info ... /ID ...", from the input's trailer */
	struct update_object *objects;
	size_t nobjects, cap_objects;
	size_t prev;   /* the input's newest cross-reference section */
	bool stream;   /* ... is a cross-reference stream */
	uint32_t next; /* lowest number not used by the input or by the update */
};

struct pdf_update *pdf_update_new(const struct pdf_doc *doc)
{
	struct pdf_update *u = xcalloc(1, sizeof *u);
	size_t len;
	const char *data = pdf_doc_bytes(doc, &len);
	buf_init(&u->out);
	buf_add(&u->out, data, len);
	if (len && data[len - 1] != '\n' && data[len - 1] != '\r')
		buf_addc(&u->out, '\n');
	buf_init(&u->carried);
	static const char *const kept[] = {"Root", "Info", "ID"};
	struct pdf_value v;
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (pdf_dict_get(pdf_doc_trailer(doc), kept[i], &v)) {
			/* by length: a value may hold NUL (whitespace, or raw bytes of an /ID) */
			buf_addf(&u->carried, " /%s ", kept[i]);
			buf_add(&u->carried, v.start, v.len);
		}
	u->prev = pdf_doc_last_xref(doc);
	u->stream = pdf_doc_last_xref_is_stream(doc);
	u->next = pdf_doc_size(doc);
	return u;
}

void pdf_update_free(struct pdf_update *u)
{
	if (!u)
		return;
	buf_fini(&u->out);
	buf_fini(&u->carried);
	free(u->objects);
	free(u);
}

uint32_t pdf_update_number(struct pdf_update *u)
{
	return u->next++;
}

struct buf *pdf_update_begin(struct pdf_update *u, uint32_t num, int generation)
{
	u->objects = xgrow(u->objects, &u->cap_objects, u->nobjects + 1, sizeof *u->objects);
	u->objects[u->nobjects++] = (struct update_object){num, generation, u->out.len};
	if (num >= u->next)
		u->next = num + 1;
	buf_addf(&u->out, "%u %d obj\n", num, generation);
	return &u->out;
}

void pdf_update_end(struct pdf_update *u)
{
	buf_adds(&u->out, "\nendobj\n");
}

void pdf_update_add_stream(struct pdf_update *u, uint32_t num, int generation, const char *data,
			   size_t len, bool deflate)
{
	struct buf *b = pdf_update_begin(u, num, generation);
	uLongf packed_len = deflate ? compressBound((uLong)len) : 0;
	unsigned char *packed = deflate ? xmalloc(packed_len) : NULL;
	if (deflate && compress2(packed, &packed_len, (const Bytef *)data, (uLong)len, 9) == Z_OK) {
		buf_addf(b, "<< /Length %lu /Filter /FlateDecode >>\nstream\n",
			 (unsigned long)packed_len);
		buf_add(b, (const char *)packed, packed_len);
	} else {
		buf_addf(b, "<< /Length %zu >>\nstream\n", len);
		buf_add(b, data, len);
	}
	buf_adds(b, "\nendstream");
	free(packed);
	pdf_update_end(u);
}

static int compare_objects(const void *pa, const void *pb)
{
	const struct update_object *a = pa, *b = pb;
	return a->num < b->num ? -1 : a->num > b->num;
}

/* How many objects from i on have consecutive numbers (one subsection). */
static size_t run_length(const struct pdf_update *u, size_t i)
{
	size_t j = i + 1;
	while (j < u->nobjects && u->objects[j].num == u->objects[j - 1].num + 1)
		j++;
	return j - i;
}

static void sort_objects(struct pdf_update *u)
{
	if (u->nobjects > 1)
		qsort(u->objects, u->nobjects, sizeof *u->objects, compare_objects);
	for (size_t i = 1; i < u->nobjects; i++)
		if (u->objects[i].num == u->objects[i - 1].num)
			abort(); /* the caller wrote one object twice */
}

static void write_xref_table(struct pdf_update *u)
{
	sort_objects(u);
	size_t at = u->out.len;
	buf_adds(&u->out, "xref\n");
	for (size_t i = 0; i < u->nobjects;) {
		size_t n = run_length(u, i);
		buf_addf(&u->out, "%u %zu\n", u->objects[i].num, n);
		for (size_t end = i + n; i < end; i++)
			buf_addf(&u->out, "%010zu %05d n \n", u->objects[i].offset,
				 u->objects[i].generation);
	}
	buf_addf(&u->out, "trailer\n<< /Size %u", u->next);
	buf_add(&u->out, u->carried.data, u->carried.len);
	buf_addf(&u->out, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n", u->prev, at);
}

/* A cross-reference stream (uncompressed), itself one of the objects. */
static void write_xref_stream(struct pdf_update *u)
{
	uint32_t self = u->next++;
	size_t at = u->out.len;
	u->objects = xgrow(u->objects, &u->cap_objects, u->nobjects + 1, sizeof *u->objects);
	u->objects[u->nobjects++] = (struct update_object){self, 0, at};
	sort_objects(u);
	int width = at > UINT32_MAX ? 8 : 4; /* every object starts before this one */
	buf_addf(&u->out, "%u 0 obj\n<< /Type /XRef /Size %u /W [1 %d 2] /Index [", self, u->next,
		 width);
	for (size_t i = 0; i < u->nobjects; i += run_length(u, i))
		buf_addf(&u->out, "%s%u %zu", i ? " " : "", u->objects[i].num, run_length(u, i));
	buf_adds(&u->out, "]");
	buf_add(&u->out, u->carried.data, u->carried.len);
	buf_addf(&u->out, " /Prev %zu /Length %zu >>\nstream\n", u->prev,
		 u->nobjects * (size_t)(3 + width));
	for (size_t i = 0; i < u->nobjects; i++) {
		uint64_t off = u->objects[i].offset;
		unsigned gen = (unsigned)u->objects[i].generation;
		buf_addc(&u->out, 1);
		for (int k = width - 1; k >= 0; k--)
			buf_addc(&u->out, (char)(off >> (8 * k)));
		buf_addc(&u->out, (char)(gen >> 8));
		buf_addc(&u->out, (char)gen);
	}
	buf_addf(&u->out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", at);
}

char *pdf_update_finish(struct pdf_update *u, size_t *len)
{
	if (u->stream)
		write_xref_stream(u);
	else
		write_xref_table(u);
	*len = u->out.len;
	char *out = buf_take(&u->out);
	pdf_update_free(u);
	return out;
}
