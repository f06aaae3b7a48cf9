/* Finding and loading a module; see module.h.  Only this file calls
 * dlopen for nianbao's own code. */
#include "module.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <limits.h> /* PATH_MAX */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "program_dir.h"
#include "xalloc.h"

#ifndef NIANBAO_MODULES_FROM_BINDIR
#define NIANBAO_MODULES_FROM_BINDIR "../lib/nianbao"
#endif

/* The library a failed dlopen names as missing ("libhpdf-2.3.0.so: cannot
 * open shared object file"), copied, or NULL when it failed otherwise. */
static char *missing_library(const char *why)
{
	const char *end = strstr(why, ": cannot open shared object file");
	if (!end)
		return NULL;
	const char *start = end;
	while (start > why && !(start[-1] == ' ' && start - 1 > why && start[-2] == ':'))
		start--;
	return xstrndup(start, (size_t)(end - start));
}

static char *load_failure(const struct module_spec *spec, const char *path, const char *why)
{
	char *library = missing_library(why);
	char *error;
	if (library)
		error = xasprintf("无法载入%s所需的模块 %s：缺少它所用的库 %s；"
				  "请安装 %s（Debian：apt install %s）",
				  spec->purpose, path, library, spec->packages, spec->packages);
	else
		error = xasprintf("无法载入%s所需的模块 %s：%s；请重新安装 nianbao", spec->purpose,
				  path, why);
	free(library);
	return error;
}

const void *module_load(const struct module_spec *spec, char **error)
{
	char dir[PATH_MAX];
	if (!program_dir(dir)) {
		*error = xasprintf("找不到%s所需的模块 nianbao-%s.so：不知道程序在哪个目录",
				   spec->purpose, spec->name);
		return NULL;
	}
	char *installed = xasprintf("%s/" NIANBAO_MODULES_FROM_BINDIR "/nianbao-%s.so", dir,
				    spec->name);
	char *beside = xasprintf("%s/nianbao-%s.so", dir, spec->name);
	const char *path = access(installed, F_OK) == 0 ? installed
			   : access(beside, F_OK) == 0	? beside
							: NULL;
	const void *table = NULL;
	*error = NULL;
	if (!path) {
		*error = xasprintf("找不到%s所需的模块：%s 和 %s 都不存在；请重新安装 nianbao",
				   spec->purpose, installed, beside);
		goto done;
	}
	/* a module once loaded stays: dlopen of the same path returns it */
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		*error = load_failure(spec, path, dlerror());
		goto done;
	}
	table = dlsym(handle, spec->table);
	if (!table || strcmp(*(const char *const *)table, MODULE_STAMP) != 0) {
		*error = xasprintf("模块 %s 不是这个版本的 nianbao（%s）的；请重新安装 nianbao",
				   path, MODULE_STAMP);
		table = NULL;
	}
done:
	free(installed);
	free(beside);
	return table;
}
