/* The whole-file writer; see pdf_rewrite.h.  Streams are deflated with
 * libdeflate, which for output of the same size takes a fraction of
 * zlib's time (libharu's fixed zlib level was a third of render --pdf).
 * A replaced object that is not a stream in the input is kept as it is. */
#include "pdf_rewrite.h"

#include <libdeflate.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pdf_read.h"
#include "xalloc.h"

/* One object as it will be written. */
struct object {
	uint32_t num;
	int generation;
	struct pdf_value value;
	const char *data; /* a stream's data as written; NULL: not a stream */
	size_t len;
	char *packed;	/* owned when data was deflated here */
	bool rewritten; /* deflated here: /Length and /Filter written anew */
	int64_t length; /* for an object that is another's /Length: its new value; else -1 */
};

struct rewrite {
	struct pdf_doc *doc;
	struct object *objects;
	size_t count, cap;
	struct libdeflate_compressor *deflater;
	char **cause;
};

static bool fail(char **cause, char *message)
{
	*cause = message;
	return false;
}

static const struct pdf_rewrite_stream *replacement_of(const struct pdf_rewrite_stream *replaced,
						       size_t n, uint32_t num)
{
	for (size_t i = 0; i < n; i++)
		if (replaced[i].num == num)
			return &replaced[i];
	return NULL;
}

static void deflate_into(struct rewrite *rw, struct object *o, const char *data, size_t len)
{
	size_t bound = libdeflate_zlib_compress_bound(rw->deflater, len);
	o->packed = xmalloc(bound ? bound : 1);
	o->len = libdeflate_zlib_compress(rw->deflater, data, len, o->packed, bound);
	if (o->len == 0)
		abort(); /* the bound is enough by libdeflate's contract */
	o->data = o->packed;
	o->rewritten = true;
}

static struct object *find_object(struct rewrite *rw, uint32_t num)
{
	size_t lo = 0, hi = rw->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rw->objects[mid].num < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < rw->count && rw->objects[lo].num == num ? &rw->objects[lo] : NULL;
}

/* Every object read, streams encoded; lengths kept in other objects set. */
static bool read_objects(struct rewrite *rw, const struct pdf_rewrite_stream *replaced,
			 size_t nreplaced)
{
	uint32_t num = 0;
	while (pdf_doc_next_object(rw->doc, &num)) {
		rw->objects = xgrow(rw->objects, &rw->cap, rw->count + 1, sizeof *rw->objects);
		struct object *o = &rw->objects[rw->count++];
		*o = (struct object){.num = num, .length = -1};
		if (!pdf_doc_object_raw(rw->doc, num, &o->generation, &o->value, &o->data, &o->len,
					rw->cause))
			return false;
		if (!o->data)
			continue;
		struct pdf_value filter;
		const struct pdf_rewrite_stream *r = replacement_of(replaced, nreplaced, num);
		if (r)
			deflate_into(rw, o, r->data, r->len);
		else if (!pdf_dict_get(&o->value, "Filter", &filter))
			deflate_into(rw, o, o->data, o->len);
	}
	for (size_t i = 0; i < rw->count; i++) {
		struct object *o = &rw->objects[i];
		struct pdf_value length;
		if (!o->rewritten || !pdf_dict_get(&o->value, "Length", &length) ||
		    length.kind != PDF_REF)
			continue;
		struct object *l = length.number >= 0 && length.number <= UINT32_MAX
					   ? find_object(rw, (uint32_t)length.number)
					   : NULL;
		if (!l || l->data || l->length >= 0)
			return fail(rw->cause,
				    xasprintf("流对象 %u 的 /Length 所指的对象无法改写", o->num));
		l->length = (int64_t)o->len;
	}
	return true;
}

