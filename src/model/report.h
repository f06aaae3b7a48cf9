/* The values of one report, addressed by the cells of its form: counts
 * as int64, money as int64 in units of 0.0001 万元, texts as UTF-8.  The
 * report remembers where each value was read from, for diagnostics. */
#ifndef NIANBAO_REPORT_H
#define NIANBAO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct form;

/* Keys every report has, whatever its form. */
enum report_key {
	REPORT_KEY_FORM,
	REPORT_KEY_ORGAN,
	REPORT_KEY_YEAR,
	REPORT_KEY_ISSUED_ON,
	REPORT_KEY_DRAFT,
	REPORT_KEY_CONFIRMED,
	REPORT_KEYS
};

#define REPORT_YEAR_MIN 2008
#define REPORT_YEAR_MAX 2100
#define REPORT_ORGAN_MAX_CHARS 100

struct report_mark {
	int line, column; /* 1-based; 0 when not read from a file */
};

struct report_date {
	int year, month, day; /* all 0 when there is no date */
};

/* A warning the clerk has checked (acknowledged: in the file; see ack.h). */
struct report_ack {
	char *rule, *path, *reason, *value; /* owned */
};

struct report {
	const struct form *form; /* borrowed; outlives the report */
	char *organ;		 /* owned, "" when unknown */
	int year;
	struct report_date issued_on;
	bool draft;
	bool *confirmed;	   /* per form section: the clerk confirmed it (确认本部分) */
	int64_t *numbers;	   /* per cell: counts and money */
	char **texts;		   /* per cell: owned texts ("" when empty), NULL for numbers */
	struct report_mark *marks; /* per cell */
	struct report_mark key_marks[REPORT_KEYS];
	struct report_ack *acks; /* owned, in the order of the file */
	size_t nacks;
};

/* A report of the form with every count 0 and every text empty. */
struct report *report_new(const struct form *form);
void report_free(struct report *report);
struct report *report_clone(const struct report *report);
/* True when the two hold the same values (marks are not compared). */
bool report_equal(const struct report *a, const struct report *b);

const char *report_key_name(enum report_key key);

/* The name of form section in the data file's `confirmed` list: the key
 * its data lives under (overview, proactive, requests, appeals, problems,
 * other for gov-info-2021).  The caller frees it. */
char *report_section_key(const struct form *form, size_t section);
/* The section named key in the `confirmed` list, or FORM_NONE. */
size_t report_find_section(const struct form *form, const char *key);

void report_set_organ(struct report *report, const char *organ);
/* Replaces a text cell's value with a copy of text[0..len). */
void report_set_text(struct report *report, size_t cell, const char *text, size_t len);

/* The report's title from the form's template, e.g.
 * 函谷关镇人民政府2021年政府信息公开工作年度报告; the caller frees it. */
char *report_title(const struct report *report);

/* A number cell's value as every output writes it: a count in digits, an
 * amount with exactly the form's 4 decimals (value_format_money). */
#define REPORT_NUMBER_SIZE 32
void report_format_number(const struct report *r, size_t cell, char out[REPORT_NUMBER_SIZE]);

/* Reads a report year from text[0..len) (ASCII or fullwidth digits):
 * NULL with *year set, or a static phrase saying what a year must be. */
const char *report_parse_year(const char *text, size_t len, int *year);

/* Why organ cannot be an organ's name (a static phrase), or NULL. */
const char *report_organ_problem(const char *organ, size_t len);
/* Why text cannot be a narrative (a static phrase), or NULL; max_chars
 * bounds its length. */
const char *report_text_problem(const char *text, size_t len, size_t max_chars);

#endif
