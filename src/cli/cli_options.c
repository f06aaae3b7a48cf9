/* A command's options and operands, as its descriptor declares them
 * once: the parser (getopt_long underneath), the usage line, --help and
 * the man page's synopsis.  What a value means is the command's own
 * business; this file only knows how many there are and which go
 * together. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

static size_t count_options(const struct cli_command *cmd)
{
	size_t n = 0;
	while (cmd->options && cmd->options[n].name)
		n++;
	if (n > CLI_OPTIONS_MAX)
		abort(); /* a table larger than struct cli_args: a broken invariant */
	return n;
}

/* How messages and the usage line name an option: -o rather than --output. */
static void add_option_name(struct buf *b, const struct cli_option *o)
{
	if (o->short_name)
		buf_addf(b, "-%c", o->short_name);
	else
		buf_addf(b, "--%s", o->name);
}

static const struct cli_option *find_option(const struct cli_command *cmd, const char *name)
{
	for (size_t i = 0; cmd->options && cmd->options[i].name; i++)
		if (strcmp(cmd->options[i].name, name) == 0)
			return &cmd->options[i];
	abort(); /* .needs names an option the table lacks */
}

/* Whether value is one of the words of choices ("text|json"). */
static bool is_choice(const char *choices, const char *value)
{
	size_t len = strlen(value);
	for (const char *p = choices;; p++) {
		const char *end = strchr(p, '|');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == len && strncmp(p, value, n) == 0)
			return true;
		if (!end)
			return false;
		p = end;
	}
}

/* "text 或 json" for a message. */
static void add_choices(struct buf *b, const char *choices)
{
	for (const char *p = choices; *p; p++) {
		if (*p == '|')
			buf_adds(b, " 或 ");
		else
			buf_addc(b, *p);
	}
}

enum cli_status cli_usage_error(struct cli *cli, const struct cli_command *cmd, const char *fmt,
				...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(cli->err, "nianbao %s: ", cmd->name);
	vfprintf(cli->err, fmt, ap);
	va_end(ap);
	char *usage = cli_usage(cmd);
	fprintf(cli->err, "\n用法：nianbao %s %s\n（nianbao %s --help 查看说明）\n", cmd->name,
		usage, cmd->name);
	free(usage);
	return CLI_REFUSED;
}

/* "要写明 --key、--cert 和 -o": every required option, when one is missing. */
static enum cli_status check_required(struct cli *cli, const struct cli_command *cmd,
				      const struct cli_args *args, size_t n)
{
	size_t required = 0, missing = 0;
	for (size_t i = 0; i < n; i++)
		if (cmd->options[i].required) {
			required++;
			missing += !args->values[i];
		}
	if (!missing)
		return CLI_OK;
	struct buf names;
	buf_init(&names);
	for (size_t i = 0, k = 0; i < n; i++) {
		if (!cmd->options[i].required)
			continue;
		if (k++)
			buf_adds(&names, k == required ? " 和 " : "、");
		add_option_name(&names, &cmd->options[i]);
	}
	cli_usage_error(cli, cmd, "要写明 %s", names.data);
	buf_fini(&names);
	return CLI_REFUSED;
}

/* What getopt_long returns for the long name of option i: no character. */
#define LONG_OPTION 0x100

enum cli_status cli_parse_args(struct cli *cli, const struct cli_command *cmd, int argc,
			       char **argv, struct cli_args *args)
{
	size_t n = count_options(cmd);
	struct option longs[CLI_OPTIONS_MAX + 1];
	char shorts[2 * CLI_OPTIONS_MAX + 2] =
		":"; /* ':' tells a missing value from an unknown option */
	size_t nshorts = 1;
	for (size_t i = 0; i < n; i++) {
		const struct cli_option *o = &cmd->options[i];
		longs[i] = (struct option){o->name, o->metavar ? required_argument : no_argument,
					   NULL, LONG_OPTION + (int)i};
		if (o->short_name) {
			shorts[nshorts++] = o->short_name;
			if (o->metavar)
				shorts[nshorts++] = ':';
		}
	}
	longs[n] = (struct option){NULL, 0, NULL, 0};
	shorts[nshorts] = '\0';

	memset(args, 0, sizeof *args);
	optind = 0; /* GNU getopt: start afresh, permuting options after operands */
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		size_t i = n;
		if (c >= LONG_OPTION && c < LONG_OPTION + (int)n)
			i = (size_t)(c - LONG_OPTION);
		else if (c != '?' && c != ':')
			for (i = 0; i < n && cmd->options[i].short_name != c; i++)
				;
		if (i == n) {
			const char *opt = argv[optind - 1];
			if (c == ':')
				return cli_usage_error(cli, cmd, "选项 %s 后面要写一个值", opt);
			return cli_usage_error(cli, cmd, "未知的选项 %s", opt);
		}
		const struct cli_option *o = &cmd->options[i];
		if (o->choice && !is_choice(o->metavar, optarg)) {
			struct buf words;
			buf_init(&words);
			add_choices(&words, o->metavar);
			cli_usage_error(cli, cmd, "--%s 只能是 %s（写的是“%s”）", o->name,
					words.data, optarg);
			buf_fini(&words);
			return CLI_REFUSED;
		}
		args->values[i] = o->metavar ? optarg : "";
	}
	args->operands = argv + optind;
	args->noperands = argc - optind;

	const struct cli_operands *ops = &cmd->operands;
	if (args->noperands < ops->min)
		return cli_usage_error(cli, cmd, "%s", ops->missing);
	if (ops->max != CLI_MANY && args->noperands > ops->max) {
		if (ops->surplus)
			return cli_usage_error(cli, cmd, "%s", ops->surplus);
		return cli_usage_error(cli, cmd, "多余的参数“%s”", args->operands[ops->max]);
	}
	if (check_required(cli, cmd, args, n) != CLI_OK)
		return CLI_REFUSED;
	for (size_t i = 0; i < n; i++) {
		const struct cli_option *o = &cmd->options[i];
		if (o->needs && args->values[i] &&
		    !args->values[find_option(cmd, o->needs) - cmd->options])
			return cli_usage_error(cli, cmd, "--%s 只能和 --%s 一起用", o->name,
					       o->needs);
	}
	return CLI_OK;
}

