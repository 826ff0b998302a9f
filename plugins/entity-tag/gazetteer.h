/* gazetteer.h - the compiled word lists: one hash table from folded keys
 * (fold.h) to what the key can be (flags), its written form and its
 * canonical name.
 *
 * The file (entity-tag.gaz, made at build time by gazc) is the same image
 * the builder keeps in memory, so the stage maps it and uses it in place:
 *
 *   header   magic "TPETGAZ1", byte-order mark, counts, offsets
 *   slots    et_slot[nslots], nslots a power of two, linear probing from
 *            (hash & (nslots - 1)); a slot holds the upper 32 bits of the
 *            key's hash, the entry index + 1 (0 = empty) and the entry's
 *            flags, so that asking what a word is costs one cache line
 *   entries  et_entry[nentries]
 *   strings  [uint32 length][bytes][NUL] records; offset 0 means none
 *
 * A second, small table holds the keys that matter when a word is written
 * in lower case (function words, titles, date words; ET_SMALL_MASK): most
 * words of a text are looked up there, in a table that stays in the cache.
 *
 * A key is recognised by its slot position and the 32 check bits, about
 * 50 bits of its 64-bit hash: the text is compared only when an entry's
 * written form or canonical name is wanted (et_gaz_find).
 *
 * Every multi-word key's leading words are keys too (flag ET_PREFIX), so a
 * tagger extends a match word by word and stops as soon as a prefix is
 * unknown: no scan over the list, one probe per word. */
#ifndef ET_GAZETTEER_H
#define ET_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

/* What an entry can be.  Entity kinds first, then the word classes the
 * rules use. */
#define ET_PERSON        (UINT64_C(1) << 0) /* a person's full name (user lists) */
#define ET_FIRST         (UINT64_C(1) << 1) /* a first name */
#define ET_SURNAME       (UINT64_C(1) << 2) /* a surname */
#define ET_COUNTRY       (UINT64_C(1) << 3) /* GPE */
#define ET_CITY          (UINT64_C(1) << 4) /* GPE */
#define ET_REGION        (UINT64_C(1) << 5) /* GPE: states, provinces */
#define ET_LOC           (UINT64_C(1) << 6) /* continents, seas, rivers, regions */
#define ET_NORP          (UINT64_C(1) << 7) /* nationalities, religious and political groups */
#define ET_ORG           (UINT64_C(1) << 8)
#define ET_TITLE         (UINT64_C(1) << 9) /* President, Foreign Minister, Sen. */
#define ET_HONORIFIC     (UINT64_C(1) << 10) /* Mr., Dr.: what follows is a person even if unknown */
#define ET_TITLE_MOD     (UINT64_C(1) << 11) /* Vice, Foreign, Affairs: words inside titles */
#define ET_ORG_HEAD      (UINT64_C(1) << 12) /* Ministry, Court, Inc. */
#define ET_LOC_HEAD      (UINT64_C(1) << 13) /* River, Sea, Street (last word) */
#define ET_LOC_PRE       (UINT64_C(1) << 14) /* Mount, Lake (first word) */
#define ET_GPE_HEAD      (UINT64_C(1) << 15) /* City, County, Province */
#define ET_PARTICLE      (UINT64_C(1) << 16) /* de, van, bin */
#define ET_COMMON        (UINT64_C(1) << 17) /* usually written in lower case */
#define ET_FUNCTION      (UINT64_C(1) << 18) /* never starts a name */
#define ET_NOT_ENTITY    (UINT64_C(1) << 19) /* CEO, TV, COVID */
#define ET_MONTH         (UINT64_C(1) << 20)
#define ET_WEEKDAY       (UINT64_C(1) << 21)
#define ET_DATE_UNIT     (UINT64_C(1) << 22) /* week, year */
#define ET_DATE_WORD     (UINT64_C(1) << 23) /* today, yesterday */
#define ET_TIME_WORD     (UINT64_C(1) << 24) /* tonight, morning */
#define ET_TIME_UNIT     (UINT64_C(1) << 25) /* hour, minutes */
#define ET_CURRENCY      (UINT64_C(1) << 26) /* dollars, euros */
#define ET_SCALE         (UINT64_C(1) << 27) /* million, billion */
#define ET_PERCENT_WORD  (UINT64_C(1) << 28)
#define ET_SAY           (UINT64_C(1) << 29) /* said, told */
#define ET_PREFIX        (UINT64_C(1) << 30) /* the leading words of a longer key */
#define ET_USER          (UINT64_C(1) << 31) /* from a user's list: its label wins */
#define ET_ACRONYM       (UINT64_C(1) << 32) /* the entity's written form is all capitals */
#define ET_FIRST_STRONG  (UINT64_C(1) << 33) /* a first name given 30,000 times or more: "Grant", "Hope" */
#define ET_PLACE_MOD     (UINT64_C(1) << 34) /* North, Southern, Greater: part of the place after it */
#define ET_MISC_HEAD     (UINT64_C(1) << 35) /* Cup, War, Award: the name of an event or a work */
#define ET_TIMEX_START   (UINT64_C(1) << 36) /* this, between, two: may start a date or a time */
#define ET_GPE_PRE       (UINT64_C(1) << 37) /* San, Santa, Puerto: first word of a town's name */
#define ET_FEMALE        (UINT64_C(1) << 38) /* a first name given to girls 95% of the time */
#define ET_MALE          (UINT64_C(1) << 39) /* a first name given to boys 95% of the time */

