/* The font roles of the PDF (title, heading, heading2, body, table) and the file
 * each is printed with, as fonts/roles.conf declares them: an explicit
 * path, else a family found among the files of the fonts directory, else
 * a family found by fontconfig.  Each role has a fallback font for the
 * characters its first font lacks. */
#ifndef NIANBAO_FONT_ROLES_H
#define NIANBAO_FONT_ROLES_H

/* heading: the six 一级标题; heading2: the （一） openings of paragraphs
 * (narrative.h).  A roles.conf without heading2 prints those as body. */
enum font_role {
	FONT_ROLE_TITLE,
	FONT_ROLE_HEADING,
	FONT_ROLE_HEADING2,
	FONT_ROLE_BODY,
	FONT_ROLE_TABLE,
	FONT_ROLES
};

#define FONT_ROLES_FILE "roles.conf"

struct font_source {
	char *path;	/* owned; NULL when the role has no such font */
	unsigned index; /* face within a collection (.ttc) */
	char *name;	/* owned: as written in roles.conf, for messages */
};

struct font_roles {
	struct font_source primary[FONT_ROLES];
	struct font_source fallback[FONT_ROLES];
};

/* The fonts directory: $NIANBAO_FONTS_DIR, else the share/nianbao/fonts
 * beside an installed program, else the source tree's fonts/ when it is
 * there, else the one of the prefix the program was built for. */
const char *font_roles_dir(void);

/* Reads dir/roles.conf and finds every font it names.  Returns 0, or -1
 * with *error set to a Chinese sentence (the caller frees it) naming the
 * file, line and font that is wrong or missing.  On success the caller
 * calls font_roles_fini. */
int font_roles_load(const char *dir, struct font_roles *roles, char **error);
void font_roles_fini(struct font_roles *roles);

/* "title", "heading", "heading2", "body", "table" as written in roles.conf. */
const char *font_role_name(enum font_role role);

#endif
