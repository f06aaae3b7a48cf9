/* nianbao-synopsis OUT KEYS RULES: the man page's synopsis (roff),
 * written from the command table at build time, so that the page lists
 * exactly the commands and options the program takes; into KEYS the
 * form's keys, from the table the form and its help use; and into RULES
 * the rules of the built-in form with their meanings, as check
 * --list-rules prints them.  Not installed. */
#include <stdio.h>

#include "cli.h"
#include "tui_keys.h"

/* Writes one generated part to path; 1 (and no file left) on failure. */
static int write_part(const char *path, void (*write)(FILE *))
{
	FILE *fp = fopen(path, "w");
	if (!fp) {
		perror(path);
		return 1;
	}
	write(fp);
	if (ferror(fp) | fclose(fp)) {
		perror(path);
		remove(path);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: nianbao-synopsis OUT KEYS RULES\n");
		return 2;
	}
	if (write_part(argv[1], cli_write_synopsis) || write_part(argv[2], tui_keys_write_man))
		return 1;
	return write_part(argv[3], cli_write_rules_man);
}
