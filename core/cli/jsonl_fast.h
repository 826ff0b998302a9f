/* jsonl_fast.h - decoding the usual JSON Lines record without building a
 * jansson tree: a flat object whose "text" is a string and "id" a string
 * or a whole number, other members strings, numbers or literals.  Anything
 * else (nesting, duplicate keys, odd escapes, syntax errors) is left to the
 * jansson path, which also writes every error message, so the fast path
 * never changes what is accepted or what is said. */
#ifndef TP_JSONL_FAST_H
#define TP_JSONL_FAST_H

#include <stddef.h>

typedef enum jsonl_id_kind { JSONL_ID_NONE = 0, JSONL_ID_STRING, JSONL_ID_INTEGER } jsonl_id_kind;

typedef struct jsonl_fields {
    const char *text;      /* into the line, or into scratch when unescaped */
    size_t text_len;
    const char *id;        /* the string's bytes, or the number's digits */
    size_t id_len;
    jsonl_id_kind id_kind;
} jsonl_fields;

/* Decode @p line (valid UTF-8, no trailing newline).  @p scratch has room
 * for @p len bytes.  Returns 1 when decoded, 0 when jansson must decide. */
int jsonl_fast_decode(const char *line, size_t len, char *scratch, jsonl_fields *out);

#endif
