/* json_text.c - see json_text.h.  A recursive-descent scanner that only
 * moves a cursor: no allocation, so checking costs a pass over the bytes. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "json_text.h"

typedef struct scan {
    const unsigned char *s;
    size_t len, pos;
    const char *why;
} scan;

static int fail(scan *c, const char *why)
{
    c->why = why;
    return 0;
}

static void skip_space(scan *c)
{
    while (c->pos < c->len &&
           (c->s[c->pos] == ' ' || c->s[c->pos] == '\t' || c->s[c->pos] == '\n' || c->s[c->pos] == '\r'))
        c->pos++;
}

static int is_digit(scan *c)
{
    return c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9';
}

static int is_hex(unsigned char h)
{
    return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
}

/* Nonzero when one of the eight bytes of w is a quote, a backslash or a
 * control character (the test tp_buf_json_string() makes, see buf.c). */
static inline uint64_t special_bytes(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
    return ((w - ones * 0x20) & ~w & highs) | ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
}

/* A string, the cursor on its opening quote. */
static int scan_string(scan *c)
{
    c->pos++;
    while (c->pos < c->len) {
        /* plain bytes eight at a time: names and keys are mostly that */
        while (c->len - c->pos >= 8) {
            uint64_t w;
            memcpy(&w, c->s + c->pos, 8);
            if (special_bytes(w))
                break;
            c->pos += 8;
        }
        if (c->pos >= c->len)
            break;
        unsigned char b = c->s[c->pos];
        if (b == '"') {
            c->pos++;
            return 1;
        }
        if (b < 0x20)
            return fail(c, "control character in a string (escape it)");
        if (b == '\\') {
            if (c->pos + 1 >= c->len)
                break;
            unsigned char e = c->s[c->pos + 1];
            if (e == 'u') {
                for (size_t k = 2; k < 6; k++)
                    if (c->pos + k >= c->len || !is_hex(c->s[c->pos + k]))
                        return fail(c, "\\u needs four hexadecimal digits");
                c->pos += 6;
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't')
                return fail(c, "unknown escape in a string");
            c->pos += 2;
            continue;
        }
        c->pos++;
    }
    return fail(c, "unterminated string");
}

static int scan_number(scan *c)
{
    unsigned char first = c->s[c->pos];
    if (first == '-')
        c->pos++;
    if (!is_digit(c))
        return fail(c, first == '-' ? "a number needs a digit" : "not the start of a JSON value");
    if (c->s[c->pos] == '0')
        c->pos++;
    else
        while (is_digit(c))
            c->pos++;
    if (c->pos < c->len && c->s[c->pos] == '.') {
        c->pos++;
        if (!is_digit(c))
            return fail(c, "a digit must follow the decimal point");
        while (is_digit(c))
            c->pos++;
    }
    if (c->pos < c->len && (c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
        c->pos++;
        if (c->pos < c->len && (c->s[c->pos] == '+' || c->s[c->pos] == '-'))
            c->pos++;
        if (!is_digit(c))
            return fail(c, "an exponent needs a digit");
        while (is_digit(c))
            c->pos++;
    }
    return 1;
}

static int scan_word(scan *c, const char *word, size_t n)
{
    for (size_t k = 0; k < n; k++, c->pos++)
        if (c->pos >= c->len || c->s[c->pos] != (unsigned char)word[k])
            return fail(c, "unknown word (not true, false or null)");
    return 1;
}

static int scan_value(scan *c, int depth);

/* An array or an object, the cursor on its opening bracket. */
static int scan_container(scan *c, int depth)
{
    unsigned char close = c->s[c->pos] == '[' ? ']' : '}';
    if (depth >= JSON_TEXT_MAX_DEPTH)
        return fail(c, "nested too deep");
    c->pos++;
    skip_space(c);
    if (c->pos < c->len && c->s[c->pos] == close) {
        c->pos++;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            if (c->pos >= c->len || c->s[c->pos] != '"')
                return fail(c, "an object member needs a string key");
            if (!scan_string(c))
                return 0;
            skip_space(c);
            if (c->pos >= c->len || c->s[c->pos] != ':')
                return fail(c, "':' must follow an object key");
            c->pos++;
        }
        if (!scan_value(c, depth + 1))
            return 0;
        skip_space(c);
        if (c->pos < c->len && c->s[c->pos] == ',') {
            c->pos++;
            skip_space(c);
            continue;
        }
        if (c->pos < c->len && c->s[c->pos] == close) {
            c->pos++;
            return 1;
        }
        return fail(c, close == ']' ? "',' or ']' expected" : "',' or '}' expected");
    }
}

static int scan_value(scan *c, int depth)
{
    skip_space(c);
    if (c->pos >= c->len)
        return fail(c, "a value is missing");
    switch (c->s[c->pos]) {
    case '{':
    case '[': return scan_container(c, depth);
    case '"': return scan_string(c);
    case 't': return scan_word(c, "true", 4);
    case 'f': return scan_word(c, "false", 5);
    case 'n': return scan_word(c, "null", 4);
    default: return scan_number(c);
    }
}

int json_text_check(const char *s, size_t len, size_t *bad_offset, const char **reason)
{
    scan c = {(const unsigned char *)s, len, 0, NULL};
    int ok = s && scan_value(&c, 0);
    if (ok) {
        skip_space(&c);
        if (c.pos < c.len)
            ok = fail(&c, "text after the value");
    }
    if (!ok) {
        if (bad_offset)
            *bad_offset = c.pos;
        if (reason)
            *reason = s ? c.why : "no text";
    }
    return ok;
}
