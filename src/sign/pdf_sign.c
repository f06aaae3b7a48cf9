/* The signature as an incremental update of a PDF, written with
 * pdf_update.h; see pdf_sign.h. */
#include "pdf_sign.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pdf_read.h"
#include "pdf_update.h"
#include "signer.h"
#include "xalloc.h"

#define MAX_PAGE_TREE_DEPTH 64
#define MAX_FIELD_DEPTH 16
#define MAX_FIELDS_VISITED 100000
#define BYTE_RANGE_WIDTH 40   /* "0 a b c" with room for 10-digit offsets */
#define SIGNATURE_MARGIN 1024 /* signatures of one key vary by a few bytes */

/* The parts of the input the update replaces or refers to. */
struct sign_target {
	struct pdf_value root_ref, root;
	struct pdf_value page_ref, page;
	struct pdf_value annots;   /* resolved array, or kind PDF_NULL */
	struct pdf_value acroform; /* resolved dictionary, or kind PDF_NULL */
	struct pdf_value fields;   /* resolved array, or kind PDF_NULL */
	char field_name[32];
};

static enum pdf_sign_status refuse(char **cause, enum pdf_sign_status status, char *message)
{
	*cause = message;
	return status;
}

static bool ref_number_ok(const struct pdf_value *ref, const struct pdf_doc *doc)
{
	return ref->kind == PDF_REF && ref->number > 0 && ref->number < pdf_doc_size(doc);
}

/* Follows /Kids[0] from the root of the page tree down to the first page. */
static enum pdf_sign_status find_first_page(struct pdf_doc *doc, struct sign_target *t,
					    char **cause)
{
	struct pdf_value ref, node, type, kids, first;
	if (!pdf_dict_get(&t->root, "Pages", &ref) || !ref_number_ok(&ref, doc))
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("文档目录里没有页面树（/Pages）"));
	for (int depth = 0; depth < MAX_PAGE_TREE_DEPTH; depth++) {
		if (!pdf_doc_resolve(doc, &ref, &node, cause))
			return PDF_SIGN_MALFORMED;
		if (node.kind != PDF_DICT)
			return refuse(
				cause, PDF_SIGN_MALFORMED,
				xasprintf("页面树的对象 %lld 不是字典", (long long)ref.number));
		bool has_kids = pdf_dict_get(&node, "Kids", &kids);
		bool is_page = pdf_dict_get(&node, "Type", &type) && pdf_name_is(&type, "Page");
		if (is_page || !has_kids) {
			if (depth == 0 && !is_page)
				return refuse(cause, PDF_SIGN_UNSUPPORTED,
					      xstrdup("这个 PDF 没有页面"));
			t->page_ref = ref;
			t->page = node;
			return PDF_SIGN_OK;
		}
		if (!pdf_doc_resolve(doc, &kids, &kids, cause))
			return PDF_SIGN_MALFORMED;
		struct pdf_iter it;
		pdf_iter_init(&it, &kids);
		if (kids.kind != PDF_ARRAY || !pdf_iter_next(&it, &first))
			return refuse(cause, PDF_SIGN_UNSUPPORTED, xstrdup("这个 PDF 没有页面"));
		if (!ref_number_ok(&first, doc))
			return refuse(cause, PDF_SIGN_MALFORMED,
				      xstrdup("页面树的 /Kids 里有不是引用的项"));
		ref = first;
	}
	return refuse(cause, PDF_SIGN_MALFORMED,
		      xasprintf("页面树超过 %d 层（可能有循环）", MAX_PAGE_TREE_DEPTH));
}

/* N of a field named (SignatureN), else 0. */
static unsigned long signature_number(const struct pdf_value *field)
{
	struct pdf_value name;
	if (!pdf_dict_get(field, "T", &name) || name.len < 12 || name.len > 20 ||
	    memcmp(name.start, "(Signature", 10) != 0)
		return 0;
	unsigned long n = 0;
	size_t i = 10;
	for (; i < name.len - 1 && name.start[i] >= '0' && name.start[i] <= '9'; i++)
		n = n * 10 + (unsigned long)(name.start[i] - '0');
	return i == name.len - 1 ? n : 0;
}

/* Refuses a form that has a signature field, signed or not: a signed one
 * would be broken by our update's new catalog, an empty one is a place
 * someone else is meant to sign.  Notes in *highest the N of every top-
 * level field named (SignatureN), in the same single reading, so that a
 * read error cannot go unnoticed and let a name be taken twice. */
