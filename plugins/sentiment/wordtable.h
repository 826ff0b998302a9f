/* wordtable.h - the sentiment stage's word table: one open-addressing hash
 * table from a lowercase word to everything the rules know about it
 * (lexicon valence, booster step, negation, domain entries, special-word id),
 * so that scoring a token costs one lookup.
 *
 * Built once in create(), read-only afterwards (safe to share between
 * threads).  Keys are bytes; callers lowercase before looking up. */
#ifndef SENTIMENT_WORDTABLE_H
#define SENTIMENT_WORDTABLE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <textpipe/error.h>

/* What a word is (sent_word.flags). */
enum {
    SW_LEXICON = 1u << 0,  /* in the VADER lexicon: `valence` holds its mean */
    SW_BOOSTER = 1u << 1,  /* a VADER booster/dampener: `booster` holds the step */
    SW_NEGATE = 1u << 2,   /* in VADER's NEGATE list */
    SW_DOMAIN = 1u << 3,   /* the domain file gives `domain` as its valence */
    SW_HEDGE = 1u << 4,    /* domain file: a hedge (dampens its clause) */
    SW_REPORT = 1u << 5,   /* domain file: a reporting verb or phrase head */
    SW_CONTRAST = 1u << 6, /* domain file: a contrast word like "but" */
    SW_CLAUSE = 1u << 7,   /* domain file: starts a new clause ("which", "while") */
    SW_NEGATOR = 1u << 8,  /* domain file: negates like "not" under the news rules */
    SW_PHRASE_HEAD = 1u << 9 /* the first word of a two-word domain entry */
};

typedef struct sent_word {
    uint64_t hash;
    uint32_t key_off;  /* into the table's key arena */
    uint32_t len;
    uint32_t flags;
    uint8_t id;        /* a special word (see lexicon.h), 0 for none */
    double valence;    /* SW_LEXICON */
    double booster;    /* SW_BOOSTER */
    double domain;     /* SW_DOMAIN */
    double hedge;      /* SW_HEDGE: the factor */
} sent_word;

typedef struct wordtable {
    sent_word *words;
    size_t n, cap;
    uint64_t *slots;   /* high 32 bits of the hash << 32 | index + 1; 0 = empty */
    size_t nslots;     /* a power of two */
    char *keys;
    size_t keys_len, keys_cap;
} wordtable;

/* The hash of a (lowercase) key: eight bytes at a time, each block mixed
 * with a multiplication (words are short: usually one block). */
static inline uint64_t wt_hash_mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

static inline uint64_t wt_hash_end(uint64_t h)
{
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

static inline uint64_t wt_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = wt_hash_mix(h, x);
    }
    if (len) {
        uint64_t x = 0;
        memcpy(&x, s, len);
        h = wt_hash_mix(h, x);
    }
    return wt_hash_end(h);
}

/* The same hash when at least 7 bytes after the key may be read: the last
 * block is loaded whole and masked (the tokenizer's buffer has the room). */
static inline uint64_t wt_hash_padded(const char *s, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = wt_hash_mix(h, x);
    }
    if (len) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = wt_hash_mix(h, x & (~0ull >> (64 - 8 * len)));
    }
    return wt_hash_end(h);
#else
    return wt_hash(s, len);
#endif
}

void wt_init(wordtable *t);
void wt_free(wordtable *t);

/* The entry for @p key, added (zeroed apart from the key) when missing.
 * Pointers into the table stay valid only until the next wt_intern(). */
sent_word *wt_intern(wordtable *t, const char *key, size_t len, tp_error *err);

/* The entry for @p key with hash @p h, or NULL.  Inline: it runs once per
 * token.  The slots keep part of the hash so that a miss rarely touches
 * the entries. */
static inline const sent_word *wt_find(const wordtable *t, const char *key, size_t len, uint64_t h)
{
    if (!t->nslots)
        return NULL;
    size_t mask = t->nslots - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
        uint64_t s = t->slots[k];
        if (!s)
            return NULL;
        if ((uint32_t)(s >> 32) != tag)
            continue;
        const sent_word *w = &t->words[(uint32_t)s - 1];
        if (w->len == len && memcmp(t->keys + w->key_off, key, len) == 0)
            return w;
    }
}

/* The key of an entry. */
static inline const char *wt_key(const wordtable *t, const sent_word *w)
{
    return t->keys + w->key_off;
}

#endif
