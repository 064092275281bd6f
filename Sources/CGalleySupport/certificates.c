#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "CGalleySupport.h"

/* libgit2 loads its default CA bundle through mbedtls_x509_crt_parse_file(). Defining the function
   here makes the dynamic linker bind libgit2's call to this one (the executable comes first in the
   lookup order); every call outside the deferral window goes on to mbedTLS unchanged. */
typedef int (*parse_file_fn)(void *chain, const char *path);

static int deferring = 0;
static void *deferred_chain = NULL;
static char deferred_path[4096];

/* MBEDTLS_ERR_X509_FILE_IO_ERROR */
#define GALLEY_X509_FILE_IO_ERROR (-0x2900)

static parse_file_fn real_parse_file(void) {
    static parse_file_fn real = NULL;
    if (real == NULL) {
        real = (parse_file_fn)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
    }
    return real;
}

int mbedtls_x509_crt_parse_file(void *chain, const char *path);

int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    if (deferring && deferred_chain == NULL && path != NULL && strlen(path) < sizeof(deferred_path)) {
        deferred_chain = chain;
        strcpy(deferred_path, path);
        return 0;
    }
    parse_file_fn real = real_parse_file();
    return real ? real(chain, path) : GALLEY_X509_FILE_IO_ERROR;
}

void galley_begin_deferring_certificates(void) { deferring = 1; }

void galley_end_deferring_certificates(void) { deferring = 0; }

int galley_certificates_deferred(void) { return deferred_chain != NULL; }

int galley_load_deferred_certificates(void) {
    if (deferred_chain == NULL) {
        return 0;
    }
    parse_file_fn real = real_parse_file();
    if (real == NULL) {
        return GALLEY_X509_FILE_IO_ERROR;
    }
    int rc = real(deferred_chain, deferred_path);
    deferred_chain = NULL;
    return rc < 0 ? rc : 0;
}
