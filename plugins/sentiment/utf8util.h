/* utf8util.h - the few UTF-8 and character-class helpers the scorer needs,
 * with the definitions Python's str methods use (the reference is Python). */
#ifndef SENTIMENT_UTF8UTIL_H
#define SENTIMENT_UTF8UTIL_H

#include <stddef.h>
#include <stdint.h>

static inline int utf8_is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Decode one code point at @p s (at most @p n bytes).  Returns its length,
 * or 0 when the bytes are not valid UTF-8 (the core guarantees valid text;
 * data files are checked). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encode @p cp into @p out (4 bytes of room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Python's str.isspace() for a code point beyond ASCII. */
int utf8_is_unicode_space(uint32_t cp);

/* Case of a code point beyond ASCII: 1 upper, -1 lower or title (either
 * makes Python's isupper() false), 0 uncased. */
int utf8_case_class(uint32_t cp);

/* The simple lowercase mapping of a code point beyond ASCII. */
uint32_t utf8_to_lower(uint32_t cp);

#endif
