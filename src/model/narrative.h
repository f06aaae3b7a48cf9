/* The structure inside a narrative (一、总体情况 and the others): each
 * line is a paragraph, and a paragraph may open with a level-2 heading
 * (二级标题), "（一）主动公开情况。".  Every renderer asks here where that
 * heading is, so the PDF, HTML and DOCX mark the same words; nothing is
 * guessed where the pages are drawn. */
#ifndef NIANBAO_NARRATIVE_H
#define NIANBAO_NARRATIVE_H

#include <stdbool.h>
#include <stddef.h>

/* A heading that runs longer than this (in characters, brackets
 * included) before its 。 or ： is a numbered sentence, not a heading. */
#define NARRATIVE_HEADING_MAX 40
/* A paragraph with no 。 or ： is a heading in full when it is this
 * short: one line of the 28-character grid. */
#define NARRATIVE_HEADING_LINE 28

/* Splits para[0..len) (one line, without its newline) into the level-2
 * heading para[*start..*end) and the rest para[*end..len).  A heading is
 * "（一）" or "(一)" (a Chinese numeral 一 to 九十九, either bracket of
 * either width) after any leading spaces, and the text after it up to
 * and including the first 。 or ： (or ":"), within NARRATIVE_HEADING_MAX
 * characters; without such a stop, the whole paragraph (trailing spaces
 * left out) when it is at most NARRATIVE_HEADING_LINE characters.
 * Returns false, leaving *start and *end alone, when para opens with no
 * heading. */
bool narrative_heading(const char *para, size_t len, size_t *start, size_t *end);

#endif
