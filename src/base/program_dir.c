/* The running program's directory; see program_dir.h. */
#include "program_dir.h"

#include <string.h>
#include <unistd.h>

bool program_dir(char dir[PATH_MAX])
{
	ssize_t n = readlink("/proc/self/exe", dir, PATH_MAX - 1);
	if (n <= 0)
		return false;
	dir[n] = '\0';
	*strrchr(dir, '/') = '\0';
	return true;
}
