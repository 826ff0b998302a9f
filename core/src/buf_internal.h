/* buf_internal.h - tp_buf's appends for the core's own writers (internal).
 * output.c appends a dozen pieces per span; through the exported functions
 * each would be a call through the PLT and, for fixed keys, a memcpy call.
 * Here the short ones are inline and the others are the library's own
 * (hidden) functions, called directly. */
#ifndef TP_BUF_INTERNAL_H
#define TP_BUF_INTERNAL_H

#include <string.h>

#include <textpipe/output.h>

/* Room for @p more bytes and the NUL after them, by reallocating; -1 (and
 * b->failed set) when that fails. */
int buf_grow_slow(tp_buf *b, size_t more);

static inline int buf_room(tp_buf *b, size_t more)
{
    if (b->cap - b->len > more && !b->failed)
        return 0;
    return buf_grow_slow(b, more);
}

/* tp_buf_append(): with a constant @p len the copy is a few moves. */
static inline void buf_put(tp_buf *b, const char *s, size_t len)
{
    if (buf_room(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

/* tp_buf_putc(). */
static inline void buf_putc(tp_buf *b, char c)
{
    if (buf_room(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

/* tp_buf_uint(), tp_buf_json_string(), tp_buf_json_number(). */
int buf_uint(tp_buf *b, size_t v);
int buf_json_string(tp_buf *b, const char *s, size_t len);
int buf_json_number(tp_buf *b, double d);
/* A NUL-terminated string (a key) as a JSON string: a short one with
 * nothing to escape is measured and copied in one pass. */
int buf_json_cstring(tp_buf *b, const char *s);

#endif
