/* libgit2's transports set up when first used, for release builds that link libgit2 statically
   (scripts/static-libgit2 compiles this; scripts/build-release links with the matching --wrap flags).
   git_libgit2_init() sets up SSH (libssh2_init, which initialises OpenSSL's libcrypto) and TLS (an
   mbedTLS configuration with a random generator seeded from HAVEGE entropy) at every start: about a
   millisecond of each galley process, for remote operations Galley never makes. Here both init
   functions only note that they are due, and the real one runs at the first call that needs it: a
   new SSH subtransport or transport, a new TLS stream, or certificate locations being set. After a
   git_libgit2_shutdown() (which frees what a real init made), the next git_libgit2_init() makes
   them due again. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>

/* libgit2's own functions, which --wrap names __real_… */
int __real_git_transport_ssh_global_init(void);
int __real_git_smart_subtransport_ssh(void **out, void *owner, void *param);
int __real_git_transport_ssh_with_paths(void **out, void *owner, void *payload);
int __real_git_mbedtls_stream_global_init(void);
int __real_git_mbedtls_stream_new(void **out, const char *host, const char *port);
int __real_git_mbedtls_stream_wrap(void **out, void *in, const char *host);
int __real_git_mbedtls__set_cert_location(const char *file, const char *path);

/* Recursive: a real init may call a wrapped function on the same thread (mbedTLS's init sets the default
   certificate location; gold leaves that call inside libgit2's object unwrapped, lld would wrap it). */
static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int ssh_due = 0;
static int tls_due = 0;

/* Runs a due init once; 0, or the init's error (the caller's call then fails as libgit2's would
   have failed at git_libgit2_init, with the error libgit2 set). */
static int run_if_due(int *due, int (*init)(void)) {
    pthread_mutex_lock(&lock);
    int rc = 0;
    if (*due) {
        /* Not due while it runs: a call back into a wrapped function goes straight on. */
        *due = 0;
        rc = init();
        if (rc != 0) *due = 1;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

__attribute__((visibility("hidden"))) int __wrap_git_transport_ssh_global_init(void) {
    pthread_mutex_lock(&lock);
    ssh_due = 1;
    pthread_mutex_unlock(&lock);
    return 0;
}

__attribute__((visibility("hidden"))) int __wrap_git_mbedtls_stream_global_init(void) {
    pthread_mutex_lock(&lock);
    tls_due = 1;
    pthread_mutex_unlock(&lock);
    return 0;
}

__attribute__((visibility("hidden"))) int __wrap_git_smart_subtransport_ssh(void **out, void *owner, void *param) {
    int rc = run_if_due(&ssh_due, __real_git_transport_ssh_global_init);
    return rc ? rc : __real_git_smart_subtransport_ssh(out, owner, param);
}

__attribute__((visibility("hidden"))) int __wrap_git_transport_ssh_with_paths(void **out, void *owner, void *payload) {
    int rc = run_if_due(&ssh_due, __real_git_transport_ssh_global_init);
    return rc ? rc : __real_git_transport_ssh_with_paths(out, owner, payload);
}

__attribute__((visibility("hidden"))) int __wrap_git_mbedtls_stream_new(void **out, const char *host, const char *port) {
    int rc = run_if_due(&tls_due, __real_git_mbedtls_stream_global_init);
    return rc ? rc : __real_git_mbedtls_stream_new(out, host, port);
}

__attribute__((visibility("hidden"))) int __wrap_git_mbedtls_stream_wrap(void **out, void *in, const char *host) {
    int rc = run_if_due(&tls_due, __real_git_mbedtls_stream_global_init);
    return rc ? rc : __real_git_mbedtls_stream_wrap(out, in, host);
}

__attribute__((visibility("hidden"))) int __wrap_git_mbedtls__set_cert_location(const char *file, const char *path) {
    int rc = run_if_due(&tls_due, __real_git_mbedtls_stream_global_init);
    return rc ? rc : __real_git_mbedtls__set_cert_location(file, path);
}
