/* PDFs into blocks; see import_pdf.h. */
#include "import_pdf.h"

#include <dlfcn.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "import_blocks.h"
#include "import_text.h"
#include "utf8.h"
#include "xalloc.h"

/* poppler-data's character maps of Chinese fonts, where Debian installs them */
#define POPPLER_CHINESE_CMAPS "/usr/share/poppler/cMap/Adobe-GB1"

/* Within a line, a gap this many character heights wide ends a cell, and
 * one of this many is a space between words. */
#define CELL_GAP 1.0
#define WORD_GAP 0.25
/* Page numbers stand in this share of the page's height at its top or foot. */
#define MARGIN_SHARE 0.12

/* poppler and its dependencies (glib, cairo, NSS, image libraries) take
 * several milliseconds to load and relocate, which every nianbao process
 * would pay; so they are loaded when a PDF is read, not at start. */
struct poppler_api {
	PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
	int (*document_get_n_pages)(PopplerDocument *);
	PopplerPage *(*document_get_page)(PopplerDocument *, int);
	char *(*page_get_text)(PopplerPage *);
	gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
	void (*page_get_size)(PopplerPage *, double *, double *);
	GQuark (*error_quark)(void);
	GBytes *(*bytes_new_static)(gconstpointer, gsize);
	void (*bytes_unref)(GBytes *);
	void (*object_unref)(gpointer);
	void (*free)(gpointer);
	void (*error_free)(GError *);
};

static const struct poppler_api *poppler(void)
{
	static struct poppler_api api;
	static int state; /* 0 not tried, 1 loaded, -1 missing */
	if (state)
		return state > 0 ? &api : NULL;
	state = -1;
	void *lib = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		lib = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return NULL;
	struct {
		void **slot;
		const char *name;
	} symbols[] = {
		{(void **)&api.document_new_from_bytes, "poppler_document_new_from_bytes"},
		{(void **)&api.document_get_n_pages, "poppler_document_get_n_pages"},
		{(void **)&api.document_get_page, "poppler_document_get_page"},
		{(void **)&api.page_get_text, "poppler_page_get_text"},
		{(void **)&api.page_get_text_layout, "poppler_page_get_text_layout"},
		{(void **)&api.page_get_size, "poppler_page_get_size"},
		{(void **)&api.error_quark, "poppler_error_quark"},
		{(void **)&api.bytes_new_static, "g_bytes_new_static"},
		{(void **)&api.bytes_unref, "g_bytes_unref"},
		{(void **)&api.object_unref, "g_object_unref"},
		{(void **)&api.free, "g_free"},
		{(void **)&api.error_free, "g_error_free"},
	};
	for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++)
		if (!(*symbols[i].slot = dlsym(lib, symbols[i].name)))
			return NULL; /* the library stays loaded: dlclose is no gain */
	state = 1;
	return &api;
}

