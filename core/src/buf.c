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

static int grow(tp_buf *b, size_t more)
{
    if (b->failed)
        return -1;
    if (b->cap - b->len > more)
        return 0;
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

int tp_buf_json_string(tp_buf *b, const char *s, size_t len)
{
    /* Worst case every byte becomes \u00XX. */
    if (len > (SIZE_MAX - 3) / 6 || grow(b, len * 6 + 2))
        return TP_ERR_NOMEM;
    char *o = b->data + b->len;
    *o++ = '"';
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        const unsigned char *run = p;
        /* eight bytes at a time while none is a quote, a backslash or a
         * control character (the usual case for text) */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
            uint64_t ctrl = (w - ones * 0x20) & ~w & highs;             /* bytes < 0x20 */
            uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
            uint64_t special = ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
            if (ctrl | special)
                break;
            p += 8;
        }
        while (p < end && !needs_escape[*p])
            p++;
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
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

int tp_buf_uint(tp_buf *b, size_t v)
{
    char tmp[24];
    size_t n = sizeof tmp;
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return tp_buf_append(b, tmp + n, sizeof tmp - n);
}

/* Numbers with up to six decimals (scores are usually rounded to 3 or 4)
 * written without printf: m/10^k is exactly what strtod reads back from
 * the digits when m/10^k computed in double equals d. */
static int short_decimal(char *out, double d)
{
    static const double pow10[] = {1, 10, 100, 1000, 1e4, 1e5, 1e6};
    if (!(d > -1e9 && d < 1e9))
        return 0;
    for (int k = 0; k <= 6; k++) {
        double scaled = d * pow10[k];
        long long m = llround(scaled);
        if ((double)m / pow10[k] != d)
            continue;
        char *o = out;
        if (m < 0 || (m == 0 && signbit(d))) {
            *o++ = '-';
            m = -m;
        }
        char digits[24];
        int n = 0;
        do {
            digits[n++] = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        while (n <= k)
            digits[n++] = '0'; /* at least one digit before the point */
        for (int i = n - 1; i >= 0; i--) {
            *o++ = digits[i];
            if (i == k && k > 0)
                *o++ = '.';
        }
        *o = '\0';
        return (int)(o - out);
    }
    return 0;
}

int tp_buf_json_number(tp_buf *b, double d)
{
    if (!isfinite(d))
        return tp_buf_append(b, "null", 4);
    char tmp[40];
    int n = short_decimal(tmp, d);
    if (n > 0)
        return tp_buf_append(b, tmp, (size_t)n);
    /* 15 significant digits read back exactly for most values (and keep
     * 0.4404 as "0.4404"); fall back to 17, which always does. */
    snprintf(tmp, sizeof tmp, "%.15g", d);
    if (strtod(tmp, NULL) != d)
        snprintf(tmp, sizeof tmp, "%.17g", d);
    return tp_buf_append(b, tmp, strlen(tmp));
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
        return tp_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
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
