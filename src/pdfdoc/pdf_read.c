/* Reading the structure of an existing PDF; see pdf_read.h. */
#define _GNU_SOURCE /* memmem */
#include "pdf_read.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "xalloc.h"

#define PDF_MAX_DEPTH 64	     /* arrays and dictionaries inside each other */
#define PDF_MAX_OBJECTS 8388607u     /* the standard's limit on object numbers */
#define PDF_UPDATE_ROOM 16u	     /* object numbers left for an update to add */
#define PDF_MAX_SECTIONS 4096	     /* cross-reference sections in a chain */
#define PDF_MAX_INFLATED (64u << 20) /* all decompressed streams together */
#define PDF_MAX_ENTRIES (1u << 22)   /* cross-reference entries in all sections */
#define PDF_ENTRIES_PER_BYTE 4u	     /* ...and per byte of input (streams compress) */
#define PDF_MIN_ENTRIES (1u << 16)   /* ...and for small files at least this many */
#define PDF_MAX_NESTED_READS 8	     /* stream lengths kept in other streams */
#define PDF_CACHE_SLOTS 4096u	     /* parsed objects kept, by object number */
#define PDF_SERVED_FACTOR 8u	     /* object bytes handed out per byte of input */
#define PDF_SERVED_EXTRA (1u << 20)  /* ...plus this much for small files */

struct xref_entry {
	uint32_t num;
	uint32_t seq; /* reading order: the lowest is the newest definition */
	uint8_t type; /* 0 free, 1 at offset a, 2 item b of object stream a */
	uint64_t a;
	uint32_t b;
};

struct object_stream {
	uint32_t num;
	char *data; /* decompressed, owned */
	size_t len;
	size_t first; /* where the first object starts */
	uint32_t count;
	uint32_t *nums;	 /* object number of each item */
	size_t *offsets; /* offset of each item after first */
};

/* One parsed object; the value borrows from the document. */
struct cached_object {
	uint32_t num;
	bool used;
	struct pdf_value value;
};

struct pdf_doc {
	const char *data;
	size_t len;
	struct xref_entry *entries;
	size_t nentries, cap_entries;
	bool xref_ready;
	struct pdf_value trailer;
	size_t last_xref;
	bool last_is_stream;
	uint32_t size;
	struct object_stream *streams;
	size_t nstreams, cap_streams;
	char **buffers; /* other decompressed data kept for borrowed values */
	size_t nbuffers, cap_buffers;
	size_t inflated;
	int nested_reads;
	struct cached_object *cache; /* PDF_CACHE_SLOTS, direct-mapped; NULL until used */
	uint64_t served;	     /* bytes of the objects handed out so far */
};

struct lexer {
	const char *pos;
	const char *end;
	char **cause;
};

static bool fail(char **cause, char *message)
{
	if (*cause == NULL)
		*cause = message;
	else
		free(message);
	return false;
}

/* PDF's own white space (ISO 32000-1, 7.2.2: NUL is one), bytes of the
 * file's syntax, not characters of text: not utf8_is_space. */
