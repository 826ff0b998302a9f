/* lexicon.h - what the sentiment rules know: the word table filled from the
 * VADER lexicon, VADER's built-in word lists and the optional domain file,
 * and the emoji table.  Loaded in create(), read-only afterwards. */
#ifndef SENTIMENT_LEXICON_H
#define SENTIMENT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/error.h>

#include "wordtable.h"

/* Words the rules test by identity (sent_word.id). */
enum sent_word_id {
    W_NONE = 0,
    W_NO, W_OR, W_NOR, W_BUT, W_KIND, W_OF, W_SO, W_THIS, W_NEVER, W_WITHOUT, W_DOUBT,
    W_LEAST, W_AT, W_VERY,
    /* words of VADER's idioms and multi-word boosters */
    W_THE, W_SHIT, W_BOMB, W_BAD, W_ASS, W_BUS, W_STOP, W_YEAH, W_RIGHT, W_KISS, W_DEATH,
    W_TO, W_DIE, W_FOR, W_BEATING, W_HEART, W_BROKEN, W_JUST, W_ENOUGH, W_SORT,
    /* words the news rules test */
    W_TOO,
    W_COUNT
};

/* An emoji the reference replaces by its description. */
typedef struct emoji_entry {
    uint32_t cp;       /* the code point */
    uint32_t off, len; /* the description in sent_model.emoji_text */
} emoji_entry;

typedef struct sent_model {
    wordtable words;
    double positive_weight; /* domain file setting: positive valences are multiplied by it */
    size_t longest_key;     /* tokens longer than this are never looked up */
    emoji_entry *emoji;     /* sorted by cp */
    size_t nemoji;
    char *emoji_text;
    size_t emoji_text_len;
    uint32_t emoji_min_cp;  /* smallest emoji code point: faster rejection */
    uint64_t emoji_bmp[0x10000 / 64]; /* which code points below U+10000 are emoji */
    int prepared_for;       /* vader_prepare(): 0 not yet, 1 for VADER's rules, 2 for the news rules */
} sent_model;

void model_init(sent_model *m);
void model_free(sent_model *m);

/* VADER's lists (boosters, negations) and the special words (with
 * SW_IDIOM on those VADER's idioms are made of).  Call first. */
int model_add_builtin(sent_model *m, tp_error *err);

/* Lines "token<TAB>mean valence[<TAB>...]"; a later line wins. */
int model_load_lexicon(sent_model *m, const char *path, tp_error *err);

/* Lines "emoji<TAB>description"; keys longer than one code point are
 * skipped (they can never match). */
int model_load_emoji(sent_model *m, const char *path, tp_error *err);

/* The domain file (see docs/sentiment.md): lines "word<TAB>kind[<TAB>value]"
 * with kind valence, hedge, report, contrast or clause; '#' starts a comment. */
int model_load_domain(sent_model *m, const char *path, tp_error *err);

/* The emoji description for @p cp, or NULL. */
const emoji_entry *model_emoji(const sent_model *m, uint32_t cp);

/* Whether @p cp may be an emoji: exact below U+10000, a quick "no" for
 * most text.  Call model_emoji() when it says yes. */
static inline int model_maybe_emoji(const sent_model *m, uint32_t cp)
{
    if (cp < m->emoji_min_cp)
        return 0;
    return cp >= 0x10000 || (m->emoji_bmp[cp >> 6] >> (cp & 63) & 1);
}

/* The value VADER's SPECIAL_CASES gives the word sequence @p ids (2 or 3
 * ids); returns 1 and sets *value when it is one. */
int model_special_case(const uint8_t *ids, size_t n, double *value);

/* The value of a multi-word booster ("kind of", "sort of", "just enough")
 * made of @p ids (2 or 3); returns 1 and sets *value when it is one. */
int model_booster_ngram(const uint8_t *ids, size_t n, double *value);

#endif
