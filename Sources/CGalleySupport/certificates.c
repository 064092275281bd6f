#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "CGalleySupport.h"

/* libgit2 loads its default CA bundle through mbedtls_x509_crt_parse_file(), which costs milliseconds at
   every start and is needed only by network commands. Two ways lead here:
   - libgit2 as a shared library (debug and test builds): the definition below comes first in the dynamic
     linker's lookup order, so libgit2's call binds to it; the real function is found with RTLD_NEXT.
   - libgit2 linked statically (scripts/build-release): mbedTLS's own definition wins over this weak one, and
     the link's --wrap=mbedtls_x509_crt_parse_file sends libgit2's call to __wrap_…, with __real_… the real one.
   Every call outside the deferral window goes on to mbedTLS unchanged. */
typedef int (*parse_file_fn)(void *chain, const char *path);

static int interposed_parse_file(void *chain, const char *path);

/* Defined only in a link with --wrap: then it is mbedTLS's function; otherwise NULL. */
extern int __real_mbedtls_x509_crt_parse_file(void *chain, const char *path) __attribute__((weak));

static int deferring = 0;
static void *deferred_chain = NULL;
static char deferred_path[4096];

/* MBEDTLS_ERR_X509_FILE_IO_ERROR */
#define GALLEY_X509_FILE_IO_ERROR (-0x2900)

static parse_file_fn real_parse_file(void) {
    static parse_file_fn real = NULL;
    if (real == NULL) {
        real = __real_mbedtls_x509_crt_parse_file;
        /* Under --wrap with mbedTLS shared, __real_ would be the weak definition here: calling it would loop. */
        if (real == NULL || real == interposed_parse_file) {
            real = (parse_file_fn)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
        }
    }
    return real;
}

int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path);

static int interposed_parse_file(void *chain, const char *path) {
    return __wrap_mbedtls_x509_crt_parse_file(chain, path);
}

int mbedtls_x509_crt_parse_file(void *chain, const char *path) __attribute__((weak, alias("interposed_parse_file")));

int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path) {
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
