/* Signing and printing as a module, nianbao-sign.so (see module.h): the
 * only part that loads OpenSSL. */
#ifndef NIANBAO_SIGN_MODULE_H
#define NIANBAO_SIGN_MODULE_H

#include "pdf_sign.h"
#include "print.h"
#include "signer.h"

struct sign_module {
	const char *stamp; /* MODULE_STAMP */
	__typeof__(signer_load) *signer_load;
	__typeof__(signer_free) *signer_free;
	__typeof__(signer_subject) *signer_subject;
	__typeof__(signer_check_validity) *signer_check_validity;
	__typeof__(pdf_sign_check) *check;
	__typeof__(pdf_sign) *sign;
	__typeof__(print_pdf) *print;
};

extern const struct sign_module sign_module;

#endif
