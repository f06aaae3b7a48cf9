/* The OFD writer (render_ofd.h).  The typesetter's layout (pdf_layout.h)
 * is in points from the bottom-left corner; OFD speaks millimetres from
 * the top-left, so every position is turned over here.  The parts:
 * OFD.xml (the entry, document information), Doc_0/Document.xml (page
 * area, the pages), Doc_0/PublicRes.xml (the fonts), the font files in Doc_0/Res/
 * (their subsets) and one Content.xml per page. */
#include "render_ofd.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "buf.h"
#include "diag.h"
#include "font_face.h"
#include "font_roles.h"
#include "font_set.h"
#include "font_subset.h"
#include "form.h"
#include "package.h"
#include "pdf_check.h"
#include "pdf_layout.h"
#include "pdf_typeset.h"
#include "report.h"
#include "version.h"
#include "xalloc.h"

#define NS "http://www.ofdspec.org/2016"
#define MM(pt) ((pt)*25.4 / 72.0)
#define PAGE_W_MM 210.0
#define PAGE_H_MM 297.0

static void add_xml_text(struct buf *out, const char *text)
{
	xmlChar *e = xmlEncodeSpecialChars(NULL, (const xmlChar *)text);
	if (!e)
		abort(); /* out of memory */
	buf_adds(out, (const char *)e);
	xmlFree(e);
}

/* A millimetre value as OFD writes it: three decimals, no trailing zeros. */
static void add_mm(struct buf *out, double v)
{
	char s[32];
	snprintf(s, sizeof s, "%.3f", fabs(v) < 0.0005 ? 0.0 : v);
	size_t n = strlen(s);
	while (n > 1 && s[n - 1] == '0')
		n--;
	if (s[n - 1] == '.')
		n--;
	buf_add(out, s, n);
}

static void add_text_object(struct buf *out, const struct font_set *fonts, const int *font_ids,
			    const struct pdf_item *it, unsigned *id)
{
	size_t n;
	uint32_t *cps = pdf_decode(it->text, strlen(it->text), &n);
	if (!n || it->face < 0 || !font_ids[it->face]) {
		free(cps);
		return;
	}
	const struct font_face *face = fonts->faces[it->face];
	double size = MM(it->size), width = 0;
	double *advance = xmalloc(n * sizeof *advance);
	for (size_t i = 0; i < n; i++) {
		advance[i] = MM(font_face_advance(face, cps[i]) * it->size / 1000.0 +
				it->char_space);
		width += advance[i];
	}
	double x = MM(it->x), baseline = PAGE_H_MM - MM(it->y);
	buf_addf(out, "<ofd:TextObject ID=\"%u\" ", (*id)++);
	if (it->angle != 0) {
		/* about the start of the baseline; y grows downwards in OFD */
		double a = it->angle * M_PI / 180;
		buf_adds(out, "Boundary=\"0 0 210 297\" CTM=\"");
		add_mm(out, cos(a));
		buf_addc(out, ' ');
		add_mm(out, -sin(a));
		buf_addc(out, ' ');
		add_mm(out, sin(a));
		buf_addc(out, ' ');
		add_mm(out, cos(a));
		buf_addc(out, ' ');
		add_mm(out, x);
		buf_addc(out, ' ');
		add_mm(out, baseline);
		buf_adds(out, "\"");
		x = baseline = 0;
	} else {
		buf_adds(out, "Boundary=\"");
		add_mm(out, x);
		buf_addc(out, ' ');
		add_mm(out, baseline - size);
		buf_addc(out, ' ');
		add_mm(out, width + size);
		buf_addc(out, ' ');
		add_mm(out, size * 1.5);
		buf_adds(out, "\"");
		x = 0;
		baseline = size;
	}
	buf_addf(out, " Font=\"%d\" Size=\"", font_ids[it->face]);
	add_mm(out, size);
	buf_adds(out, "\">");
	if (it->gray > 0) {
		int v = (int)lround(it->gray * 255);
		buf_addf(out, "<ofd:FillColor Value=\"%d %d %d\"/>", v, v, v);
	}
	buf_adds(out, "<ofd:TextCode X=\"");
	add_mm(out, x);
	buf_adds(out, "\" Y=\"");
	add_mm(out, baseline);
	buf_adds(out, "\"");
	if (n > 1) {
		buf_adds(out, " DeltaX=\"");
		for (size_t i = 0; i + 1 < n; i++) {
			if (i)
				buf_addc(out, ' ');
			add_mm(out, advance[i]);
		}
		buf_adds(out, "\"");
	}
	buf_addc(out, '>');
	add_xml_text(out, it->text);
	buf_adds(out, "</ofd:TextCode></ofd:TextObject>\n");
	free(advance);
	free(cps);
}