bool import_pdf_detect(const char *data, size_t len)
{
	size_t head = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 <= head; i++)
		if (memcmp(data + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

static bool refuse(struct diag_list *diags, const char *message)
{
	diag_list_add(diags, DIAG_ERROR, "import.format", NULL, 1, 1, message);
	return false;
}

/* One character of a page and its box (y grows downwards). */
struct glyph {
	uint32_t at; /* byte offset in the page's text */
	uint8_t len;
	double x1, y1, x2, y2;
};

static double height(const struct glyph *g)
{
	double h = g->y2 - g->y1;
	return h > 1 ? h : 1;
}

static int by_middle(const void *pa, const void *pb)
{
	const struct glyph *a = pa, *b = pb;
	double ya = (a->y1 + a->y2) / 2, yb = (b->y1 + b->y2) / 2;
	return ya < yb ? -1 : ya > yb ? 1 : a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

static int by_left(const void *pa, const void *pb)
{
	const struct glyph *a = pa, *b = pb;
	return a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

/* Where each line of the text read so far stands: its page and the line
 * and height on the page, for diagnostics (import_pos). */
struct pdf_lines {
	struct import_pos *at; /* owned: of the text's line i + 1 */
	size_t n, cap;
	int page, page_line;
};

/* Appends line g[0..n) (sorted by x) to out as one line of text, its
 * cells separated by tabs, and its place to lines; drops it when it is a
 * page number in the page's margin. */
static void add_line(struct buf *out, struct pdf_lines *lines, const char *text, struct glyph *g,
		     size_t n, double page_height)
{
	if (n > 1)
		qsort(g, n, sizeof *g, by_left);
	struct buf line;
	buf_init(&line);
	double top = g[0].y1, bottom = g[0].y2;
	for (size_t i = 0; i < n; i++) {
		if (i) {
			double gap = g[i].x1 - g[i - 1].x2, h = height(&g[i]);
			if (gap > CELL_GAP * h)
				buf_addc(&line, '\t');
			else if (gap > WORD_GAP * h)
				buf_addc(&line, ' ');
		}
		buf_add(&line, text + g[i].at, g[i].len);
		top = g[i].y1 < top ? g[i].y1 : top;
		bottom = g[i].y2 > bottom ? g[i].y2 : bottom;
	}
	bool margin = bottom < page_height * MARGIN_SHARE || top > page_height * (1 - MARGIN_SHARE);
	lines->page_line++; /* counted as a reader counts them, the page number too */
	if (!(margin && import_text_is_page_number(line.data))) {
		buf_add(out, line.data, line.len);
		buf_addc(out, '\n');
		lines->at = xgrow(lines->at, &lines->cap, lines->n + 1, sizeof *lines->at);
		lines->at[lines->n++] = (struct import_pos){
			.page = lines->page,
			.page_line = lines->page_line,
			.top_mm = (int)(top * 25.4 / 72 + 0.5), /* points to mm */
		};
	}
	buf_fini(&line);
}

/* The characters of page with their boxes, as lines of text in out;
 * returns how many characters it had. */
static size_t read_page(const struct poppler_api *api, PopplerPage *page, struct buf *out,
			struct pdf_lines *lines)
{
	char *text = api->page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text || !api->page_get_text_layout(page, &rects, &nrects)) {
		api->free(text);
		api->free(rects);
		return 0;
	}
	double width, page_height;
	api->page_get_size(page, &width, &page_height);
	struct glyph *g = NULL;
	size_t n = 0, cap = 0, len = strlen(text);
	for (size_t i = 0, k = 0; i < len && k < nrects; k++) {
		uint32_t cp;
		bool valid;
		size_t bytes = utf8_decode(text + i, len - i, &cp, &valid);
		if (valid && !utf8_is_space(cp) && cp != '\n') {
			g = xgrow(g, &cap, n + 1, sizeof *g);
			g[n++] = (struct glyph){(uint32_t)i, (uint8_t)bytes, rects[k].x1,
						rects[k].y1, rects[k].x2,    rects[k].y2};
		}
		i += bytes;
	}
	if (n > 1) /* a page without text may have no glyph array */
		qsort(g, n, sizeof *g, by_middle);
	for (size_t start = 0; start < n;) {
		double middle = (g[start].y1 + g[start].y2) / 2,
		       tolerance = height(&g[start]) * 0.4;
		size_t end = start + 1;
		while (end < n && (g[end].y1 + g[end].y2) / 2 - middle <= tolerance)
			end++;
		add_line(out, lines, text, g + start, end - start, page_height);
		start = end;
	}
	free(g);
	api->free(rects);
	api->free(text);
	return n;
}

/* Gives each row and cell of b, read from the text of the pages, the
 * page and line it came from. */
static void place_rows(struct import_blocks *b, const struct pdf_lines *lines)
{
	for (size_t i = 0; i < b->nblocks; i++)
		for (size_t r = 0; r < b->blocks[i].nrows; r++) {
			struct import_row *row = &b->blocks[i].rows[r];
			if (row->number < 1 || (size_t)row->number > lines->n)
				continue;
			row->pos = lines->at[row->number - 1];
			for (size_t c = 0; c < row->ncells; c++) {
				row->cells[c].pos = row->pos;
				row->cells[c].pos.cell = row->ncells > 1 ? (int)c + 1 : 0;
			}
		}
}

bool import_pdf_read(struct import_blocks *b, const char *data, size_t len, struct diag_list *diags)
{
	import_blocks_init(b, "PDF");
	const struct poppler_api *api = poppler();
	if (!api)
		return refuse(diags, "读取 PDF 需要 poppler 库（Debian 的 libpoppler-glib8），"
				     "本机没有安装；请安装它，或导入报告的网页、Word 文档或文本");
	GBytes *bytes = api->bytes_new_static(data, len);
	GError *error = NULL;
	PopplerDocument *doc = api->document_new_from_bytes(bytes, NULL, &error);
	api->bytes_unref(bytes);
	if (!doc) {
		bool locked = error && error->domain == api->error_quark() &&
			      error->code == POPPLER_ERROR_ENCRYPTED;
		if (error)
			api->error_free(error);
		return refuse(diags,
			      locked ? "这个 PDF 需要密码才能打开，无法读取；请导入没有打开密码的"
				       "版本，或报告的网页、Word 文档"
				     : "这个 PDF 已损坏，无法打开");
	}
	struct buf text;
	buf_init(&text);
	struct pdf_lines lines = {0};
	size_t chars = 0;
	int pages = api->document_get_n_pages(doc);
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = api->document_get_page(doc, i);
		lines.page = i + 1;
		lines.page_line = 0;
		if (page) {
			chars += read_page(api, page, &text, &lines);
			api->object_unref(page);
		}
	}
	api->object_unref(doc);
	bool ok = chars > 0;
	if (ok) {
		import_text_read(b, text.data, text.len);
		place_rows(b, &lines);
	} else if (access(POPPLER_CHINESE_CMAPS, R_OK) != 0)
		/* a PDF whose Chinese fonts are not embedded reads as empty
		 * without poppler-data: not a scan */
		refuse(diags, "这个 PDF 读不出文字：它的中文字体可能没有嵌入，读它需要"
			      "poppler-data 软件包（sudo apt install poppler-data），"
			      "装好后再试；若是扫描件，请导入报告的网页、Word 文档或文本");
	else
		refuse(diags,
		       "这个 PDF 没有文字层（可能是扫描件），无法读取其中的文字；请导入报告的"
		       "网页、Word 文档或文本");
	b->format = "PDF";
	free(lines.at);
	buf_fini(&text);
	return ok;
}
