#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <stdlib.h>
#include "CGalleySupport.h"

/* OpenSSL would read and parse openssl.cnf on first use (half a millisecond), and tear down its
   tables at exit (a quarter of one); plain SHA-1 needs neither. */
static pthread_once_t initialized = PTHREAD_ONCE_INIT;

static void initialize(void) {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT, NULL);
}

/* The first initialisation in a process decides about the exit handler. */
void galley_crypto_init(void) {
    pthread_once(&initialized, initialize);
}

struct galley_sha1 {
    SHA_CTX ctx;
};

galley_sha1 *galley_sha1_new(void) {
    pthread_once(&initialized, initialize);
    galley_sha1 *c = malloc(sizeof(galley_sha1));
    if (c != NULL) {
        SHA1_Init(&c->ctx);
    }
    return c;
}

void galley_sha1_update(galley_sha1 *c, const void *data, size_t length) {
    SHA1_Update(&c->ctx, data, length);
}

void galley_sha1_finish(galley_sha1 *c, unsigned char *out) {
    SHA1_Final(out, &c->ctx);
    free(c);
}

/* OpenSSL 3's one-shot SHA1() and SHA256() fetch the algorithm through the provider machinery, whose
   first use in a process costs about a millisecond; the low-level calls do not. */
void galley_sha1_once(const void *data, size_t length, unsigned char *out) {
    pthread_once(&initialized, initialize);
    SHA_CTX ctx;
    SHA1_Init(&ctx);
    SHA1_Update(&ctx, data, length);
    SHA1_Final(out, &ctx);
}

void galley_sha256_once(const void *data, size_t length, unsigned char *out) {
    pthread_once(&initialized, initialize);
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, data, length);
    SHA256_Final(out, &ctx);
}
