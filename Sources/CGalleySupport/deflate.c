#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <zlib.h>
#include "CGalleySupport.h"

/* One zlib stream reused for many small objects: deflateInit/deflateEnd for each object (what
   compress2 does) costs more than compressing a 2 KB article. */
struct galley_deflater {
    z_stream stream;
};

galley_deflater *galley_deflater_new(int level, int small) {
    galley_deflater *d = calloc(1, sizeof(galley_deflater));
    if (d == NULL) {
        return NULL;
    }
    /* deflateReset clears the whole match hash table: 64 KB at the default memLevel, more than a
       600-byte note takes to compress. Small objects get a 4 KB table (memLevel 4: a note still fits one block) and a 4 KB window. */
    int window = small ? 12 : 15, memory = small ? 4 : 8;
    if (deflateInit2(&d->stream, level, Z_DEFLATED, window, memory, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(d);
        return NULL;
    }
    return d;
}

size_t galley_deflate_bound(galley_deflater *d, size_t length) {
    return deflateBound(&d->stream, (uLong)length);
}

long galley_deflate(galley_deflater *d, const void *input, size_t length, void *output, size_t capacity) {
    if (deflateReset(&d->stream) != Z_OK) {
        return -1;
    }
    d->stream.next_in = (Bytef *)input;
    d->stream.avail_in = (uInt)length;
    d->stream.next_out = output;
    d->stream.avail_out = (uInt)capacity;
    if (deflate(&d->stream, Z_FINISH) != Z_STREAM_END) {
        return -1;
    }
    return (long)d->stream.total_out;
}

void galley_deflater_free(galley_deflater *d) {
    if (d != NULL) {
        deflateEnd(&d->stream);
        free(d);
    }
}

struct galley_inflater {
    z_stream stream;
};

galley_inflater *galley_inflater_new(void) {
    galley_inflater *d = calloc(1, sizeof(galley_inflater));
    if (d == NULL) {
        return NULL;
    }
    if (inflateInit(&d->stream) != Z_OK) {
        free(d);
        return NULL;
    }
    return d;
}

int galley_inflate(galley_inflater *d, const void *input, size_t input_length, void *output, size_t output_length) {
    unsigned char spare;
    if (inflateReset(&d->stream) != Z_OK) {
        return -1;
    }
    d->stream.next_in = (Bytef *)input;
    d->stream.avail_in = input_length > UINT_MAX ? UINT_MAX : (uInt)input_length;
    /* An empty object still has a stream to finish; zlib wants somewhere to write. */
    d->stream.next_out = output_length == 0 ? &spare : output;
    d->stream.avail_out = (uInt)output_length;
    if (inflate(&d->stream, Z_FINISH) != Z_STREAM_END || d->stream.total_out != output_length) {
        return -1;
    }
    return 0;
}

long galley_inflate_prefix(galley_inflater *d, const void *input, size_t input_length, void *output, size_t output_length) {
    if (inflateReset(&d->stream) != Z_OK || output_length == 0) {
        return -1;
    }
    d->stream.next_in = (Bytef *)input;
    d->stream.avail_in = input_length > UINT_MAX ? UINT_MAX : (uInt)input_length;
    d->stream.next_out = output;
    d->stream.avail_out = (uInt)output_length;
    int rc = inflate(&d->stream, Z_SYNC_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
        return -1;
    }
    return (long)d->stream.total_out;
}

int galley_inflate_rest(galley_inflater *d, void *output, size_t output_length, size_t expected_total) {
    unsigned char spare;
    d->stream.next_out = output_length == 0 ? &spare : output;
    d->stream.avail_out = (uInt)output_length;
    if (inflate(&d->stream, Z_FINISH) != Z_STREAM_END || d->stream.total_out != expected_total) {
        return -1;
    }
    return 0;
}

void galley_inflater_free(galley_inflater *d) {
    if (d != NULL) {
        inflateEnd(&d->stream);
        free(d);
    }
}
