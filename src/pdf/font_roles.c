/* Reading fonts/roles.conf and finding each font it names; see
 * font_roles.h.  Only this file talks to fontconfig. */
#include "font_roles.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h> /* PATH_MAX */
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h> /* after fontconfig.h, which it needs */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "buf.h"
#include "file_read.h"
#include "program_dir.h"
#include "xalloc.h"

/* roles.conf is a dozen lines */
#define FONT_ROLES_MAX_BYTES (64u << 10)

#ifndef NIANBAO_FONTS_DIR
#define NIANBAO_FONTS_DIR "fonts"
#endif
#ifndef NIANBAO_FONTS_INSTALL_DIR
#define NIANBAO_FONTS_INSTALL_DIR "/usr/local/share/nianbao/fonts"
#endif
#ifndef NIANBAO_FONTS_FROM_BINDIR
#define NIANBAO_FONTS_FROM_BINDIR "../share/nianbao/fonts"
#endif

static const char *const role_names[FONT_ROLES] = {"title", "heading", "heading2", "body", "table"};

const char *font_role_name(enum font_role role)
{
	return role_names[role];
}

/* The fonts directory beside an installed program (bin/../share/nianbao/
 * fonts), or NULL: a package unpacked elsewhere than its prefix (dpkg -x,
 * cmake --install --prefix) reads its own roles.conf. */
static const char *font_roles_beside_program(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], beside[PATH_MAX];
	if (!program_dir(exe))
		return NULL;
	if (snprintf(beside, sizeof beside, "%s/%s", exe, NIANBAO_FONTS_FROM_BINDIR) >=
		    (int)sizeof beside ||
	    !realpath(beside, dir)) /* messages name it without "bin/.." */
		return NULL;
	char conf[PATH_MAX + sizeof "/" FONT_ROLES_FILE];
	snprintf(conf, sizeof conf, "%s/" FONT_ROLES_FILE, dir);
	return access(conf, R_OK) == 0 ? dir : NULL;
}

const char *font_roles_dir(void)
{
	const char *dir = getenv("NIANBAO_FONTS_DIR");
	if (dir && *dir)
		return dir;
	dir = font_roles_beside_program();
	if (dir)
		return dir;
	/* the source tree's, for a program run where it was built */
	if (access(NIANBAO_FONTS_DIR "/" FONT_ROLES_FILE, R_OK) == 0)
		return NIANBAO_FONTS_DIR;
	return NIANBAO_FONTS_INSTALL_DIR;
}

static bool looks_like_path(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') || (n > 4 && (strcasecmp(s + n - 4, ".ttf") == 0 ||
					    strcasecmp(s + n - 4, ".ttc") == 0));
}

/* True when the font pattern lists family among its family names. */
static bool has_family(FcPattern *font, const char *family)
{
	FcChar8 *name;
	for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; i++)
		if (strcasecmp((const char *)name, family) == 0)
			return true;
	return false;
}

/* The first TrueType file of set that has family, or false. */
static bool find_family(FcFontSet *set, const char *family, struct font_source *out)
{
	bool found = false;
	const char *best = NULL;
	int best_index = 0;
	for (int i = 0; i < set->nfont; i++) {
		FcChar8 *file, *format;
		int index = 0;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
		    !has_family(set->fonts[i], family))
			continue;
		if (FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &format) == FcResultMatch &&
		    strcmp((const char *)format, "TrueType") != 0)
			continue;
		FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
		/* fontconfig lists in no fixed order: take the smallest name so
		 * that the same machine always prints with the same file */
		if (!best || strcmp((const char *)file, best) < 0 ||
		    (strcmp((const char *)file, best) == 0 && index < best_index)) {
			best = (const char *)file;
			best_index = index;
		}
	}
	if (best) {
		out->path = xstrdup(best);
		out->index = (unsigned)best_index;
		found = true;
	}
	return found;
}

/* The fonts of config with family (the caller destroys the set). */
static FcFontSet *list_family(FcConfig *config, const char *family)
{
	FcPattern *pattern = FcPatternCreate();
	FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *want = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_FONTFORMAT, NULL);
	FcFontSet *set = FcFontList(config, pattern, want);
	FcObjectSetDestroy(want);
	FcPatternDestroy(pattern);
	return set;
}

/* The font files of dir, read directly: fontconfig would want to write
 * a cache there, which a clerk's fonts directory need not allow. */
static FcFontSet *scan_dir(const char *dir)
{
	FcFontSet *set = FcFontSetCreate();
	DIR *d = opendir(dir);
	if (!d)
		return set;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !looks_like_path(e->d_name))
			continue;
		char *file = xasprintf("%s/%s", dir, e->d_name);
		int count;
		FcFreeTypeQueryAll((const FcChar8 *)file, (unsigned)-1, NULL, &count, set);
		free(file);
	}
	closedir(d);
	return set;
}

