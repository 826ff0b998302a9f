/* utf8.h - UTF-8 validation, repair and counting (internal). */
#ifndef TP_UTF8_H
#define TP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed sequence at s (1-4), or 0 if ill-formed; then
 * *subpart (if given) is the length of the maximal ill-formed subpart to
 * replace by one U+FFFD (Unicode 15, section 3.9, "U+FFFD substitution"). */
size_t utf8_sequence(const unsigned char *s, size_t avail, size_t *subpart);

/* Check s[0..len).  Returns 1 when well-formed.  Otherwise 0, with the byte
 * offset of the first bad sequence and a short reason. */
int utf8_check(const char *s, size_t len, size_t *bad_offset, const char **reason);

/* 1 when every byte is below 0x80. */
int utf8_is_ascii(const char *s, size_t len);

/* Number of code points in well-formed s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Decode the well-formed sequence at s; returns its length. */
size_t utf8_decode(const unsigned char *s, uint32_t *cp);

/* Encode cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
