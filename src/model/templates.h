/* The fixed wording nianbao writes around a report's own data: the
 * lines of the standardized text and of the PDF that are not the form's
 * (the draft mark, the 落款 date, page numbers), the boilerplate of a
 * draft, the form's help on each part and the sentences it offers for a
 * narrative.  It lives in the files of templates/, compiled into the program; when
 * NIANBAO_TEMPLATES_DIR names a directory, a file of the same name there
 * replaces the built-in one.  Each value is one line with {name}
 * placeholders (template.h); a file that lacks a key, has one nianbao does
 * not know, or uses a placeholder its key does not have is refused as a
 * whole, with file:line:column.  The form's own labels and headings stay
 * in forms/. */
#ifndef NIANBAO_TEMPLATES_H
#define NIANBAO_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct template_var;

enum templates_key {
	TEMPLATES_TEXT_DRAFT_LINE,    /* text.yaml draft_line: first line of a draft */
	TEMPLATES_SIGNATURE_DATE,     /* text.yaml signature_date: {year} {month} {day} */
	TEMPLATES_DRAFT_REWRITE_MARK, /* draft.yaml rewrite_mark: above each narrative */
	TEMPLATES_DRAFT_YEAR,	      /* draft.yaml year: how a year is written, {year} */
	TEMPLATES_DRAFT_VERIFY_MARK,  /* draft.yaml verify_mark: before a sentence of last year */
	TEMPLATES_DRAFT_YEAR_WORDS,   /* draft.yaml year_words: 上年、本年... */
	TEMPLATES_PDF_DRAFT_MARK,     /* pdf.yaml draft_mark: across every page */
	TEMPLATES_PDF_PAGE_NUMBER,    /* pdf.yaml page_number: {page} */
	TEMPLATES_HELP_BASIC,	      /* help.yaml basic: F1 on 基本信息 */
	TEMPLATES_HELP_OVERVIEW,      /* help.yaml overview .. other: F1 on sections 一 to 六, */
	TEMPLATES_HELP_PROACTIVE,     /* in the form's order (TEMPLATES_HELP_BASIC + page) */
	TEMPLATES_HELP_REQUESTS,
	TEMPLATES_HELP_APPEALS,
	TEMPLATES_HELP_PROBLEMS,
	TEMPLATES_HELP_OTHER,
	TEMPLATES_HELP_DEADLINE,  /* help.yaml deadline: {year} the report must be published in */
	TEMPLATES_HELP_DAYS_LEFT, /* help.yaml days_left: {days} until 31 January */
	TEMPLATES_HELP_DAYS_OVER, /* help.yaml days_over: {days} since it */
	/* sentences.yaml overview, other: a narrative's sentence from the
	 * tables, each {path} a number cell of the form (sentences.h) */
	TEMPLATES_SENTENCES_OVERVIEW,
	TEMPLATES_SENTENCES_OTHER,
	TEMPLATES_COUNT
};

/* Loads the built-in templates, each file replaced by DIR/NAME.yaml when
 * dir is given (may be NULL or "") and holds one, and makes them the ones
 * in use.  Returns false, leaving those in use as they were, with *error
 * set (the caller frees it): "FILE:LINE:COLUMN: message" in Chinese. */
bool templates_load(const char *dir, char **error);

/* The template of key (borrowed; valid until the next templates_load or
 * templates_unload), never empty.  Before any templates_load, the
 * built-in ones (which a unit test proves load). */
const char *templates_get(enum templates_key key);

/* The file key's template came from, for messages: DIR/FILE.yaml, or
 * templates/FILE.yaml（内置） (borrowed, as templates_get's). */
const char *templates_source(enum templates_key key);

/* Appends key's template to out with vars substituted. */
void templates_expand(struct buf *out, enum templates_key key, const struct template_var *vars,
		      size_t nvars);

/* The 成文日期 of the 落款 (signature_date), e.g. 2022年1月20日; the
 * caller frees it. */
char *templates_signature_date(int year, int month, int day);

/* Frees the templates in use (the built-in ones come back on next use). */
void templates_unload(void);

#endif
