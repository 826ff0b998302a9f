/* jsonl_fast.c - see jsonl_fast.h. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "jsonl_fast.h"

enum { MAX_KEYS = 16 };

typedef struct cursor {
    const char *p, *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char h = p[i];
        v <<= 4;
        if (h >= '0' && h <= '9')
            v |= (unsigned)(h - '0');
        else if (h >= 'a' && h <= 'f')
            v |= (unsigned)(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
            v |= (unsigned)(h - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

/* At a '"': find the string's end.  *escaped tells whether it holds any
 * backslash.  Returns 0 for anything the fast path leaves to jansson
 * (control characters, an unterminated string). */
/* Nonzero when one of the 8 bytes at p is a quote, a backslash or a
 * control character (the bytes that end a run of plain string bytes). */
static uint64_t has_special(const char *p)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t w, q, bs;
    memcpy(&w, p, 8);
    q = w ^ (ones * '"');
    bs = w ^ (ones * '\\');
    /* (x - ones) & ~x & highs is nonzero iff some byte of x is zero; with
     * 0x20s subtracted instead of ones, iff some byte is below 0x20 */
    return ((w - ones * 0x20) & ~w & highs) | ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
}

static int scan_string(cursor *c, const char **b, const char **e, int *escaped)
{
    const char *p = c->p + 1;
    *escaped = 0;
    *b = p;
    for (;;) {
        /* plain bytes first, eight at a time: the common case (a document's
         * text is most of each line) */
        while (c->end - p >= 8 && !has_special(p))
            p += 8;
        while (p < c->end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
            p++;
        if (p >= c->end || (unsigned char)*p < 0x20)
            return 0;
        if (*p == '"')
            break;
        *escaped = 1;
        if (p + 1 >= c->end)
            return 0;
        p += p[1] == 'u' ? 6 : 2;
        if (p > c->end)
            return 0;
    }
    *e = p;
    c->p = p + 1;
    return 1;
}

/* Unescape [b, e) into out (room for e - b bytes; unescaped text is never
 * longer), or only check the escapes when out is NULL.  Returns the length,
 * or -1 for an escape jansson should judge (unknown escape, lone
 * surrogate). */
static long unescape(const char *b, const char *e, char *out)
{
    char sink[4];
    char *o = out;
    long total = 0;
    for (const char *p = b; p < e;) {
        const char *bs = memchr(p, '\\', (size_t)(e - p));
        size_t run = bs ? (size_t)(bs - p) : (size_t)(e - p);
        if (out) {
            memcpy(o, p, run);
            o += run;
        }
        total += (long)run;
        p += run;
        if (!bs)
            break;
        char ch = p[1];
        p += 2;
        char *start = o;
        if (!out)
            o = sink; /* checking only: write each unescaped character here */
        switch (ch) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned u, lo;
            if (p + 4 > e || !hex4(p, &u))
                return -1;
            p += 4;
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (p + 6 > e || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                p += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                return -1;
            }
            unsigned char *q = (unsigned char *)o;
            if (u < 0x80) {
                q[0] = (unsigned char)u;
                o += 1;
            } else if (u < 0x800) {
                q[0] = (unsigned char)(0xC0 | (u >> 6));
                q[1] = (unsigned char)(0x80 | (u & 0x3F));
                o += 2;
            } else if (u < 0x10000) {
                q[0] = (unsigned char)(0xE0 | (u >> 12));
                q[1] = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
                q[2] = (unsigned char)(0x80 | (u & 0x3F));
                o += 3;
            } else {
                q[0] = (unsigned char)(0xF0 | (u >> 18));
                q[1] = (unsigned char)(0x80 | ((u >> 12) & 0x3F));
                q[2] = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
                q[3] = (unsigned char)(0x80 | (u & 0x3F));
                o += 4;
            }
            break;
        }
        default:
            return -1;
        }
        total += o - (out ? start : sink);
        if (!out)
            o = NULL;
    }
    return total;
}

