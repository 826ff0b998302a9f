/* tagger.h - what the entity-tag modules share: the stage's state, the
 * per-document token view and the candidate entities.
 *
 * One document is tagged in four steps, each in its own module:
 *   tokens.c  read the tokens and sentences layers into `et_tok`s (shape,
 *             folded key, word-list flags)
 *   names.c   PERSON, ORG, GPE, LOC, NORP from lists and context rules
 *   timex.c   DATE, TIME, MONEY, PERCENT
 *   coref.c   document-level: short mentions take the type of full ones,
 *             and every entity gets its `canonical` name
 *   pronouns.c  (option) he, she, his... as PERSON mentions of the person
 *             named before them
 * entity-tag.c glues them to the plugin ABI and writes the layer. */
#ifndef ET_TAGGER_H
#define ET_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/plugin.h>

#include "fold.h"
#include "gazetteer.h"

enum et_label { L_NONE = 0, L_PERSON, L_ORG, L_GPE, L_LOC, L_NORP, L_DATE, L_TIME, L_MONEY, L_PERCENT, L_COUNT };
extern const char *const et_label_names[L_COUNT];

/* A word with its length, for tables of words compared in loops. */
typedef struct et_word {
    const char *s;
    size_t n;
} et_word;
#define ET_WORD(lit) {(lit), sizeof(lit) - 1}

/* Closed sets of words that rules ask about for many tokens, in one small
 * hash table from a folded key to the sets it is in: one probe with the
 * token's hash, where et_key_in() compares with every word of a set. */
enum { ET_W_NUMBER = 1u << 0, ET_W_RELATIVE = 1u << 1, /* the sets (timex.c) */
       ET_W_PRONOUN = 1u << 2, ET_W_FEMALE = 1u << 3, ET_W_MALE = 1u << 4, /* (pronouns.c) */
       ET_W_FEMALE_TITLE = 1u << 5, ET_W_MALE_TITLE = 1u << 6 };
#define ET_WORDS_SLOTS 128 /* a power of two, kept at least half empty */
typedef struct et_words {
    struct et_words_slot {
        uint64_t hash;     /* et_hash_add() of the word */
        const char *s;     /* NULL: an empty slot */
        uint32_t n;
        uint32_t sets;
    } slot[ET_WORDS_SLOTS];
    size_t count;
} et_words;

/* The stage's state: read-only while documents are tagged. */
typedef struct et_tagger {
    et_gaz builtin;
    et_gaz user;           /* the user's gazetteers (empty when none) */
    unsigned labels;       /* 1 << label for each label to emit */
    int case_sensitive;    /* list entries match only as written */
    int pronouns;          /* tag he, she, his... as PERSON mentions */
    int guess_people;      /* a lone word no list knows is a person */
    et_words words;        /* the rules' word sets */
} et_tagger;

/* Token shape bits. */
enum {
    S_WORD = 1 << 0,       /* has a letter or a digit */
    S_CAP = 1 << 1,        /* starts with a capital (or d'/l' and a capital) */
    S_ALLCAPS = 1 << 2,    /* two or more letters, no lower-case one */
    S_LOWER = 1 << 3,      /* starts with a lower-case letter */
    S_DIGIT = 1 << 4,      /* starts with a digit */
    S_POSS = 1 << 5,       /* 's or a lone apostrophe after a word */
    S_START = 1 << 6,      /* first word of a sentence, a quotation or after a colon */
    S_INITIAL = 1 << 7,    /* a capital and a dot: "F." */
    S_CAPS_MODE = 1 << 8,  /* in a headline in capitals or Title Case: case tells nothing */
    S_HYPHEN = 1 << 9,     /* contains a hyphen */
    S_BREAK = 1 << 10,     /* punctuation no name runs across ( ) " : ; ! ? */
    S_NEWLINE = 1 << 11    /* a line break stands before it: names do not run across */
};

typedef struct et_tok {
    size_t start, end;     /* bytes in the view */
    uint32_t key, klen;    /* folded text: doc->keys + key */
    uint64_t hash;         /* hash of the folded text alone */
    uint64_t flags;        /* word-list flags of the token alone (built-in | user) */
    uint32_t memo;         /* its et_mcache in doc->mcache, when it may start a list entry */
    uint16_t shape;
    char first;            /* first byte of the text (punctuation tests) */
} et_tok;

/* A candidate entity over tokens [a, b). */
typedef struct et_cand {
    uint32_t a, b;
    uint8_t label;         /* L_NONE while unresolved */
    uint8_t weak;          /* only a surname or a first name: needs the document to confirm */
    uint8_t full_name;     /* a person's name of two words or more (coref registers it) */
    uint8_t after_the;     /* "the" stands before it: no person */
    uint8_t alone;         /* one capitalized word between lower-case ones, inside a sentence */
    const et_gaz *gaz;     /* where canon lives (NULL: none) */
    uint32_t canon;        /* canonical name from the lists */
    int32_t canon_ref;     /* coref: index of the candidate whose text is the canonical name */
} et_cand;

/* et_match_at()'s answer for a token up to its sentence's end, kept
 * because the rules ask for the same token several times. */
