/* lexicon.c - an open-addressing hash table of short lowercase words. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

typedef struct entry {
    uint32_t hash;
    uint16_t len;   /* 0: empty slot */
    uint32_t flags;
    char word[SS_LEXICON_MAX_WORD + 1];
} entry;

struct ss_lexicon {
    entry *slots;
    size_t cap, n;  /* cap is a power of two; n <= cap / 2 */
};

static inline unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* FNV-1a over the lowercased bytes. */
static uint32_t hash_of(const char *w, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= lower((unsigned char)w[i]);
        h *= 16777619u;
    }
    return h;
}

ss_lexicon *ss_lexicon_new(void)
{
    ss_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->cap = 1024;
    lx->slots = calloc(lx->cap, sizeof *lx->slots);
    if (!lx->slots) {
        free(lx);
        return NULL;
    }
    return lx;
}

void ss_lexicon_free(ss_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->slots);
    free(lx);
}

static entry *find_slot(entry *slots, size_t cap, uint32_t h, const char *w, size_t len)
{
    size_t mask = cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        entry *e = &slots[i];
        if (e->len == 0)
            return e;
        if (e->hash == h && e->len == len) {
            size_t k = 0;
            while (k < len && e->word[k] == (char)lower((unsigned char)w[k]))
                k++;
            if (k == len)
                return e;
        }
    }
}

static int grow(ss_lexicon *lx)
{
    size_t cap = lx->cap * 2;
    entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return TP_ERR_NOMEM;
    for (size_t i = 0; i < lx->cap; i++) {
        entry *e = &lx->slots[i];
        if (e->len)
            *find_slot(slots, cap, e->hash, e->word, e->len) = *e;
    }
    free(lx->slots);
    lx->slots = slots;
    lx->cap = cap;
    return TP_OK;
}

int ss_lexicon_add(ss_lexicon *lx, const char *word, size_t len, unsigned flags, tp_error *err)
{
    if (len && word[len - 1] == '.')
        len--;
    if (len == 0 || len > SS_LEXICON_MAX_WORD)
        return tp_error_set(err, TP_ERR_INVALID, "'%.*s' is %s: words must have 1 to %d bytes", (int)(len > 60 ? 60 : len),
                            word, len ? "too long" : "empty", SS_LEXICON_MAX_WORD);
    if ((lx->n + 1) * 2 > lx->cap && grow(lx))
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    uint32_t h = hash_of(word, len);
    entry *e = find_slot(lx->slots, lx->cap, h, word, len);
    if (e->len == 0) {
        e->hash = h;
        e->len = (uint16_t)len;
        for (size_t k = 0; k < len; k++)
            e->word[k] = (char)lower((unsigned char)word[k]);
        e->word[len] = '\0';
        lx->n++;
    }
    e->flags |= flags;
    return TP_OK;
}

unsigned ss_lexicon_get(const ss_lexicon *lx, const char *word, size_t len)
{
    if (len == 0 || len > SS_LEXICON_MAX_WORD)
        return 0;
    const entry *e = find_slot(lx->slots, lx->cap, hash_of(word, len), word, len);
    return e->len ? e->flags : 0;
}

/* ---------------------------------------------------------------- files */

static const struct {
    const char *name;
    unsigned flags;
} kinds[] = {
    {"abbreviation", LX_ABBR},
    {"title", LX_ABBR | LX_TITLE},
    {"numeric", LX_NUMERIC},
    {"unit", LX_UNIT},
    {"noend", LX_ABBR | LX_NOEND},
};

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int ss_lexicon_load_file(ss_lexicon *lx, const char *path, tp_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return tp_error_set(err, TP_ERR_IO, "%s: cannot open the abbreviations file: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = TP_OK;
    unsigned lineno = 0;
    while (rc == TP_OK && (got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        char *hash = memchr(line, '#', (size_t)got);
        size_t n = hash ? (size_t)(hash - line) : (size_t)got;
        size_t i = 0;
        while (i < n && is_blank(line[i]))
            i++;
        size_t w0 = i;
        while (i < n && !is_blank(line[i]))
            i++;
        size_t w1 = i;
        if (w1 == w0)
            continue;
        while (i < n && is_blank(line[i]))
            i++;
        size_t k0 = i;
        while (i < n && !is_blank(line[i]))
            i++;
        size_t k1 = i;
        while (i < n && is_blank(line[i]))
            i++;
        unsigned flags = LX_ABBR;
        if (k1 > k0) {
            flags = 0;
            for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
                if (strlen(kinds[k].name) == k1 - k0 && memcmp(kinds[k].name, line + k0, k1 - k0) == 0)
                    flags = kinds[k].flags;
            if (!flags) {
                rc = tp_error_set(err, TP_ERR_DATA,
                                  "%s:%u:%zu: unknown kind '%.*s': write abbreviation, title, numeric, unit or noend",
                                  path, lineno, k0 + 1, (int)(k1 - k0), line + k0);
                break;
            }
        }
        if (i < n) {
            rc = tp_error_set(err, TP_ERR_DATA, "%s:%u:%zu: unexpected text after the kind: one entry per line", path,
                              lineno, i + 1);
            break;
        }
        if ((rc = ss_lexicon_add(lx, line + w0, w1 - w0, flags, err)) != TP_OK) {
            tp_error_prefix(err, "%s:%u:%zu", path, lineno, w0 + 1);
            break;
        }
    }
    if (rc == TP_OK && ferror(f))
        rc = tp_error_set(err, TP_ERR_IO, "%s: read error: %s", path, strerror(errno));
    free(line);
    fclose(f);
    return rc;
}
