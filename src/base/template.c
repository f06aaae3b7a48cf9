/* Template expansion; see template.h. */
#include "template.h"

#include <string.h>

#include "buf.h"

void template_expand(struct buf *out, const char *tpl, const struct template_var *vars,
		     size_t nvars)
{
	const char *p = tpl;
	while (*p) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			buf_addc(out, p[0]);
			p += 2;
			continue;
		}
		const char *end = p[0] == '{' ? strchr(p, '}') : NULL;
		if (!end) {
			const char *next = strpbrk(p + 1, "{}");
			size_t n = next ? (size_t)(next - p) : strlen(p);
			buf_add(out, p, n);
			p += n;
			continue;
		}
		size_t len = (size_t)(end - p - 1);
		const char *value = NULL;
		for (size_t i = 0; i < nvars && !value; i++)
			if (strlen(vars[i].name) == len && memcmp(vars[i].name, p + 1, len) == 0)
				value = vars[i].value;
		if (value)
			buf_adds(out, value);
		else
			buf_add(out, p, len + 2);
		p = end + 1;
	}
}
