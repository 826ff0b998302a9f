/* wordtable.h - the sentiment stage's word table: one open-addressing hash
 * table from a lowercase word to everything the rules know about it
 * (lexicon valence, booster step, negation, domain entries, special-word id,
 * and what a token of the word gets under the rules in use), so that
 * scoring a token costs one lookup.
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
    SW_PHRASE_HEAD = 1u << 9, /* the first word of a two-word domain entry */
    SW_IDIOM = 1u << 10,   /* its id takes part in one of VADER's idioms or multi-word boosters */
    SW_DERIVED = 1u << 11  /* not a word of the lists: added by vader_prepare() as the plural
                            * of one, to carry its valence */
};

/* An entry.  The fields a token's lookup reads come first, so that a
 * lookup touches one cache line (the entries are 64 bytes, aligned). */
typedef struct sent_word {
    uint64_t head;          /* the key's first eight bytes, zero-padded */
    uint32_t len;           /* of the key */
    uint16_t token_flags;   /* what a token of this word is, under the rules the model was
                             * prepared for (vtok.flags, VT_*: see vader_prepare()) */
    uint8_t id;             /* a special word (see lexicon.h), 0 for none */
    double token_valence;   /* its own valence under those rules (with VT_LEX) */
    uint32_t key_off;       /* into the table's key arena */
    uint32_t flags;         /* SW_* */
    double valence;         /* SW_LEXICON */
    double booster;         /* SW_BOOSTER */
    double domain;          /* SW_DOMAIN */
    double hedge;           /* SW_HEDGE: the factor */
} sent_word;

typedef struct wordtable {
    sent_word *words;  /* aligned to 64 bytes */
    size_t n, cap;
    uint64_t *slots;   /* high 32 bits of the hash << 32 | index + 1; 0 = empty */
    size_t nslots;     /* a power of two */
    char *keys;        /* each followed by a NUL; 8 more bytes at the end (wt_same_padded()) */
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

/* The hash of [s, s+len), and in *head its first eight bytes zero-padded
 * (the entries keep them: most keys then compare in one step). */
static inline uint64_t wt_hash(const char *s, size_t len, uint64_t *head)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    uint64_t x = 0;
    memcpy(&x, s, len < 8 ? len : 8);
    *head = x;
    h = wt_hash_mix(h, x);
    for (s += 8, len = len > 8 ? len - 8 : 0; len >= 8; s += 8, len -= 8) {
        memcpy(&x, s, 8);
        h = wt_hash_mix(h, x);
    }
    if (len) {
        x = 0;
        memcpy(&x, s, len);
        h = wt_hash_mix(h, x);
    }
    return wt_hash_end(h);
}

/* The head of a key in a buffer that may be read 7 bytes past its end. */
static inline uint64_t wt_head_padded(const char *s, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x;
    memcpy(&x, s, 8);
    return len < 8 ? x & ((1ull << (8 * len)) - 1) : x;
#else
    uint64_t x = 0;
    memcpy(&x, s, len < 8 ? len : 8);
    return x;
#endif
}

/* wt_hash() when at least 7 bytes after the key may be read: each block
 * is loaded whole and the last one masked (the tokenizer's buffer has the
 * room). */
static inline uint64_t wt_hash_padded(const char *s, size_t len, uint64_t *head)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    uint64_t x = wt_head_padded(s, len);
    *head = x;
    h = wt_hash_mix(h, x);
    for (s += 8, len = len > 8 ? len - 8 : 0; len >= 8; s += 8, len -= 8) {
        memcpy(&x, s, 8);
        h = wt_hash_mix(h, x);
    }
    if (len)
        h = wt_hash_mix(h, wt_head_padded(s, len));
    return wt_hash_end(h);
#else
    return wt_hash(s, len, head);
#endif
}

void wt_init(wordtable *t);
void wt_free(wordtable *t);

/* The entry for @p key, added (zeroed apart from the key) when missing.
 * Pointers into the table stay valid only until the next wt_intern(). */
sent_word *wt_intern(wordtable *t, const char *key, size_t len, tp_error *err);

/* Room for @p more entries and @p key_bytes more key bytes without
 * growing: a table filled in steps of doubling copies and first-touches
 * several times its final size, which is most of the stage's start-up. */
int wt_reserve(wordtable *t, size_t more, size_t key_bytes, tp_error *err);

/* Whether the @p len bytes at @p a and @p b are equal, when both may be
 * read 7 bytes past their end (no call to memcmp in the lookup loop). */
static inline int wt_same_padded(const char *a, const char *b, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x, y;
    for (; len >= 8; a += 8, b += 8, len -= 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
    }
    if (!len)
        return 1;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    return ((x ^ y) & ((1ull << (8 * len)) - 1)) == 0;
#else
    return memcmp(a, b, len) == 0;
#endif
}

/* The lookup: the entry for @p key with hash @p h and head @p head (from
 * wt_hash() or wt_hash_padded()), or NULL; @p padded says whether the key
 * may be read 7 bytes past its end.  The slots keep part of the hash so
 * that a miss rarely touches the entries. */
static inline const sent_word *wt_find_in(const wordtable *t, const char *key, size_t len, uint64_t h,
                                          uint64_t head, int padded)
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
        if (w->len != len || w->head != head)
            continue;
        if (len <= 8)
            return w;
        const char *stored = t->keys + w->key_off + 8;
        if (padded ? wt_same_padded(stored, key + 8, len - 8) : memcmp(stored, key + 8, len - 8) == 0)
            return w;
    }
}

/* The entry for @p key (any buffer), or NULL. */
static inline const sent_word *wt_find(const wordtable *t, const char *key, size_t len, uint64_t h,
                                       uint64_t head)
{
    return wt_find_in(t, key, len, h, head, 0);
}

/* The same for a key that may be read 7 bytes past its end (the
 * tokenizer's lowercase forms): runs once per token. */
static inline const sent_word *wt_find_padded(const wordtable *t, const char *key, size_t len, uint64_t h,
                                              uint64_t head)
{
    return wt_find_in(t, key, len, h, head, 1);
}

/* wt_find() for a key at hand (any buffer). */
static inline const sent_word *wt_lookup(const wordtable *t, const char *key, size_t len)
{
    uint64_t head, h = wt_hash(key, len, &head);
    return wt_find(t, key, len, h, head);
}

/* The key of an entry. */
static inline const char *wt_key(const wordtable *t, const sent_word *w)
{
    return t->keys + w->key_off;
}

#endif
