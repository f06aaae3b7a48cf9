/* libFuzzer target: the PDF reader (pdf_doc_open, every object,
 * pdf_sign_check) on any bytes, and the update writer on every input that
 * reads: the updated file must read back with the new objects in it.  The
 * renderer's whole-file rewrite runs on the same bytes.  When
 * NIANBAO_FUZZ_KEYS names a directory with ec-key.pem and ec-cert.pem,
 * every signable input is also signed, and the signed file must read as
 * already signed. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "pdf_read.h"
#include "pdf_sign.h"
#include "pdf_rewrite.h"
#include "pdf_update.h"
#include "signer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct signer *fuzz_signer(void)
{
	static bool tried;
	static struct signer *signer;
	const char *dir = getenv("NIANBAO_FUZZ_KEYS");
	if (tried || !dir)
		return signer;
	tried = true;
	char key[4096], cert[4096];
	snprintf(key, sizeof key, "%s/ec-key.pem", dir);
	snprintf(cert, sizeof cert, "%s/ec-cert.pem", dir);
	char *cause = NULL;
	if (signer_load(key, cert, NULL, &signer, &cause) != SIGNER_OK) {
		fprintf(stderr, "fuzz_pdf: %s\n", cause ? cause : "no key");
		abort();
	}
	return signer;
}

/* Reads every object and walks the containers among them. */
static void walk_objects(struct pdf_doc *doc)
{
	uint32_t size = pdf_doc_size(doc);
	for (uint32_t num = 0; num < size && num < 4096; num++) {
		struct pdf_value v, resolved, item;
		char *cause = NULL;
		if (!pdf_doc_object(doc, num, &v, &cause)) {
			free(cause);
			continue;
		}
		if (!pdf_doc_resolve(doc, &v, &resolved, &cause)) {
			free(cause);
			continue;
		}
		if (resolved.kind == PDF_ARRAY || resolved.kind == PDF_DICT) {
			struct pdf_iter it;
			pdf_iter_init(&it, &resolved);
			while (pdf_iter_next(&it, &item))
				pdf_name_is(&item, "Type");
			pdf_dict_get(&resolved, "Type", &item);
		}
	}
}

/* An update adding a dictionary and a deflated stream; what it writes
 * must read back (far from the limit on object numbers). */
static void check_update(const struct pdf_doc *doc)
{
	if (pdf_doc_size(doc) > (1u << 20))
		return;
	struct pdf_update *u = pdf_update_new(doc);
	uint32_t dict = pdf_update_number(u), stream = pdf_update_number(u);
	buf_adds(pdf_update_begin(u, dict, 0), "<< /Fuzz true >>");
	pdf_update_end(u);
	pdf_update_add_stream(u, stream, 0, "begincmap endcmap", 17, true);
	size_t len;
	char *out = pdf_update_finish(u, &len);
	char *cause = NULL;
	struct pdf_doc *again = pdf_doc_open(out, len, &cause);
	struct pdf_value v, flag;
	if (!again || !pdf_doc_object(again, dict, &v, &cause) ||
	    !pdf_dict_get(&v, "Fuzz", &flag) || !pdf_doc_object(again, stream, &v, &cause) ||
	    !pdf_dict_get(&v, "Filter", &flag) || pdf_doc_size(again) <= stream) {
		fprintf(stderr, "fuzz_pdf: the update does not read back: %s\n",
			cause ? cause : "");
		abort();
	}
	pdf_doc_free(again);
	free(out);
}

/* The renderer's rewrite, its first stream replaced: nothing, or a file
 * that reads. */
static void check_rewrite(struct pdf_doc *doc)
{
	uint32_t num = 0;
	struct pdf_rewrite_stream replaced = {0, "glyphs", 6};
	while (pdf_doc_next_object(doc, &num)) {
		int generation;
		struct pdf_value v;
		const char *stream = NULL;
		size_t len;
		char *cause = NULL;
		bool read = pdf_doc_object_raw(doc, num, &generation, &v, &stream, &len, &cause);
		free(cause);
		if (read && stream) {
			replaced.num = num;
			break;
		}
	}
	size_t len;
	char *cause = NULL;
	char *out = pdf_rewrite(doc, &replaced, replaced.num ? 1 : 0, 1, &len, &cause);
	if (!out) {
		if (!cause)
			abort(); /* a refusal always says why */
		free(cause);
		return;
	}
	struct pdf_doc *again = pdf_doc_open(out, len, &cause);
	if (!again)
		abort();
	pdf_doc_free(again);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *pdf = (const char *)data;
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(pdf, size, &cause);
	if (doc) {
		pdf_dict_get(pdf_doc_trailer(doc), "Root", &(struct pdf_value){0});
		walk_objects(doc);
		check_update(doc);
		check_rewrite(doc);
		pdf_doc_free(doc);
	} else if (!cause) {
		abort(); /* a refusal always says why */
	}
	free(cause);
	cause = NULL;

	enum pdf_sign_status status = pdf_sign_check(pdf, size, &cause);
	if (status != PDF_SIGN_OK && !cause)
		abort();
	free(cause);
	cause = NULL;
	const struct signer *signer = fuzz_signer();
	if (status != PDF_SIGN_OK || !signer)
		return 0;
	char *out = NULL;
	size_t out_len = 0;
	if (pdf_sign(pdf, size, signer, 1700000000, &out, &out_len, &cause) == PDF_SIGN_OK) {
		char *again = NULL;
		if (pdf_sign_check(out, out_len, &again) != PDF_SIGN_ALREADY_SIGNED)
			abort(); /* our own update must read back */
		free(again);
		free(out);
	}
	free(cause);
	return 0;
}
