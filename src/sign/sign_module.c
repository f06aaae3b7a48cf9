/* The table of nianbao-sign.so; see sign_module.h. */
#include "sign_module.h"

#include "module.h"

const struct sign_module sign_module = {
	.stamp = MODULE_STAMP,
	.signer_load = signer_load,
	.signer_free = signer_free,
	.signer_subject = signer_subject,
	.signer_check_validity = signer_check_validity,
	.check = pdf_sign_check,
	.sign = pdf_sign,
	.print = print_pdf,
};
