/* nianbao sign: a detached CMS signature appended to a finished PDF, and
 * printing the signed file. */
#define _GNU_SOURCE /* explicit_bzero */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "file_read.h"
#include "output_owner.h"
#include "sign_module.h"
#include "xalloc.h"

#define SIGN_MAX_INPUT (64u << 20) /* a report with seal images is a few MB */
#define PASSWORD_ENV "NIANBAO_KEY_PASSWORD"
#define PASSWORD_MAX 1024

static enum cli_status sign_run(struct cli *cli, const struct cli_args *args);

enum { SIGN_KEY, SIGN_CERT, SIGN_OUTPUT, SIGN_FORCE, SIGN_PRINT, SIGN_PRINTER, SIGN_SEAL };

static const struct cli_option sign_options[] = {
	[SIGN_KEY] = {"key", 0, "私钥.pem", "PEM 格式的私钥（可以是加密的）", .required = true},
	[SIGN_CERT] = {"cert", 0, "证书.pem",
		       "PEM 格式的证书；文件里其后的证书作为证书链一并放入签名", .required = true},
	[SIGN_OUTPUT] = {"output", 'o', "输出.pdf", "写出签名后的 PDF", .required = true},
	[SIGN_FORCE] = {"force", 0, NULL, "输出文件已存在时替换它（默认拒绝；签过名的 PDF 除外）"},
	[SIGN_PRINT] = {"print", 0, NULL, "签名后交给 CUPS 的 lp 命令打印"},
	[SIGN_PRINTER] = {"printer", 0, "打印机", "打印到这台打印机（默认为系统的默认打印机）"},
	[SIGN_SEAL] = {"seal", 0, "印章.png", "输入是报告文件时，把 PNG 印章盖在落款上"},
	{NULL},
};

const struct cli_command cmd_sign = {
	.name = "sign",
	.summary = "给排好的 PDF 加上数字签名（可以接着打印）；给的是报告文件时先排成 PDF",
	.options = sign_options,
	.operands = {"输入.pdf|报告.yaml", 1, 1, "要写出一个 PDF 文件", "只能写一个 PDF 文件"},
	.notes =
		"输入是报告文件（.yaml 或 .yml）时，先像 render --pdf 那样排成 PDF，签名后才写出，\n"
		"一条命令完成排版、签名和打印。只有定稿才签名：报告违反勾稽关系、标着草稿\n"
		"（draft: true），或正文里还有【待改写】、【待核实】、XX、待补充等占位文字时，\n"
		"不签名、不写出，逐条列出要改正的地方（文件:行:列），退出状态为 1。\n"
		"输入是排好的 PDF 时按原样签名：它是哪份报告、是不是定稿，PDF 本身说不清，\n"
		"所以要签 nianbao 排出的报告，请直接给报告文件。\n"
		"\n"
		"签名以增量更新的方式附在原文件之后，原来的内容一个字节也不改；pdfsig 等\n"
		"工具可以验证，改动文件的任何一个字节都会使签名失效。已经签过名的 PDF\n"
		"不再签名。\n"
		"\n"
		"私钥加密时，口令从环境变量 " PASSWORD_ENV " 读取（供脚本使用）；没有\n"
		"设置时在终端上提示输入，输入的内容不显示。为了不让口令出现在进程列表和\n"
		"命令历史里，口令不能写在命令行上。私钥只在内存中使用，用完即清除，\n"
		"不会写到任何文件里。\n",
	.run = sign_run,
};

/* Reads the whole input PDF; *cause says why not. */
static char *read_input(const char *path, size_t *len, char **cause)
{
	struct file_read_error e;
	char *data = file_read(path, SIGN_MAX_INPUT, 0, len, &e);
	if (data)
		return data;
	if (e.failure == FILE_READ_LARGE)
		*cause = xasprintf("%s 超过 %u MiB，不像是一份报告", path, SIGN_MAX_INPUT >> 20);
	else if (e.failure == FILE_READ_SPECIAL || (e.failure == FILE_READ_READ && e.err == EISDIR))
		*cause = xasprintf("%s 不是普通文件", path);
	else if (e.failure == FILE_READ_OPEN)
		*cause = xasprintf("无法读取 %s：%s", path, file_read_why(&e));
	else
		*cause = xasprintf("读取 %s 时出错：%s", path, file_read_why(&e));
	return NULL;
}

static volatile sig_atomic_t prompt_signal;

static void on_prompt_signal(int sig)
{
	prompt_signal = sig;
}

/* Asks for the key's password on the terminal, without echo.  Returns
 * NULL when there is no terminal, or with *cancelled set when the clerk
 * pressed Ctrl-C; the terminal's echo is back on either way. */