static void add_rule(struct buf *out, const struct pdf_item *it, unsigned *id)
{
	buf_addf(out, "<ofd:PathObject ID=\"%u\" Boundary=\"0 0 210 297\" LineWidth=\"", (*id)++);
	add_mm(out, MM(it->size));
	buf_adds(out, "\"><ofd:AbbreviatedData>M ");
	add_mm(out, MM(it->x));
	buf_addc(out, ' ');
	add_mm(out, PAGE_H_MM - MM(it->y));
	buf_adds(out, " L ");
	add_mm(out, MM(it->x2));
	buf_addc(out, ' ');
	add_mm(out, PAGE_H_MM - MM(it->y2));
	buf_adds(out, "</ofd:AbbreviatedData></ofd:PathObject>\n");
}

static char *page_content(const struct pdf_page *page, const struct font_set *fonts,
			  const int *font_ids, unsigned *id, size_t *len)
{
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"" NS
		       "\">\n<ofd:Content>\n");
	buf_addf(&out, "<ofd:Layer ID=\"%u\">\n", (*id)++);
	for (size_t i = 0; i < page->count; i++) {
		const struct pdf_item *it = &page->items[i];
		if (it->kind == PDF_ITEM_TEXT)
			add_text_object(&out, fonts, font_ids, it, id);
		else if (it->kind == PDF_ITEM_RULE)
			add_rule(&out, it, id);
	}
	buf_adds(&out, "</ofd:Layer>\n</ofd:Content>\n</ofd:Page>\n");
	*len = out.len;
	return buf_take(&out);
}

/* A document identifier from its text, so that the same report gives
 * the same file: FNV-1a, twice, as 32 hexadecimal digits. */
static void doc_id(const char *text, char out[33])
{
	uint64_t h1 = 0xcbf29ce484222325ull, h2 = 0x84222325cbf29ce4ull;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h1 = (h1 ^ *p) * 0x100000001b3ull;
		h2 = (h2 ^ *p) * 0x100000001b3ull + 1;
	}
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

/* The parts, once the layout is made and the fonts subset. */
struct parts {
	char **names, **data;
	size_t *lens;
	size_t n, cap;
};

static void parts_add(struct parts *p, char *name, char *data, size_t len)
{
	size_t cap = p->cap;
	p->names = xgrow(p->names, &cap, p->n + 1, sizeof *p->names);
	cap = p->cap;
	p->data = xgrow(p->data, &cap, p->n + 1, sizeof *p->data);
	p->lens = xgrow(p->lens, &p->cap, p->n + 1, sizeof *p->lens);
	p->names[p->n] = name;
	p->data[p->n] = data;
	p->lens[p->n++] = len;
}

static void parts_fini(struct parts *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->names[i]);
		free(p->data[i]);
	}
	free(p->names);
	free(p->data);
	free(p->lens);
}