static enum pdf_sign_status check_fields(struct pdf_doc *doc, const struct pdf_value *fields,
					 bool signature_parent, int depth, size_t *budget,
					 unsigned long *highest, char **cause)
{
	struct pdf_iter it;
	struct pdf_value item, field, ft, v, kids;
	pdf_iter_init(&it, fields);
	while (pdf_iter_next(&it, &item)) {
		if (*budget == 0 || depth > MAX_FIELD_DEPTH)
			return refuse(cause, PDF_SIGN_MALFORMED,
				      xstrdup("表单域太多或嵌套太深（可能有循环）"));
		(*budget)--;
		if (!pdf_doc_resolve(doc, &item, &field, cause))
			return PDF_SIGN_MALFORMED;
		if (field.kind != PDF_DICT)
			continue;
		if (depth == 0 && signature_number(&field) > *highest)
			*highest = signature_number(&field);
		bool signature = pdf_dict_get(&field, "FT", &ft) ? pdf_name_is(&ft, "Sig")
								 : signature_parent;
		if (signature && pdf_dict_get(&field, "V", &v) && v.kind != PDF_NULL)
			return refuse(
				cause, PDF_SIGN_ALREADY_SIGNED,
				xstrdup("这个 PDF 已经签过名了（有已签名的签名域），不再签名"));
		if (pdf_dict_get(&field, "Kids", &kids)) {
			if (!pdf_doc_resolve(doc, &kids, &kids, cause))
				return PDF_SIGN_MALFORMED;
			enum pdf_sign_status s = check_fields(doc, &kids, signature, depth + 1,
							      budget, highest, cause);
			if (s != PDF_SIGN_OK)
				return s;
		}
		/* after its kids: a signed kid says more than an empty parent */
		if (signature)
			return refuse(
				cause, PDF_SIGN_ALREADY_SIGNED,
				xstrdup("这个 PDF 里有一个还没有签名的签名域，是留给别人签名的；"
					"nianbao 只给没有签名域的 PDF 签名"));
	}
	return PDF_SIGN_OK;
}

/* Whether annot (resolved) is a signature's widget or carries a signature
 * value: what a viewer draws as a signature even with no form listing it.
 * -1 when what it refers to cannot be read (*cause says why). */
static int is_signature_annot(struct pdf_doc *doc, const struct pdf_value *annot, char **cause)
{
	struct pdf_value ft, v, parent, type;
	if (pdf_dict_get(annot, "FT", &ft) && pdf_name_is(&ft, "Sig"))
		return 1;
	if (pdf_dict_get(annot, "Parent", &parent)) {
		if (!pdf_doc_resolve(doc, &parent, &parent, cause))
			return -1;
		if (parent.kind == PDF_DICT && pdf_dict_get(&parent, "FT", &ft) &&
		    pdf_name_is(&ft, "Sig"))
			return 1;
	}
	if (!pdf_dict_get(annot, "V", &v))
		return 0;
	if (!pdf_doc_resolve(doc, &v, &v, cause))
		return -1;
	return v.kind == PDF_DICT && pdf_dict_get(&v, "Type", &type) && pdf_name_is(&type, "Sig");
}

/* Refuses a page tree any of whose pages has a signature's annotation. */
static enum pdf_sign_status check_pages(struct pdf_doc *doc, const struct pdf_value *ref, int depth,
					size_t *budget, char **cause)
{
	struct pdf_value node, kids, annots, item, annot;
	if (*budget == 0 || depth > MAX_PAGE_TREE_DEPTH)
		return refuse(cause, PDF_SIGN_MALFORMED,
			      xstrdup("页面太多或页面树嵌套太深（可能有循环）"));
	(*budget)--;
	if (!pdf_doc_resolve(doc, ref, &node, cause))
		return PDF_SIGN_MALFORMED;
	if (node.kind != PDF_DICT)
		return PDF_SIGN_OK; /* not a page: nothing is drawn from it */
	struct pdf_iter it;
	if (pdf_dict_get(&node, "Annots", &annots)) {
		if (!pdf_doc_resolve(doc, &annots, &annots, cause))
			return PDF_SIGN_MALFORMED;
		pdf_iter_init(&it, &annots);
		while (annots.kind == PDF_ARRAY && pdf_iter_next(&it, &item)) {
			if (*budget == 0)
				return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("注释太多"));
			(*budget)--;
			if (!pdf_doc_resolve(doc, &item, &annot, cause))
				return PDF_SIGN_MALFORMED;
			int signature = annot.kind == PDF_DICT
						? is_signature_annot(doc, &annot, cause)
						: 0;
			if (signature < 0)
				return PDF_SIGN_MALFORMED;
			if (signature)
				return refuse(cause, PDF_SIGN_ALREADY_SIGNED,
					      xstrdup("这个 PDF 的页面上有签名的注释（签名控件），"
						      "看起来已经签过名，不再签名"));
		}
	}
	if (!pdf_dict_get(&node, "Kids", &kids))
		return PDF_SIGN_OK;
	if (!pdf_doc_resolve(doc, &kids, &kids, cause))
		return PDF_SIGN_MALFORMED;
	pdf_iter_init(&it, &kids);
	while (kids.kind == PDF_ARRAY && pdf_iter_next(&it, &item)) {
		enum pdf_sign_status s = check_pages(doc, &item, depth + 1, budget, cause);
		if (s != PDF_SIGN_OK)
			return s;
	}
	return PDF_SIGN_OK;
}

