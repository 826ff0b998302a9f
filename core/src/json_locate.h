/* json_locate.h - line and column of a value in JSON text, by JSON path.
 * jansson reports positions only for syntax errors; validation errors found
 * later are located by scanning the (already valid) text again. */
#ifndef TP_JSON_LOCATE_H
#define TP_JSON_LOCATE_H

#include <stddef.h>

typedef struct json_path_seg {
    const char *key;  /* object member, or NULL for an array index */
    size_t index;
} json_path_seg;

/* Find the value at @p path (or its key when @p want_key and the last
 * segment is a member).  Returns 1 and sets *line and *column (1-based, columns
 * in characters) when found, else 0. */
int json_locate(const char *text, size_t len, const json_path_seg *path, size_t depth, int want_key, int *line,
                int *column);

#endif
