/* json_text.c - see json_text.h.  A recursive-descent scanner that only
 * moves a cursor: no allocation, so checking costs one pass over the bytes.
 * Written for short members (entity names, keys, scores): each step works
 * on local copies of the cursor and a table lookup per string byte. */
#include <config.h>

#include "json_text.h"

typedef struct scan {
    const unsigned char *s;
    size_t len, pos;
    const char *why;
} scan;

/* 1 for the bytes that end a run of plain string bytes: controls, the quote
 * and the backslash. */
static const unsigned char string_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

static int fail_at(scan *c, size_t pos, const char *why)
{
    c->pos = pos;
    c->why = why;
    return 0;
}

static inline size_t skip_space(const unsigned char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

static inline size_t skip_digits(const unsigned char *s, size_t i, size_t n)
{
    while (i < n && (unsigned)(s[i] - '0') < 10)
        i++;
    return i;
}

static int is_hex(unsigned char h)
{
    return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
}

/* A string, the cursor on its opening quote. */
static int scan_string(scan *c)
{
    const unsigned char *s = c->s;
    size_t i = c->pos + 1, n = c->len;
    for (;;) {
        while (i < n && !string_stop[s[i]])
            i++;
        if (i >= n)
            return fail_at(c, i, "unterminated string");
        if (s[i] == '"') {
            c->pos = i + 1;
            return 1;
        }
        if (s[i] < 0x20)
            return fail_at(c, i, "control character in a string (escape it)");
        if (i + 1 >= n) /* a backslash at the end */
            return fail_at(c, i, "unterminated string");
        unsigned char e = s[i + 1];
        if (e == 'u') {
            for (size_t k = 2; k < 6; k++)
                if (i + k >= n || !is_hex(s[i + k]))
                    return fail_at(c, i, "\\u needs four hexadecimal digits");
            i += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            i += 2;
        } else {
            return fail_at(c, i, "unknown escape in a string");
        }
    }
}

static int scan_number(scan *c)
{
    const unsigned char *s = c->s;
    size_t i = c->pos, n = c->len;
    int minus = s[i] == '-';
    i += (size_t)minus;
    if (i >= n || (unsigned)(s[i] - '0') >= 10)
        return fail_at(c, i, minus ? "a number needs a digit" : "not the start of a JSON value");
    i = s[i] == '0' ? i + 1 : skip_digits(s, i, n);
    if (i < n && s[i] == '.') {
        size_t d = skip_digits(s, i + 1, n);
        if (d == i + 1)
            return fail_at(c, d, "a digit must follow the decimal point");
        i = d;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t d = skip_digits(s, i, n);
        if (d == i)
            return fail_at(c, d, "an exponent needs a digit");
        i = d;
    }
    c->pos = i;
    return 1;
}

static int scan_word(scan *c, const char *word, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (c->pos + k >= c->len || c->s[c->pos + k] != (unsigned char)word[k])
            return fail_at(c, c->pos + k, "unknown word (not true, false or null)");
    c->pos += n;
    return 1;
}

static int scan_value(scan *c, int depth);

/* An array or an object, the cursor on its opening bracket. */
static int scan_container(scan *c, int depth)
{
    const unsigned char *s = c->s;
    size_t n = c->len;
    unsigned char close = s[c->pos] == '[' ? ']' : '}';
    if (depth >= JSON_TEXT_MAX_DEPTH)
        return fail_at(c, c->pos, "nested too deep");
    c->pos = skip_space(s, c->pos + 1, n);
    if (c->pos < n && s[c->pos] == close) {
        c->pos++;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            if (c->pos >= n || s[c->pos] != '"')
                return fail_at(c, c->pos, "an object member needs a string key");
            if (!scan_string(c))
                return 0;
            c->pos = skip_space(s, c->pos, n);
            if (c->pos >= n || s[c->pos] != ':')
                return fail_at(c, c->pos, "':' must follow an object key");
            c->pos++;
        }
        if (!scan_value(c, depth + 1))
            return 0;
        c->pos = skip_space(s, c->pos, n);
        if (c->pos < n && s[c->pos] == ',') {
            c->pos = skip_space(s, c->pos + 1, n);
            continue;
        }
        if (c->pos < n && s[c->pos] == close) {
            c->pos++;
            return 1;
        }
        return fail_at(c, c->pos, close == ']' ? "',' or ']' expected" : "',' or '}' expected");
    }
}

static int scan_value(scan *c, int depth)
{
    c->pos = skip_space(c->s, c->pos, c->len);
    if (c->pos >= c->len)
        return fail_at(c, c->pos, "a value is missing");
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
        c.pos = skip_space(c.s, c.pos, len);
        if (c.pos < len)
            ok = fail_at(&c, c.pos, "text after the value");
    }
    if (!ok) {
        if (bad_offset)
            *bad_offset = c.pos;
        if (reason)
            *reason = s ? c.why : "no text";
    }
    return ok;
}
