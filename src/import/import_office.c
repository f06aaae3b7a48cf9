/* The table of nianbao-import.so; see import_office.h. */
#include "import_office.h"

#include "module.h"

const struct import_office import_office = {
	.stamp = MODULE_STAMP,
	.html_read = import_html_read,
	.docx_read = import_docx_read,
};
