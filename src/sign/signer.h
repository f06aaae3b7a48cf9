/* Who signs: a private key and its certificate (PEM files), and the
 * detached CMS signature (SHA-256) they make over some bytes.  The key is
 * read into memory only, and the memory that held it is cleared: it is
 * never written anywhere.  Asking for a password is the caller's business;
 * this module only says that one is needed. */
#ifndef NIANBAO_SIGNER_H
#define NIANBAO_SIGNER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum signer_status {
	SIGNER_OK,
	SIGNER_NEEDS_PASSWORD, /* the key is encrypted and no password was given */
	SIGNER_BAD_PASSWORD,   /* the key is encrypted and the password is wrong */
	SIGNER_BAD_KEY,	       /* the key file cannot be read or holds no key */
	SIGNER_BAD_CERT,       /* the certificate file cannot be read or holds none */
	SIGNER_MISMATCH,       /* the key is not the certificate's */
};

struct signer;

/* Loads the key (password may be NULL) and the certificate; more
 * certificates after the first in cert_path are taken as its chain.
 * On SIGNER_OK *out is set (free it with signer_free); otherwise *cause is
 * a Chinese sentence naming the file (the caller frees it). */
enum signer_status signer_load(const char *key_path, const char *cert_path, const char *password,
			       struct signer **out, char **cause);
void signer_free(struct signer *s);

/* The certificate's subject, for messages (owned by s). */
const char *signer_subject(const struct signer *s);

/* Whether the certificate is valid at when: 0 if so, -1 if not yet, 1 if
 * it has expired; limit is then the date in question, "YYYY-MM-DD". */
#define SIGNER_DATE_SIZE 40
int signer_check_validity(const struct signer *s, time_t when, char limit[SIGNER_DATE_SIZE]);

/* A detached CMS signature (DER) over the concatenation of the parts,
 * with signing time when.  Returns NULL with *cause set on failure; the
 * caller frees the result. */
struct signer_part {
	const void *data;
	size_t len;
};
unsigned char *signer_sign(const struct signer *s, const struct signer_part *parts, size_t nparts,
			   time_t when, size_t *der_len, char **cause);

#endif
