#ifndef CCAIRO_LOADER_H
#define CCAIRO_LOADER_H
#include <stddef.h>

/* Opens libcairo and libfontconfig (once per process). 1 when they are usable; otherwise 0, with
   the reason in `error`. */
int galley_cairo_load(char *error, size_t error_size);

#endif
