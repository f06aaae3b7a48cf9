/* Telling web pages and Word files from text; see import_sniff.h. */
#include "import_sniff.h"

#include <string.h>
#include <strings.h>

static const char *skip_bom_and_spaces(const char *s, const char *end)
{
	if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	return s;
}

const char *import_sniff_find(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

bool import_sniff_html(const char *data, size_t len)
{
	const char *end = data + len, *s = skip_bom_and_spaces(data, end);
	if (s == end || *s != '<')
		return false;
	size_t head = (size_t)(end - s) < IMPORT_HTML_HEAD_BYTES ? (size_t)(end - s)
								 : IMPORT_HTML_HEAD_BYTES;
	static const char *const marks[] = {"<html", "<!doctype html", "<body", "<table",
					    "<head", "<meta",	       "<p>",	"<p ",
					    "<div"};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (import_sniff_find(s, head, marks[i]))
			return true;
	return false;
}

bool import_sniff_docx(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}
