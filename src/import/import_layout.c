/* Finding the headings of a published report; see import_layout.h. */
#include "import_layout.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "import_label.h"
#include "import_blocks.h"
#include "xalloc.h"

/* Whether a normalized line is the heading of section sec: the heading
 * itself, its title alone, or its number and title with other punctuation. */
static bool is_heading(const char *line, const char *heading, const char *title, const char *number)
{
	if (strcmp(line, heading) == 0 || strcmp(line, title) == 0)
		return true;
	size_t nlen = strlen(number);
	if (strncmp(line, number, nlen) != 0)
		return false;
	const char *rest = line + nlen;
	static const char *const separators[] = {".", ",", ":", "、", " "};
	for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
		size_t slen = strlen(separators[i]);
		if (strncmp(rest, separators[i], slen) == 0 && strcmp(rest + slen, title) == 0)
			return true;
	}
	return false;
}

static size_t heading_of(const struct form *f, char **headings, char **titles, char **numbers,
			 const char *line)
{
	for (size_t s = 0; s < f->nsections; s++)
		if (is_heading(line, headings[s], titles[s], numbers[s]))
			return s;
	return FORM_NONE;
}

/* Headings this alike (import_label_similarity of the words after the
 * number) are the next section's, misprinted or reworded; a narrative's
 * own "四、政府信息公开平台建设情况" comes to 0.55. */
#define HEADING_LIKENESS_MIN 0.65

/* The section after current whose number starts line and whose title is
 * like the rest of it, or FORM_NONE. */
static size_t similar_heading(const struct form *f, char **titles, char **numbers, const char *line,
			      size_t current)
{
	static const char *const separators[] = {"、", ".", ",", ":"};
	for (size_t s = current == FORM_NONE ? 0 : current + 1; s < f->nsections; s++) {
		size_t nlen = strlen(numbers[s]);
		if (strncmp(line, numbers[s], nlen) != 0)
			continue;
		for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
			size_t slen = strlen(separators[i]);
			if (strncmp(line + nlen, separators[i], slen) == 0 &&
			    import_label_similarity(line + nlen + slen, titles[s]) >=
				    HEADING_LIKENESS_MIN)
				return s;
		}
	}
	return FORM_NONE;
}

void import_layout_find(struct import_layout *l, const struct form *f, const struct import_rows *t)
{
	size_t ns = f->nsections;
	l->sections = xcalloc(ns, sizeof *l->sections);
	l->repeated = xcalloc(t->n ? t->n : 1, sizeof *l->repeated);
	l->nfound = 0;
	l->title_end = t->n;
	char **headings = xcalloc(ns, sizeof *headings), **titles = xcalloc(ns, sizeof *titles);
	char **numbers = xcalloc(ns, sizeof *numbers);
	for (size_t s = 0; s < ns; s++) {
		headings[s] = import_label_normalize(f->sections[s].heading);
		titles[s] = import_label_normalize(f->sections[s].title);
		numbers[s] = import_label_normalize(f->sections[s].number);
	}
	size_t current = FORM_NONE;
	for (size_t i = 0; i < t->n; i++) {
		if (!*t->at[i]->text)
			continue;
		char *norm = import_label_normalize(t->at[i]->text);
		size_t s = heading_of(f, headings, titles, numbers, norm);
		bool similar = false;
		if (s == FORM_NONE) {
			s = similar_heading(f, titles, numbers, norm, current);
			similar = s != FORM_NONE && !l->sections[s].heading_line;
			if (!similar)
				s = FORM_NONE;
		}
		free(norm);
		if (s == FORM_NONE)
			continue;
		if (s == current) {
			l->repeated[i] = true;
			continue;
		}
		if (current != FORM_NONE && s < current)
			continue; /* an earlier heading inside the text: text */
		if (current == FORM_NONE)
			l->title_end = i;
		else
			l->sections[current].end = i;
		l->sections[s] = (struct import_section_span){i + 1, t->n, t->at[i]->number, i,
							      similar};
		l->nfound++;
		current = s;
	}
	for (size_t s = 0; s < ns; s++) {
		free(headings[s]);
		free(titles[s]);
		free(numbers[s]);
	}
	free(headings);
	free(titles);
	free(numbers);
}

void import_layout_fini(struct import_layout *l)
{
	free(l->sections);
	free(l->repeated);
	l->sections = NULL;
	l->repeated = NULL;
}
