/* Whether the file at an output path of a report (render --text/--pdf,
 * F5) may be replaced: only when it is nianbao's own earlier output of
 * the same report, however the report was edited since.
 *
 * What counts as the same report is its identity, not its file name: the
 * form, the organ and the year.
 * - A PDF is ours when its Info dictionary carries /NianbaoReport with
 *   the fingerprint of that identity (render_pdf writes it: a 64-bit
 *   FNV-1a hash, as 16 hex digits, so that the same report gives the
 *   same bytes wherever it lies).  A PDF with a signature (a /ByteRange
 *   anywhere in its bytes) is never replaced, whoever made it.
 * - A text is ours when it is exactly what nianbao renders from the
 *   report now, or when it has the layout of nianbao's standardized text
 *   of the same report: its title line (after the draft line, if any) is
 *   the report's title, the form's headings are lines of it in order, and
 *   under each heading the lines of the tables are those nianbao writes,
 *   up to the numbers and the runs of spaces between columns (a file with
 *   a tab or a carriage return there is not ours).  Narratives and the
 *   落款 are not compared: they are what a clerk edits.
 * Limits: a text laid out by hand exactly as nianbao lays it out (the
 * same labels, the same breaks in wrapped labels, the same header lines)
 * for the same organ and year is taken for nianbao's own; a PDF made by
 * another program that copied the key likewise.  A text of this report
 * rendered by a nianbao whose form labels differ is not recognised (then
 * --force). */
#ifndef NIANBAO_OUTPUT_OWNER_H
#define NIANBAO_OUTPUT_OWNER_H

#include <stddef.h>

struct report;

enum output_owner {
	OUTPUT_ABSENT,	/* nothing at the path: write */
	OUTPUT_OURS,	/* nianbao's own output of this report: replace it */
	OUTPUT_FOREIGN, /* anything else, a symbolic link too: only with --force */
	OUTPUT_SIGNED,	/* a signed PDF: never replaced */
};

#define OUTPUT_OWNER_FINGERPRINT_SIZE 17 /* 16 hex digits and the NUL */

/* The fingerprint of r's identity (form, organ, year), for the PDF. */
void output_owner_fingerprint(const struct report *r, char out[OUTPUT_OWNER_FINGERPRINT_SIZE]);

/* Who owns the file at path, which nianbao would fill with the
 * standardized text text[0..len) of r. */
enum output_owner output_owner_text(const char *path, const struct report *r, const char *text,
				    size_t len);

/* Who owns the file at path, where a PDF of r would go (r NULL: only
 * whether it is absent, signed or something else). */
enum output_owner output_owner_pdf(const char *path, const struct report *r);

/* Who owns the file at path, which nianbao would fill with data[0..len)
 * of another kind (the web page, the Word document, the OFD): ours when
 * it holds exactly those bytes, or when every one of the NUL-terminated
 * markers[0..nmarkers) is in it (the web page names its generator and its
 * report's title); anything else is foreign. */
enum output_owner output_owner_bytes(const char *path, const char *data, size_t len,
				     const char *const *markers, size_t nmarkers);

/* NULL when the file at path may be written over (absent, ours, or
 * foreign with force); else why not, a Chinese sentence the caller frees
 * (and, for a foreign file, follows with how to go on: --force, or
 * another name).  A signed PDF is refused with force too, and another
 * name is suggested. */
char *output_owner_refusal(const char *path, enum output_owner owner, _Bool force);

/* A name beside path that does not exist yet (年报.pdf gives 年报-2.pdf,
 * then 年报-3.pdf...), to suggest instead of a file that is kept; the
 * caller frees it. */
char *output_owner_other_name(const char *path);

#endif