typedef struct et_mcache {
    uint32_t end;          /* 0: not asked yet; else the end token + 1 */
    uint32_t limit;        /* the limit it was computed for */
    const et_entry *entry;
    const et_gaz *gaz;
    uint64_t flags;
} et_mcache;

typedef struct et_doc {
    const et_tagger *t;
    const char *text;
    size_t len;
    et_tok *tok;
    size_t ntok, tok_cap;
    char *keys;            /* folded tokens joined by single spaces */
    size_t keys_len, keys_cap;
    uint32_t *sent_first;  /* first token of each sentence; sent_first[nsent] = ntok */
    size_t nsent, sent_cap;
    et_cand *cand;
    size_t ncand, cand_cap;
    et_mcache *mcache;     /* one per token that may start a list entry (et_tok.memo) */
    size_t nmemo;
} et_doc;

/* A gazetteer match: the combined flags of the built-in and user entries. */
typedef struct et_match {
    uint64_t flags;
    const et_entry *entry; /* the entry that gives form and canonical name */
    const et_gaz *gaz;
} et_match;

/* tokens.c */
int et_doc_load(et_doc *d, const et_tagger *t, tp_doc *doc, tp_error *err);
void et_doc_free(et_doc *d);
/* The longest list entry with an entity kind that starts at token @p i and
 * ends at or before token @p limit; returns its end token (exclusive) or i
 * when none, with what matched in @p m. */
static inline size_t et_match_at(const et_doc *d, size_t i, size_t limit, et_match *m);
/* et_match_at() for a token that may start one: the answer remembered or found. */
size_t et_match_cached(const et_doc *d, size_t i, size_t limit, et_match *m);
/* Look a key up in both lists. */
uint64_t et_lookup(const et_doc *d, uint64_t hash, const char *key, size_t len, et_match *m);
/* Does the text of tokens [a, b) have the case of the entry's written form? */
int et_case_matches(const et_doc *d, size_t a, size_t b, const et_match *m);
int et_add_cand(et_doc *d, size_t a, size_t b, int label, const et_match *m);

static inline int et_is_word(const et_tok *t) { return t->shape & S_WORD; }

/* Is the token's folded text one of @p words (ended by {NULL, 0})? */
static inline int et_key_in(const char *keys, uint32_t key, uint32_t klen, const et_word *words)
{
    const char *k = keys + key;
    for (; words->s; words++)
        if (words->n == klen && words->s[0] == k[0] && __builtin_memcmp(k, words->s, klen) == 0)
            return 1;
    return 0;
}

/* Is the token's folded text @p w?  Inline, so that the length of a
 * literal is known at compile time. */
static inline int et_key_is(const et_doc *d, const et_tok *t, const char *w)
{
    size_t n = __builtin_strlen(w);
    return t->klen == n && __builtin_memcmp(d->keys + t->key, w, n) == 0;
}

/* Most words start no list entry: their own flags say so without a lookup
 * (a token without a key has no flags). */
static inline int et_may_start_entry(const et_tok *t)
{
    return (t->flags & (ET_ENTITY_MASK | ET_PREFIX)) != 0;
}

/* Inline, since the rules ask it for many tokens that start nothing. */
static inline size_t et_match_at(const et_doc *d, size_t i, size_t limit, et_match *m)
{
    if (i >= limit || !et_may_start_entry(&d->tok[i]))
        return i;
    return et_match_cached(d, i, limit, m);
}

/* words.c: add @p words (ended by {NULL, 0}) to set @p set; -1 when the
 * table would be more than half full. */
int et_words_add(et_words *w, const et_word *words, uint32_t set);

/* The sets the token's folded text is in (0 for none). */
static inline uint32_t et_words_of(const et_words *w, const char *keys, const et_tok *t)
{
    const char *k = keys + t->key;
    for (size_t i = t->hash & (ET_WORDS_SLOTS - 1);; i = (i + 1) & (ET_WORDS_SLOTS - 1)) {
        const struct et_words_slot *s = &w->slot[i];
        if (!s->s)
            return 0;
        if (s->hash == t->hash && s->n == t->klen && __builtin_memcmp(s->s, k, t->klen) == 0)
            return s->sets;
    }
}

/* names.c, timex.c, coref.c */
int et_find_names(et_doc *d);
int et_find_timex(et_doc *d);
/* Put timex.c's word sets into @p w (create()); -1 when they do not fit. */
int et_timex_words(et_words *w);
int et_resolve(et_doc *d);

/* pronouns.c: put the pronouns and the courtesy titles that tell a
 * gender into @p w (create()); -1 when they do not fit. */
int et_pronoun_words(et_words *w);
enum { ET_FEMININE = 1, ET_MASCULINE = 2 };
/* ET_FEMININE or ET_MASCULINE when token @p i is one of the pronouns the
 * `pronouns` option tags, else 0. */
int et_pronoun_gender(const et_doc *d, size_t i);
/* The gender a person's name or title tells (0: unknown). */
int et_person_gender(const et_doc *d, const et_cand *c);
/* The sentence of token @p i, looked for from sentence @p s on. */
size_t et_sentence_of(const et_doc *d, size_t i, size_t s);
/* May a person named in sentence @p person_sentence be what a pronoun in
 * sentence @p pronoun_sentence refers to? */
int et_antecedent_near(size_t pronoun_sentence, size_t person_sentence);

#endif
