/* util.h - small helpers shared by the core modules (internal). */
#ifndef TP_UTIL_H
#define TP_UTIL_H

#include <stddef.h>

typedef struct strlist {
    char **items;
    size_t n, cap;
} strlist;

void strlist_free(strlist *l);
/* Append a copy of s[0..len); 0 or -1 when out of memory. */
int strlist_push(strlist *l, const char *s, size_t len);
/* Append each non-empty part of a ':'-separated list. */
int strlist_push_split(strlist *l, const char *list);
int strlist_contains(const strlist *l, const char *s);

/* malloc'd "a/b" (no doubled slash). */
char *path_join(const char *a, const char *b);
/* malloc'd directory part of a path ("." when none). */
char *path_dirname(const char *path);
int is_regular_file(const char *path);
int is_directory(const char *path);

/* Read a whole file into a malloc'd NUL-terminated buffer; at most
 * max bytes (0: no limit).  Returns 0, or an errno value (EFBIG when
 * larger than max). */
int read_whole_file(const char *path, size_t max, char **data, size_t *len);

#endif
