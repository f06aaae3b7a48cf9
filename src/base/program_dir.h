/* Where the running program lies, for what nianbao installs beside it
 * (its modules, its fonts' roles). */
#ifndef NIANBAO_PROGRAM_DIR_H
#define NIANBAO_PROGRAM_DIR_H

#include <limits.h> /* PATH_MAX */
#include <stdbool.h>

/* Sets dir to the directory of the running program (/proc/self/exe,
 * symbolic links resolved); false when it cannot be read. */
bool program_dir(char dir[PATH_MAX]);

#endif
