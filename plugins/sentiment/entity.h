/* entity.h - sentiment toward entities: each mention gets the sentiment of
 * the context that is about it, and the document an aggregate per
 * canonical entity (docs/sentiment.md, "Entity sentiment"). */
#ifndef SENTIMENT_ENTITY_H
#define SENTIMENT_ENTITY_H

#include <stddef.h>

#include <textpipe/error.h>
#include <textpipe/output.h>

#include "entity_words.h"
#include "lexicon.h"
#include "vader.h"

/* What the entity rules read besides the analyzed unit (read-only). */
typedef struct entity_model {
    const sent_model *sent;    /* valences of words the tokenizer left quoted */
    const entity_words *words; /* role verbs, words about people, grammar */
    int news;                  /* the news rules: domain valences, positive weight */
} entity_model;

/* Per token of the analyzed unit: what entity_prepare() found. */
typedef struct entity_tok {
    double fill;   /* a valence for a word the unit's rules left at 0 */
    uint8_t role;  /* enum ew_role of the verb */
    uint8_t noun;  /* enum ew_role of the noun */
    uint8_t owner; /* the part a noun's possessor plays */
    uint16_t flags; /* EW_* of entity_words.h, EW_ADVERB also for -ly words */
    uint8_t possessive; /* ends with 's or s' */
    uint32_t person; /* part of a person's name: which person (see entity_prepare), else 0 */
} entity_tok;

/* Scratch of one thread: reuse it for many units, free with
 * entity_scratch_free(). */
typedef struct entity_scratch {
    entity_tok *t;
    size_t cap;
    /* the tokens that may count toward an entity (a valence, a fill, a role
     * or noun class; not in a name), in order: every other token counts as
     * neutral for every entity, so each entity visits only these */
    uint32_t *live;
    size_t nlive, live_cap;
    size_t plain; /* tokens neither live nor in a name */
    /* the pronouns tagged as mentions of a person (entity-tag's
     * `pronouns`), in order */
    uint32_t *pron;
    size_t npron, pron_cap;
} entity_scratch;

void entity_scratch_free(entity_scratch *s);

/* Prepare the analyzed unit @p text (the text vader_analyze() read) for
 * scoring its entities: mark the tokens that fall in any of the @p n byte
 * ranges [starts[i], ends[i]) (relative to the unit, in order), since
 * entity names carry no sentiment toward anyone ("Justice Department",
 * "Hope Hicks"), nor do the words of a name no entity covers ("Good Morning
 * America"), and look the tokens up once for all the entities.  people[i]
 * is 0 when entity i is not a person, else a number that the mentions of
 * the same person share (the same canonical name) and no other entity
 * has. */
int entity_prepare(const entity_model *m, const char *text, vader_work *w, entity_scratch *s,
                   const size_t *starts, const size_t *ends, const uint32_t *people, size_t n,
                   tp_error *err);

/* The sentiment toward the entity at bytes [start, end) of the analyzed
 * unit (relative to it).  @p amp is the unit's punctuation emphasis. */
sent_scores entity_scores(const vader_work *w, const entity_scratch *s, size_t start, size_t end, double amp);

/* The per-document aggregate: canonical name -> mean scores. */
typedef struct entity_agg entity_agg;

entity_agg *entity_agg_new(void);
void entity_agg_free(entity_agg *a);
/* Add one mention of entity @p canonical (label may be NULL).  Both are
 * kept by pointer: they must outlive the aggregate (the document's do). */
int entity_agg_add(entity_agg *a, const char *canonical, size_t len, const char *label, const sent_scores *s,
                   tp_error *err);
/* Append {"<canonical>": {"label", "mentions", "compound", "positive",
 * "negative", "neutral"}, ...} in order of first mention to @p out, as
 * compact JSON text: the document stores it as it is (no json_t tree of a
 * dozen allocations per entity).  TP_ERR_NOMEM when @p out failed. */
int entity_agg_render(const entity_agg *a, tp_buf *out);

#endif