static char *prompt_password(const char *key_path, bool *cancelled)
{
	static const int signals[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP};
	struct sigaction catch = {.sa_handler = on_prompt_signal}, saved[4];
	*cancelled = false;
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	/* no SA_RESTART: a signal ends the read, and the echo is restored */
	sigemptyset(&catch.sa_mask);
	prompt_signal = 0;
	for (int i = 0; i < 4; i++)
		sigaction(signals[i], &catch, &saved[i]);
	struct termios old, quiet;
	bool restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	char *prompt = xasprintf("私钥 %s 的口令：", key_path);
	ssize_t ignored = write(fd, prompt, strlen(prompt));
	free(prompt);
	char *password = xcalloc(1, PASSWORD_MAX + 1);
	size_t n = 0;
	char c;
	while (n < PASSWORD_MAX && !prompt_signal) {
		ssize_t got = read(fd, &c, 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got != 1 || c == '\n' || c == '\r')
			break;
		if (c != '\0') /* so that strlen reaches every byte to clear */
			password[n++] = c;
	}
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	ignored = write(fd, "\n", 1);
	(void)ignored;
	close(fd);
	for (int i = 0; i < 4; i++)
		sigaction(signals[i], &saved[i], NULL);
	if (prompt_signal) {
		explicit_bzero(password, PASSWORD_MAX);
		free(password);
		*cancelled = true;
		raise(prompt_signal); /* ends the process unless the signal is ignored */
		return NULL;
	}
	return password;
}

static void password_free(char *password)
{
	if (password) {
		explicit_bzero(password, strlen(password));
		free(password);
	}
}

/* The password of the environment, taken out of it so that lp does not
 * inherit it. */
static char *take_env_password(void)
{
	char *value = getenv(PASSWORD_ENV);
	if (!value)
		return NULL;
	char *copy = xstrdup(value);
	explicit_bzero(value, strlen(value));
	unsetenv(PASSWORD_ENV);
	return copy;
}

static enum cli_status load_signer(struct cli *cli, const struct sign_module *sign, const char *key,
				   const char *cert, struct signer **signer)
{
	char *password = take_env_password(), *cause;
	bool from_env = password != NULL;
	enum signer_status s = sign->signer_load(key, cert, password, signer, &cause);
	if (s == SIGNER_NEEDS_PASSWORD) {
		bool cancelled;
		password = prompt_password(key, &cancelled);
		if (cancelled) {
			fprintf(cli->err, "nianbao sign: 已取消，没有签名\n");
			free(cause);
			return CLI_REFUSED;
		}
		if (!password) {
			fprintf(cli->err,
				"nianbao sign: %s；请在终端上运行以输入口令，或者用环境变量 %s 提供口令\n",
				cause, PASSWORD_ENV);
			free(cause);
			return CLI_REFUSED;
		}
		free(cause);
		s = sign->signer_load(key, cert, password, signer, &cause);
	}
	password_free(password);
	if (s == SIGNER_OK)
		return CLI_OK;
	if (s == SIGNER_BAD_PASSWORD && from_env)
		fprintf(cli->err, "nianbao sign: %s（口令取自环境变量 %s）\n", cause, PASSWORD_ENV);
	else
		fprintf(cli->err, "nianbao sign: %s\n", cause);
	free(cause);
	return CLI_REFUSED;
}