static char *write_ofd(const struct report *r, struct font_set *fonts,
		       const struct pdf_layout *layout, size_t *len, char **error)
{
	struct parts parts = {0};
	struct buf b;
	int font_ids[FONT_SET_MAX_FACES] = {0};
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"" NS
		     "\" BaseLoc=\"Res\">\n<ofd:Fonts>\n");
	for (size_t f = 0; f < fonts->nfaces; f++) {
		size_t n, flen;
		uint32_t *cps = font_set_used(fonts, (int)f, &n);
		char *subset = n ? font_subset_make(fonts->faces[f], cps, n, NULL, &flen) : NULL;
		free(cps);
		if (!subset)
			continue;
		font_ids[f] = (int)f + 1;
		const char *family = font_face_family(fonts->faces[f]);
		buf_addf(&b, "<ofd:Font ID=\"%d\" FontName=\"", font_ids[f]);
		add_xml_text(&b, family);
		buf_adds(&b, "\" FamilyName=\"");
		add_xml_text(&b, family);
		buf_addf(&b, "\"><ofd:FontFile>font_%zu.ttf</ofd:FontFile></ofd:Font>\n", f);
		parts_add(&parts, xasprintf("Doc_0/Res/font_%zu.ttf", f), subset, flen);
	}
	buf_adds(&b, "</ofd:Fonts>\n</ofd:Res>\n");
	size_t res_len = b.len;
	parts_add(&parts, xstrdup("Doc_0/PublicRes.xml"), buf_take(&b), res_len);

	unsigned id = FONT_SET_MAX_FACES + 1; /* font ids come first */
	struct buf pages;
	buf_init(&pages);
	for (size_t p = 0; p < layout->count; p++) {
		unsigned page_id = id++;
		size_t plen;
		char *content = page_content(&layout->pages[p], fonts, font_ids, &id, &plen);
		parts_add(&parts, xasprintf("Doc_0/Pages/Page_%zu/Content.xml", p), content, plen);
		buf_addf(&pages, "<ofd:Page ID=\"%u\" BaseLoc=\"Pages/Page_%zu/Content.xml\"/>\n",
			 page_id, p);
	}
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"" NS
		     "\">\n<ofd:CommonData>\n");
	buf_addf(&b, "<ofd:MaxUnitID>%u</ofd:MaxUnitID>\n", id - 1);
	buf_adds(&b,
		 "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\n"
		 "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n</ofd:CommonData>\n<ofd:Pages>\n");
	buf_adds(&b, pages.data);
	buf_adds(&b, "</ofd:Pages>\n</ofd:Document>\n");
	buf_fini(&pages);
	size_t doc_len = b.len;
	parts_add(&parts, xstrdup("Doc_0/Document.xml"), buf_take(&b), doc_len);

	char *title = report_title(r);
	char docid[33];
	char *seed = xasprintf("%s\n%s", title, r->organ);
	doc_id(seed, docid);
	free(seed);
	buf_init(&b);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"" NS
		     "\" Version=\"1.0\" DocType=\"OFD\">\n<ofd:DocBody>\n<ofd:DocInfo>\n");
	buf_addf(&b, "<ofd:DocID>%s</ofd:DocID>\n<ofd:Title>", docid);
	add_xml_text(&b, title);
	buf_adds(&b, "</ofd:Title>\n<ofd:Author>");
	add_xml_text(&b, r->organ);
	buf_adds(&b, "</ofd:Author>\n<ofd:Subject>");
	add_xml_text(&b, r->form->name);
	buf_adds(
		&b,
		"</ofd:Subject>\n<ofd:Creator>nianbao</ofd:Creator>\n<ofd:CreatorVersion>" NIANBAO_VERSION
		"</ofd:CreatorVersion>\n</ofd:DocInfo>\n"
		"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\n</ofd:DocBody>\n</ofd:OFD>\n");
	free(title);
	size_t ofd_len = b.len;
	parts_add(&parts, xstrdup("OFD.xml"), buf_take(&b), ofd_len);

	/* the entry first, as readers look for it */
	const char **names = xmalloc(parts.n * sizeof *names);
	char **data = xmalloc(parts.n * sizeof *data);
	size_t *lens = xmalloc(parts.n * sizeof *lens);
	for (size_t i = 0; i < parts.n; i++) {
		size_t k = parts.n - 1 - i;
		names[i] = parts.names[k];
		data[i] = parts.data[k];
		lens[i] = parts.lens[k];
	}
	char *out = package_zip((const char *const *)names, data, lens, parts.n, "OFD", len, error);
	free(names);
	free(data);
	free(lens);
	parts_fini(&parts);
	return out;
}

char *render_ofd(const struct report *r, const char *fonts_dir, size_t *len,
		 struct diag_list *diags, char **error)
{
	*error = NULL;
	struct font_set fonts;
	if (font_set_open_dir(&fonts, fonts_dir, error) != 0)
		return NULL;
	char *out = NULL;
	if (pdf_check_report(r, &fonts, diags)) {
		struct pdf_layout layout;
		pdf_layout_init(&layout);
		pdf_typeset_report(r, &fonts, 0, &layout);
		out = write_ofd(r, &fonts, &layout, len, error);
		pdf_layout_fini(&layout);
	}
	font_set_close(&fonts);
	return out;
}
