/* Recognising nianbao's own outputs; see output_owner.h. */
#define _GNU_SOURCE /* memmem */
#include "output_owner.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "file_read.h"
#include "form.h"
#include "pdf_read.h"
#include "render_text.h"
#include "report.h"
#include "templates.h"
#include "xalloc.h"

/* An output is a report's text or PDF: what is larger is not one of ours. */
#define OUTPUT_MAX (64u << 20)

static uint64_t fnv1a(uint64_t h, const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3u;
	}
	return h;
}

void output_owner_fingerprint(const struct report *r, char out[OUTPUT_OWNER_FINGERPRINT_SIZE])
{
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	/* the NULs keep the three apart: ("a", "b1") is not ("ab", "1") */
	uint64_t h = 0xcbf29ce484222325u;
	h = fnv1a(h, r->form->id, strlen(r->form->id) + 1);
	h = fnv1a(h, r->organ, strlen(r->organ) + 1);
	h = fnv1a(h, year, strlen(year));
	snprintf(out, OUTPUT_OWNER_FINGERPRINT_SIZE, "%016llx", (unsigned long long)h);
}

/* Reads the regular file at path; *owner is set and NULL returned when
 * there is nothing to read (absent) or it is not a plain file (foreign). */
static char *read_existing(const char *path, size_t *len, enum output_owner *owner)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		*owner = OUTPUT_ABSENT;
		return NULL;
	}
	*owner = OUTPUT_FOREIGN; /* a link, a directory, a device: not ours */
	if (!S_ISREG(st.st_mode))
		return NULL;
	struct file_read_error e;
	return file_read(path, OUTPUT_MAX, 0, len, &e);
}

/* The lines of a text, each without its newline. */
struct lines {
	const char **start;
	size_t *len;
	size_t count;
};

static void lines_split(struct lines *l, const char *text, size_t len)
{
	size_t max = 1;
	for (size_t i = 0; i < len; i++)
		max += text[i] == '\n';
	l->start = xcalloc(max, sizeof *l->start);
	l->len = xcalloc(max, sizeof *l->len);
	l->count = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		l->start[l->count] = p;
		l->len[l->count++] = (size_t)(stop - p);
		p = nl ? nl + 1 : end;
	}
}

static void lines_fini(struct lines *l)
{
	free(l->start);
	free(l->len);
}

static bool line_is(const struct lines *l, size_t i, const char *s)
{
	return i < l->count && l->len[i] == strlen(s) && memcmp(l->start[i], s, l->len[i]) == 0;
}

/* A table line up to its numbers and column gaps: every number (digits,
 * a point between digits) becomes 0, every run of spaces one space, and
 * trailing spaces go.  NULL for a line that nianbao never writes in a
 * table (a tab, a carriage return).  The caller frees it. */