/* What a word written in lower case can be (the small table). */
#define ET_SMALL_MASK                                                                                        \
    (ET_FUNCTION | ET_PARTICLE | ET_SAY | ET_TITLE | ET_HONORIFIC | ET_TIMEX_START | ET_DATE_UNIT |          \
     ET_DATE_WORD | ET_TIME_WORD | ET_TIME_UNIT | ET_CURRENCY | ET_SCALE | ET_PERCENT_WORD)

#define ET_GPE_MASK (ET_COUNTRY | ET_CITY | ET_REGION)
#define ET_ENTITY_MASK (ET_PERSON | ET_GPE_MASK | ET_LOC | ET_NORP | ET_ORG)

typedef struct et_slot {
    uint32_t check;        /* upper 32 bits of the hash */
    uint32_t index;        /* entry index + 1; 0 = empty */
    uint64_t flags;        /* the entry's flags */
} et_slot;

typedef struct et_entry {
    uint64_t flags;
    uint32_t key, form, canon; /* string offsets; 0 = none */
    uint32_t reserved;
} et_entry;

/* The name of flag bit @p bit ("COUNTRY"), NULL past the last. */
const char *et_flag_name(unsigned bit);
/* Parse "COUNTRY,CITY" into flags; 0 and *bad set on an unknown name. */
uint64_t et_flags_parse(const char *s, const char **bad, size_t *bad_len);

/* ------------------------------------------------------------ reading */

typedef struct et_gaz {
    unsigned char *data;
    size_t size;
    int mapped; /* 1: munmap, 0: free */
    uint64_t mask;
    const et_slot *slots;
    uint64_t small_mask;
    const et_slot *small;  /* the words that matter in lower case */
    const et_entry *entries;
    uint32_t nentries;
    const char *strings;
    size_t strings_size;
} et_gaz;

/* Map the file at @p path.  On failure returns -1 with a message in @p msg
 * that names the file and what is wrong with it. */
int et_gaz_open(et_gaz *g, const char *path, char *msg, size_t msg_cap);
/* Use an image made by et_builder_image(); takes ownership (free()). */
int et_gaz_adopt(et_gaz *g, unsigned char *image, size_t size, char *msg, size_t msg_cap);
void et_gaz_close(et_gaz *g);

/* The entry whose key is @p key (with hash @p hash), or NULL. */
static inline const et_entry *et_gaz_find(const et_gaz *g, uint64_t hash, const char *key, size_t len);
/* A string of the pool, or NULL for offset 0. */
static inline const char *et_gaz_str(const et_gaz *g, uint32_t off, size_t *len);

/* ------------------------------------------------------------ building */

typedef struct et_builder et_builder;

et_builder *et_builder_new(void);
void et_builder_free(et_builder *b);
/* Add @p entry (raw text; folded here) with @p flags; @p canon may be NULL.
 * Flags of an existing key are merged; the first written form and the
 * first canonical name given are kept.  Returns 0, 1 when the entry folds
 * to nothing (skipped), or -1 when out of memory. */