/* Refuses a catalog whose /Perms holds usage rights or a certification:
 * both are signatures that an update of ours would invalidate. */
static enum pdf_sign_status check_perms(struct pdf_doc *doc, const struct pdf_value *root,
					char **cause)
{
	struct pdf_value perms, v;
	if (!pdf_dict_get(root, "Perms", &perms))
		return PDF_SIGN_OK;
	if (!pdf_doc_resolve(doc, &perms, &perms, cause))
		return PDF_SIGN_MALFORMED;
	if (perms.kind != PDF_DICT)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("文档目录的 /Perms 不是字典"));
	if (pdf_dict_get(&perms, "DocMDP", &v))
		return refuse(
			cause, PDF_SIGN_ALREADY_SIGNED,
			xstrdup("这个 PDF 带有认证签名（/Perms /DocMDP），它限定了以后允许的改动，"
				"不再签名"));
	if (pdf_dict_get(&perms, "UR3", &v) || pdf_dict_get(&perms, "UR", &v))
		return refuse(cause, PDF_SIGN_ALREADY_SIGNED,
			      xstrdup("这个 PDF 带有使用权限签名（/Perms /UR3，阅读器扩展功能），"
				      "再签名会使它失效，不签名"));
	return PDF_SIGN_OK;
}

/* "(SignatureN)" with N above every such name of a top-level field. */
static void choose_field_name(struct sign_target *t, unsigned long highest)
{
	snprintf(t->field_name, sizeof t->field_name, "(Signature%lu)", highest + 1);
}

/* Reads what the update needs from the input and refuses what it cannot sign. */
static enum pdf_sign_status find_target(struct pdf_doc *doc, struct sign_target *t, char **cause)
{
	const struct pdf_value *trailer = pdf_doc_trailer(doc);
	struct pdf_value v;
	if (pdf_dict_get(trailer, "Encrypt", &v))
		return refuse(cause, PDF_SIGN_UNSUPPORTED, xstrdup("这个 PDF 是加密的，无法签名"));
	if (!pdf_dict_get(trailer, "Root", &t->root_ref) || !ref_number_ok(&t->root_ref, doc))
		return refuse(cause, PDF_SIGN_MALFORMED,
			      xstrdup("trailer 里没有文档目录（/Root）"));
	if (!pdf_doc_resolve(doc, &t->root_ref, &t->root, cause))
		return PDF_SIGN_MALFORMED;
	if (t->root.kind != PDF_DICT)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("文档目录（/Root）不是字典"));
	enum pdf_sign_status s = find_first_page(doc, t, cause);
	if (s != PDF_SIGN_OK)
		return s;
	if (t->page_ref.number == t->root_ref.number)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("第一页和文档目录是同一个对象"));

	t->annots.kind = t->acroform.kind = t->fields.kind = PDF_NULL;
	if (pdf_dict_get(&t->page, "Annots", &v) && !pdf_doc_resolve(doc, &v, &t->annots, cause))
		return PDF_SIGN_MALFORMED;
	if (t->annots.kind != PDF_NULL && t->annots.kind != PDF_ARRAY)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("第一页的 /Annots 不是数组"));
	if (pdf_dict_get(&t->root, "AcroForm", &v) &&
	    !pdf_doc_resolve(doc, &v, &t->acroform, cause))
		return PDF_SIGN_MALFORMED;
	if (t->acroform.kind != PDF_NULL && t->acroform.kind != PDF_DICT)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("文档目录的 /AcroForm 不是字典"));
	if (pdf_dict_get(&t->acroform, "Fields", &v) &&
	    !pdf_doc_resolve(doc, &v, &t->fields, cause))
		return PDF_SIGN_MALFORMED;
	if (t->fields.kind != PDF_NULL && t->fields.kind != PDF_ARRAY)
		return refuse(cause, PDF_SIGN_MALFORMED, xstrdup("/AcroForm 的 /Fields 不是数组"));
	s = check_perms(doc, &t->root, cause);
	if (s != PDF_SIGN_OK)
		return s;
	size_t budget = MAX_FIELDS_VISITED;
	unsigned long highest = 0;
	s = check_fields(doc, &t->fields, false, 0, &budget, &highest, cause);
	if (s != PDF_SIGN_OK)
		return s;
	struct pdf_value pages;
	budget = MAX_FIELDS_VISITED;
	if (pdf_dict_get(&t->root, "Pages", &pages)) {
		s = check_pages(doc, &pages, 0, &budget, cause);
		if (s != PDF_SIGN_OK)
			return s;
	}
	choose_field_name(t, highest);
	return PDF_SIGN_OK;
}

