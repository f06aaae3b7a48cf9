/* The readers of web pages and Word files loaded from nianbao-import.so,
 * as the nianbao program has them; see import_office.h. */
#include "import_office.h"

#include <stdlib.h>

#include "diag.h"
#include "module.h"

static const struct module_spec import_office_spec = {
	.name = "import",
	.table = "import_office",
	.purpose = "读取网页和 Word 文档",
	.packages = "libxml2 libzip4",
};

const struct import_office *import_office_get(struct diag_list *diags)
{
	char *error = NULL;
	const struct import_office *office = module_load(&import_office_spec, &error);
	if (!office) {
		diag_list_add(diags, DIAG_ERROR, "import.format", NULL, 1, 1, error);
		free(error);
	}
	return office;
}
