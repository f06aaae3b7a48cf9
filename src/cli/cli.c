/* The command table and what every command shares; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "catalog.h"
#include "diag.h"
#include "report_save.h"
#include "templates.h"
#include "version.h"

extern const struct cli_command cmd_new, cmd_edit, cmd_check, cmd_render, cmd_import, cmd_draft,
	cmd_sign, cmd_summary;

static const struct cli_command *const commands[] = {
	&cmd_new,    &cmd_edit,	 &cmd_check, &cmd_render,
	&cmd_import, &cmd_draft, &cmd_sign,  &cmd_summary,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

const struct cli_command *const *cli_commands(size_t *count)
{
	*count = NCOMMANDS;
	return commands;
}

static void print_overview(FILE *fp)
{
	fprintf(fp, "nianbao %s — 政府信息公开工作年度报告\n\n用法：\n", NIANBAO_VERSION);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		char *usage = cli_usage(commands[i]);
		fprintf(fp, "  nianbao %-7s %s\n", commands[i]->name, usage);
		free(usage);
	}
	fprintf(fp, "\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-7s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(fp,
		"\n每个命令都可以加 --help 查看说明；另见 man nianbao。\n"
		"退出状态：0 成功（可以有警告）；1 报告有错误；2 用法错误或文件不是有效的报告。\n");
}

/* Finds a command by name or unique prefix; lists candidates if ambiguous. */
static const struct cli_command *find_command(const char *name, FILE *err)
{
	const struct cli_command *found = NULL;
	size_t matches = 0, len = strlen(name);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
		if (len && strncmp(commands[i]->name, name, len) == 0) {
			found = commands[i];
			matches++;
		}
	}
	if (matches == 1)
		return found;
	if (matches > 1) {
		fprintf(err, "nianbao: “%s”可以指多个命令：", name);
		for (size_t i = 0; i < NCOMMANDS; i++)
			if (strncmp(commands[i]->name, name, len) == 0)
				fprintf(err, " %s", commands[i]->name);
		fprintf(err, "\n");
	} else {
		fprintf(err, "nianbao: 没有“%s”这个命令；运行 nianbao --help 查看所有命令\n", name);
	}
	return NULL;
}

void cli_print_diags(FILE *fp, const char *file, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		fprintf(fp, "%s:%d:%d: %s: %s [%s]\n", file, d->line ? d->line : 1,
			d->line ? d->column : 1, diag_severity_name(d->severity), d->message,
			d->rule);
	}
}

bool cli_write_output(struct cli *cli, const char *command, const char *path, const char *data,
		      size_t len)
{
	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, cli->out) != len || fflush(cli->out) != 0) {
			fprintf(cli->err, "nianbao %s: 无法写到标准输出\n", command);
			return false;
		}
		return true;
	}
	char *error;
	/* what is at the path is replaced, a link too: never written through */
	if (atomic_write(path, data, len, ATOMIC_REPLACE | ATOMIC_HERE, &error) != 0) {
		fprintf(cli->err, "nianbao %s: %s\n", command, error);
		free(error);
		return false;
	}
	return true;
}

bool cli_save_report(struct cli *cli, const char *command, const struct report *r, const char *path,
		     bool force)
{
	if (strcmp(path, "-") == 0) {
		size_t len;
		char *text = report_format(r, &len);
		bool ok = cli_write_output(cli, command, "-", text, len);
		free(text);
		return ok;
	}
	char *error = NULL;
	size_t len;
	char *text = report_format(r, &len);
	/* --force replaces what is at the path, a planted link itself rather
	 * than the file it points to */
	int err = atomic_write(path, text, len,
			       force ? ATOMIC_REPLACE | ATOMIC_HERE : ATOMIC_CREATE, &error);
	free(text);
	if (err == EEXIST)
		cli_refuse_existing(cli, command, path, false);
	else if (err)
		fprintf(cli->err, "nianbao %s: %s\n", command, error);
	free(error);
	return err == 0;
}

bool cli_refuse_existing(struct cli *cli, const char *command, const char *path, bool force)
{
	struct stat st;
	if (force || strcmp(path, "-") == 0 || lstat(path, &st) != 0)
		return false;
	fprintf(cli->err, "nianbao %s: %s 已经存在，没有改动它；确要覆盖请加 --force\n", command,
		path);
	return true;
}

bool cli_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

bool cli_refuse_own_input(struct cli *cli, const char *command, const char *output,
			  const char *const *inputs, size_t ninputs)
{
	if (!output || strcmp(output, "-") == 0)
		return false;
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i] && strcmp(inputs[i], "-") != 0 &&
		    (strcmp(inputs[i], output) == 0 || cli_same_file(inputs[i], output))) {
			fprintf(cli->err,
				"nianbao %s: 输出文件 %s 就是输入文件 %s，不能用输出替换输入"
				"（加 --force 也不行）；请换一个输出文件名\n",
				command, output, inputs[i]);
			return true;
		}
	return false;
}

int cli_main(int argc, char **argv)
{
	struct cli cli = {.out = stdout, .err = stderr};
	setlocale(LC_ALL, "");
	/* Over a file-size limit (ulimit -f), a write then fails with EFBIG and
	 * the save is undone and reported, instead of the process dying in the
	 * middle of it with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		print_overview(stderr);
		return CLI_REFUSED;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			const struct cli_command *cmd = find_command(argv[2], stderr);
			if (!cmd)
				return CLI_REFUSED;
			cli_print_help(cli.out, cmd);
			return CLI_OK;
		}
		print_overview(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("nianbao %s\n", NIANBAO_VERSION);
		return CLI_OK;
	}
	const struct cli_command *cmd = find_command(argv[1], stderr);
	if (!cmd)
		return CLI_REFUSED;
	for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_print_help(cli.out, cmd);
			return CLI_OK;
		}
	struct cli_args args;
	if (cli_parse_args(&cli, cmd, argc - 1, argv + 1, &args) != CLI_OK)
		return CLI_REFUSED;
	char *error = NULL;
	if (!templates_load(getenv("NIANBAO_TEMPLATES_DIR"), &error)) {
		fprintf(stderr, "nianbao %s: %s\n", cmd->name, error);
		free(error);
		return CLI_REFUSED;
	}
	cli.catalog = catalog_new();
	enum cli_status status = cmd->run(&cli, &args);
	catalog_free(cli.catalog);
	templates_unload();
	if (fflush(stdout) != 0 && status == CLI_OK)
		status = CLI_REFUSED;
	return status;
}
