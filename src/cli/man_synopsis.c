/* nianbao-synopsis OUT: the man page's synopsis (roff), written from the
 * command table at build time, so that the page lists exactly the
 * commands and options the program takes.  Not installed. */
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: nianbao-synopsis OUT\n");
		return 2;
	}
	FILE *fp = fopen(argv[1], "w");
	if (!fp) {
		perror(argv[1]);
		return 1;
	}
	cli_write_synopsis(fp);
	if (ferror(fp) | fclose(fp)) {
		perror(argv[1]);
		remove(argv[1]);
		return 1;
	}
	return 0;
}