static char *normalize(const char *s, size_t len)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == '\t' || c == '\r') {
			buf_fini(&b);
			return NULL;
		}
		if (c >= '0' && c <= '9') {
			while (i < len &&
			       ((s[i] >= '0' && s[i] <= '9') ||
				(s[i] == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')))
				i++;
			buf_addc(&b, '0');
		} else if (c == ' ') {
			while (i < len && s[i] == ' ')
				i++;
			if (i < len)
				buf_addc(&b, ' ');
		} else {
			buf_addc(&b, c);
			i++;
		}
	}
	return buf_take(&b);
}

/* Where each of the form's headings is in l, in order, from line from;
 * false when one is missing. */
static bool find_headings(const struct lines *l, const struct form *f, size_t from, size_t *at)
{
	size_t i = from;
	for (size_t s = 0; s < f->nsections; s++) {
		while (i < l->count && !line_is(l, i, f->sections[s].heading))
			i++;
		if (i == l->count)
			return false;
		at[s] = i++;
	}
	return true;
}

static bool section_has(const struct form_section *sec, enum form_item_kind kind)
{
	for (size_t i = 0; i < sec->nitems; i++)
		if (sec->items[i].kind == kind)
			return true;
	return false;
}

/* Whether the non-blank lines of want[wa..wb) appear, normalized, in
 * order among those of got[ga..gb); with exact, nothing else may be there. */
static bool block_matches(const struct lines *want, size_t wa, size_t wb, const struct lines *got,
			  size_t ga, size_t gb, bool exact)
{
	size_t g = ga;
	for (size_t w = wa; w < wb; w++) {
		if (want->len[w] == 0)
			continue;
		char *nw = normalize(want->start[w], want->len[w]);
		bool found = false;
		while (!found && g < gb) {
			if (got->len[g] == 0) {
				g++;
				continue;
			}
			char *ng = normalize(got->start[g], got->len[g]);
			found = ng && nw && strcmp(ng, nw) == 0;
			free(ng);
			g++;
			if (!found && exact)
				break;
		}
		free(nw);
		if (!found)
			return false;
	}
	while (exact && g < gb && got->len[g] == 0)
		g++;
	return !exact || g == gb;
}

/* The first line after a draft's 【草稿】 line. */
static size_t title_line(const struct lines *l)
{
	return line_is(l, 0, templates_get(TEMPLATES_TEXT_DRAFT_LINE)) ? 1 : 0;
}

/* The layout rule of output_owner.h, against the text nianbao writes for
 * r with every narrative empty (so that only the tables are left). */
static bool text_has_our_layout(const char *data, size_t len, const struct report *r)
{
	const struct form *f = r->form;
	struct report *skeleton = report_clone(r);
	for (size_t c = 0; c < f->ncells; c++)
		if (skeleton->texts[c])
			report_set_text(skeleton, c, "", 0);
	size_t skel_len;
	char *skel = render_text(skeleton, &skel_len);
	report_free(skeleton);
	struct lines want, got;
	lines_split(&want, skel, skel_len);
	lines_split(&got, data, len);
	size_t *want_at = xcalloc(f->nsections + 1, sizeof *want_at);
	size_t *got_at = xcalloc(f->nsections + 1, sizeof *got_at);
	size_t wt = title_line(&want), gt = title_line(&got);
	bool ours = wt < want.count && gt < got.count && want.len[wt] == got.len[gt] &&
		    memcmp(want.start[wt], got.start[gt], got.len[gt]) == 0 &&
		    find_headings(&want, f, wt + 1, want_at) &&
		    find_headings(&got, f, gt + 1, got_at);
	for (size_t s = 0; ours && s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		if (!section_has(sec, FORM_ITEM_TABLE))
			continue; /* narratives (and the 落款 after the last) are the clerk's */
		bool last = s + 1 == f->nsections;
		size_t wend = last ? want.count : want_at[s + 1];
		size_t gend = last ? got.count : got_at[s + 1];
		ours = block_matches(&want, want_at[s] + 1, wend, &got, got_at[s] + 1, gend,
				     !section_has(sec, FORM_ITEM_TEXT) && !last);
	}
	free(want_at);
	free(got_at);
	lines_fini(&want);
	lines_fini(&got);
	free(skel);
	return ours;
}

enum output_owner output_owner_text(const char *path, const struct report *r, const char *text,
				    size_t len)
{
	enum output_owner owner;
	size_t old_len;
	char *old = read_existing(path, &old_len, &owner);
	if (!old)
		return owner;
	if ((old_len == len && memcmp(old, text, len) == 0) || text_has_our_layout(old, old_len, r))
		owner = OUTPUT_OURS;
	free(old);
	return owner;
}

enum output_owner output_owner_bytes(const char *path, const char *data, size_t len,
				     const char *const *markers, size_t nmarkers)
{
	enum output_owner owner;
	size_t old_len;
	char *old = read_existing(path, &old_len, &owner);
	if (!old)
		return owner;
	bool marked = nmarkers > 0;
	for (size_t i = 0; i < nmarkers && marked; i++)
		marked = memmem(old, old_len, markers[i], strlen(markers[i])) != NULL;
	if (marked || (old_len == len && memcmp(old, data, len) == 0))
		owner = OUTPUT_OURS;
	free(old);
	return owner;
}

enum output_owner output_owner_pdf(const char *path, const struct report *r)
{
	enum output_owner owner;
	size_t len;
	char *data = read_existing(path, &len, &owner);
	if (!data)
		return owner;
	/* a signature's dictionary is never compressed (its /ByteRange gives
	 * offsets in the file), so its key is there in the bytes, even in a
	 * file whose structure is broken */
	if (memmem(data, len, "/ByteRange", 10)) {
		free(data);
		return OUTPUT_SIGNED;
	}
	char *cause = NULL, fingerprint[OUTPUT_OWNER_FINGERPRINT_SIZE];
	struct pdf_doc *doc = pdf_doc_open(data, len, &cause);
	struct pdf_value ref, info, key;
	if (r)
		output_owner_fingerprint(r, fingerprint);
	if (doc && r && pdf_dict_get(pdf_doc_trailer(doc), "Info", &ref) &&
	    pdf_doc_resolve(doc, &ref, &info, &cause) &&
	    pdf_dict_get(&info, "NianbaoReport", &key) && pdf_name_is(&key, fingerprint))
		owner = OUTPUT_OURS;
	free(cause);
	if (doc)
		pdf_doc_free(doc);
	free(data);
	return owner;
}

char *output_owner_other_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');
	size_t stem = dot && dot > (slash ? slash + 1 : path) ? (size_t)(dot - path) : strlen(path);
	struct stat st;
	for (int n = 2;; n++) {
		char *name = xasprintf("%.*s-%d%s", (int)stem, path, n, path + stem);
		if (lstat(name, &st) != 0 || n >= 1000)
			return name;
		free(name);
	}
}

char *output_owner_refusal(const char *path, enum output_owner owner, bool force)
{
	if (owner == OUTPUT_SIGNED) {
		char *other = output_owner_other_name(path);
		char *why = xasprintf("%s 是签过名的 PDF，nianbao 从不替换签过名的文件（加 --force "
				      "也不行）；请换一个文件名，例如 %s",
				      path, other);
		free(other);
		return why;
	}
	if (owner == OUTPUT_FOREIGN && !force)
		return xasprintf("%s 已经存在，但不是 nianbao 由这份报告排出的文件，没有改动它",
				 path);
	return NULL;
}
