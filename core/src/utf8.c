/* utf8.c - strict UTF-8 per Unicode Table 3-7 (no overlongs, no surrogates,
 * nothing above U+10FFFF), with an ASCII fast path: news text is mostly
 * ASCII and every document passes through here. */
#include <config.h>

#include <string.h>

#include "utf8.h"

size_t utf8_sequence(const unsigned char *s, size_t avail, size_t *subpart)
{
    unsigned char b = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        need = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 3;
        if (b == 0xE0)
            lo = 0xA0;      /* overlong */
        else if (b == 0xED)
            hi = 0x9F;      /* surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4;
        if (b == 0xF0)
            lo = 0x90;      /* overlong */
        else if (b == 0xF4)
            hi = 0x8F;      /* above U+10FFFF */
    } else {
        if (subpart)
            *subpart = 1;
        return 0;
    }
    size_t i = 1;
    for (; i < need; i++) {
        if (i >= avail)
            break;
        unsigned char c = s[i];
        unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (c < l || c > h)
            break;
    }
    if (i == need)
        return need;
    if (subpart)
        *subpart = i; /* the valid prefix is one maximal subpart */
    return 0;
}

static const char *reason_for(const unsigned char *s, size_t avail)
{
    unsigned char b = s[0];
    if (b >= 0x80 && b <= 0xBF)
        return "a continuation byte without a lead byte";
    if (b == 0xC0 || b == 0xC1 || b >= 0xF5)
        return "a byte that never occurs in UTF-8";
    size_t sub = 1;
    utf8_sequence(s, avail, &sub);
    if (sub >= avail)
        return "a sequence cut short by the end of the text";
    unsigned char c = s[1];
    if (sub == 1 && c >= 0x80 && c <= 0xBF) {
        if (b == 0xE0 || b == 0xF0)
            return "an overlong encoding";
        if (b == 0xED)
            return "an encoded surrogate (U+D800..U+DFFF)";
        if (b == 0xF4)
            return "a code point above U+10FFFF";
    }
    return "a lead byte not followed by enough continuation bytes";
}

static size_t ascii_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    /* Eight bytes at a time while no high bit is set. */
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

int utf8_check(const char *text, size_t len, size_t *bad_offset, const char **reason)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        i += ascii_prefix(s + i, len - i);
        if (i >= len)
            break;
        size_t n = utf8_sequence(s + i, len - i, NULL);
        if (!n) {
            if (bad_offset)
                *bad_offset = i;
            if (reason)
                *reason = reason_for(s + i, len - i);
            return 0;
        }
        i += n;
    }
    return 1;
}

int utf8_is_ascii(const char *s, size_t len)
{
    return ascii_prefix((const unsigned char *)s, len) == len;
}

size_t utf8_count(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0, i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* count bytes that are not continuation bytes (10xxxxxx): one bit
         * per continuation byte, summed by a multiply (no popcount needed) */
        uint64_t cont = ((w & ~(w << 1)) & UINT64_C(0x8080808080808080)) >> 7;
        n += 8 - (size_t)((cont * UINT64_C(0x0101010101010101)) >> 56);
        i += 8;
    }
    for (; i < len; i++)
        n += (s[i] & 0xC0) != 0x80;
    return n;
}

size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b < 0xE0) {
        *cp = ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (b < 0xF0) {
        *cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