static bool is_pdf_white_space(unsigned char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static bool is_delimiter(unsigned char c)
{
	return c && strchr("()<>[]{}/%", c) != NULL;
}

static bool is_regular(unsigned char c)
{
	return !is_pdf_white_space(c) && !is_delimiter(c);
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void skip_space(struct lexer *lx)
{
	while (lx->pos < lx->end) {
		if (is_pdf_white_space((unsigned char)*lx->pos)) {
			lx->pos++;
		} else if (*lx->pos == '%') {
			while (lx->pos < lx->end && *lx->pos != '\n' && *lx->pos != '\r')
				lx->pos++;
		} else {
			break;
		}
	}
}

/* A run of digits as a non-negative integer (saturating); false if none. */
static bool lex_digits(struct lexer *lx, int64_t *value)
{
	const char *p = lx->pos;
	int64_t v = 0;
	while (p < lx->end && is_digit((unsigned char)*p)) {
		if (v < INT64_MAX / 10 - 10)
			v = v * 10 + (*p - '0');
		else
			v = INT64_MAX / 10;
		p++;
	}
	if (p == lx->pos)
		return false;
	lx->pos = p;
	*value = v;
	return true;
}

/* An unsigned integer token followed by a non-regular character. */
static bool lex_uint(struct lexer *lx, int64_t *value)
{
	skip_space(lx);
	const char *save = lx->pos;
	if (!lex_digits(lx, value) || (lx->pos < lx->end && is_regular((unsigned char)*lx->pos))) {
		lx->pos = save;
		return false;
	}
	return true;
}

/* The keyword word (e.g. obj, stream, xref) at the current position. */
static bool lex_keyword(struct lexer *lx, const char *word)
{
	skip_space(lx);
	size_t n = strlen(word);
	if ((size_t)(lx->end - lx->pos) < n || memcmp(lx->pos, word, n) != 0)
		return false;
	if (lx->pos + n < lx->end && is_regular((unsigned char)lx->pos[n]))
		return false;
	lx->pos += n;
	return true;
}

static bool lex_value(struct lexer *lx, struct pdf_value *out, int depth);

static bool lex_number(struct lexer *lx, struct pdf_value *out)
{
	const char *p = lx->pos;
	bool negative = false, digits = false, point = false;
	int64_t v = 0;
	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	for (; p < lx->end; p++) {
		if (is_digit((unsigned char)*p)) {
			digits = true;
			if (!point && v < INT64_MAX / 10 - 10)
				v = v * 10 + (*p - '0');
		} else if (*p == '.' && !point) {
			point = true;
		} else {
			break;
		}
	}
	if (!digits || (p < lx->end && is_regular((unsigned char)*p)))
		return fail(lx->cause, xstrdup("数字写得不对"));
	out->kind = PDF_NUMBER;
	out->number = negative ? -v : v;
	out->integer = !point;
	lx->pos = p;
	/* "12 0 R" is a reference */
	if (out->integer && !negative) {
		struct lexer ahead = *lx;
		int64_t generation;
		if (lex_uint(&ahead, &generation) && lex_keyword(&ahead, "R") &&
		    generation <= 65535) {
			out->kind = PDF_REF;
			out->generation = (int)generation;
			*lx = ahead;
		}
	}
	return true;
}

static bool lex_literal_string(struct lexer *lx)
{
	int open = 0;
	while (lx->pos < lx->end) {
		char c = *lx->pos++;
		if (c == '\\') {
			if (lx->pos < lx->end)
				lx->pos++;
		} else if (c == '(') {
			open++;
		} else if (c == ')' && --open == 0) {
			return true;
		}
	}
	return fail(lx->cause, xstrdup("字符串没有结束"));
}

static bool lex_hex_string(struct lexer *lx)
{
	for (lx->pos++; lx->pos < lx->end; lx->pos++) {
		unsigned char c = (unsigned char)*lx->pos;
		if (c == '>') {
			lx->pos++;
			return true;
		}
		if (hex_value(c) < 0 && !is_pdf_white_space(c))
			return fail(lx->cause, xstrdup("十六进制字符串里有不是十六进制数字的字符"));
	}
	return fail(lx->cause, xstrdup("十六进制字符串没有结束"));
}

static bool lex_dict(struct lexer *lx, int depth)
{
	lx->pos += 2;
	for (;;) {
		skip_space(lx);
		if (lx->end - lx->pos >= 2 && lx->pos[0] == '>' && lx->pos[1] == '>') {
			lx->pos += 2;
			return true;
		}
		struct pdf_value key, value;
		if (!lex_value(lx, &key, depth + 1))
			return false;
		if (key.kind != PDF_NAME)
			return fail(lx->cause, xstrdup("字典的键不是名字"));
		if (!lex_value(lx, &value, depth + 1))
			return false;
	}
}

static bool lex_array(struct lexer *lx, int depth)
{
	lx->pos++;
	for (;;) {
		skip_space(lx);
		if (lx->pos < lx->end && *lx->pos == ']') {
			lx->pos++;
			return true;
		}
		struct pdf_value item;
		if (!lex_value(lx, &item, depth + 1))
			return false;
	}
}

/* One complete value (containers with everything inside them). */
static bool lex_value(struct lexer *lx, struct pdf_value *out, int depth)
{
	if (depth > PDF_MAX_DEPTH)
		return fail(lx->cause, xasprintf("数组或字典嵌套超过 %d 层", PDF_MAX_DEPTH));
	skip_space(lx);
	if (lx->pos >= lx->end)
		return fail(lx->cause, xstrdup("对象没有写完就到了结尾"));
	memset(out, 0, sizeof *out);
	const char *start = lx->pos;
	unsigned char c = (unsigned char)*lx->pos;
	bool ok = true;
	if (c == '/') {
		out->kind = PDF_NAME;
		for (lx->pos++; lx->pos < lx->end && is_regular((unsigned char)*lx->pos); lx->pos++)
			;
	} else if (c == '(') {
		out->kind = PDF_STRING;
		ok = lex_literal_string(lx);
	} else if (c == '<' && lx->end - lx->pos >= 2 && lx->pos[1] == '<') {
		out->kind = PDF_DICT;
		ok = lex_dict(lx, depth);
	} else if (c == '<') {
		out->kind = PDF_STRING;
		ok = lex_hex_string(lx);
	} else if (c == '[') {
		out->kind = PDF_ARRAY;
		ok = lex_array(lx, depth);
	} else if (is_digit(c) || c == '+' || c == '-' || c == '.') {
		ok = lex_number(lx, out);
	} else if (is_regular(c)) {
		const char *p = lx->pos;
		while (p < lx->end && is_regular((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - lx->pos);
		if (n == 4 && memcmp(lx->pos, "true", 4) == 0) {
			out->kind = PDF_BOOL;
			out->number = 1;
		} else if (n == 5 && memcmp(lx->pos, "false", 5) == 0) {
			out->kind = PDF_BOOL;
		} else if (n == 4 && memcmp(lx->pos, "null", 4) == 0) {
			out->kind = PDF_NULL;
		} else {
			return fail(lx->cause,
				    xasprintf("不认识的“%.*s”", (int)(n < 20 ? n : 20), lx->pos));
		}
		lx->pos = p;
	} else {
		return fail(lx->cause, xasprintf("多余的“%c”", c));
	}
	if (!ok)
		return false;
	out->start = start;
	out->len = (size_t)(lx->pos - start);
	return true;
}

void pdf_iter_init(struct pdf_iter *it, const struct pdf_value *container)
{
	it->pos = it->end = NULL;
	if (container->kind == PDF_ARRAY) {
		it->pos = container->start + 1;
		it->end = container->start + container->len - 1;
	} else if (container->kind == PDF_DICT) {
		it->pos = container->start + 2;
		it->end = container->start + container->len - 2;
	}
}

bool pdf_iter_next(struct pdf_iter *it, struct pdf_value *out)
{
	if (!it->pos)
		return false;
	char *cause = NULL;
	struct lexer lx = {it->pos, it->end, &cause};
	skip_space(&lx);
	if (lx.pos >= lx.end || !lex_value(&lx, out, 1)) {
		free(cause); /* cannot happen: the container was read whole before */
		it->pos = NULL;
		return false;
	}
	it->pos = lx.pos;
	return true;
}

bool pdf_name_is(const struct pdf_value *v, const char *name)
{
	if (v->kind != PDF_NAME)
		return false;
	const char *p = v->start + 1, *end = v->start + v->len;
	for (; *name; name++) {
		if (p >= end)
			return false;
		int c = (unsigned char)*p++;
		/* #xx escapes, as in /T#79pe */
		if (c == '#' && end - p >= 2 && hex_value((unsigned char)p[0]) >= 0 &&
		    hex_value((unsigned char)p[1]) >= 0) {
			c = hex_value((unsigned char)p[0]) * 16 + hex_value((unsigned char)p[1]);
			p += 2;
		}
		if (c != (unsigned char)*name)
			return false;
	}
	return p == end;
}

bool pdf_dict_get(const struct pdf_value *dict, const char *key, struct pdf_value *out)
{
	if (dict->kind != PDF_DICT)
		return false;
	struct pdf_iter it;
	struct pdf_value k, v;
	pdf_iter_init(&it, dict);
	while (pdf_iter_next(&it, &k) && pdf_iter_next(&it, &v))
		if (pdf_name_is(&k, key)) {
			*out = v;
			return true;
		}
	return false;
}

/* An integer entry of a dictionary in [min, max], or fallback when absent
 * (a fallback outside [min, max] makes the entry required). */
static bool dict_int(const struct pdf_value *dict, const char *key, int64_t min, int64_t max,
		     int64_t fallback, int64_t *out)
{
	struct pdf_value v;
	if (!pdf_dict_get(dict, key, &v)) {
		*out = fallback;
		return fallback >= min && fallback <= max;
	}
	if (v.kind != PDF_NUMBER || !v.integer || v.number < min || v.number > max)
		return false;
	*out = v.number;
	return true;
}

/* ---- decompression ---------------------------------------------------- */

static bool inflate_data(struct pdf_doc *doc, const char *in, size_t in_len, char **out,
			 size_t *out_len, char **cause)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return fail(cause, xstrdup("无法解压缩"));
	size_t cap = in_len < 4096 ? 16384 : in_len < (1u << 18) ? in_len * 4 : 1u << 20, len = 0;
	char *buf = xmalloc(cap);
	z.next_in = (Bytef *)in;
	z.avail_in = in_len > UINT_MAX ? UINT_MAX : (uInt)in_len;
	int rc = Z_OK;
	while (rc != Z_STREAM_END) {
		if (len == cap) {
			if (doc->inflated + cap * 2 > PDF_MAX_INFLATED) {
				rc = Z_MEM_ERROR;
				break;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t room = cap - len;
		z.next_out = (Bytef *)buf + len;
		z.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
		rc = inflate(&z, Z_NO_FLUSH);
		len = (size_t)((char *)z.next_out - buf);
		if (rc == Z_BUF_ERROR && z.avail_in == 0)
			break; /* truncated data: keep what came out, as readers do */
		if (rc != Z_OK && rc != Z_STREAM_END)
			break;
	}
	inflateEnd(&z);
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
		free(buf);
		return fail(cause,
			    xstrdup(rc == Z_MEM_ERROR ? "解压缩后的数据太大" : "压缩数据已损坏"));
	}
	doc->inflated += len;
	*out = buf;
	*out_len = len;
	return true;
}

static int paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes the PNG predictors (/Predictor 10..15) in place; the rows shrink
 * by their tag byte. */
static bool unpredict_png(char *data, size_t *len, size_t columns, size_t bpp, char **cause)
{
	size_t row = columns * bpp, in = 0, out = 0;
	unsigned char *d = (unsigned char *)data;
	unsigned char *prev = NULL;
	if (row == 0)
		return fail(cause, xstrdup("预测器的列数不对"));
	while (*len - in >= row + 1) {
		int tag = d[in++];
		unsigned char *cur = d + out;
		memmove(cur, d + in, row);
		in += row;
		for (size_t i = 0; i < row; i++) {
			int left = i >= bpp ? cur[i - bpp] : 0, up = prev ? prev[i] : 0,
			    corner = prev && i >= bpp ? prev[i - bpp] : 0;
			switch (tag) {
			case 0:
				break;
			case 1:
				cur[i] = (unsigned char)(cur[i] + left);
				break;
			case 2:
				cur[i] = (unsigned char)(cur[i] + up);
				break;
			case 3:
				cur[i] = (unsigned char)(cur[i] + (left + up) / 2);
				break;
			case 4:
				cur[i] = (unsigned char)(cur[i] + paeth(left, up, corner));
				break;
			default:
				return fail(cause, xstrdup("预测器的行类型不对"));
			}
		}
		prev = cur;
		out += row;
	}
	*len = out;
	return true;
}

/* The first (only) filter name and its parameters, which may be arrays. */
static void first_of(const struct pdf_value *v, struct pdf_value *out)
{
	*out = *v;
	if (v->kind == PDF_ARRAY) {
		struct pdf_iter it;
		pdf_iter_init(&it, v);
		if (!pdf_iter_next(&it, out))
			out->kind = PDF_NULL;
	}
}

/* Decodes a stream whose dictionary is dict; *out is owned by the caller. */
static bool stream_decode(struct pdf_doc *doc, const struct pdf_value *dict, const char *data,
			  size_t len, char **out, size_t *out_len, char **cause)
{
	struct pdf_value filter, params;
	if (!pdf_dict_get(dict, "Filter", &filter)) {
		*out = xmalloc(len + 1);
		memcpy(*out, data, len);
		*out_len = len;
		return true;
	}
	if (filter.kind == PDF_ARRAY) {
		struct pdf_iter it;
		struct pdf_value f;
		int n = 0;
		pdf_iter_init(&it, &filter);
		while (pdf_iter_next(&it, &f))
			n++;
		if (n > 1)
			return fail(cause, xstrdup("不支持多重压缩的流"));
	}
	first_of(&filter, &filter);
	if (!pdf_name_is(&filter, "FlateDecode"))
		return fail(cause, xasprintf("不支持用 %.*s 压缩的流",
					     (int)(filter.len < 40 ? filter.len : 40),
					     filter.start ? filter.start : ""));
	if (!inflate_data(doc, data, len, out, out_len, cause))
		return false;
	if (!pdf_dict_get(dict, "DecodeParms", &params))
		return true;
	first_of(&params, &params);
	int64_t predictor, columns, colors, bits;
	if (params.kind != PDF_DICT || !dict_int(&params, "Predictor", 1, 15, 1, &predictor) ||
	    !dict_int(&params, "Columns", 1, 1 << 20, 1, &columns) ||
	    !dict_int(&params, "Colors", 1, 1, 1, &colors) ||
	    !dict_int(&params, "BitsPerComponent", 8, 8, 8, &bits) ||
	    (predictor > 1 && predictor < 10)) {
		free(*out);
		return fail(cause, xstrdup("不支持这种压缩参数"));
	}
	if (predictor >= 10 && !unpredict_png(*out, out_len, (size_t)columns, 1, cause)) {
		free(*out);
		return false;
	}
	return true;
}

/* ---- objects in the file ---------------------------------------------- */

static const struct xref_entry *xref_find(const struct pdf_doc *doc, uint32_t num)
{
	size_t lo = 0, hi = doc->nentries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->entries[mid].num < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < doc->nentries && doc->entries[lo].num == num ? &doc->entries[lo] : NULL;
}

/* The object "num gen obj VALUE [stream ...]" at offset, and its
 * generation in *generation_out unless that is NULL.  With stream
 * non-NULL, its raw data is returned: the object must be a stream, or
 * with stream_optional *stream is NULL for one that is not. */
static bool read_indirect_at(struct pdf_doc *doc, size_t offset, int64_t want, int *generation_out,
			     struct pdf_value *out, const char **stream, size_t *stream_len,
			     bool stream_optional, char **cause)
{
	if (offset >= doc->len)
		return fail(cause, xasprintf("交叉引用指向第 %zu 字节，超出了文件的长度", offset));
	struct lexer lx = {doc->data + offset, doc->data + doc->len, cause};
	int64_t num, generation;
	if (!lex_uint(&lx, &num) || !lex_uint(&lx, &generation) || !lex_keyword(&lx, "obj"))
		return fail(cause, xasprintf("第 %zu 字节处应当是一个对象，但不是", offset));
	if (want >= 0 && num != want)
		return fail(cause,
			    xasprintf("交叉引用表说对象 %lld 在第 %zu 字节，那里却是对象 %lld",
				      (long long)want, offset, (long long)num));
	if (!lex_value(&lx, out, 0)) {
		char *why = *cause;
		*cause = NULL;
		fail(cause, xasprintf("对象 %lld（第 %zu 字节）写得不对：%s", (long long)num,
				      offset, why));
		free(why);
		return false;
	}
	if (generation_out)
		*generation_out = generation > 65535 ? 65535 : (int)generation;
	if (!stream)
		return true;
	if (stream_optional && (out->kind != PDF_DICT || !lex_keyword(&lx, "stream"))) {
		*stream = NULL;
		*stream_len = 0;
		return true;
	}
	if (!stream_optional && (out->kind != PDF_DICT || !lex_keyword(&lx, "stream")))
		return fail(cause, xasprintf("对象 %lld 应当是一个流，但不是", (long long)num));
	if (lx.pos < lx.end && *lx.pos == '\r')
		lx.pos++;
	if (lx.pos < lx.end && *lx.pos == '\n')
		lx.pos++;
	struct pdf_value length;
	if (!pdf_dict_get(out, "Length", &length))
		return fail(cause, xasprintf("流对象 %lld 没有 /Length", (long long)num));
	if (length.kind == PDF_REF) {
		if (!doc->xref_ready || doc->nested_reads >= PDF_MAX_NESTED_READS)
			return fail(cause,
				    xasprintf("流对象 %lld 的 /Length 无法读取", (long long)num));
		doc->nested_reads++;
		bool ok = pdf_doc_resolve(doc, &length, &length, cause);
		doc->nested_reads--;
		if (!ok)
			return false;
	}
	size_t start = (size_t)(lx.pos - doc->data);
	if (length.kind != PDF_NUMBER || !length.integer || length.number < 0 ||
	    (uint64_t)length.number > doc->len - start)
		return fail(cause, xasprintf("流对象 %lld 的 /Length 不对", (long long)num));
	lx.pos += length.number;
	if (!lex_keyword(&lx, "endstream"))
		return fail(
			cause,
			xasprintf("流对象 %lld 的长度与 /Length 不符（没有在该处找到 endstream）",
				  (long long)num));
	*stream = doc->data + start;
	*stream_len = (size_t)length.number;
	return true;
}

/* The object "num gen obj VALUE [stream ...]" at offset.  With stream
 * non-NULL, the object must be a stream and its raw data is returned. */
static bool read_indirect(struct pdf_doc *doc, size_t offset, int64_t want, struct pdf_value *out,
			  const char **stream, size_t *stream_len, char **cause)
{
	return read_indirect_at(doc, offset, want, NULL, out, stream, stream_len, false, cause);
}

static void keep_buffer(struct pdf_doc *doc, char *buffer)
{
	doc->buffers = xgrow(doc->buffers, &doc->cap_buffers, doc->nbuffers + 1,
			     sizeof *doc->buffers);
	doc->buffers[doc->nbuffers++] = buffer;
}

static const struct object_stream *object_stream_get(struct pdf_doc *doc, uint32_t num,
						     char **cause)
{
	for (size_t i = 0; i < doc->nstreams; i++)
		if (doc->streams[i].num == num)
			return &doc->streams[i];
	const struct xref_entry *e = xref_find(doc, num);
	if (!e || e->type != 1)
		return fail(cause, xasprintf("对象流 %u 不在文件中", num)), NULL;
	struct pdf_value dict;
	const char *raw;
	size_t raw_len;
	if (!read_indirect(doc, e->a, num, &dict, &raw, &raw_len, cause))
		return NULL;
	struct pdf_value type;
	int64_t count, first;
	if (!pdf_dict_get(&dict, "Type", &type) || !pdf_name_is(&type, "ObjStm") ||
	    !dict_int(&dict, "N", 0, PDF_MAX_OBJECTS, -1, &count) ||
	    !dict_int(&dict, "First", 0, INT64_MAX, -1, &first))
		return fail(cause, xasprintf("对象流 %u 的字典不对", num)), NULL;
	struct object_stream s = {.num = num, .count = (uint32_t)count, .first = (size_t)first};
	if (!stream_decode(doc, &dict, raw, raw_len, &s.data, &s.len, cause))
		return NULL;
	if (s.first > s.len || (uint64_t)count > s.len) {
		free(s.data);
		return fail(cause, xasprintf("对象流 %u 的 /First 或 /N 不对", num)), NULL;
	}
	s.nums = xcalloc(s.count ? s.count : 1, sizeof *s.nums);
	s.offsets = xcalloc(s.count ? s.count : 1, sizeof *s.offsets);
	struct lexer lx = {s.data, s.data + s.first, cause};
	for (uint32_t i = 0; i < s.count; i++) {
		int64_t n, off;
		if (!lex_uint(&lx, &n) || !lex_uint(&lx, &off) || (uint64_t)off > s.len - s.first) {
			free(s.data);
			free(s.nums);
			free(s.offsets);
			return fail(cause, xasprintf("对象流 %u 的目录不对", num)), NULL;
		}
		s.nums[i] = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
		s.offsets[i] = (size_t)off;
	}
	doc->streams = xgrow(doc->streams, &doc->cap_streams, doc->nstreams + 1,
			     sizeof *doc->streams);
	doc->streams[doc->nstreams] = s;
	return &doc->streams[doc->nstreams++];
}

/* Object num, parsed from the file or its object stream. */
static bool parse_object(struct pdf_doc *doc, uint32_t num, struct pdf_value *out, char **cause)
{
	const struct xref_entry *e = xref_find(doc, num);
	if (!e || e->type == 0) {
		memset(out, 0, sizeof *out);
		out->kind = PDF_NULL;
		out->start = "null";
		out->len = 4;
		return true;
	}
	if (e->type == 1)
		return read_indirect(doc, e->a, num, out, NULL, NULL, cause);
	if (e->a > UINT32_MAX || (uint32_t)e->a == num)
		return fail(cause, xasprintf("对象 %u 所在的对象流不对", num));
	if (doc->nested_reads >= PDF_MAX_NESTED_READS)
		return fail(cause, xasprintf("对象 %u 无法读取：对象流互相嵌套", num));
	doc->nested_reads++;
	const struct object_stream *s = object_stream_get(doc, (uint32_t)e->a, cause);
	doc->nested_reads--;
	if (!s)
		return false;
	if (e->b >= s->count || s->nums[e->b] != num)
		return fail(cause, xasprintf("对象流 %u 里没有对象 %u", s->num, num));
	struct lexer lx = {s->data + s->first + s->offsets[e->b], s->data + s->len, cause};
	if (!lex_value(&lx, out, 0)) {
		char *why = *cause;
		*cause = NULL;
		fail(cause, xasprintf("对象 %u（在对象流 %u 中）写得不对：%s", num, s->num, why));
		free(why);
		return false;
	}
	return true;
}

/* Each object is parsed once.  The caller looks into what it is given
 * (every key of a dictionary costs a pass over it), so the bytes handed
 * out are counted: a file that refers to one large object thousands of
 * times is refused, in bounded time, instead of being read thousands of
 * times over. */
bool pdf_doc_object(struct pdf_doc *doc, uint32_t num, struct pdf_value *out, char **cause)
{
	if (!doc->cache)
		doc->cache = xcalloc(PDF_CACHE_SLOTS, sizeof *doc->cache);
	struct cached_object *slot = &doc->cache[num % PDF_CACHE_SLOTS];
	if (slot->used && slot->num == num) {
		*out = slot->value;
	} else {
		if (!parse_object(doc, num, out, cause))
			return false;
		*slot = (struct cached_object){num, true, *out};
	}
	doc->served += out->len;
	if (doc->served > (uint64_t)doc->len * PDF_SERVED_FACTOR + PDF_SERVED_EXTRA)
		return fail(cause, xasprintf("对象被反复引用（如对象 %u），读取量超过了文件大小的 "
					     "%u 倍，可能是恶意构造的文件",
					     num, PDF_SERVED_FACTOR));
	return true;
}

bool pdf_doc_object_raw(struct pdf_doc *doc, uint32_t num, int *generation, struct pdf_value *out,
			const char **data, size_t *len, char **cause)
{
	const struct xref_entry *e = xref_find(doc, num);
	if (!e || e->type != 1)
		return fail(cause, xasprintf("对象 %u 不是直接写在文件中的对象", num));
	return read_indirect_at(doc, (size_t)e->a, num, generation, out, data, len, true, cause);
}

bool pdf_doc_resolve(struct pdf_doc *doc, const struct pdf_value *v, struct pdf_value *out,
		     char **cause)
{
	struct pdf_value cur = *v;
	for (int hops = 0; cur.kind == PDF_REF; hops++) {
		if (hops >= 8 || cur.number > UINT32_MAX)
			return fail(cause, xstrdup("对象引用形成了循环"));
		if (!pdf_doc_object(doc, (uint32_t)cur.number, &cur, cause))
			return false;
	}
	*out = cur;
	return true;
}

/* ---- cross-reference sections ----------------------------------------- */

static void add_entry(struct pdf_doc *doc, uint32_t num, uint8_t type, uint64_t a, uint32_t b)
{
	doc->entries = xgrow(doc->entries, &doc->cap_entries, doc->nentries + 1,
			     sizeof *doc->entries);
	doc->entries[doc->nentries] = (struct xref_entry){num, (uint32_t)doc->nentries, type, a, b};
	doc->nentries++;
}

/* Whether count more entries fit: a few per byte of input, so that a
 * small file cannot claim millions of objects and cost their memory. */
static bool entries_fit(const struct pdf_doc *doc, uint64_t count, char **cause)
{
	uint64_t limit = (uint64_t)doc->len * PDF_ENTRIES_PER_BYTE + PDF_MIN_ENTRIES;
	if (limit > PDF_MAX_ENTRIES)
		limit = PDF_MAX_ENTRIES;
	if (doc->nentries + count > limit)
		return fail(cause, xstrdup("交叉引用的条目太多"));
	return true;
}

static bool read_xref_table(struct pdf_doc *doc, size_t offset, struct pdf_value *trailer,
			    char **cause)
{
	struct lexer lx = {doc->data + offset, doc->data + doc->len, cause};
	lex_keyword(&lx, "xref");
	for (;;) {
		if (lex_keyword(&lx, "trailer"))
			break;
		int64_t first, count;
		if (!lex_uint(&lx, &first) || !lex_uint(&lx, &count))
			return fail(cause, xasprintf("第 %zu 字节起的交叉引用表写得不对", offset));
		if (first + count > PDF_MAX_OBJECTS || count > (int64_t)(lx.end - lx.pos) / 6)
			return fail(cause,
				    xasprintf("第 %zu 字节起的交叉引用表的条目数不对", offset));
		if (!entries_fit(doc, (uint64_t)count, cause))
			return false;
		for (int64_t i = 0; i < count; i++) {
			int64_t where, generation;
			bool used;
			if (!lex_uint(&lx, &where) || !lex_uint(&lx, &generation) ||
			    !((used = lex_keyword(&lx, "n")) || lex_keyword(&lx, "f")))
				return fail(
					cause,
					xasprintf(
						"第 %zu 字节起的交叉引用表中对象 %lld 的条目写得不对",
						offset, (long long)(first + i)));
			add_entry(doc, (uint32_t)(first + i), used ? 1 : 0, (uint64_t)where,
				  (uint32_t)generation);
		}
	}
	if (!lex_value(&lx, trailer, 0) || trailer->kind != PDF_DICT)
		return fail(cause, xasprintf("第 %zu 字节起的交叉引用表后面的 trailer 字典写得不对",
					     offset));
	return true;
}

static uint64_t big_endian(const unsigned char *p, int64_t width)
{
	uint64_t v = 0;
	for (int64_t i = 0; i < width; i++)
		v = v << 8 | p[i];
	return v;
}

static bool read_xref_stream(struct pdf_doc *doc, size_t offset, struct pdf_value *trailer,
			     char **cause)
{
	const char *raw;
	size_t raw_len;
	if (!read_indirect(doc, offset, -1, trailer, &raw, &raw_len, cause))
		return false;
	struct pdf_value type, w, index;
	int64_t widths[3], size;
	if (!pdf_dict_get(trailer, "Type", &type) || !pdf_name_is(&type, "XRef"))
		return fail(cause, xasprintf("第 %zu 字节处的对象不是交叉引用流", offset));
	int n = 0;
	struct pdf_iter it;
	struct pdf_value item;
	if (pdf_dict_get(trailer, "W", &w) && w.kind == PDF_ARRAY) {
		pdf_iter_init(&it, &w);
		while (n < 4 && pdf_iter_next(&it, &item)) {
			if (item.kind != PDF_NUMBER || !item.integer || item.number < 0 ||
			    item.number > 8 || n == 3) {
				n = -1;
				break;
			}
			widths[n++] = item.number;
		}
	}
	if (n != 3 || !dict_int(trailer, "Size", 0, PDF_MAX_OBJECTS + 1, -1, &size))
		return fail(cause,
			    xasprintf("第 %zu 字节处的交叉引用流的 /W 或 /Size 不对", offset));
	size_t entry_len = (size_t)(widths[0] + widths[1] + widths[2]);
	if (entry_len == 0)
		return fail(cause, xasprintf("第 %zu 字节处的交叉引用流的 /W 不对", offset));
	char *data;
	size_t len;
	if (!stream_decode(doc, trailer, raw, raw_len, &data, &len, cause))
		return false;
	keep_buffer(doc, data);
	const unsigned char *p = (const unsigned char *)data, *end = p + len;
	bool has_index = pdf_dict_get(trailer, "Index", &index);
	if (has_index && index.kind != PDF_ARRAY)
		return fail(cause, xasprintf("第 %zu 字节处的交叉引用流的 /Index 不对", offset));
	if (has_index)
		pdf_iter_init(&it, &index);
	for (bool once = true;; once = false) {
		int64_t first = 0, count = size;
		if (has_index) {
			struct pdf_value a, b;
			if (!pdf_iter_next(&it, &a))
				break;
			if (!pdf_iter_next(&it, &b) || a.kind != PDF_NUMBER ||
			    b.kind != PDF_NUMBER || a.number < 0 || b.number < 0 ||
			    a.number + b.number > PDF_MAX_OBJECTS + 1)
				return fail(cause,
					    xasprintf("第 %zu 字节处的交叉引用流的 /Index 不对",
						      offset));
			first = a.number;
			count = b.number;
		} else if (!once) {
			break;
		}
		if ((uint64_t)count > (size_t)(end - p) / entry_len)
			return fail(cause,
				    xasprintf("第 %zu 字节处的交叉引用流比 /Index 说的短", offset));
		if (!entries_fit(doc, (uint64_t)count, cause))
			return false;
		for (int64_t i = 0; i < count; i++, p += entry_len) {
			uint64_t t = widths[0] ? big_endian(p, widths[0]) : 1;
			uint64_t a = big_endian(p + widths[0], widths[1]);
			uint64_t b = big_endian(p + widths[0] + widths[1], widths[2]);
			add_entry(doc, (uint32_t)(first + i), t == 1 || t == 2 ? (uint8_t)t : 0, a,
				  b > UINT32_MAX ? UINT32_MAX : (uint32_t)b);
		}
	}
	return true;
}

static bool section_is_table(const struct pdf_doc *doc, size_t offset)
{
	struct lexer lx = {doc->data + offset, doc->data + doc->len, NULL};
	return lex_keyword(&lx, "xref");
}

static int compare_entries(const void *pa, const void *pb)
{
	const struct xref_entry *a = pa, *b = pb;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Orders the entries of a hybrid section as poppler and qpdf read them:
 * the table's objects in use, then its /XRefStm, then the objects the
 * table marks free (objects in object streams are free for old readers).
 * So the table wins where both define an object, and what is signed is
 * what viewers show.  [since, mid) is the table, [mid, end) the stream. */
static void order_hybrid(struct pdf_doc *doc, size_t since, size_t mid)
{
	size_t n = doc->nentries - since, k = 0;
	struct xref_entry *sorted = xcalloc(n ? n : 1, sizeof *sorted);
	for (size_t i = since; i < mid; i++)
		if (doc->entries[i].type != 0)
			sorted[k++] = doc->entries[i];
	for (size_t i = mid; i < doc->nentries; i++)
		sorted[k++] = doc->entries[i];
	for (size_t i = since; i < mid; i++)
		if (doc->entries[i].type == 0)
			sorted[k++] = doc->entries[i];
	for (size_t i = 0; i < n; i++) {
		sorted[i].seq = (uint32_t)(since + i);
		doc->entries[since + i] = sorted[i];
	}
	free(sorted);
}

static bool read_sections(struct pdf_doc *doc, size_t offset, char **cause)
{
	size_t visited[PDF_MAX_SECTIONS];
	size_t nvisited = 0;
	for (bool newest = true;; newest = false) {
		for (size_t i = 0; i < nvisited; i++)
			if (visited[i] == offset)
				return fail(cause, xstrdup("交叉引用表的 /Prev 形成了循环"));
		if (nvisited + 2 > PDF_MAX_SECTIONS)
			return fail(cause, xstrdup("交叉引用表的节太多"));
		if (offset >= doc->len)
			return fail(cause, xasprintf("交叉引用表应在第 %zu 字节，超出了文件的长度",
						     offset));
		visited[nvisited++] = offset;
		struct pdf_value trailer;
		bool table = section_is_table(doc, offset);
		size_t since = doc->nentries;
		if (!(table ? read_xref_table(doc, offset, &trailer, cause)
			    : read_xref_stream(doc, offset, &trailer, cause)))
			return false;
		int64_t stm;
		if (table && !dict_int(&trailer, "XRefStm", 0, INT64_MAX, 0, &stm))
			return fail(cause, xstrdup("trailer 的 /XRefStm 不对"));
		if (table && stm > 0) {
			size_t mid = doc->nentries;
			struct pdf_value ignored;
			for (size_t i = 0; i < nvisited; i++)
				if (visited[i] == (size_t)stm)
					return fail(cause,
						    xstrdup("交叉引用表的 /XRefStm 形成了循环"));
			visited[nvisited++] = (size_t)stm;
			if ((size_t)stm >= doc->len ||
			    !read_xref_stream(doc, (size_t)stm, &ignored, cause))
				return fail(cause,
					    xstrdup("trailer 的 /XRefStm 指向的不是交叉引用流"));
			order_hybrid(doc, since, mid);
		}
		if (newest) {
			doc->trailer = trailer;
			doc->last_is_stream = !table;
		}
		int64_t prev;
		struct pdf_value ignored_prev;
		if (!pdf_dict_get(&trailer, "Prev", &ignored_prev))
			return true;
		if (!dict_int(&trailer, "Prev", 0, INT64_MAX, -1, &prev))
			return fail(cause, xstrdup("trailer 的 /Prev 不对"));
		offset = (size_t)prev;
	}
}

/* The number after the last "startxref" near the end of the file. */
static bool find_startxref(const char *data, size_t len, size_t *offset, char **cause)
{
	size_t window = len < 4096 ? len : 4096;
	const char *tail = data + len - window;
	for (size_t i = window; i >= 9; i--) {
		if (memcmp(tail + i - 9, "startxref", 9) != 0)
			continue;
		struct lexer lx = {tail + i, data + len, cause};
		int64_t v;
		if (!lex_uint(&lx, &v))
			break;
		*offset = (size_t)v;
		return true;
	}
	return fail(cause, xstrdup("文件末尾没有 startxref（文件可能不完整）"));
}

struct pdf_doc *pdf_doc_open(const char *data, size_t len, char **cause)
{
	*cause = NULL;
	size_t head = len < 1024 ? len : 1024;
	if (len < 5 || !memmem(data, head, "%PDF-", 5))
		return fail(cause, xstrdup("不是 PDF 文件（开头没有 %PDF-）")), NULL;
	struct pdf_doc *doc = xcalloc(1, sizeof *doc);
	doc->data = data;
	doc->len = len;
	size_t offset;
	if (!find_startxref(data, len, &offset, cause) || !read_sections(doc, offset, cause))
		goto bad;
	doc->last_xref = offset;
	if (doc->nentries)
		qsort(doc->entries, doc->nentries, sizeof *doc->entries, compare_entries);
	/* keep only the newest definition of each object */
	size_t kept = 0;
	for (size_t i = 0; i < doc->nentries; i++)
		if (kept == 0 || doc->entries[kept - 1].num != doc->entries[i].num)
			doc->entries[kept++] = doc->entries[i];
	doc->nentries = kept;
	doc->xref_ready = true;
	int64_t size;
	if (!dict_int(&doc->trailer, "Size", 1, PDF_MAX_OBJECTS, -1, &size)) {
		fail(cause, xstrdup("trailer 没有正确的 /Size"));
		goto bad;
	}
	if (size > PDF_MAX_OBJECTS + 1 - PDF_UPDATE_ROOM) {
		fail(cause,
		     xasprintf("trailer 的 /Size（%lld）已接近对象号的上限 %u，无法再添加对象",
			       (long long)size, PDF_MAX_OBJECTS));
		goto bad;
	}
	doc->size = (uint32_t)size;
	/* an object beyond /Size is one the update would write over */
	for (size_t i = kept; i-- > 0 && doc->entries[i].num >= doc->size;)
		if (doc->entries[i].type != 0) {
			fail(cause, xasprintf("交叉引用里有对象 %u，超出了 trailer 的 /Size（%u）",
					      doc->entries[i].num, doc->size));
			goto bad;
		}
	return doc;
bad:
	pdf_doc_free(doc);
	return NULL;
}

void pdf_doc_free(struct pdf_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nstreams; i++) {
		free(doc->streams[i].data);
		free(doc->streams[i].nums);
		free(doc->streams[i].offsets);
	}
	for (size_t i = 0; i < doc->nbuffers; i++)
		free(doc->buffers[i]);
	free(doc->streams);
	free(doc->buffers);
	free(doc->entries);
	free(doc->cache);
	free(doc);
}

const struct pdf_value *pdf_doc_trailer(const struct pdf_doc *doc)
{
	return &doc->trailer;
}

size_t pdf_doc_last_xref(const struct pdf_doc *doc)
{
	return doc->last_xref;
}

bool pdf_doc_last_xref_is_stream(const struct pdf_doc *doc)
{
	return doc->last_is_stream;
}

uint32_t pdf_doc_size(const struct pdf_doc *doc)
{
	return doc->size;
}

const char *pdf_doc_bytes(const struct pdf_doc *doc, size_t *len)
{
	*len = doc->len;
	return doc->data;
}

bool pdf_doc_next_object(const struct pdf_doc *doc, uint32_t *num)
{
	if (*num == UINT32_MAX)
		return false;
	/* the first entry above *num: entries are sorted and unique */
	size_t lo = 0, hi = doc->nentries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->entries[mid].num <= *num)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < doc->nentries; lo++)
		if (doc->entries[lo].type != 0 && doc->entries[lo].num != 0) {
			*num = doc->entries[lo].num;
			return true;
		}
	return false;
}
