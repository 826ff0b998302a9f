/* entity_words.h - what the entity rules know about words beyond the
 * valence lexicons: verbs that say who does what to whom (praise, blame,
 * win...), words about people that VADER lacks, and the grammar words the
 * rules read (forms of "be", pronouns, "by").  Loaded from the data file
 * entity-words.tsv (docs/sentiment.md, "Entity sentiment") in create(),
 * read-only afterwards (safe to share between threads).
 *
 * Keys are lowercase and hashed with wt_hash(), the hash the tokenizer
 * stores in every vtok, so that a token costs one probe. */
#ifndef SENTIMENT_ENTITY_WORDS_H
#define SENTIMENT_ENTITY_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/error.h>

/* What a verb says about its agent (subject) and its patient (object). */
enum ew_role {
    ER_NONE = 0,
    ER_PRAISE, /* praise, endorse, defend: good for the patient */
    ER_BLAME,  /* criticize, accuse, indict: bad for the patient, a little for the agent */
    ER_WIN,    /* win, defeat, lead: good for the agent, bad for the patient */
    ER_LOSE,   /* lose, trail: bad for the agent ("lost to X" is good for X) */
    ER_HARM,   /* kill, abuse, deceive: bad for the agent; victims are not judged */
    ER_HELP,   /* help, rescue, protect: good for the agent and the patient */
    ER_UNDERGO, /* die, disappear: it happens to the agent, who is a victim, not judged */
    ER_COUNT
};

/* ew_entry.flags */
enum {
    EW_PARTICIPLE = 1u << 0, /* a role verb's past participle: may be passive */
    EW_VALENCE = 1u << 1,    /* `valence` holds a valence for a word VADER lacks */
    EW_BE = 1u << 2,         /* a form of "be" or "get" (the passive) */
    EW_PRONOUN = 1u << 3,    /* a personal pronoun: a doer the rules can see */
    EW_BY = 1u << 4,         /* "by": names the agent of a passive */
    EW_ADVERB = 1u << 5,     /* may stand between "be" and a participle ("not", "also") */
    EW_HE = 1u << 6,         /* he, she, his, her...: refers back to a person */
    EW_PREP = 1u << 7,       /* of, for, on, against, over...: names a noun's object */
    EW_OF_FOR = 1u << 8,     /* "of", "for": "the victory of X" names the winner */
    EW_DET = 1u << 9,        /* a determiner: what follows is a noun ("a shot", "his attack") */
    EW_TELL = 1u << 10,      /* "told", "tells": whom it is told to listens, does not speak */
    EW_SETTING = 1u << 11,   /* with, in, from, for, by: who follows is the setting, not a party */
    EW_WHO = 1u << 12,       /* "who", "whose": the clause it opens is about the name before it */
    EW_AND = 1u << 13        /* "and", "or": joins names that play one part ("X and Y won") */
};

typedef struct ew_entry {
    uint64_t hash;
    uint32_t key_off, len;
    uint8_t role;  /* enum ew_role of the verb */
    uint8_t noun;  /* enum ew_role of the noun ("criticism", "victory") */
    uint8_t owner; /* the part a noun's possessor plays: 0 doer, 1 object */
    uint16_t flags;
    double valence; /* EW_VALENCE */
} ew_entry;

typedef struct entity_words {
    ew_entry *e;
    size_t n, cap;
    uint32_t *slots; /* index + 1; 0 = empty */
    size_t nslots;   /* a power of two */
    char *keys;
    size_t keys_len, keys_cap;
} entity_words;

void ew_init(entity_words *t);
void ew_free(entity_words *t);

/* The grammar words (be, pronouns, "by", adverbs).  Call before loading. */
int ew_add_grammar(entity_words *t, tp_error *err);

/* The data file: lines "kind<TAB>base s-form past participle ing-form" for
 * role verbs (kind praise, blame, win, lose, harm, help, undergo; "-" for a
 * form that should not count), "kind<TAB>noun<TAB>doer|object<TAB>forms..."
 * for nouns (what the possessor is: "X's victory" doer, "X's critics"
 * object) and "valence<TAB>word<TAB>value"; '#' starts a comment. */
int ew_load(entity_words *t, const char *path, tp_error *err);

/* The entry for lowercase @p key with hash @p h (wt_hash()), or NULL. */
const ew_entry *ew_find(const entity_words *t, const char *key, size_t len, uint64_t h);

#endif
