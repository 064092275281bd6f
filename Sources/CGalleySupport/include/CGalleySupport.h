#ifndef CGALLEY_SUPPORT_H
#define CGALLEY_SUPPORT_H
#include <stddef.h>

/* Start-up: libgit2 1.5 built with mbedTLS (Debian) parses the whole system CA bundle inside
   git_libgit2_init(), which costs 5-8 ms per process. Galley never talks to a remote, so that load
   is deferred: call galley_begin_deferring_certificates() right before git_libgit2_init() and
   galley_end_deferring_certificates() right after. A program that needs TLS later calls
   galley_load_deferred_certificates() once before its first remote operation. */
void galley_begin_deferring_certificates(void);
void galley_end_deferring_certificates(void);
/* Loads the CA bundle libgit2 asked for during init into the chain it configured; 0 on success
   (or when nothing was deferred), a negative mbedTLS error otherwise. */
int galley_load_deferred_certificates(void);
/* 1 when a CA bundle load was deferred (and not loaded since). */
int galley_certificates_deferred(void);

/* Plain SHA-1 (OpenSSL's, with the CPU's SHA extensions) for the checksums of files Galley writes in
   git's formats (index, pack, pack index). Object ids keep coming from libgit2's collision-detecting
   SHA-1. */
typedef struct galley_sha1 galley_sha1;
galley_sha1 *galley_sha1_new(void);
void galley_sha1_update(galley_sha1 *ctx, const void *data, size_t length);
/* Writes 20 bytes to `out` and frees the context. */
void galley_sha1_finish(galley_sha1 *ctx, unsigned char *out);
void galley_sha1_once(const void *data, size_t length, unsigned char *out);
/* SHA-256 (32 bytes to `out`), for the import trailer naming the source file's content. */
void galley_sha256_once(const void *data, size_t length, unsigned char *out);
/* Initialises OpenSSL for the calls above (no openssl.cnf, no exit handler). Call it before
   git_libgit2_init(), whose libssh2 start-up would otherwise initialise OpenSSL first, with both. */
void galley_crypto_init(void);

/* zlib compression of many small objects through one reused stream. galley_deflate returns the
   compressed length, or -1 (output too small, or a zlib error). */
typedef struct galley_deflater galley_deflater;
/* `small` nonzero: a stream for objects of a few KB (notes, trees), cheap to reset. */
galley_deflater *galley_deflater_new(int level, int small);
size_t galley_deflate_bound(galley_deflater *d, size_t length);
long galley_deflate(galley_deflater *d, const void *input, size_t length, void *output, size_t capacity);
void galley_deflater_free(galley_deflater *d);

/* The other way, for reading pack entries: galley_inflate inflates the zlib stream at `input` (at
   most input_length bytes are read) into exactly output_length bytes; 0 on success, -1 when the
   stream is broken or its size differs. */
typedef struct galley_inflater galley_inflater;
galley_inflater *galley_inflater_new(void);
int galley_inflate(galley_inflater *d, const void *input, size_t input_length, void *output, size_t output_length);
/* Inflates at most output_length bytes of the start of a stream (a loose object's header); the
   number of bytes produced, or -1. */
long galley_inflate_prefix(galley_inflater *d, const void *input, size_t input_length, void *output, size_t output_length);
/* Goes on from galley_inflate_prefix into `output` to the end of the stream, which must come after
   exactly `expected_total` bytes in all; 0, or -1. */
int galley_inflate_rest(galley_inflater *d, void *output, size_t output_length, size_t expected_total);
void galley_inflater_free(galley_inflater *d);

/* A libgit2 object database (git_odb *) for a batch of writes: an in-memory backend in front of
   the packs and loose objects of `objects_dir`, whose packs are rescanned only on request. */
typedef struct galley_batch_odb galley_batch_odb;
int galley_batch_odb_new(galley_batch_odb **out, const char *objects_dir);
void *galley_batch_odb_get(galley_batch_odb *b);
int galley_batch_odb_refresh(galley_batch_odb *b);
void galley_batch_odb_free(galley_batch_odb *b);

/* Starts a detached thread running body(context), first on a CPU other than the caller's when the
   affinity mask allows one (see threads.c); 0 on success, -1 when no thread could be started. */
int galley_thread_start(void (*body)(void *), void *context);

#endif
