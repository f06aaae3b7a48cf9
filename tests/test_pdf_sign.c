/* Unit tests of pdf_sign (and the pdf_read it stands on): small PDFs
 * written here object by object, signed with the throwaway keys of the
 * sign-keys fixture, the signature checked with OpenSSL, the update read
 * back; and broken inputs, which must be refused with a reason, in
 * bounded time, never crash. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <zlib.h>

#include "buf.h"
#include "pdf_read.h"
#include "pdf_sign.h"
#include "signer.h"
#include "xalloc.h"

static struct signer *rsa_signer, *ec_signer;

static struct signer *load(const char *key, const char *cert)
{
	char *key_path = xasprintf("%s/%s", NIANBAO_SIGN_KEYS, key);
	char *cert_path = xasprintf("%s/%s", NIANBAO_SIGN_KEYS, cert);
	struct signer *s;
	char *cause;
	if (signer_load(key_path, cert_path, NULL, &s, &cause) != SIGNER_OK) {
		fprintf(stderr, "%s\n", cause);
		s = NULL;
	}
	free(key_path);
	free(cert_path);
	return s;
}

static int setup_signers(void **state)
{
	(void)state;
	rsa_signer = load("key.pem", "cert.pem");
	ec_signer = load("ec-key.pem", "ec-cert.pem");
	return rsa_signer && ec_signer ? 0 : -1;
}

static int free_signers(void **state)
{
	(void)state;
	signer_free(rsa_signer);
	signer_free(ec_signer);
	return 0;
}

/* A PDF with a classic cross-reference table whose object i+1 is
 * objects[i]; trailer_extra goes into the trailer. */
static char *make_pdf(const char *const *objects, size_t n, const char *trailer_extra, size_t *len)
{
	struct buf b;
	size_t offsets[16];
	buf_init(&b);
	buf_adds(&b, "%PDF-1.4\n%\xe5\xb9\xb4\xe6\x8a\xa5\n");
	for (size_t i = 0; i < n; i++) {
		offsets[i] = b.len;
		buf_addf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objects[i]);
	}
	size_t xref = b.len;
	buf_addf(&b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%010zu 00000 n \n", offsets[i]);
	buf_addf(&b, "trailer\n<< /Size %zu /Root 1 0 R%s >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
		 trailer_extra, xref);
	*len = b.len;
	return buf_take(&b);
}

static const char *const simple[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
};

/* A PDF 1.5 file of the same three objects: the catalog and the page tree
 * in an (uncompressed) object stream, a cross-reference stream; with
 * hybrid, a classic table for the rest whose /XRefStm points at it. */
static char *make_pdf_with_streams(bool hybrid, size_t *len)
{
	struct buf b, objects;
	buf_init(&b);
	buf_init(&objects);
	buf_adds(&b, "%PDF-1.5\n");
	size_t page = b.len;
	buf_addf(&b, "3 0 obj\n%s\nendobj\n", simple[2]);
	size_t second = strlen(simple[0]) + 1;
	buf_addf(&objects, "1 0 2 %zu\n", second);
	size_t first = objects.len;
	buf_addf(&objects, "%s\n%s\n", simple[0], simple[1]);
	size_t stream = b.len;
	buf_addf(&b, "4 0 obj\n<< /Type /ObjStm /N 2 /First %zu /Length %zu >>\nstream\n", first,
		 objects.len);
	buf_add(&b, objects.data, objects.len);
	buf_adds(&b, "\nendstream\nendobj\n");
	size_t xref = b.len;
	unsigned char rows[6][4] = {
		{0, 0, 0, 255},
		{2, 0, 4, 0},
		{2, 0, 4, 1},
		{1, (unsigned char)(page >> 8), (unsigned char)page, 0},
		{1, (unsigned char)(stream >> 8), (unsigned char)stream, 0},
		{1, (unsigned char)(xref >> 8), (unsigned char)xref, 0},
	};
	buf_addf(&b,
		 "5 0 obj\n<< /Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R /Length %zu >>\nstream\n",
		 sizeof rows);
	buf_add(&b, (const char *)rows, sizeof rows);
	buf_adds(&b, "\nendstream\nendobj\n");
	size_t table = b.len;
	if (hybrid)
		buf_addf(&b,
			 "xref\n0 1\n0000000000 65535 f \n3 2\n%010zu 00000 n \n%010zu 00000 n \n"
			 "trailer\n<< /Size 6 /Root 1 0 R /XRefStm %zu >>\n",
			 page, stream, xref);
	buf_addf(&b, "startxref\n%zu\n%%%%EOF\n", hybrid ? table : xref);
	buf_fini(&objects);
	*len = b.len;
	return buf_take(&b);
}

