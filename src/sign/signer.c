/* The signing key and certificate, and CMS signatures; see signer.h. */
#include "signer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "file_read.h"
#include "xalloc.h"

#define SIGNER_MAX_FILE (1u << 20) /* a PEM key or certificate chain is a few KB */

struct signer {
	EVP_PKEY *key;
	X509 *cert;
	STACK_OF(X509) * chain;
	char *subject;
};

/* Reads a whole small file; NULL with *cause set (the caller frees it)
 * when it cannot.  *data is freed by the caller (cleansed first when it
 * held a key).  what names the file for the message (私钥文件). */
static bool read_small_file(const char *what, const char *path, unsigned flags, char **data,
			    size_t *len, char **cause)
{
	struct file_read_error e;
	*data = file_read(path, SIGNER_MAX_FILE, flags, len, &e);
	if (*data)
		return true;
	const char *why = e.failure == FILE_READ_LARGE ? "文件太大，不像是 PEM 文件"
						       : file_read_why(&e);
	*cause = xasprintf("无法读取%s %s：%s", what, path, why);
	return false;
}

struct password_request {
	const char *password;
	bool asked;
};

static int give_password(char *buf, int size, int rwflag, void *u)
{
	(void)rwflag;
	struct password_request *req = u;
	req->asked = true;
	if (!req->password)
		return -1;
	size_t n = strlen(req->password);
	if (n > (size_t)size)
		return -1;
	memcpy(buf, req->password, n);
	return (int)n;
}

static enum signer_status load_key(const char *path, const char *password, EVP_PKEY **key,
				   char **cause)
{
	char *data;
	size_t len;
	if (!read_small_file("私钥文件", path, FILE_READ_SECRET, &data, &len, cause))
		return SIGNER_BAD_KEY;
	struct password_request req = {password, false};
	BIO *bio = BIO_new_mem_buf(data, (int)len);
	*key = bio ? PEM_read_bio_PrivateKey(bio, NULL, give_password, &req) : NULL;
	BIO_free(bio);
	OPENSSL_cleanse(data, len);
	free(data);
	ERR_clear_error();
	if (*key)
		return SIGNER_OK;
	if (req.asked && !password) {
		*cause = xasprintf("私钥文件 %s 是加密的，需要口令", path);
		return SIGNER_NEEDS_PASSWORD;
	}
	if (req.asked) {
		*cause = xasprintf("私钥文件 %s 的口令不对", path);
		return SIGNER_BAD_PASSWORD;
	}
	*cause = xasprintf("%s 里没有可用的私钥（应为 PEM 格式的私钥文件）", path);
	return SIGNER_BAD_KEY;
}

static enum signer_status load_certs(const char *path, struct signer *s, char **cause)
{
	char *data;
	size_t len;
	if (!read_small_file("证书文件", path, 0, &data, &len, cause))
		return SIGNER_BAD_CERT;
	BIO *bio = BIO_new_mem_buf(data, (int)len);
	s->cert = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
	s->chain = sk_X509_new_null();
	X509 *more;
	while (s->cert && s->chain && (more = PEM_read_bio_X509(bio, NULL, NULL, NULL)))
		sk_X509_push(s->chain, more);
	BIO_free(bio);
	/* a file of certificate and key together holds the key too */
	OPENSSL_cleanse(data, len);
	free(data);
	ERR_clear_error();
	if (!s->cert || !s->chain) {
		*cause = xasprintf("%s 里没有证书（应为 PEM 格式的 X.509 证书）", path);
		return SIGNER_BAD_CERT;
	}
	return SIGNER_OK;
}

/* The certificate's common name, or its whole subject, in UTF-8. */
static char *subject_of(X509 *cert)
{
	X509_NAME *name = X509_get_subject_name(cert);
	int i = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
	unsigned char *utf8 = NULL;
	if (i >= 0 && ASN1_STRING_to_UTF8(
			      &utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i))) >= 0) {
		char *copy = xstrdup((char *)utf8);
		OPENSSL_free(utf8);
		return copy;
	}
	char *line = X509_NAME_oneline(name, NULL, 0);
	char *copy = xstrdup(line ? line : "");
	OPENSSL_free(line);
	return copy;
}

