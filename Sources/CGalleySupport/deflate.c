#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "CGalleySupport.h"

/* One zlib stream reused for many small objects: deflateInit/deflateEnd for each object (what
   compress2 does) costs more than compressing a 2 KB article. */
struct galley_deflater {
    z_stream stream;
};

galley_deflater *galley_deflater_new(int level) {
    galley_deflater *d = calloc(1, sizeof(galley_deflater));
    if (d == NULL) {
        return NULL;
    }
    if (deflateInit(&d->stream, level) != Z_OK) {
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