/* A JSON number; *integer tells whether it has no fraction or exponent. */
static int scan_number(cursor *c, int *integer)
{
    const char *p = c->p;
    *integer = 1;
    if (p < c->end && *p == '-')
        p++;
    if (p >= c->end || *p < '0' || *p > '9')
        return 0;
    if (*p == '0')
        p++;
    else
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
    if (p < c->end && *p == '.') {
        *integer = 0;
        p++;
        if (p >= c->end || *p < '0' || *p > '9')
            return 0;
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < c->end && (*p == 'e' || *p == 'E')) {
        *integer = 0;
        p++;
        if (p < c->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= c->end || *p < '0' || *p > '9')
            return 0;
        while (p < c->end && *p >= '0' && *p <= '9')
            p++;
    }
    c->p = p;
    return 1;
}

static int literal(cursor *c, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
        return 0;
    c->p += n;
    return 1;
}

int jsonl_fast_decode(const char *line, size_t len, char *scratch, jsonl_fields *out)
{
    cursor c = {line, line + len};
    const char *keys[MAX_KEYS];
    size_t key_len[MAX_KEYS], nkeys = 0;
    memset(out, 0, sizeof *out);
    skip_ws(&c);
    if (c.p >= c.end || *c.p != '{')
        return 0;
    c.p++;
    skip_ws(&c);
    if (c.p < c.end && *c.p == '}')
        return 0; /* no "text": let jansson's path say so */
    for (;;) {
        skip_ws(&c);
        const char *kb, *ke;
        int esc;
        if (c.p >= c.end || *c.p != '"' || !scan_string(&c, &kb, &ke, &esc) || esc || nkeys == MAX_KEYS)
            return 0;
        for (size_t i = 0; i < nkeys; i++)
            if (key_len[i] == (size_t)(ke - kb) && memcmp(keys[i], kb, key_len[i]) == 0)
                return 0; /* a duplicate key: jansson refuses it with a message */
        keys[nkeys] = kb;
        key_len[nkeys++] = (size_t)(ke - kb);
        int is_text = ke - kb == 4 && memcmp(kb, "text", 4) == 0;
        int is_id = ke - kb == 2 && memcmp(kb, "id", 2) == 0;
        skip_ws(&c);
        if (c.p >= c.end || *c.p != ':')
            return 0;
        c.p++;
        skip_ws(&c);
        if (c.p >= c.end)
            return 0;
        if (*c.p == '"') {
            const char *vb, *ve;
            if (!scan_string(&c, &vb, &ve, &esc))
                return 0;
            if (is_text) {
                if (!esc) {
                    out->text = vb;
                    out->text_len = (size_t)(ve - vb);
                } else {
                    long n = unescape(vb, ve, scratch);
                    if (n < 0)
                        return 0;
                    out->text = scratch;
                    out->text_len = (size_t)n;
                }
            } else if (is_id) {
                if (esc)
                    return 0; /* rare: jansson decodes it */
                out->id = vb;
                out->id_len = (size_t)(ve - vb);
                out->id_kind = JSONL_ID_STRING;
            } else if (esc && unescape(vb, ve, NULL) < 0) {
                return 0; /* another key's bad escape */
            }
        } else if (*c.p == '-' || (*c.p >= '0' && *c.p <= '9')) {
            const char *nb = c.p;
            int integer;
            if (!scan_number(&c, &integer) || is_text || (is_id && !integer))
                return 0;
            /* jansson refuses integers beyond 64 bits and reals beyond a
             * double ("too big integer", "real number overflow"): a number
             * that might be either goes its way, whatever its key. */
            if (c.p - nb > 18 || memchr(nb, 'e', (size_t)(c.p - nb)) || memchr(nb, 'E', (size_t)(c.p - nb)))
                return 0;
            if (is_id) {
                out->id = nb;
                out->id_len = (size_t)(c.p - nb);
                out->id_kind = JSONL_ID_INTEGER;
            }
        } else if (literal(&c, "true") || literal(&c, "false") || literal(&c, "null")) {
            if (is_text || is_id)
                return 0;
        } else {
            return 0; /* nested objects and arrays: jansson */
        }
        skip_ws(&c);
        if (c.p >= c.end)
            return 0;
        if (*c.p == ',') {
            c.p++;
            continue;
        }
        if (*c.p != '}')
            return 0;
        c.p++;
        break;
    }
    skip_ws(&c);
    return c.p == c.end && out->text;
}
