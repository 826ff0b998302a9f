/* vader.h - VADER's scoring of one unit of text (a sentence, a snippet, a
 * whole document), as restated in docs/sentiment.md, plus the news rules
 * that may be switched on.
 *
 * Scoring is two steps so that callers can score parts of a unit:
 * vader_analyze() splits the unit into tokens and gives each its valence
 * after every rule; vader_scores() turns the valences of a range of tokens
 * into VADER's four figures.
 *
 * A vader_work holds the scratch memory of one thread: reuse it for many
 * units (it only grows), free it with vader_work_free(). */
#ifndef SENTIMENT_VADER_H
#define SENTIMENT_VADER_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/error.h>

#include "lexicon.h"

/* What a token is (vtok.flags). */
enum {
    VT_ALLCAPS = 1u << 0,   /* Python's isupper() on the token */
    VT_NEGATED = 1u << 1,   /* negates: in NEGATE or contains "n't" (news: also "hardly"...) */
    VT_LEX = 1u << 2,       /* has a valence of its own (lexval) */
    VT_BOOSTER = 1u << 3,   /* a booster or dampener */
    VT_QOPEN = 1u << 4,     /* news: opens a quotation */
    VT_QCLOSE = 1u << 5,    /* news: closes a quotation */
    VT_CLAUSE_END = 1u << 6, /* news: the last token of a clause (, ; : or a dash after it) */
    VT_STOP = 1u << 7,       /* news: the raw token ends with . ! or ? */
    VT_ENTITY = 1u << 8,     /* part of an entity's name (entity.c) */
    /* From the word table (what the word is; vader_prepare()): */
    VT_CLAUSE_WORD = 1u << 9, /* news: a clause or contrast word of the domain file starts a clause */
    VT_CONTRAST = 1u << 10,  /* news: a contrast word of the domain file */
    VT_HEDGE = 1u << 11,     /* news: a hedge of the domain file */
    VT_PHRASE_HEAD = 1u << 12, /* news: may start a two-word domain entry */
    VT_IDIOM = 1u << 13,     /* its id is part of one of VADER's idioms or multi-word boosters */
    VT_QUOTED = 1u << 14     /* news: inside a quotation (news.c: longer than a quoted term) */
};

typedef struct vtok {
    size_t start, end;        /* bytes of the token (punctuation stripped) in the unit */
    uint32_t lo_off, lo_len;  /* its lowercase form in vader_work.lower */
    uint64_t hash;            /* of the lowercase form (0 when too long to be a word of the table) */
    const sent_word *w;       /* the word table's entry for it, or NULL */
    double lexval;            /* its own valence when VT_LEX */
    double v;                 /* valence after all rules */
    uint32_t clause;          /* news: the clause it belongs to, numbered from 0 */
    uint16_t flags;
    uint8_t id;               /* enum sent_word_id */
} vtok;

/* Which rules to apply. */
typedef struct vader_rules {
    /* 0: exactly VADER (the reference's quirks included).  1: the news
     * rules of docs/sentiment.md on top of it. */
    int news;
} vader_rules;

typedef struct vader_seg vader_seg;

typedef struct vader_work {
    vtok *tok;
    size_t n, cap;
    char *lower;              /* lowercase forms of the tokens */
    size_t lower_cap;
    char *text;               /* the unit with emoji replaced, when it has any */
    size_t text_len, text_cap;
    vader_seg *segs;          /* how that text maps back to the unit */
    size_t nsegs, segs_cap;
    size_t *nz;               /* scratch: tokens with a valence */
    size_t nz_cap;
    unsigned all_flags;       /* the flags of all tokens together (after the lookups) */
    int cap_diff;             /* some tokens are ALL CAPS and some are not */
    size_t contrast;          /* the token that split the unit ("but"), or n */
    unsigned excl, quest;     /* '!' and '?' in the unit */
} vader_work;

/* VADER's four figures, rounded as the reference rounds them. */
typedef struct sent_scores {
    double compound, pos, neg, neu;
} sent_scores;

void vader_work_init(vader_work *w);
void vader_work_free(vader_work *w);

/* Make the loaded model ready for rules @p r: what a token of each word
 * gets (its VT_* flags and valence) is worked out once here instead of
 * for every token.  Under the news rules, adds the plurals of lexicon and
 * domain words to the table.  Call after loading every file, before
 * vader_analyze() (which must use the same rules). */
int vader_prepare(sent_model *m, const vader_rules *r, tp_error *err);

/* Tokens and valences of the unit [text, text+len) (valid UTF-8). */
int vader_analyze(const sent_model *m, const vader_rules *r, const char *text, size_t len, vader_work *w,
                  tp_error *err);

/* The punctuation amplifier for @p excl '!' and @p quest '?'. */
double vader_amplifier(unsigned excl, unsigned quest);

/* The figures of tokens [from, to) of the analyzed unit with amplifier
 * @p amp (vader_amplifier(w->excl, w->quest) for the whole unit).  Also
 * the unrounded sum of valences in *sum when @p sum is not NULL. */
sent_scores vader_scores(const vader_work *w, size_t from, size_t to, double amp, double *sum);

/* compound = x / sqrt(x*x + 15), clamped to [-1, 1] (not rounded). */
double vader_normalize(double x);

/* Python's round(x, digits) for digits 3 and 4 (half to even on the exact
 * binary value). */
double vader_round(double x, int digits);

#endif