/* "<<" and every entry of dict but those named in drop (NULL-terminated);
 * the caller adds its own entries and the closing ">>". */
static void copy_dict_without(struct buf *b, const struct pdf_value *dict, const char *const *drop)
{
	struct pdf_iter it;
	struct pdf_value k, v;
	buf_adds(b, "<<");
	pdf_iter_init(&it, dict);
	while (pdf_iter_next(&it, &k) && pdf_iter_next(&it, &v)) {
		bool dropped = false;
		for (const char *const *d = drop; *d && !dropped; d++)
			dropped = pdf_name_is(&k, *d);
		if (dropped)
			continue;
		buf_addc(b, ' ');
		buf_add(b, k.start, k.len);
		buf_addc(b, ' ');
		buf_add(b, v.start, v.len);
	}
}

/* "[" every item of array (which may be null) and one more reference "]". */
static void copy_array_adding(struct buf *b, const struct pdf_value *array, uint32_t num)
{
	struct pdf_iter it;
	struct pdf_value item;
	buf_addc(b, '[');
	pdf_iter_init(&it, array);
	while (pdf_iter_next(&it, &item)) {
		buf_add(b, item.start, item.len);
		buf_addc(b, ' ');
	}
	buf_addf(b, "%u 0 R]", num);
}

/* The size of a signature by this signer, plus room for its variation. */
static size_t signature_room(const struct signer *signer, time_t when, char **cause)
{
	size_t len;
	unsigned char *trial = signer_sign(signer, NULL, 0, when, &len, cause);
	if (!trial)
		return 0;
	free(trial);
	return len + SIGNATURE_MARGIN;
}

static enum pdf_sign_status open_target(const char *pdf, size_t len, struct pdf_doc **doc,
					struct sign_target *t, char **cause)
{
	*cause = NULL;
	*doc = pdf_doc_open(pdf, len, cause);
	if (!*doc)
		return len < 5 || memcmp(pdf, "%PDF-", 5) != 0 ? PDF_SIGN_NOT_PDF
							       : PDF_SIGN_MALFORMED;
	enum pdf_sign_status status = find_target(*doc, t, cause);
	if (status != PDF_SIGN_OK) {
		pdf_doc_free(*doc);
		*doc = NULL;
	}
	return status;
}

enum pdf_sign_status pdf_sign_check(const char *pdf, size_t len, char **cause)
{
	struct pdf_doc *doc;
	struct sign_target t;
	enum pdf_sign_status status = open_target(pdf, len, &doc, &t, cause);
	pdf_doc_free(doc);
	return status;
}

/* Where the signature value's placeholders are in the output. */
struct placeholder {
	size_t byte_range;   /* BYTE_RANGE_WIDTH spaces */
	size_t contents;     /* the '<' of the /Contents hex string */
	size_t contents_end; /* just after its '>' */
	size_t room;	     /* bytes of DER it holds */
};

/* The /Sig value: everything but /ByteRange and /Contents, which
 * fill_signature writes once the whole file is laid out. */
