/* Comparing a label as an office published it with the official label of
 * the form.  Published labels differ from the official ones in ways that
 * do not change their meaning: spaces, halfwidth or fullwidth brackets
 * and commas, markdown marks, and labels cut in two by a line wrap. */
#ifndef NIANBAO_IMPORT_LABEL_H
#define NIANBAO_IMPORT_LABEL_H

#include <stddef.h>

enum import_match {
	IMPORT_MATCH_NONE,
	IMPORT_MATCH_PREFIX, /* the first part of a label cut by a wrap */
	IMPORT_MATCH_EXACT,
};

/* The label without spaces, fullwidth ASCII forms made halfwidth; the
 * caller frees it. */
char *import_label_normalize(const char *label);

/* How a normalized published label matches a normalized official one.
 * Sub-row numbers may be written in any of the ways above, or left out
 * where the words are long enough not to be a column's header. */
enum import_match import_label_match(const char *published, const char *official);

/* The words of a normalized label after the number of a sub-row ("1."
 * "1、" "(1)" "①"), or the label when it has none. */
const char *import_label_words(const char *label);

/* How alike two normalized labels are, from 0 to 1: the share of the
 * longer one covered by their common beginning and common end. */
double import_label_likeness(const char *a, const char *b);

/* How alike two normalized labels are, from 0 to 1, wherever they differ:
 * twice their longest common subsequence of characters over the sum of
 * their lengths.  0 for labels of 256 characters or more. */
double import_label_similarity(const char *a, const char *b);

/* Number of characters in a normalized label. */
size_t import_label_length(const char *label);

#endif
