/* The private key's bytes and its password are wiped before nianbao frees
 * the memory that held them.  free() is wrapped (-Wl,--wrap=free, so only
 * nianbao's own code is watched, not OpenSSL's) and every block freed
 * while a key loads is searched for a line of the key file and for the
 * password. */
#define _GNU_SOURCE /* memmem */
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "signer.h"
#include "xalloc.h"

void __real_free(void *p);
void __wrap_free(void *p);

static bool watching;
static const char *needles[2];
static size_t leaks;

void __wrap_free(void *p)
{
	if (watching && p) {
		size_t size = malloc_usable_size(p);
		for (int i = 0; i < 2; i++)
			if (needles[i] && memmem(p, size, needles[i], strlen(needles[i])))
				leaks++;
	}
	__real_free(p);
}

/* The whole of a small file, NUL-terminated. */
static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *data = xcalloc(1, 1 << 16);
	size_t n = fread(data, 1, (1 << 16) - 1, fp);
	fclose(fp);
	data[n] = '\0';
	return data;
}

/* The second line of a PEM file: base64 of the key itself. */
static char *key_line(const char *pem)
{
	const char *start = strchr(pem, '\n');
	assert_non_null(start);
	start++;
	const char *end = strchr(start, '\n');
	assert_non_null(end);
	return xasprintf("%.*s", (int)(end - start), start);
}

static char *keys_file(const char *name)
{
	return xasprintf("%s/%s", NIANBAO_SIGN_KEYS, name);
}

/* Loads key (with password) and cert with free() watched. */
static enum signer_status load_pair_watched(const char *key, const char *cert, const char *password,
					    const char *line)
{
	char *key_path = keys_file(key), *cert_path = keys_file(cert), *cause = NULL;
	struct signer *s = NULL;
	needles[0] = line;
	needles[1] = password;
	leaks = 0;
	watching = true;
	enum signer_status status = signer_load(key_path, cert_path, password, &s, &cause);
	signer_free(s);
	watching = false;
	free(cause);
	free(key_path);
	free(cert_path);
	return status;
}

static enum signer_status load_watched(const char *key, const char *password, const char *line)
{
	return load_pair_watched(key, "cert.pem", password, line);
}

static void test_plain_key_wiped(void **state)
{
	(void)state;
	char *path = keys_file("key.pem");
	char *pem = slurp(path);
	char *line = key_line(pem);
	assert_int_equal(load_watched("key.pem", NULL, line), SIGNER_OK);
	assert_int_equal(leaks, 0);
	free(line);
	free(pem);
	free(path);
}

static void test_encrypted_key_and_password_wiped(void **state)
{
	(void)state;
	char *path = keys_file("encrypted-key.pem"), *pass_path = keys_file("password.txt");
	char *pem = slurp(path), *password = slurp(pass_path);
	password[strcspn(password, "\r\n")] = '\0';
	char *line = key_line(pem);
	assert_int_equal(load_watched("encrypted-key.pem", password, line), SIGNER_OK);
	assert_int_equal(leaks, 0);
	assert_int_equal(load_watched("encrypted-key.pem", "wrong", line), SIGNER_BAD_PASSWORD);
	assert_int_equal(leaks, 0);
	free(line);
	free(pem);
	free(password);
	free(path);
	free(pass_path);
}

/* A key file too large to be one is refused, and what was read of it wiped. */
static void test_oversized_key_wiped(void **state)
{
	(void)state;
	char *path = keys_file("key.pem");
	char *pem = slurp(path);
	char *line = key_line(pem);
	char *big = xasprintf("%s/oversized-key.pem", NIANBAO_SIGN_KEYS);
	FILE *fp = fopen(big, "wb");
	assert_non_null(fp);
	for (size_t written = 0; written <= (2u << 20); written += strlen(pem))
		fputs(pem, fp);
	fclose(fp);
	assert_int_equal(load_watched("oversized-key.pem", NULL, line), SIGNER_BAD_KEY);
	assert_int_equal(leaks, 0);
	remove(big);
	free(big);
	free(line);
	free(pem);
	free(path);
}

/* One file holding certificate and key, given as both. */
static void test_combined_file_wiped(void **state)
{
	(void)state;
	char *key_path = keys_file("key.pem"), *cert_path = keys_file("cert.pem");
	char *key = slurp(key_path), *cert = slurp(cert_path);
	char *line = key_line(key);
	char *both = xasprintf("%s/key-and-cert.pem", NIANBAO_SIGN_KEYS);
	FILE *fp = fopen(both, "wb");
	assert_non_null(fp);
	fputs(cert, fp);
	fputs(key, fp);
	fclose(fp);
	assert_int_equal(load_pair_watched("key-and-cert.pem", "key-and-cert.pem", NULL, line),
			 SIGNER_OK);
	assert_int_equal(leaks, 0);
	remove(both);
	free(both);
	free(line);
	free(key);
	free(cert);
	free(key_path);
	free(cert_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_key_wiped),
		cmocka_unit_test(test_encrypted_key_and_password_wiped),
		cmocka_unit_test(test_oversized_key_wiped),
		cmocka_unit_test(test_combined_file_wiped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