static int hex_digit(char c)
{
	return c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
}

/* Checks the signature of out against the bytes it covers, with OpenSSL. */
static void assert_signature_valid(const char *out, size_t len)
{
	const char *range = NULL;
	for (const char *p = out; (p = memmem(p, len - (size_t)(p - out), "/ByteRange [", 12)); p++)
		range = p;
	assert_non_null(range);
	size_t a, b, c, d;
	assert_int_equal(sscanf(range + 12, "%zu %zu %zu %zu", &a, &b, &c, &d), 4);
	assert_int_equal(a, 0);
	assert_int_equal(c + d, len);
	assert_true(out[b] == '<' && out[c - 1] == '>');

	size_t der_len = (c - b - 2) / 2;
	unsigned char *der = xmalloc(der_len);
	for (size_t i = 0; i < der_len; i++)
		der[i] = (unsigned char)(hex_digit(out[b + 1 + 2 * i]) * 16 +
					 hex_digit(out[b + 2 + 2 * i]));
	const unsigned char *p = der;
	CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)der_len);
	assert_non_null(cms);
	BIO *content = BIO_new(BIO_s_mem());
	BIO_write(content, out, (int)b);
	BIO_write(content, out + c, (int)d);
	assert_int_equal(
		CMS_verify(cms, NULL, NULL, content, NULL, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY),
		1);
	X509_ALGOR *digest;
	CMS_SignerInfo *si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
	CMS_SignerInfo_get0_algs(si, NULL, NULL, &digest, NULL);
	const ASN1_OBJECT *oid;
	X509_ALGOR_get0(&oid, NULL, NULL, digest);
	assert_int_equal(OBJ_obj2nid(oid), NID_sha256);
	BIO_free(content);
	CMS_ContentInfo_free(cms);
	free(der);
}

static size_t count_items(const struct pdf_value *array)
{
	struct pdf_iter it;
	struct pdf_value item;
	size_t n = 0;
	pdf_iter_init(&it, array);
	while (pdf_iter_next(&it, &item))
		n++;
	return n;
}

static void resolve_key(struct pdf_doc *doc, const struct pdf_value *dict, const char *key,
			struct pdf_value *out)
{
	char *cause = NULL;
	struct pdf_value v;
	assert_true(pdf_dict_get(dict, key, &v));
	assert_true(pdf_doc_resolve(doc, &v, out, &cause));
}

/* Reads the signed file back: the last field and the last annotation of
 * page 1 are the signature's widget. */
struct signed_view {
	size_t fields, annots;
	struct pdf_value form, widget;
};

static void read_back(struct pdf_doc *doc, struct signed_view *view)
{
	struct pdf_value root, pages, kids, page, fields, annots, item, v;
	struct pdf_iter it;
	resolve_key(doc, pdf_doc_trailer(doc), "Root", &root);
	resolve_key(doc, &root, "AcroForm", &view->form);
	resolve_key(doc, &view->form, "Fields", &fields);
	resolve_key(doc, &root, "Pages", &pages);
	resolve_key(doc, &pages, "Kids", &kids);
	pdf_iter_init(&it, &kids);
	assert_true(pdf_iter_next(&it, &item));
	char *cause = NULL;
	assert_true(pdf_doc_resolve(doc, &item, &page, &cause));
	resolve_key(doc, &page, "Annots", &annots);
	view->fields = count_items(&fields);
	view->annots = count_items(&annots);
	pdf_iter_init(&it, &annots);
	while (pdf_iter_next(&it, &v))
		item = v;
	assert_true(pdf_doc_resolve(doc, &item, &view->widget, &cause));
	struct pdf_value last_field;
	pdf_iter_init(&it, &fields);
	while (pdf_iter_next(&it, &v))
		last_field = v;
	assert_int_equal(last_field.number, item.number);
	assert_true(pdf_dict_get(&view->widget, "FT", &v) && pdf_name_is(&v, "Sig"));
	struct pdf_value sig;
	resolve_key(doc, &view->widget, "V", &sig);
	assert_true(pdf_dict_get(&sig, "Filter", &v) && pdf_name_is(&v, "Adobe.PPKLite"));
	assert_true(pdf_dict_get(&sig, "SubFilter", &v) && pdf_name_is(&v, "adbe.pkcs7.detached"));
}