int et_builder_add(et_builder *b, const char *entry, size_t len, const char *canon, size_t canon_len,
                   uint64_t flags);
/* Number of keys so far (prefixes included). */
size_t et_builder_count(const et_builder *b);
/* The file image (malloc'd); -1 when out of memory. */
int et_builder_image(et_builder *b, unsigned char **image, size_t *size);

/* ------------------------------------------------------------ inline */

/* Offsets are checked here, not at start-up: a damaged file gives empty
 * strings, never a read out of bounds. */
static inline const char *et_gaz_str(const et_gaz *g, uint32_t off, size_t *len)
{
    uint32_t n;
    if (!off || (uint64_t)off + 4 > g->strings_size)
        return NULL;
    const char *p = g->strings + off;
    __builtin_memcpy(&n, p, 4);
    if ((uint64_t)off + 4 + n > g->strings_size)
        return NULL;
    if (len)
        *len = n;
    return p + 4;
}

static inline const et_slot *et_probe(const et_gaz *g, const et_slot *slots, uint64_t mask, uint64_t hash)
{
    if (!slots)
        return NULL;
    uint32_t check = (uint32_t)(hash >> 32);
    for (uint64_t i = hash & mask, n = 0; n <= mask; i = (i + 1) & mask, n++) {
        const et_slot *s = &slots[i];
        if (!s->index)
            return NULL;
        if (s->check == check)
            return s->index <= g->nentries ? s : NULL; /* past the entries: a damaged file */
    }
    return NULL;
}

/* The slot of the key with hash @p hash, or NULL: one cache line. */
static inline const et_slot *et_gaz_slot(const et_gaz *g, uint64_t hash)
{
    return et_probe(g, g->slots, g->mask, hash);
}

/* The same in the small table: only keys with ET_SMALL_MASK flags (or an
 * entity written in lower case) are there. */
static inline const et_slot *et_gaz_small_slot(const et_gaz *g, uint64_t hash)
{
    return et_probe(g, g->small, g->small_mask, hash);
}

/* Start loading the slot where a lookup of @p hash begins, in the small
 * table or the full one, so that a lookup made a little later does not
 * wait for memory (the tables are far larger than the caches). */
static inline void et_gaz_prefetch(const et_gaz *g, uint64_t hash, int small)
{
    if (small && g->small)
        __builtin_prefetch(&g->small[hash & g->small_mask]);
    else if (!small && g->slots)
        __builtin_prefetch(&g->slots[hash & g->mask]);
}

/* The flags of the key with hash @p hash in the small table, 0 when it is
 * not there: what et_gaz_small_slot() finds, when only the flags are
 * wanted.  The table is sparse, so the loop stops at the first slot nearly
 * always, hit or miss, and the flags are then chosen without a branch:
 * whether a word is listed, as good as random to the processor, costs no
 * mispredicted branch. */
static inline uint64_t et_gaz_small_flags(const et_gaz *g, uint64_t hash)
{
    if (!g->small)
        return 0;
    uint32_t check = (uint32_t)(hash >> 32);
    for (uint64_t i = hash & g->small_mask, n = 0; n <= g->small_mask; i = (i + 1) & g->small_mask, n++) {
        const et_slot *s = &g->small[i];
        /* an empty slot or the key's, in one test (compilers split an "or"
         * into two branches): the product is 0 when either factor is */
        if ((uint64_t)(s->check ^ check) * s->index == 0) {
            /* all ones for the key's slot (an entry past the last: a damaged file) */
            uint64_t hit = 0 - (uint64_t)((s->index != 0) & (s->index <= g->nentries));
            return s->flags & hit;
        }
    }
    return 0;
}

static inline const et_entry *et_gaz_find(const et_gaz *g, uint64_t hash, const char *key, size_t len)
{
    const et_slot *s = et_gaz_slot(g, hash);
    if (!s)
        return NULL;
    const et_entry *e = &g->entries[s->index - 1];
    size_t kl = 0;
    const char *k = et_gaz_str(g, e->key, &kl);
    return k && kl == len && __builtin_memcmp(k, key, len) == 0 ? e : NULL;
}

#endif
