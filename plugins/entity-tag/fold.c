/* fold.c - see fold.h.  ASCII takes a table; other characters go through
 * utf8proc's decomposition with case folding and mark stripping, plus the
 * few Latin letters that have no decomposition (ø, ł, đ, æ, œ, ı, þ, ð). */
#include <config.h>

#include <string.h>
#include <utf8proc.h>

#include "fold.h"

/* Letters without a canonical decomposition, spelled the way English news
 * spells them without accents. */
static const char *latin_extra(utf8proc_int32_t cp, int keep_case)
{
    switch (cp) {
    case 0x00F8: return "o";   /* ø */
    case 0x00D8: return keep_case ? "O" : "o";
    case 0x0142: return "l";   /* ł */
    case 0x0141: return keep_case ? "L" : "l";
    case 0x0111: return "d";   /* đ */
    case 0x0110: return keep_case ? "D" : "d";
    case 0x00E6: return "ae";  /* æ */
    case 0x00C6: return keep_case ? "AE" : "ae";
    case 0x0153: return "oe";  /* œ */
    case 0x0152: return keep_case ? "OE" : "oe";
    case 0x0131: return "i";   /* dotless ı */
    case 0x00FE: return "th";  /* þ */
    case 0x00DE: return keep_case ? "Th" : "th";
    case 0x00F0: return "d";   /* ð */
    case 0x00D0: return keep_case ? "D" : "d";
    case 0x00DF: return "ss";  /* ß */
    default: return NULL;
    }
}

static int is_word_cp(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

size_t et_fold(const char *s, size_t len, char *out, int keep_case)
{
    size_t o = 0;
    int pending_space = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                pending_space = o > 0;
                continue;
            }
            if (pending_space) {
                out[o++] = ' ';
                pending_space = 0;
            }
            out[o++] = (char)(!keep_case && c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            i++;
            pending_space = o > 0;
            continue;
        }
        i += (size_t)n;
        const char *extra = latin_extra(cp, keep_case);
        if (extra) {
            if (pending_space) {
                out[o++] = ' ';
                pending_space = 0;
            }
            size_t el = strlen(extra);
            memcpy(out + o, extra, el);
            o += el;
            continue;
        }
        if (cp == 0x2019 || cp == 0x02BC) {
            pending_space = o > 0; /* curly apostrophe: a boundary like ' */
            continue;
        }
        utf8proc_int32_t buf[8];
        int last = 0;
        utf8proc_option_t opts = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT;
        if (!keep_case)
            opts |= UTF8PROC_CASEFOLD;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 8, opts, &last);
        if (m < 0 || m > 8) {
            buf[0] = cp;
            m = 1;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            if (!is_word_cp(buf[k])) {
                if (utf8proc_category(buf[k]) != UTF8PROC_CATEGORY_MN)
                    pending_space = o > 0;
                continue;
            }
            if (pending_space) {
                out[o++] = ' ';
                pending_space = 0;
            }
            /* A decomposed Latin letter is ASCII more often than not. */
            o += (size_t)utf8proc_encode_char(buf[k], (utf8proc_uint8_t *)out + o);
        }
    }
    return o;
}
