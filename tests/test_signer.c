/* Unit tests of signer: loading keys and certificates from the sign-keys
 * fixture, each refusal with its status, and a signature that verifies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/cms.h>

#include "signer.h"
#include "xalloc.h"

static char *password;

static char *key_file(const char *name)
{
	return xasprintf("%s/%s", NIANBAO_SIGN_KEYS, name);
}

static enum signer_status try_load(const char *key, const char *cert, const char *pass,
				   const char *words)
{
	char *key_path = key_file(key), *cert_path = key_file(cert), *cause = NULL;
	struct signer *s = NULL;
	enum signer_status status = signer_load(key_path, cert_path, pass, &s, &cause);
	if (status == SIGNER_OK) {
		assert_non_null(s);
		assert_null(cause);
		assert_string_equal(signer_subject(s),
				    strcmp(cert, "ec-cert.pem") ? "函谷关镇人民政府" : "EC");
	} else {
		assert_null(s);
		if (!cause || !strstr(cause, words))
			fail_msg("\"%s\" should say \"%s\"", cause ? cause : "", words);
	}
	signer_free(s);
	free(cause);
	free(key_path);
	free(cert_path);
	return status;
}

static void test_load(void **state)
{
	(void)state;
	struct {
		const char *key, *cert;
		const char *pass;
		enum signer_status want;
		const char *words;
	} cases[] = {
		{"key.pem", "cert.pem", NULL, SIGNER_OK, ""},
		{"key.pem", "cert.pem", "unused", SIGNER_OK, ""},
		{"key.pem", "chain.pem", NULL, SIGNER_OK, ""},
		{"ec-key.pem", "ec-cert.pem", NULL, SIGNER_OK, ""},
		{"encrypted-key.pem", "cert.pem", NULL, SIGNER_NEEDS_PASSWORD, "需要口令"},
		{"encrypted-key.pem", "cert.pem", "wrong", SIGNER_BAD_PASSWORD, "口令不对"},
		{"encrypted-key.pem", "cert.pem", "", SIGNER_BAD_PASSWORD, "口令不对"},
		{"other-key.pem", "cert.pem", NULL, SIGNER_MISMATCH, "不匹配"},
		{"ec-key.pem", "cert.pem", NULL, SIGNER_MISMATCH, "不匹配"},
		{"cert.pem", "cert.pem", NULL, SIGNER_BAD_KEY, "没有可用的私钥"},
		{"missing.pem", "cert.pem", NULL, SIGNER_BAD_KEY, "文件不存在"},
		{"key.pem", "key.pem", NULL, SIGNER_BAD_CERT, "没有证书"},
		{"key.pem", "missing.pem", NULL, SIGNER_BAD_CERT, "文件不存在"},
		{"key.pem", ".", NULL, SIGNER_BAD_CERT, "证书"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum signer_status got = try_load(cases[i].key, cases[i].cert, cases[i].pass,
						  cases[i].words);
		if (got != cases[i].want)
			fail_msg("%s + %s: status %d, expected %d", cases[i].key, cases[i].cert,
				 got, cases[i].want);
	}
	assert_int_equal(try_load("encrypted-key.pem", "cert.pem", password, ""), SIGNER_OK);
}

static void test_sign(void **state)
{
	(void)state;
	char *key = key_file("key.pem"), *cert = key_file("cert.pem"), *cause;
	struct signer *s;
	assert_int_equal(signer_load(key, cert, NULL, &s, &cause), SIGNER_OK);
	struct signer_part parts[2] = {{"年报", strlen("年报")}, {" 2024", 5}};
	size_t len;
	unsigned char *der = signer_sign(s, parts, 2, 1737331200, &len, &cause);
	assert_non_null(der);
	const unsigned char *p = der;
	CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
	assert_non_null(cms);
	assert_int_equal(CMS_is_detached(cms), 1);
	BIO *right = BIO_new_mem_buf("年报 2024", -1), *wrong = BIO_new_mem_buf("年报 2025", -1);
	assert_int_equal(
		CMS_verify(cms, NULL, NULL, right, NULL, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY),
		1);
	assert_int_equal(
		CMS_verify(cms, NULL, NULL, wrong, NULL, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY),
		0);
	BIO_free(right);
	BIO_free(wrong);
	CMS_ContentInfo_free(cms);
	free(der);
	signer_free(s);
	free(key);
	free(cert);
}

int main(void)
{
	char *path = key_file("password.txt");
	FILE *fp = fopen(path, "r");
	free(path);
	if (!fp)
		return 1;
	char buf[256] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	password = buf;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_sign),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
