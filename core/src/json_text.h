/* json_text.h - checking JSON text without building a tree (internal).
 * Attributes may be given as ready-made JSON text, which the output writers
 * copy as it is: one bad byte there would spoil a whole output document, so
 * the text is checked once, when it is set. */
#ifndef TP_JSON_TEXT_H
#define TP_JSON_TEXT_H

#include <stddef.h>

/* How deep arrays and objects may nest in checked text. */
#define JSON_TEXT_MAX_DEPTH 64

/* 1 when s[0..len) is exactly one JSON value (RFC 8259, white space around
 * it allowed, nested at most JSON_TEXT_MAX_DEPTH deep).  Otherwise 0, with
 * the byte offset of the first byte that is wrong and a short reason.  The
 * UTF-8 of strings is not checked here (utf8_check() does that). */
int json_text_check(const char *s, size_t len, size_t *bad_offset, const char **reason);

#endif
