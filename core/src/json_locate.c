/* json_locate.c - see json_locate.h.  Assumes the text parsed already. */
#include <config.h>

#include <string.h>

#include "json_locate.h"

typedef struct scanner {
    const char *s;
    size_t len, pos;
    int line, col;
} scanner;

static void advance(scanner *sc)
{
    unsigned char c = (unsigned char)sc->s[sc->pos++];
    if (c == '\n') {
        sc->line++;
        sc->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        sc->col++;
    }
}

static int peek(const scanner *sc)
{
    return sc->pos < sc->len ? (unsigned char)sc->s[sc->pos] : -1;
}

static void skip_ws(scanner *sc)
{
    for (int c; (c = peek(sc)) == ' ' || c == '\t' || c == '\n' || c == '\r';)
        advance(sc);
}

/* At '"': skip the string, returning its raw content in [*b, *e). */
static void skip_string(scanner *sc, size_t *b, size_t *e)
{
    advance(sc);
    *b = sc->pos;
    while (sc->pos < sc->len && sc->s[sc->pos] != '"') {
        if (sc->s[sc->pos] == '\\' && sc->pos + 1 < sc->len)
            advance(sc);
        advance(sc);
    }
    *e = sc->pos;
    if (sc->pos < sc->len)
        advance(sc);
}

static void skip_value(scanner *sc, int depth)
{
    skip_ws(sc);
    int c = peek(sc);
    size_t b, e;
    if (c == '"') {
        skip_string(sc, &b, &e);
    } else if ((c == '{' || c == '[') && depth < 2048) {
        int close = c == '{' ? '}' : ']';
        advance(sc);
        for (;;) {
            skip_ws(sc);
            c = peek(sc);
            if (c == close || c < 0) {
                if (c >= 0)
                    advance(sc);
                return;
            }
            if (c == ',' || c == ':') {
                advance(sc);
                continue;
            }
            skip_value(sc, depth + 1);
        }
    } else if (c >= 0) {
        /* A scalar, or a stray byte (a NUL, a bracket that closes nothing):
         * at least one byte is taken, so that every loop moves on. */
        do
            advance(sc);
        while ((c = peek(sc)) >= 0 && !memchr(" \t\r\n,]}:", c, 8));
    }
}

static int locate(scanner *sc, const json_path_seg *path, size_t depth, int want_key, int *line, int *col)
{
    skip_ws(sc);
    if (depth == 0) {
        *line = sc->line;
        *col = sc->col;
        return 1;
    }
    int c = peek(sc);
    if (path->key) {
        if (c != '{')
            return 0;
        advance(sc);
        for (;;) {
            skip_ws(sc);
            c = peek(sc);
            if (c != '"')
                return 0;
            int kline = sc->line, kcol = sc->col;
            size_t b, e;
            skip_string(sc, &b, &e);
            skip_ws(sc);
            if (peek(sc) == ':')
                advance(sc);
            if (e - b == strlen(path->key) && memcmp(sc->s + b, path->key, e - b) == 0) {
                if (depth == 1 && want_key) {
                    *line = kline;
                    *col = kcol;
                    return 1;
                }
                return locate(sc, path + 1, depth - 1, want_key, line, col);
            }
            skip_value(sc, 0);
            skip_ws(sc);
            if (peek(sc) != ',')
                return 0;
            advance(sc);
        }
    }
    if (c != '[')
        return 0;
    advance(sc);
    for (size_t i = 0;; i++) {
        skip_ws(sc);
        if (peek(sc) == ']' || peek(sc) < 0)
            return 0;
        if (i == path->index)
            return locate(sc, path + 1, depth - 1, want_key, line, col);
        skip_value(sc, 0);
        skip_ws(sc);
        if (peek(sc) != ',')
            return 0;
        advance(sc);
    }
}

int json_locate(const char *text, size_t len, const json_path_seg *path, size_t depth, int want_key, int *line,
                int *column)
{
    scanner sc = {text, len, 0, 1, 1};
    return locate(&sc, path, depth, want_key, line, column);
}
