/* The sentences of templates/sentences.yaml, filled from a report's
 * tables: what F7 puts into a narrative of the form. */
#ifndef NIANBAO_SENTENCES_H
#define NIANBAO_SENTENCES_H

struct report;

/* The sentence of the narrative section section_key ("overview", the key
 * of report_section_key) with each {path} replaced by that number cell
 * of r as every output prints it; the caller frees it.  NULL with *error
 * NULL when the section has no sentence; NULL with *error set (the caller
 * frees it) when a placeholder is no number cell of r's form. */
char *sentences_fill(const struct report *r, const char *section_key, char **error);

#endif
