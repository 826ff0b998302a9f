/* buf.c - growable output buffer and the JSON primitives the writers use.
 * Written by hand rather than through jansson trees: output of a long
 * document has hundreds of thousands of spans and must not be the
 * bottleneck of the pipeline. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/output.h>

#include "buf_internal.h"

void tp_buf_init(tp_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void tp_buf_free(tp_buf *b)
{
    free(b->data);
    tp_buf_init(b);
}

void tp_buf_reset(tp_buf *b)
{
    b->len = 0;
    b->failed = 0;
}

int buf_grow_slow(tp_buf *b, size_t more)
{
    if (b->failed)
        return -1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= more) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

/* The usual case (room already there) inline: writers call this for every
 * few bytes.  A failed buffer takes nothing more, room or not. */
static inline int grow(tp_buf *b, size_t more)
{
    return buf_room(b, more);
}

int tp_buf_append(tp_buf *b, const void *data, size_t len)
{
    if (grow(b, len))
        return TP_ERR_NOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return TP_OK;
}

int tp_buf_putc(tp_buf *b, char c)
{
    if (grow(b, 1))
        return TP_ERR_NOMEM;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return TP_OK;
}

int tp_buf_printf(tp_buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return TP_ERR_INVALID;
    if ((size_t)n < sizeof small)
        return tp_buf_append(b, small, (size_t)n);
    if (grow(b, (size_t)n))
        return TP_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return TP_OK;
}

/* 1 for bytes that JSON requires escaped. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* Nonzero when one of the eight bytes of w is a quote, a backslash or a
 * control character: (x - ones) & ~x & highs is nonzero iff a byte of x is
 * zero; with 0x20s subtracted instead of ones, iff a byte is below 0x20. */
static inline uint64_t special_bytes(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
    return ((w - ones * 0x20) & ~w & highs) | ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
}

int buf_json_string(tp_buf *b, const char *s, size_t len)
{
    /* Worst case every byte becomes \u00XX. */
    if (len > (SIZE_MAX - 3) / 6 || grow(b, len * 6 + 2))
        return TP_ERR_NOMEM;
    char *o = b->data + b->len;
    *o++ = '"';
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        /* eight bytes at a time, copied as they are checked, while none
         * needs escaping (the usual case for text); the room reserved
         * above covers each eight-byte store */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (special_bytes(w))
                break;
            memcpy(o, &w, 8);
            o += 8;
            p += 8;
        }
        while (p < end && !needs_escape[*p])
            *o++ = (char)*p++;
        if (p == end)
            break;
        unsigned char c = *p++;
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\t': *o++ = 't'; break;
        case '\r': *o++ = 'r'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
            o += sprintf(o, "u%04x", c);
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return TP_OK;
}

int tp_buf_json_string(tp_buf *b, const char *s, size_t len)
{
    return buf_json_string(b, s, len);
}

int buf_json_cstring(tp_buf *b, const char *s)
{
    enum { SHORT = 64 };
    if (grow(b, SHORT + 2))
        return TP_ERR_NOMEM;
    char *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < SHORT; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\0') {
            o[i] = '"';
            b->len += i + 2;
            b->data[b->len] = '\0';
            return TP_OK;
        }
        if (needs_escape[c])
            break;
        o[i] = (char)c;
    }
    /* long, or something to escape: the general way, over what was copied */
    return buf_json_string(b, s, strlen(s));
}

int buf_uint(tp_buf *b, size_t v)
{
    /* in place, backwards from its end once the digits are counted */
    size_t ndigits = 1;
    for (size_t rest = v / 10; rest; rest /= 10)
        ndigits++;
    if (grow(b, ndigits))
        return TP_ERR_NOMEM;
    char *p = b->data + b->len + ndigits;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    b->len += ndigits;
    return TP_OK;
}

int tp_buf_uint(tp_buf *b, size_t v)
{
    return buf_uint(b, v);
}

/* llround() without the library call (it is one per decimal tried below):
 * for |x| < 2^53, x - trunc(x) is exact, so this rounds half away from
 * zero exactly as llround does. */
static long long round_half_away(double x)
{
    long long t = (long long)x; /* toward zero */
    double frac = x - (double)t;
    /* without branches: which way a score rounds is unpredictable */
    return t + (frac >= 0.5) - (frac <= -0.5);
}

/* The decimal digits of m, with a point before the last k of them and at
 * least one digit before the point, written backwards ending at @p end.
 * Returns where they start. */
static char *digits_before(char *end, unsigned long long m, int k)
{
    char *p = end;
    int i = 0;
    do {
        if (i == k && k > 0)
            *--p = '.';
        *--p = (char)('0' + m % 10);
        m /= 10;
        i++;
    } while (m || i <= k);
    return p;
}

/* Numbers with up to six decimals (scores are usually rounded to 3 or 4)
 * written without printf: m/10^k is exactly what strtod reads back from
 * the digits when m/10^k computed in double equals d. */