enum signer_status signer_load(const char *key_path, const char *cert_path, const char *password,
			       struct signer **out, char **cause)
{
	*cause = NULL;
	*out = NULL;
	struct signer *s = xcalloc(1, sizeof *s);
	enum signer_status status = load_certs(cert_path, s, cause);
	if (status == SIGNER_OK)
		status = load_key(key_path, password, &s->key, cause);
	if (status == SIGNER_OK && X509_check_private_key(s->cert, s->key) != 1) {
		ERR_clear_error();
		*cause = xasprintf("私钥 %s 与证书 %s 不匹配（不是同一对密钥）", key_path,
				   cert_path);
		status = SIGNER_MISMATCH;
	}
	if (status != SIGNER_OK) {
		signer_free(s);
		return status;
	}
	s->subject = subject_of(s->cert);
	*out = s;
	return SIGNER_OK;
}

void signer_free(struct signer *s)
{
	if (!s)
		return;
	EVP_PKEY_free(s->key); /* OpenSSL clears the key's secrets as it frees them */
	X509_free(s->cert);
	sk_X509_pop_free(s->chain, X509_free);
	free(s->subject);
	free(s);
}

const char *signer_subject(const struct signer *s)
{
	return s->subject;
}

static void format_day(const ASN1_TIME *t, char out[SIGNER_DATE_SIZE])
{
	struct tm tm;
	if (ASN1_TIME_to_tm(t, &tm) == 1)
		snprintf(out, SIGNER_DATE_SIZE, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
			 tm.tm_mday);
	else
		snprintf(out, SIGNER_DATE_SIZE, "?");
}

int signer_check_validity(const struct signer *s, time_t when, char limit[SIGNER_DATE_SIZE])
{
	time_t at = when;
	const ASN1_TIME *from = X509_get0_notBefore(s->cert), *until = X509_get0_notAfter(s->cert);
	if (X509_cmp_time(from, &at) > 0) {
		format_day(from, limit);
		return -1;
	}
	if (X509_cmp_time(until, &at) < 0) {
		format_day(until, limit);
		return 1;
	}
	limit[0] = '\0';
	return 0;
}

unsigned char *signer_sign(const struct signer *s, const struct signer_part *parts, size_t nparts,
			   time_t when, size_t *der_len, char **cause)
{
	*cause = NULL;
	const unsigned int flags = CMS_DETACHED | CMS_BINARY;
	unsigned char *result = NULL, *der = NULL;
	BIO *content = BIO_new(BIO_s_mem());
	CMS_ContentInfo *cms = NULL;
	CMS_SignerInfo *si = NULL;
	ASN1_TIME *signing_time = ASN1_TIME_set(NULL, when);
	bool ok = content != NULL && signing_time != NULL;
	for (size_t i = 0; ok && i < nparts; i++)
		ok = BIO_write(content, parts[i].data, (int)parts[i].len) == (int)parts[i].len;
	/* CMS_PARTIAL, so that the signer can be added with SHA-256 chosen */
	ok = ok && (cms = CMS_sign(NULL, NULL, s->chain, NULL, flags | CMS_PARTIAL)) != NULL;
	ok = ok && (si = CMS_add1_signer(cms, s->cert, s->key, EVP_sha256(), flags)) != NULL;
	/* our own signing time, so that SOURCE_DATE_EPOCH gives the same bytes */
	ok = ok &&
	     CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, ASN1_STRING_type(signing_time),
					 signing_time, -1) == 1;
	ok = ok && CMS_final(cms, content, NULL, flags) == 1;
	int n = ok ? i2d_CMS_ContentInfo(cms, &der) : -1;
	if (n > 0) {
		result = xmalloc((size_t)n);
		memcpy(result, der, (size_t)n);
		*der_len = (size_t)n;
	} else {
		unsigned long e = ERR_peek_last_error();
		*cause = xasprintf("无法生成签名：%s",
				   e ? ERR_reason_error_string(e) : "OpenSSL 出错");
	}
	OPENSSL_free(der);
	CMS_ContentInfo_free(cms);
	ASN1_TIME_free(signing_time);
	BIO_free(content);
	ERR_clear_error();
	return result;
}
