/* libFuzzer target: the PDF reader used by sign (pdf_doc_open, every
 * object, pdf_sign_check) on any bytes.  When NIANBAO_FUZZ_KEYS names a
 * directory with ec-key.pem and ec-cert.pem, every signable input is also
 * signed, and the signed file must read as already signed. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdf_read.h"
#include "pdf_sign.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *pdf = (const char *)data;
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(pdf, size, &cause);
	if (doc) {
		pdf_dict_get(pdf_doc_trailer(doc), "Root", &(struct pdf_value){0});
		walk_objects(doc);
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
