/* libFuzzer target: the form-definition loader (form_parse) and the rule
 * compiler (rules_compile) on any bytes.  A refusal must say why. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "form.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_error error = {0};
	struct form *form = form_parse((const char *)data, size, &error);
	if (!form) {
		if (!error.message)
			abort();
		free(error.message);
		return 0;
	}
	char *cause = NULL;
	struct rules *rules = rules_compile(form, &cause);
	if (rules) {
		rules_free(rules);
	} else if (!cause) {
		abort();
	}
	free(cause);
	form_free(form);
	return 0;
}
