/* The portal page of a report: one self-contained HTML file (UTF-8, no
 * scripts) from the page template templates/report.html, with the title,
 * the six official headings, the narratives, the three tables as real
 * <table>s (the official labels, rowspan and colspan for the group rows
 * and header groups, as the printed form has them) and the 落款.  Every
 * text of the report is escaped.  Same report and template, same bytes. */
#ifndef NIANBAO_RENDER_HTML_H
#define NIANBAO_RENDER_HTML_H

#include <stddef.h>

struct report;

/* The page template: DIR/report.html when dir is given (may be NULL or
 * "") and holds one, else the built-in templates/report.html.  Returns
 * it (the caller frees it), or NULL with *error set (the caller frees it;
 * "FILE:LINE:COLUMN: message" in Chinese) when it cannot be read or is
 * not a page template: a name in double braces other than title, organ,
 * year and body, or body not there exactly once. */
char *render_html_template(const char *dir, char **error);

/* The page of report in template (from render_html_template): returns it
 * (the caller frees it) and its length in *len. */
char *render_html(const struct report *report, const char *template, size_t *len);

#endif