/* Signs in[0..len) expecting success; checks and reads back the result. */
static char *sign_ok(const char *in, size_t len, struct signed_view *view, size_t *out_len)
{
	char *out, *cause;
	enum pdf_sign_status s = pdf_sign(in, len, rsa_signer, 1737331200, &out, out_len, &cause);
	if (s != PDF_SIGN_OK)
		fail_msg("pdf_sign: %s", cause);
	assert_true(*out_len > len);
	assert_memory_equal(out, in, len);
	assert_signature_valid(out, *out_len);
	assert_non_null(memmem(out, *out_len, "/M (D:20250120000000+00'00')", 28));
	struct pdf_doc *doc = pdf_doc_open(out, *out_len, &cause);
	if (!doc)
		fail_msg("signed output does not read back: %s", cause);
	read_back(doc, view);
	pdf_doc_free(doc);
	return out;
}

static enum pdf_sign_status sign_status(const char *in, size_t len, char **cause)
{
	char *out = NULL;
	size_t out_len;
	enum pdf_sign_status s = pdf_sign(in, len, ec_signer, 0, &out, &out_len, cause);
	free(out);
	if (s != PDF_SIGN_OK) {
		assert_non_null(*cause);
		assert_true(strlen(*cause) > 0);
	}
	return s;
}

static void expect_refused(const char *in, size_t len, enum pdf_sign_status want, const char *words)
{
	char *cause = NULL;
	enum pdf_sign_status s = sign_status(in, len, &cause);
	if (s != want || !strstr(cause, words))
		fail_msg("status %d, expected %d; cause \"%s\" should say \"%s\"", s, want,
			 cause ? cause : "", words);
	free(cause);
	/* the check without a signer says the same */
	assert_int_equal(pdf_sign_check(in, len, &cause), want);
	assert_non_null(strstr(cause, words));
	free(cause);
}

static void test_sign_simple(void **state)
{
	(void)state;
	size_t len, out_len;
	char *in = make_pdf(simple, 3, "", &len);
	struct signed_view view;
	char *out = sign_ok(in, len, &view, &out_len);
	assert_int_equal(view.fields, 1);
	assert_int_equal(view.annots, 1);
	struct pdf_value v;
	assert_true(pdf_dict_get(&view.widget, "T", &v));
	assert_memory_equal(v.start, "(Signature1)", v.len);
	/* a signed file is not signed again */
	expect_refused(out, out_len, PDF_SIGN_ALREADY_SIGNED, "已经签过名");
	free(out);
	free(in);
}

/* Found by fuzz_pdf: a trailer value holding NUL bytes (whitespace in a
 * reference, raw bytes of an /ID string) was cut at the first NUL when the
 * update repeated it, and the signed file no longer read back. */
static void test_sign_trailer_with_nul(void **state)
{
	(void)state;
	size_t len, out_len;
	char *in = make_pdf(simple, 3, " /ID [(id@1) (id@1)] /Info 2 0@R", &len);
	char *trailer = memmem(in, len, "trailer", 7);
	for (char *p = trailer; p < in + len; p++)
		if (*p == '@')
			*p = '\0';
	struct signed_view view;
	char *out = sign_ok(in, len, &view, &out_len);
	const char *update = out + len;
	size_t update_len = out_len - len;
	assert_non_null(memmem(update, update_len,
			       "/ID [(id\0"
			       "1) (id\0"
			       "1)]",
			       16));
	assert_non_null(memmem(update, update_len, "/Info 2 0\0R", 11));
	expect_refused(out, out_len, PDF_SIGN_ALREADY_SIGNED, "已经签过名");
	free(out);
	free(in);
}

static void test_sign_streams(void **state)
{
	(void)state;
	size_t len, out_len;
	char *in = make_pdf_with_streams(false, &len);
	struct signed_view view;
	char *out = sign_ok(in, len, &view, &out_len);
	assert_int_equal(view.fields, 1);
	/* the update's cross-references are a stream too */
	assert_non_null(memmem(out + len, out_len - len, "/Type /XRef", 11));
	assert_null(memmem(out + len, out_len - len, "trailer", 7));
	expect_refused(out, out_len, PDF_SIGN_ALREADY_SIGNED, "已经签过名");
	free(out);
	free(in);
}

