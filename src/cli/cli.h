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
	CLI_OK = 0,	 /* success, warnings allowed */
	CLI_BROKEN = 1,	 /* loads, but breaks an error rule; import had to guess */
	CLI_REFUSED = 2, /* bad usage, or input that is not a report */
};

struct cli {
	FILE *out;
	FILE *err;
	struct catalog *catalog; /* the forms, loaded on first use */
};

/* One option of a command.  This declaration is the only one: the
 * parser, the usage line, --help and the man page's synopsis are all
 * made from it (cli_options.c). */
struct cli_option {
	const char *name;    /* the long name, without "--" */
	char short_name;     /* 0 when there is none */
	const char *metavar; /* the argument, e.g. "文件"; NULL when it takes none */
	const char *help;    /* what it does, in Chinese: one line (a second goes under it) */
	_Bool required;	     /* shown without brackets; refused when missing */
	_Bool choice;	     /* metavar lists the accepted values, "text|json" */
	const char *needs;   /* the long name of an option it only goes with, or NULL */
};

#define CLI_OPTIONS_MAX 8 /* options of one command */
#define CLI_MANY (-1)	  /* operands: no upper bound */

/* The operands (positional arguments) of a command. */
struct cli_operands {
	const char *metavar; /* in the usage line, e.g. "文件..." */
	int min, max;	     /* max is CLI_MANY when any number is fine */
	const char *missing; /* the message when there are fewer than min */
	const char *surplus; /* the message when there are more than max; NULL: names the first */
};

/* A command line as its command's table reads it. */
struct cli_args {
	/* by the option's index in the table: its argument, "" for an option
	 * that takes none, NULL when it is not given; the last one given wins */
	const char *values[CLI_OPTIONS_MAX];
	char **operands; /* borrowed from argv */
	int noperands;
};

struct cli_command {
	const char *name;
	const char *summary;		  /* one line for the list of commands */
	const struct cli_option *options; /* ends with an entry whose name is NULL */
	struct cli_operands operands;
	const char *notes; /* printed by --help after the options, or NULL */
	enum cli_status (*run)(struct cli *cli, const struct cli_args *args);
};

/* Runs nianbao with argv; returns the exit status. */
int cli_main(int argc, char **argv);

/* The table of commands, in the order --help lists them; *count is set. */
const struct cli_command *const *cli_commands(size_t *count);

/* Prints "nianbao NAME: MESSAGE" and the usage line to cli->err and
 * returns CLI_REFUSED. */
enum cli_status cli_usage_error(struct cli *cli, const struct cli_command *cmd, const char *fmt,
				...) __attribute__((format(printf, 3, 4)));

/* Reads argv (argv[0] is the command's name) as cmd's table declares:
 * fills args, or prints what is wrong (unknown option, missing value,
 * value not among the choices, operands too few or too many, required
 * option missing, option without the one it needs) and returns
 * CLI_REFUSED. */
enum cli_status cli_parse_args(struct cli *cli, const struct cli_command *cmd, int argc,
			       char **argv, struct cli_args *args);

/* The usage line, after "nianbao NAME ": the caller frees it. */
char *cli_usage(const struct cli_command *cmd);

/* Prints a command's full help to fp. */
void cli_print_help(FILE *fp, const struct cli_command *cmd);

/* Writes the man page's synopsis (roff, one command per line) to fp. */
void cli_write_synopsis(FILE *fp);

/* Writes the rules of the default form (roff, one .TP each, with the
 * meaning the form gives) for the man page (cmd_check.c). */
void cli_write_rules_man(FILE *fp);

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
struct import_where;
/* Reads a published report (nianbao import), printing which encoding it
 * was in; its diagnostics are added to diags, unprinted; *where (when
 * where is not NULL; import_where_free) says where its cells were read.
 * NULL when it is not a report that can be read (cli_published.c). */
struct report *cli_import_published(struct cli *cli, const char *command, const char *file,
				    const struct form *form, struct diag_list *diags,
				    struct import_where **where);

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

/* True (after printing why) when output names one of the inputs (NULL
 * items are skipped), however spelled: ./a.txt, a symbolic or a hard
 * link (device and inode).  No command replaces its input, --force or
 * not. */
_Bool cli_refuse_own_input(struct cli *cli, const char *command, const char *output,
			   const char *const *inputs, size_t ninputs);

/* Renders the PDF of report (read from file) in memory.  Returns it (the
 * caller frees it; *len is its size), or NULL after printing to cli->err
 * which characters cannot be printed, what is wrong with the fonts, or
 * why nianbao-pdf.so cannot be loaded. */
char *cli_render_pdf(struct cli *cli, const char *command, const char *file,
		     const struct report *report, const char *seal_path, size_t *len);

/* Runs the final gate (final_gate.h) over report, read from file with
 * entry's form, and prints its diagnostics to cli->err, then, when some
 * block, how many and that the report is not final.  True when none does. */
_Bool cli_final_check(struct cli *cli, const char *command, const char *file,
		      const struct catalog_entry *entry, const struct report *report);

/* Loads the report file and renders its PDF as cli_render_pdf does, only
 * when it passes the final gate (cli_final_check, which prints).  NULL
 * after printing why: *blocked is set when the gate refused it, else the
 * file is not a report or cannot be printed. */
char *cli_report_pdf(struct cli *cli, const char *command, const char *file, const char *seal_path,
		     size_t *len, _Bool *blocked);

struct pdf_module;
struct tui_module;
struct sign_module;
struct docx_module;
struct ofd_module;
struct xlsx_module;
/* The table of a module (module.h), loaded the first time a command
 * needs it; NULL after printing "nianbao COMMAND: " and what is missing
 * and what to install (cli_modules.c): the command then ends with
 * CLI_REFUSED.  check, render --text and --html, new, draft and import of
 * a text need none. */
const struct pdf_module *cli_pdf(struct cli *cli, const char *command);
const struct tui_module *cli_tui(struct cli *cli, const char *command);
const struct sign_module *cli_sign(struct cli *cli, const char *command);
const struct docx_module *cli_docx(struct cli *cli, const char *command);
const struct ofd_module *cli_ofd(struct cli *cli, const char *command);
const struct xlsx_module *cli_xlsx(struct cli *cli, const char *command);

#endif
