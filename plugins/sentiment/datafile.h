/* datafile.h - reading the stage's data files whole. */
#ifndef SENTIMENT_DATAFILE_H
#define SENTIMENT_DATAFILE_H

#include <stddef.h>

#include <textpipe/error.h>

/* The whole file at @p path, NUL-terminated (the NUL is not counted in
 * *len); NULL with @p err set (naming the file) when it cannot be read.
 * The caller frees it. */
char *datafile_read(const char *path, size_t *len, tp_error *err);

#endif
