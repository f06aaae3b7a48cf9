/* The command line: one table of subcommands (cli.c), each in its own
 * file exporting a const struct cli_command.  Commands print; nothing
 * below them does. */
#ifndef NIANBAO_CLI_H
#define NIANBAO_CLI_H

#include <stdio.h>

struct catalog;
struct catalog_entry;
struct diag_list;

/* Exit statuses (DESIGN.md, Command line). */
enum cli_status {
	CLI_OK = 0,		/* success, warnings allowed */
	CLI_BROKEN = 1,		/* loads, but breaks an error rule; import had to guess */
	CLI_REFUSED = 2,	/* bad usage, or input that is not a report */
};

struct cli {
	FILE *out;
	FILE *err;
	struct catalog *catalog;	/* the forms, loaded on first use */
};

struct cli_command {
	const char *name;
	const char *usage;	/* arguments, after "nianbao NAME " */
	const char *summary;	/* one line for the list of commands */
	const char *help;	/* the options, one per line, for --help */
	enum cli_status (*run)(struct cli *cli, int argc, char **argv);
};

/* Runs nianbao with argv; returns the exit status. */
int cli_main(int argc, char **argv);

/* Prints "nianbao NAME: MESSAGE" and the usage line to cli->err and
 * returns CLI_REFUSED. */
enum cli_status cli_usage_error(struct cli *cli, const struct cli_command *cmd, const char *fmt,
				...) __attribute__((format(printf, 3, 4)));

/* Reports the option getopt_long just refused ('?' or ':'). */
enum cli_status cli_option_error(struct cli *cli, const struct cli_command *cmd, int c,
				 char **argv);

/* Prints a command's full help to cli->out. */
void cli_print_help(struct cli *cli, const struct cli_command *cmd);

/* Prints diagnostics of file as FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]. */
void cli_print_diags(FILE *fp, const char *file, const struct diag_list *diags);

/* Writes data to path (atomically), or to cli->out when path is "-".
 * Returns false after printing why. */
struct report;

/* Saves r to path (atomically; "-" is cli->out), refusing to replace an
 * existing file unless force.  Returns false after printing why. */
_Bool cli_save_report(struct cli *cli, const char *command, const struct report *r,
		      const char *path, _Bool force);

/* True (after printing why) when path exists and may not be replaced:
 * new, import and draft never overwrite a clerk's file without --force. */
_Bool cli_refuse_existing(struct cli *cli, const char *command, const char *path, _Bool force);

struct form;
/* Reads a published report (nianbao import), printing which encoding it
 * was in; its diagnostics are added to diags, unprinted.  NULL when it is
 * not a report that can be read (cli_published.c). */
struct report *cli_import_published(struct cli *cli, const char *command, const char *file,
				    const struct form *form, struct diag_list *diags);

/* Last year's report, for draft and check --previous: a data file (.yaml,
 * .yml) is loaded, any other file is read as a published text.  Prints
 * its diagnostics to cli->err; *guessed is set when import had to guess;
 * *entry (may be NULL) is its form.  NULL when it cannot be read. */
struct report *cli_load_last_year(struct cli *cli, const char *command, const char *path,
				  const struct catalog_entry **entry, _Bool *guessed);

_Bool cli_write_output(struct cli *cli, const char *command, const char *path, const char *data,
		       size_t len);

/* Whether a and b name the same existing file (through links too). */
_Bool cli_same_file(const char *a, const char *b);

/* Renders the PDF of report (read from file) in memory.  Returns it (the
 * caller frees it; *len is its size), or NULL after printing to cli->err
 * which characters cannot be printed, or what is wrong with the fonts. */
char *cli_render_pdf(struct cli *cli, const char *command, const char *file,
		     const struct report *report, const char *seal_path, size_t *len);

/* Loads the report file, prints the rules it breaks (*broken is set when
 * one is an error) and renders its PDF as cli_render_pdf does; NULL after
 * printing why the file is not a report or cannot be printed. */
char *cli_report_pdf(struct cli *cli, const char *command, const char *file,
		     const char *seal_path, size_t *len, _Bool *broken);

#endif