/* The signing time: SOURCE_DATE_EPOCH for reproducible output, else now. */
static time_t signing_time(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		errno = 0;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && !errno && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

static enum cli_status refuse_existing(struct cli *cli, const char *output)
{
	fprintf(cli->err, "nianbao sign: %s 已经存在，没有改动它；确要替换请加 --force\n", output);
	return CLI_REFUSED;
}

static void warn_validity(struct cli *cli, const struct sign_module *sign,
			  const struct signer *signer, const char *cert, time_t when)
{
	char limit[SIGNER_DATE_SIZE];
	int validity = sign->signer_check_validity(signer, when, limit);
	if (validity < 0)
		fprintf(cli->err,
			"nianbao sign: 警告：证书 %s 从 %s 起才生效，签名时间在此之前；"
			"验证签名时会显示证书无效\n",
			cert, limit);
	else if (validity > 0)
		fprintf(cli->err,
			"nianbao sign: 警告：证书 %s 已于 %s 过期；验证签名时会显示证书无效\n",
			cert, limit);
}

/* A report file rather than a finished PDF: named .yaml or .yml. */
static bool is_report_file(const char *path)
{
	size_t n = strlen(path);
	return (n > 5 && strcasecmp(path + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcasecmp(path + n - 4, ".yml") == 0);
}

/* Reads input (a PDF, or a report whose PDF is rendered), checks it, loads the key (asking for its password) and
 * signs: *signed_pdf is the whole signed file, *subject who signed it.
 * CLI_BROKEN: a report that is not final. */
static enum cli_status sign_input(struct cli *cli, const struct sign_module *sign,
				  const char *input, const char *seal, const char *key,
				  const char *cert, char **signed_pdf, size_t *signed_len,
				  char **subject)
{
	char *cause;
	size_t len;
	char *pdf;
	if (is_report_file(input)) {
		/* a report: its PDF is rendered here, signed, and only then written;
		 * only a final one (not a draft, nothing left to fill in or fix) */
		bool blocked;
		pdf = cli_report_pdf(cli, "sign", input, seal, &len, &blocked);
		if (!pdf)
			return blocked ? CLI_BROKEN : CLI_REFUSED;
	} else if (!(pdf = read_input(input, &len, &cause))) {
		fprintf(cli->err, "nianbao sign: %s\n", cause);
		free(cause);
		return CLI_REFUSED;
	}
	/* refuse what cannot be signed before asking for a password */
	struct signer *signer = NULL;
	enum pdf_sign_status s = sign->check(pdf, len, &cause);
	if (s == PDF_SIGN_OK && load_signer(cli, sign, key, cert, &signer) != CLI_OK) {
		free(pdf);
		return CLI_REFUSED;
	}
	if (s == PDF_SIGN_OK) {
		time_t when = signing_time();
		warn_validity(cli, sign, signer, cert, when);
		s = sign->sign(pdf, len, signer, when, signed_pdf, signed_len, &cause);
		if (s == PDF_SIGN_OK)
			*subject = xstrdup(sign->signer_subject(signer));
		sign->signer_free(signer);
	}
	free(pdf);
	if (s != PDF_SIGN_OK) {
		fprintf(cli->err, "nianbao sign: %s：%s\n", input, cause);
		free(cause);
		return CLI_REFUSED;
	}
	return CLI_OK;
}

static enum cli_status sign_run(struct cli *cli, const struct cli_args *args)
{
	const char *key = args->values[SIGN_KEY], *cert = args->values[SIGN_CERT];
	const char *output = args->values[SIGN_OUTPUT], *printer = args->values[SIGN_PRINTER];
	const char *seal = args->values[SIGN_SEAL], *input = args->operands[0];
	bool force = args->values[SIGN_FORCE] != NULL;
	bool print = args->values[SIGN_PRINT] || printer; /* --printer implies --print */
	if (seal && !is_report_file(input))
		return cli_usage_error(cli, &cmd_sign,
				       "--seal 只能用于报告文件（.yaml），排好的 PDF 不再改动");
	const char *inputs[] = {input, key, cert, seal};
	if (cli_refuse_own_input(cli, "sign", output, inputs, 4))
		return CLI_REFUSED;
	struct stat st;
	if (!force && lstat(output, &st) == 0)
		return refuse_existing(cli, output);
	char *kept = output_owner_refusal(output, output_owner_pdf(output, NULL), force);
	if (kept) { /* a signed PDF, --force or not */
		fprintf(cli->err, "nianbao sign: %s\n", kept);
		free(kept);
		return CLI_REFUSED;
	}

	const struct sign_module *sign = cli_sign(cli, "sign");
	if (!sign)
		return CLI_REFUSED;
	char *signed_pdf, *subject, *cause;
	size_t signed_len;
	enum cli_status status = sign_input(cli, sign, input, seal, key, cert, &signed_pdf,
					    &signed_len, &subject);
	if (status != CLI_OK)
		return status;
	int err = atomic_write(output, signed_pdf, signed_len,
			       force ? ATOMIC_REPLACE | ATOMIC_HERE : ATOMIC_CREATE, &cause);
	free(signed_pdf);
	if (err) {
		if (err == EEXIST)
			refuse_existing(cli, output);
		else
			fprintf(cli->err, "nianbao sign: %s\n", cause);
		free(cause);
		free(subject);
		return CLI_REFUSED;
	}
	fprintf(cli->out, "已用“%s”的证书签名，写出 %s\n", subject, output);
	free(subject);
	if (!print)
		return CLI_OK;
	fflush(cli->out);
	if (sign->print(output, printer, &cause) != PRINT_OK) {
		fprintf(cli->err, "nianbao sign: 签名后的 %s 已写出，但没有打印：%s\n", output,
			cause);
		free(cause);
		return CLI_REFUSED;
	}
	fprintf(cli->out, "已交给打印机打印：%s\n", output);
	return CLI_OK;
}
