/* datafile.c - see datafile.h. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"

char *datafile_read(const char *path, size_t *len, tp_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tp_error_set(err, TP_ERR_IO, "%s: cannot open: %s", path, strerror(errno)), NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - 1 - n, f);
        if (n < cap - 1)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf)
        return tp_error_set(err, TP_ERR_NOMEM, "%s: out of memory reading it", path), NULL;
    if (failed) {
        free(buf);
        return tp_error_set(err, TP_ERR_IO, "%s: read error", path), NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