/* The first k worth trying in short_decimal(): scores are mostly rounded
 * to 4 decimals or fewer, and one test at 4 then rules out the smaller k
 * that cannot pass.  If some k < 4 passes (m/10^k == d), then d*10^4 is
 * within far less than 0.5 of m*10^(4-k) (|d| < 1e9: two roundings, each
 * off by at most 2^-53 of 1e13), so m4 = round(d*10^4) ends in 4-k zeros
 * or more: no k below 4 - (m4's trailing zeros) passes. */
static int first_k(double d)
{
    long long m4 = round_half_away(d * 1e4);
    if ((double)m4 / 1e4 != d)
        return 0; /* not within 4 decimals: try every k */
    if (m4 == 0)
        return 0;
    int k = 4;
    while (k > 0 && m4 % 10 == 0) {
        m4 /= 10;
        k--;
    }
    return k;
}

static int short_decimal(char *out, double d)
{
    static const double pow10[] = {1, 10, 100, 1000, 1e4, 1e5, 1e6};
    if (!(d > -1e9 && d < 1e9))
        return 0;
    for (int k = first_k(d); k <= 6; k++) {
        long long m = round_half_away(d * pow10[k]); /* |d * 10^k| < 1e15 < 2^53 */
        if ((double)m / pow10[k] != d)
            continue;
        /* written in place, backwards from its end: first count the
         * digits (at least k + 1: "0.25"), so no copy is needed */
        unsigned long long mag = (unsigned long long)(m < 0 ? -m : m), below = 10;
        int ndigits = 1;
        while (ndigits < 16 && mag >= below) {
            ndigits++;
            below *= 10;
        }
        if (ndigits < k + 1)
            ndigits = k + 1;
        char *o = out;
        if (m < 0 || (m == 0 && signbit(d)))
            *o++ = '-';
        char *end = o + ndigits + (k > 0);
        *end = '\0';
        digits_before(end, mag, k);
        return (int)(end - out);
    }
    return 0;
}

/* An integer as JSON (what "%lld" prints), without printf. */
static int buf_integer(tp_buf *b, long long v)
{
    char tmp[24];
    char *end = tmp + sizeof tmp;
    /* the magnitude as unsigned: -LLONG_MIN does not fit a long long */
    unsigned long long mag = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    char *p = digits_before(end, mag, 0);
    if (v < 0)
        *--p = '-';
    return tp_buf_append(b, p, (size_t)(end - p));
}

int buf_json_number(tp_buf *b, double d)
{
    enum { ROOM = 40 }; /* "%.17g" of any double, and its NUL */
    if (!isfinite(d))
        return tp_buf_append(b, "null", 4);
    /* written straight into the buffer: scores are a good part of the output */
    if (grow(b, ROOM))
        return TP_ERR_NOMEM;
    char *o = b->data + b->len;
    int n;
    if (d > -1e9 && d < 1e9 && d == (double)(int)d) {
        /* a whole number (scores of 0 and 1 are common): what the loop in
         * short_decimal() would find at k = 0, without its tests */
        long long m = (long long)d;
        if (m < 0 || signbit(d))
            *o++ = '-';
        char *end = o + 1;
        for (long long rest = (m < 0 ? -m : m) / 10; rest; rest /= 10)
            end++;
        *end = '\0';
        digits_before(end, (unsigned long long)(m < 0 ? -m : m), 0);
        n = (int)(end - (b->data + b->len));
    } else {
        n = short_decimal(o, d);
    }
    if (n <= 0) {
        /* 15 significant digits read back exactly for most values (and
         * keep 0.4404 as "0.4404"); fall back to 17, which always does. */
        snprintf(o, ROOM, "%.15g", d);
        if (strtod(o, NULL) != d)
            snprintf(o, ROOM, "%.17g", d);
        n = (int)strlen(o);
    }
    b->len += (size_t)n;
    return TP_OK;
}

int tp_buf_json_number(tp_buf *b, double d)
{
    return buf_json_number(b, d);
}

int tp_buf_json_value(tp_buf *b, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *val;
        int first = 1;
        tp_buf_putc(b, '{');
        json_object_foreach((json_t *)v, key, val) {
            /* cppcheck-suppress knownConditionTrueFalse ; false positive: it misses the foreach loop */
            if (!first)
                tp_buf_putc(b, ',');
            first = 0;
            tp_buf_json_string(b, key, strlen(key));
            tp_buf_putc(b, ':');
            tp_buf_json_value(b, val);
        }
        return tp_buf_putc(b, '}');
    }
    case JSON_ARRAY: {
        tp_buf_putc(b, '[');
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                tp_buf_putc(b, ',');
            tp_buf_json_value(b, json_array_get(v, i));
        }
        return tp_buf_putc(b, ']');
    }
    case JSON_STRING:
        return tp_buf_json_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        return buf_integer(b, (long long)json_integer_value(v));
    case JSON_REAL:
        return tp_buf_json_number(b, json_real_value(v));
    case JSON_TRUE:
        return tp_buf_append(b, "true", 4);
    case JSON_FALSE:
        return tp_buf_append(b, "false", 5);
    case JSON_NULL:
    default:
        return tp_buf_append(b, "null", 4);
    }
}