/* Families found by fontconfig are remembered in a small cache file:
 * loading fontconfig's configuration and list of fonts takes longer than
 * typesetting a report.  An entry holds while its file has the size and
 * modification time it had; a family not in the cache, or whose file
 * changed, is looked up again.  NIANBAO_FONT_CACHE=0 turns it off. */
#define FONT_CACHE_MAX_BYTES (64u << 10)

struct cached {
	char *family, *path;
	unsigned index;
	long long size, mtime; /* mtime in nanoseconds */
};

struct font_cache {
	char *file; /* NULL: no cache */
	struct cached *entries;
	size_t count, cap;
	bool read, changed;
};

static char *font_cache_file(void)
{
	const char *off = getenv("NIANBAO_FONT_CACHE");
	if (off && strcmp(off, "0") == 0)
		return NULL;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/nianbao/fonts", xdg);
	if (home && *home == '/')
		return xasprintf("%s/.cache/nianbao/fonts", home);
	return NULL;
}

static bool file_stamp(const char *path, long long *size, long long *mtime)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	*size = (long long)st.st_size;
	*mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	return true;
}

static void font_cache_add(struct font_cache *c, const char *family, const char *path,
			   unsigned index, long long size, long long mtime)
{
	c->entries = xgrow(c->entries, &c->cap, c->count + 1, sizeof *c->entries);
	c->entries[c->count++] = (struct cached){xstrdup(family), xstrdup(path), index, size,
						 mtime};
}

/* Lines "family TAB index TAB size TAB mtime TAB path"; anything else is
 * skipped (the file is ours, but may be cut or old). */
static void font_cache_read(struct font_cache *c)
{
	c->read = true;
	size_t len;
	struct file_read_error e;
	char *text = c->file ? file_read(c->file, FONT_CACHE_MAX_BYTES, 0, &len, &e) : NULL;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (!next)
			break; /* a last line without its end was cut */
		*next++ = '\0';
		char *field[5];
		size_t n = 0;
		for (char *f = line; n < 5; n++) {
			field[n] = f;
			char *tab = strchr(f, '\t');
			if (!tab) {
				n++;
				break;
			}
			*tab = '\0';
			f = tab + 1;
		}
		if (n == 5 && *field[0] && field[4][0] == '/')
			font_cache_add(c, field[0], field[4], (unsigned)strtoul(field[1], NULL, 10),
				       strtoll(field[2], NULL, 10), strtoll(field[3], NULL, 10));
	}
	free(text);
}

static bool font_cache_find(struct font_cache *c, const char *family, struct font_source *out)
{
	if (!c->file)
		return false;
	if (!c->read)
		font_cache_read(c);
	for (size_t i = 0; i < c->count; i++) {
		const struct cached *e = &c->entries[i];
		long long size, mtime;
		if (strcasecmp(e->family, family) != 0 || !file_stamp(e->path, &size, &mtime) ||
		    size != e->size || mtime != e->mtime)
			continue;
		out->path = xstrdup(e->path);
		out->index = e->index;
		return true;
	}
	return false;
}

static void font_cache_remember(struct font_cache *c, const char *family,
				const struct font_source *found)
{
	long long size, mtime;
	if (!c->file || !file_stamp(found->path, &size, &mtime))
		return;
	/* an entry of the same family that no longer held is dropped */
	for (size_t i = 0; i < c->count; i++)
		if (strcasecmp(c->entries[i].family, family) == 0) {
			free(c->entries[i].family);
			free(c->entries[i].path);
			c->entries[i--] = c->entries[--c->count];
		}
	font_cache_add(c, family, found->path, found->index, size, mtime);
	c->changed = true;
}

/* Writes the cache if it changed; a cache that cannot be written is only
 * slower next time. */
static void font_cache_fini(struct font_cache *c)
{
	if (c->changed) {
		struct buf out;
		buf_init(&out);
		for (size_t i = 0; i < c->count; i++) {
			const struct cached *e = &c->entries[i];
			if (strpbrk(e->family, "\t\n") || strpbrk(e->path, "\t\n"))
				continue;
			char *line = xasprintf("%s\t%u\t%lld\t%lld\t%s\n", e->family, e->index,
					       e->size, e->mtime, e->path);
			buf_add(&out, line, strlen(line));
			free(line);
		}
		char *dir = xstrdup(c->file);
		char *slash = strrchr(dir, '/');
		*slash = '\0';
		char *parent = xstrdup(dir);
		*strrchr(parent, '/') = '\0';
		if (mkdir(parent, 0700) == 0 || errno == EEXIST)
			if (mkdir(dir, 0700) == 0 || errno == EEXIST) {
				char *error = NULL;
				atomic_write(c->file, out.data ? out.data : "", out.len,
					     ATOMIC_REPLACE_UNSYNCED, &error);
				free(error);
			}
		free(parent);
		free(dir);
		buf_fini(&out);
	}
	for (size_t i = 0; i < c->count; i++) {
		free(c->entries[i].family);
		free(c->entries[i].path);
	}
	free(c->entries);
	free(c->file);
}

struct finder {
	const char *dir;
	FcFontSet *local; /* the fonts directory's own files */
	FcConfig *system; /* loaded only if needed */
	struct font_cache cache;
};