static void write_signature_value(struct pdf_update *u, uint32_t num, time_t when, size_t room,
				  struct placeholder *ph)
{
	struct tm tm;
	gmtime_r(&when, &tm);
	struct buf *b = pdf_update_begin(u, num, 0);
	buf_addf(b,
		 "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached"
		 " /M (D:%04d%02d%02d%02d%02d%02d+00'00') /ByteRange [",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	ph->byte_range = b->len;
	buf_pad(b, BYTE_RANGE_WIDTH);
	buf_adds(b, "]\n/Contents ");
	ph->contents = b->len;
	buf_addc(b, '<');
	for (size_t i = 0; i < room * 2; i++)
		buf_addc(b, '0');
	buf_addc(b, '>');
	ph->contents_end = b->len;
	ph->room = room;
	buf_adds(b, "\n>>");
	pdf_update_end(u);
}

/* The widget, and new versions of the first page and of the catalog that
 * refer to it. */
static void write_field(struct pdf_update *u, const struct sign_target *t, uint32_t widget,
			uint32_t sig)
{
	uint32_t page = (uint32_t)t->page_ref.number, root = (uint32_t)t->root_ref.number;
	struct buf *b = pdf_update_begin(u, widget, 0);
	buf_addf(b,
		 "<< /Type /Annot /Subtype /Widget /FT /Sig /T %s /F 132 /Rect [0 0 0 0]"
		 " /P %u %d R /V %u 0 R >>",
		 t->field_name, page, t->page_ref.generation, sig);
	pdf_update_end(u);

	static const char *const page_drop[] = {"Annots", NULL};
	b = pdf_update_begin(u, page, t->page_ref.generation);
	copy_dict_without(b, &t->page, page_drop);
	buf_adds(b, " /Annots ");
	copy_array_adding(b, &t->annots, widget);
	buf_adds(b, " >>");
	pdf_update_end(u);

	static const char *const root_drop[] = {"AcroForm", NULL};
	static const char *const form_drop[] = {"Fields", "SigFlags", NULL};
	b = pdf_update_begin(u, root, t->root_ref.generation);
	copy_dict_without(b, &t->root, root_drop);
	buf_adds(b, " /AcroForm ");
	copy_dict_without(b, &t->acroform, form_drop);
	buf_adds(b, " /Fields ");
	copy_array_adding(b, &t->fields, widget);
	buf_adds(b, " /SigFlags 3 >> >>");
	pdf_update_end(u);
}

/* Writes /ByteRange, signs every byte but /Contents, and writes the
 * signature into /Contents. */
static bool fill_signature(char *out, size_t len, const struct placeholder *ph,
			   const struct signer *signer, time_t when, char **cause)
{
	size_t tail = len - ph->contents_end;
	char range[BYTE_RANGE_WIDTH + 1];
	int n = snprintf(range, sizeof range, "0 %zu %zu %zu", ph->contents, ph->contents_end,
			 tail);
	memcpy(out + ph->byte_range, range, (size_t)n);

	struct signer_part parts[2] = {{out, ph->contents}, {out + ph->contents_end, tail}};
	size_t der_len;
	unsigned char *der = signer_sign(signer, parts, 2, when, &der_len, cause);
	if (!der || der_len > ph->room) {
		free(der);
		if (!*cause)
			*cause = xstrdup("签名比预留的位置长");
		return false;
	}
	static const char hex[] = "0123456789ABCDEF";
	char *p = out + ph->contents + 1;
	for (size_t i = 0; i < der_len; i++) {
		*p++ = hex[der[i] >> 4];
		*p++ = hex[der[i] & 15];
	}
	free(der);
	return true;
}

enum pdf_sign_status pdf_sign(const char *pdf, size_t len, const struct signer *signer, time_t when,
			      char **out, size_t *out_len, char **cause)
{
	*out = NULL;
	struct pdf_doc *doc;
	struct sign_target t;
	enum pdf_sign_status status = open_target(pdf, len, &doc, &t, cause);
	if (status != PDF_SIGN_OK)
		return status;
	size_t room = signature_room(signer, when, cause);
	if (room == 0) {
		pdf_doc_free(doc);
		return PDF_SIGN_FAILED;
	}
	if ((uint64_t)len + room * 2 + 65536 > UINT32_MAX) {
		pdf_doc_free(doc);
		return refuse(cause, PDF_SIGN_UNSUPPORTED, xstrdup("PDF 文件太大，无法签名"));
	}

	struct pdf_update *u = pdf_update_new(doc);
	struct placeholder ph;
	uint32_t sig = pdf_update_number(u), widget = pdf_update_number(u);
	write_signature_value(u, sig, when, room, &ph);
	write_field(u, &t, widget, sig);
	pdf_doc_free(doc);
	size_t signed_len;
	char *signed_pdf = pdf_update_finish(u, &signed_len);
	if (!fill_signature(signed_pdf, signed_len, &ph, signer, when, cause)) {
		free(signed_pdf);
		return PDF_SIGN_FAILED;
	}
	*out_len = signed_len;
	*out = signed_pdf;
	return PDF_SIGN_OK;
}