/* ---- the usage line and the synopsis -------------------------------------- */

enum markup { PLAIN, ROFF };

/* Text of the command line itself ("-o", "--force", "text"): bold in roff,
 * where a hyphen is written \-. */
static void add_literal(struct buf *b, const char *s, enum markup m)
{
	if (m == ROFF)
		buf_adds(b, "\\fB");
	for (; *s; s++) {
		if (m == ROFF && *s == '-')
			buf_adds(b, "\\-");
		else
			buf_addc(b, *s);
	}
	if (m == ROFF)
		buf_adds(b, "\\fR");
}

/* A name the clerk replaces ("文件"): italic in roff; alternatives
 * ("输入.pdf|报告.yaml") each on its own, the bar between them roman. */
static void add_metavar(struct buf *b, const char *s, bool literal, enum markup m)
{
	for (;;) {
		const char *end = strchr(s, '|');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char *word = xstrndup(s, n);
		if (literal)
			add_literal(b, word, m);
		else if (m == ROFF)
			buf_addf(b, "\\fI%s\\fR", word);
		else
			buf_adds(b, word);
		free(word);
		if (!end)
			return;
		buf_addc(b, '|');
		s = end + 1;
	}
}

/* One option in the usage line, with the options that need it inside
 * its brackets: "[--pdf 输出.pdf [--seal 印章.png]]". */
static void add_usage_option(struct buf *b, const struct cli_command *cmd,
			     const struct cli_option *o, enum markup m)
{
	struct buf name;
	buf_init(&name);
	add_option_name(&name, o);
	if (!o->required)
		buf_addc(b, '[');
	add_literal(b, name.data, m);
	buf_fini(&name);
	if (o->metavar) {
		buf_addc(b, ' ');
		add_metavar(b, o->metavar, o->choice, m);
	}
	for (const struct cli_option *in = cmd->options; in->name; in++)
		if (in->needs && strcmp(in->needs, o->name) == 0) {
			buf_addc(b, ' ');
			add_usage_option(b, cmd, in, m);
		}
	if (!o->required)
		buf_addc(b, ']');
}

static char *usage(const struct cli_command *cmd, enum markup m)
{
	struct buf b;
	buf_init(&b);
	if (cmd->operands.max != 0)
		add_metavar(&b, cmd->operands.metavar, false, m);
	for (const struct cli_option *o = cmd->options; o && o->name; o++) {
		if (o->needs)
			continue; /* inside the brackets of the option it needs */
		if (b.len)
			buf_addc(&b, ' ');
		add_usage_option(&b, cmd, o, m);
	}
	return buf_take(&b);
}

char *cli_usage(const struct cli_command *cmd)
{
	return usage(cmd, PLAIN);
}

void cli_write_synopsis(FILE *fp)
{
	size_t n;
	const struct cli_command *const *commands = cli_commands(&n);
	for (size_t i = 0; i < n; i++) {
		char *line = usage(commands[i], ROFF);
		fprintf(fp, "%s.B nianbao %s\n%s\n", i ? ".br\n" : "", commands[i]->name, line);
		free(line);
	}
}

/* ---- --help ----------------------------------------------------------------- */

/* "-o, --output 文件" or "--force": the left column of --help. */
static char *help_spec(const struct cli_option *o)
{
	struct buf b;
	buf_init(&b);
	if (o->short_name)
		buf_addf(&b, "-%c, ", o->short_name);
	buf_addf(&b, "--%s", o->name);
	if (o->metavar)
		buf_addf(&b, " %s", o->metavar);
	return buf_take(&b);
}

void cli_print_help(FILE *fp, const struct cli_command *cmd)
{
	char *line = cli_usage(cmd);
	fprintf(fp, "用法：nianbao %s %s\n\n%s\n", cmd->name, line, cmd->summary);
	free(line);
	size_t n = count_options(cmd);
	int width = 0;
	for (size_t i = 0; i < n; i++) {
		char *spec = help_spec(&cmd->options[i]);
		int w = utf8_width(spec);
		width = w > width ? w : width;
		free(spec);
	}
	if (n)
		fputc('\n', fp);
	for (size_t i = 0; i < n; i++) {
		char *spec = help_spec(&cmd->options[i]);
		fprintf(fp, "  %s%*s", spec, width + 2 - utf8_width(spec), "");
		free(spec);
		/* a second line of a description starts under the first */
		for (const char *p = cmd->options[i].help; *p; p++) {
			fputc(*p, fp);
			if (*p == '\n')
				fprintf(fp, "%*s", width + 4, "");
		}
		fputc('\n', fp);
	}
	if (cmd->notes)
		fprintf(fp, "\n%s", cmd->notes);
}
