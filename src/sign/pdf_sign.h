/* Signing a PDF: an incremental update appended to the input's bytes,
 * which stay as they are.  The update holds a signature value (/Type
 * /Sig, /Adobe.PPKLite, /adbe.pkcs7.detached, /ByteRange and /Contents),
 * an invisible signature widget on page 1, a new version of that page with
 * the widget in its /Annots, a new version of the catalog whose /AcroForm
 * lists the field, and a cross-reference section of the input's kind
 * (table or stream).  The detached CMS signature covers every byte of the
 * output but the /Contents string itself.  Nothing here writes a file. */
#ifndef NIANBAO_PDF_SIGN_H
#define NIANBAO_PDF_SIGN_H

#include <stddef.h>
#include <time.h>

struct signer;

enum pdf_sign_status {
	PDF_SIGN_OK,
	PDF_SIGN_NOT_PDF,	 /* does not start like a PDF */
	PDF_SIGN_MALFORMED,	 /* a PDF whose structure does not hold together */
	PDF_SIGN_UNSUPPORTED,	 /* encrypted, or no page */
	PDF_SIGN_ALREADY_SIGNED, /* has a signed signature field */
	PDF_SIGN_FAILED,	 /* the signature could not be made */
};

/* Whether pdf[0..len) can be signed: everything pdf_sign checks but the
 * signer.  On failure *cause is a Chinese sentence the caller frees. */
enum pdf_sign_status pdf_sign_check(const char *pdf, size_t len, char **cause);

/* Signs pdf[0..len) at time when (the signature's /M).  On PDF_SIGN_OK
 * *out (of *out_len bytes) is the whole signed file, which the caller
 * frees; otherwise *cause is a Chinese sentence the caller frees. */
enum pdf_sign_status pdf_sign(const char *pdf, size_t len, const struct signer *signer, time_t when,
			      char **out, size_t *out_len, char **cause);

#endif