/* The stream's dictionary with its new /Length and /Filter. */
static void write_dict(struct buf *b, const struct object *o)
{
	struct pdf_value length;
	bool has_length = pdf_dict_get(&o->value, "Length", &length);
	buf_adds(b, "<<");
	struct pdf_iter it;
	struct pdf_value key, value;
	pdf_iter_init(&it, &o->value);
	while (pdf_iter_next(&it, &key) && pdf_iter_next(&it, &value)) {
		if (pdf_name_is(&key, "Length") || pdf_name_is(&key, "Filter") ||
		    pdf_name_is(&key, "DecodeParms"))
			continue;
		buf_addc(b, ' ');
		buf_add(b, key.start, key.len);
		buf_addc(b, ' ');
		buf_add(b, value.start, value.len);
	}
	if (has_length && length.kind == PDF_REF)
		buf_addf(b, " /Length %lld %d R", (long long)length.number, length.generation);
	else
		buf_addf(b, " /Length %zu", o->len);
	buf_adds(b, " /Filter /FlateDecode >>");
}

/* The input's header: its first lines that are comments (%PDF-1.x and
 * the line of binary bytes). */
static void write_header(struct buf *b, struct pdf_doc *doc)
{
	size_t len, end = 0;
	const char *data = pdf_doc_bytes(doc, &len);
	while (end < len && data[end] == '%') {
		const char *nl = memchr(data + end, '\n', len - end);
		end = nl ? (size_t)(nl - data) + 1 : len;
	}
	if (end >= 8 && memcmp(data, "%PDF-", 5) == 0)
		buf_add(b, data, end);
	else
		buf_adds(b, "%PDF-1.4\n");
}

static void write_trailer(struct buf *b, struct pdf_doc *doc, const size_t *offsets,
			  const int *generations, uint32_t size)
{
	size_t at = b->len;
	buf_addf(b, "xref\n0 %u\n", size);
	for (uint32_t n = 0; n < size; n++)
		if (offsets[n])
			buf_addf(b, "%010zu %05d n \n", offsets[n], generations[n]);
		else
			buf_adds(b, n == 0 ? "0000000000 65535 f \n" : "0000000000 00001 f \n");
	buf_addf(b, "trailer\n<< /Size %u", size);
	static const char *const kept[] = {"Root", "Info", "ID"};
	struct pdf_value v;
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (pdf_dict_get(pdf_doc_trailer(doc), kept[i], &v)) {
			buf_addf(b, " /%s ", kept[i]);
			buf_add(b, v.start, v.len);
		}
	buf_addf(b, " >>\nstartxref\n%zu\n%%%%EOF\n", at);
}

char *pdf_rewrite(struct pdf_doc *doc, const struct pdf_rewrite_stream *replaced, size_t nreplaced,
		  int level, size_t *len, char **cause)
{
	*cause = NULL;
	if (level < PDF_REWRITE_LEVEL_MIN || level > PDF_REWRITE_LEVEL_MAX)
		abort(); /* a broken invariant of the caller */
	struct rewrite rw = {.doc = doc, .cause = cause};
	rw.deflater = libdeflate_alloc_compressor(level);
	if (!rw.deflater)
		abort(); /* out of memory */
	char *out = NULL;
	if (read_objects(&rw, replaced, nreplaced)) {
		uint32_t size = pdf_doc_size(doc);
		size_t *offsets = xcalloc(size, sizeof *offsets);
		int *generations = xcalloc(size, sizeof *generations);
		struct buf b;
		buf_init(&b);
		write_header(&b, doc);
		for (size_t i = 0; i < rw.count; i++) {
			const struct object *o = &rw.objects[i];
			offsets[o->num] = b.len;
			generations[o->num] = o->generation;
			buf_addf(&b, "%u %d obj\n", o->num, o->generation);
			if (o->length >= 0)
				buf_addf(&b, "%lld", (long long)o->length);
			else if (o->rewritten)
				write_dict(&b, o);
			else
				buf_add(&b, o->value.start, o->value.len);
			if (o->data) {
				buf_adds(&b, "\nstream\n");
				buf_add(&b, o->data, o->len);
				buf_adds(&b, "\nendstream");
			}
			buf_adds(&b, "\nendobj\n");
		}
		write_trailer(&b, doc, offsets, generations, size);
		free(offsets);
		free(generations);
		*len = b.len;
		out = buf_take(&b);
	}
	for (size_t i = 0; i < rw.count; i++)
		free(rw.objects[i].packed);
	free(rw.objects);
	libdeflate_free_compressor(rw.deflater);
	return out;
}