static bool find_font(struct finder *f, const char *spec, struct font_source *out)
{
	out->name = xstrdup(spec);
	if (looks_like_path(spec)) {
		out->path = spec[0] == '/' ? xstrdup(spec) : xasprintf("%s/%s", f->dir, spec);
		out->index = 0;
		return access(out->path, R_OK) == 0;
	}
	if (!f->local)
		f->local = scan_dir(f->dir);
	if (find_family(f->local, spec, out) || font_cache_find(&f->cache, spec, out))
		return true;
	if (!f->system)
		f->system = FcInitLoadConfigAndFonts();
	if (!f->system)
		return false;
	FcFontSet *set = list_family(f->system, spec);
	bool found = set && find_family(set, spec, out);
	if (set)
		FcFontSetDestroy(set);
	if (found)
		font_cache_remember(&f->cache, spec, out);
	return found;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 &&
	       (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

static void source_fini(struct font_source *s)
{
	free(s->path);
	free(s->name);
	s->path = s->name = NULL;
}

void font_roles_fini(struct font_roles *roles)
{
	for (int r = 0; r < FONT_ROLES; r++) {
		source_fini(&roles->primary[r]);
		source_fini(&roles->fallback[r]);
	}
}

int font_roles_load(const char *dir, struct font_roles *roles, char **error)
{
	memset(roles, 0, sizeof *roles);
	char *file = xasprintf("%s/%s", dir, FONT_ROLES_FILE);
	size_t len;
	struct file_read_error e;
	char *text = file_read(file, FONT_ROLES_MAX_BYTES, 0, &len, &e);
	if (!text) {
		*error = xasprintf("无法读取字体配置 %s", file);
		free(file);
		return -1;
	}
	struct finder finder = {.dir = dir, .cache = {.file = font_cache_file()}};
	int lineno = 0, status = 0;
	char *next = len ? text : NULL;
	while (status == 0 && next) {
		char *line = next, *end = strchr(line, '\n');
		next = end && end[1] ? end + 1 : NULL;
		if (end)
			*end = '\0';
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			*error = xasprintf("%s:%d: 应写成“角色 = 字体 | 后备字体”", file, lineno);
			status = -1;
			break;
		}
		*eq = '\0';
		char *role = trim(s), *fonts = eq + 1, *bar = strchr(fonts, '|');
		if (bar)
			*bar = '\0';
		int r = 0;
		while (r < FONT_ROLES && strcmp(role_names[r], role) != 0)
			r++;
		if (r == FONT_ROLES) {
			*error = xasprintf(
				"%s:%d: 没有“%s”这个字体角色（可用的角色：title、heading、"
				"heading2、body、table）",
				file, lineno, role);
			status = -1;
			break;
		}
		source_fini(&roles->primary[r]);
		source_fini(&roles->fallback[r]);
		const char *specs[2] = {trim(fonts), bar ? trim(bar + 1) : ""};
		struct font_source *targets[2] = {&roles->primary[r], &roles->fallback[r]};
		for (int k = 0; k < 2 && status == 0; k++) {
			if (*specs[k] == '\0') {
				if (k == 0) {
					*error = xasprintf("%s:%d: 角色 %s 没有写字体", file,
							   lineno, role);
					status = -1;
				}
				continue;
			}
			if (!find_font(&finder, specs[k], targets[k])) {
				*error = xasprintf(
					"%s:%d: 找不到字体“%s”（角色 %s）：既不是可读的文件，"
					"本目录和系统中也没有这个字体族",
					file, lineno, specs[k], role);
				status = -1;
			}
		}
	}
	free(text);
	/* written before heading2 existed: those headings print as body */
	if (status == 0 && !roles->primary[FONT_ROLE_HEADING2].path &&
	    roles->primary[FONT_ROLE_BODY].path) {
		const struct font_source *from[2] = {&roles->primary[FONT_ROLE_BODY],
						     &roles->fallback[FONT_ROLE_BODY]};
		struct font_source *to[2] = {&roles->primary[FONT_ROLE_HEADING2],
					     &roles->fallback[FONT_ROLE_HEADING2]};
		for (int k = 0; k < 2; k++)
			if (from[k]->path)
				*to[k] = (struct font_source){xstrdup(from[k]->path),
							      from[k]->index,
							      xstrdup(from[k]->name)};
	}
	for (int r = 0; status == 0 && r < FONT_ROLES; r++)
		if (!roles->primary[r].path &&
		    (r != FONT_ROLE_HEADING2 || roles->primary[FONT_ROLE_BODY].path)) {
			*error = xasprintf("%s: 没有为角色 %s 指定字体", file, role_names[r]);
			status = -1;
		}
	if (finder.local)
		FcFontSetDestroy(finder.local);
	if (finder.system)
		FcConfigDestroy(finder.system);
	font_cache_fini(&finder.cache);
	free(file);
	if (status != 0)
		font_roles_fini(roles);
	return status;
}
