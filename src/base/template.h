/* Message and title templates from the form: "{name}" is replaced by the
 * value of name; "{{" and "}}" stand for braces; an unknown name is kept
 * as written so that a mistake in a form shows instead of vanishing. */
#ifndef NIANBAO_TEMPLATE_H
#define NIANBAO_TEMPLATE_H

#include <stddef.h>

struct buf;

struct template_var {
	const char *name;
	const char *value;
};

/* Appends tpl to out with vars[0..nvars) substituted. */
void template_expand(struct buf *out, const char *tpl, const struct template_var *vars,
		     size_t nvars);

#endif