static void test_sign_hybrid(void **state)
{
	(void)state;
	size_t len, out_len;
	char *in = make_pdf_with_streams(true, &len);
	struct signed_view view;
	char *out = sign_ok(in, len, &view, &out_len);
	assert_int_equal(view.fields, 1);
	/* the update follows the newest section, a classic table */
	assert_non_null(memmem(out + len, out_len - len, "trailer", 7));
	free(out);
	free(in);
}

/* An input that was already updated once: its newest page is the one
 * the signature is added to. */
static void test_sign_updated_input(void **state)
{
	(void)state;
	size_t len, out_len;
	char *in = make_pdf(simple, 3, "", &len);
	const char *startxref = in + len;
	while (memcmp(--startxref, "startxref", 9) != 0)
		;
	size_t prev = (size_t)strtoul(startxref + 10, NULL, 10);
	struct buf b;
	buf_init(&b);
	buf_add(&b, in, len);
	size_t page = b.len;
	buf_adds(&b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>\nendobj\n");
	size_t note = b.len;
	buf_adds(&b, "4 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] >>\nendobj\n");
	size_t xref = b.len;
	buf_addf(&b,
		 "xref\n3 2\n%010zu 00000 n \n%010zu 00000 n \ntrailer\n"
		 "<< /Size 5 /Root 1 0 R /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
		 page, note, prev, xref);
	struct signed_view view;
	char *out = sign_ok(b.data, b.len, &view, &out_len);
	assert_int_equal(view.annots, 2);
	free(out);
	buf_fini(&b);
	free(in);
}

static void test_sign_keeps_fields_and_annots(void **state)
{
	(void)state;
	static const char *const objects[] = {
		"<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots 7 0 R >>",
		"<< /Fields 5 0 R /DA (/Helv 0 Tf 0 g) >>",
		"[6 0 R]",
		"<< /FT /Tx /T (Signature1) /V (x) /Type /Annot /Subtype /Widget /Rect [0 0 10 10] >>",
		"[6 0 R]",
	};
	size_t len, out_len;
	char *in = make_pdf(objects, 7, "", &len);
	struct signed_view view;
	char *out = sign_ok(in, len, &view, &out_len);
	assert_int_equal(view.fields, 2);
	assert_int_equal(view.annots, 2);
	struct pdf_value v;
	assert_true(pdf_dict_get(&view.form, "DA", &v));
	assert_true(pdf_dict_get(&view.form, "SigFlags", &v) && v.number == 3);
	assert_true(pdf_dict_get(&view.widget, "T", &v));
	assert_memory_equal(v.start, "(Signature2)", v.len); /* Signature1 is taken */
	free(out);
	free(in);
}

/* Signatures of others in every form a PDF carries them: an empty
 * signature field (a place left for someone else), a widget of a
 * signature on any page with no form listing it, usage rights and a
 * certification in /Perms.  Each is refused, saying which. */
static void test_refuse_others_signatures(void **state)
{
	(void)state;
	static const char *const empty_field[] = {
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
		"<< /FT /Sig /T (empty) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>",
	};
	static const char *const widget_page_2[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [5 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /Rect [72 72 272 144] /V 6 0 R >>",
		"<< /Type /Sig /Filter /Adobe.PPKLite >>",
	};
	static const char *const widget_of_field[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /Parent 5 0 R /Rect [0 0 9 9] >>",
		"<< /FT /Sig /T (orphan) >>",
	};
	static const char *const ur3[] = {
		"<< /Type /Catalog /Pages 2 0 R /Perms << /UR3 4 0 R >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R >>",
		"<< /Type /Sig >>",
	};
	static const char *const docmdp[] = {
		"<< /Type /Catalog /Pages 2 0 R /Perms 4 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R >>",
		"<< /DocMDP << /Type /Sig >> >>",
	};
	static const char *const bad_perms[] = {
		"<< /Type /Catalog /Pages 2 0 R /Perms [1] >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R >>",
	};
	static const char *const text_widget[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /V (text) /Rect [0 0 9 9] >>",
	};
	struct {
		const char *const *objects;
		size_t n;
		enum pdf_sign_status want;
		const char *words;
	} cases[] = {
		{empty_field, 4, PDF_SIGN_ALREADY_SIGNED, "还没有签名的签名域"},
		{widget_page_2, 6, PDF_SIGN_ALREADY_SIGNED, "页面上有签名的注释"},
		{widget_of_field, 5, PDF_SIGN_ALREADY_SIGNED, "页面上有签名的注释"},
		{ur3, 4, PDF_SIGN_ALREADY_SIGNED, "/Perms /UR3"},
		{docmdp, 4, PDF_SIGN_ALREADY_SIGNED, "/Perms /DocMDP"},
		{bad_perms, 3, PDF_SIGN_MALFORMED, "/Perms 不是字典"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		char *in = make_pdf(cases[i].objects, cases[i].n, "", &len);
		expect_refused(in, len, cases[i].want, cases[i].words);
		free(in);
	}
	/* a widget of a text field is no signature: it signs */
	size_t len, out_len;
	char *in = make_pdf(text_widget, 4, "", &len);
	struct signed_view view;
	free(sign_ok(in, len, &view, &out_len));
	free(in);
}

static void test_refusals(void **state)
{
	(void)state;
	static const char *const signed_kid[] = {
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R >>",
		"<< /FT /Sig /T (parent) /Kids [5 0 R] >>",
		"<< /Parent 4 0 R /V 6 0 R >>",
		"<< /Type /Sig >>",
	};
	static const char *const no_page[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
	};
	static const char *const page_cycle[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
	};
	static const char *const field_cycle[] = {
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R >>",
		"<< /T (loop) /Kids [4 0 R] >>",
	};
	static const char *const bad_root[] = {
		"[1 2 3]",
	};
	static const char *const unterminated[] = {
		"<< /Type /Catalog /Pages 2 0 R /Lang (zh-CN >>",
	};
	struct {
		const char *const *objects;
		size_t n;
		const char *trailer;
		enum pdf_sign_status want;
		const char *words;
	} cases[] = {
		{signed_kid, 6, "", PDF_SIGN_ALREADY_SIGNED, "已经签过名"},
		{no_page, 2, "", PDF_SIGN_UNSUPPORTED, "没有页面"},
		{page_cycle, 2, "", PDF_SIGN_MALFORMED, "页面树超过"},
		{field_cycle, 4, "", PDF_SIGN_MALFORMED, "表单域"},
		{simple, 3, " /Encrypt << /Filter /Standard >>", PDF_SIGN_UNSUPPORTED, "加密"},
		{bad_root, 1, "", PDF_SIGN_MALFORMED, "不是字典"},
		{unterminated, 1, "", PDF_SIGN_MALFORMED, "字符串没有结束"},
		{simple, 3, " /Prev 12", PDF_SIGN_MALFORMED, "应当是一个对象"},
		{simple, 3, " /Prev -5", PDF_SIGN_MALFORMED, "/Prev"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		char *in = make_pdf(cases[i].objects, cases[i].n, cases[i].trailer, &len);
		expect_refused(in, len, cases[i].want, cases[i].words);
		free(in);
	}
	expect_refused("hello", 5, PDF_SIGN_NOT_PDF, "不是 PDF");
	expect_refused("%PDF-1.4\n", 9, PDF_SIGN_MALFORMED, "startxref");
	const char *far = "%PDF-1.4\nstartxref\n999999\n%%EOF\n";
	expect_refused(far, strlen(far), PDF_SIGN_MALFORMED, "超出了文件的长度");
}

/* A cross-reference section whose /Prev is itself. */
static void test_prev_loop(void **state)
{
	(void)state;
	size_t len;
	char *in = make_pdf(simple, 3, "", &len);
	struct buf b;
	buf_init(&b);
	buf_add(&b, in, len);
	size_t at = b.len;
	buf_addf(
		&b,
		"xref\n0 0\ntrailer\n<< /Size 4 /Root 1 0 R /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
		at, at);
	expect_refused(b.data, b.len, PDF_SIGN_MALFORMED, "循环");
	buf_fini(&b);
	free(in);
}

/* A catalog nested a million arrays deep is refused, not recursed into. */
static void test_deep_nesting(void **state)
{
	(void)state;
	size_t depth = 1000000;
	char *deep = xmalloc(depth + 1);
	memset(deep, '[', depth);
	deep[depth] = '\0';
	const char *objects[] = {deep};
	size_t len;
	char *in = make_pdf(objects, 1, "", &len);
	expect_refused(in, len, PDF_SIGN_MALFORMED, "嵌套");
	free(in);
	free(deep);
}

/* A cross-reference stream that inflates to 80 MiB is refused once the
 * decompression cap is reached, without inflating it all. */
static void test_decompression_bomb(void **state)
{
	(void)state;
	size_t plain = 80u << 20;
	char *zeros = xcalloc(1, plain);
	uLongf packed_len = compressBound(plain);
	unsigned char *packed = xmalloc(packed_len);
	assert_int_equal(compress2(packed, &packed_len, (unsigned char *)zeros, plain, 9), Z_OK);
	free(zeros);
	struct buf b;
	buf_init(&b);
	buf_addf(&b,
		 "%%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] /Filter /FlateDecode"
		 " /Length %lu >>\nstream\n",
		 (unsigned long)packed_len);
	buf_add(&b, (const char *)packed, packed_len);
	buf_adds(&b, "\nendstream\nendobj\nstartxref\n9\n%%EOF\n");
	free(packed);
	expect_refused(b.data, b.len, PDF_SIGN_MALFORMED, "解压缩后的数据太大");
	buf_fini(&b);
}

/* Every prefix and every single-byte change of input: signed correctly,
 * or refused with a reason; never a crash.  Counts both outcomes. */
static void damage_sweep(const char *input, size_t len, size_t *signed_count, size_t *refused)
{
	static const char replacements[] = {'0', ')', '<', ' ', '\xff'};
	char *copy = xmalloc(len);
	for (size_t n = 0; n <= len; n++)
		for (size_t r = 0; r <= sizeof replacements; r++) {
			/* r == 0: the first n bytes; else byte n replaced */
			if (r > 0 && n == len)
				break;
			memcpy(copy, input, len);
			if (r > 0)
				copy[n] = replacements[r - 1];
			char *cause = NULL, *out = NULL;
			size_t out_len;
			enum pdf_sign_status s = pdf_sign(copy, r ? len : n, ec_signer, 0, &out,
							  &out_len, &cause);
			if (s == PDF_SIGN_OK) {
				assert_signature_valid(out, out_len);
				(*signed_count)++;
			} else {
				assert_non_null(cause);
				(*refused)++;
			}
			free(out);
			free(cause);
		}
	free(copy);
}

static void test_damaged_inputs(void **state)
{
	(void)state;
	size_t lens[2], signed_count = 0, refused = 0;
	char *inputs[2] = {make_pdf(simple, 3, "", &lens[0]),
			   make_pdf_with_streams(false, &lens[1])};
	for (int k = 0; k < 2; k++) {
		damage_sweep(inputs[k], lens[k], &signed_count, &refused);
		free(inputs[k]);
	}
	/* most damage is found, some (inside a name or a number) is harmless */
	assert_true(refused > 0 && signed_count > 0);
}

/* The same for the PDF files named on the command line (those libharu
 * and qpdf write, with compressed streams). */
static char **damage_files;

static void test_damaged_files(void **state)
{
	(void)state;
	for (char **f = damage_files; f && *f; f++) {
		FILE *fp = fopen(*f, "rb");
		assert_non_null(fp);
		char *data = xmalloc(1 << 20);
		size_t len = fread(data, 1, 1 << 20, fp), signed_count = 0, refused = 0;
		fclose(fp);
		damage_sweep(data, len, &signed_count, &refused);
		assert_true(refused > 0 && signed_count > 0);
		free(data);
	}
}

int main(int argc, char **argv)
{
	damage_files = argc > 1 ? argv + 1 : NULL;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sign_simple),
		cmocka_unit_test(test_sign_trailer_with_nul),
		cmocka_unit_test(test_sign_streams),
		cmocka_unit_test(test_sign_hybrid),
		cmocka_unit_test(test_sign_updated_input),
		cmocka_unit_test(test_sign_keeps_fields_and_annots),
		cmocka_unit_test(test_refuse_others_signatures),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_prev_loop),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_decompression_bomb),
		cmocka_unit_test(test_damaged_inputs),
		cmocka_unit_test(test_damaged_files),
	};
	return cmocka_run_group_tests(tests, setup_signers, free_signers);
}
