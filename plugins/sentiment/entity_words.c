/* entity_words.c - see entity_words.h. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "entity_words.h"
#include "wordtable.h"

void ew_init(entity_words *t)
{
    memset(t, 0, sizeof *t);
}

void ew_free(entity_words *t)
{
    free(t->e);
    free(t->slots);
    free(t->keys);
    memset(t, 0, sizeof *t);
}

const ew_entry *ew_find(const entity_words *t, const char *key, size_t len, uint64_t h)
{
    if (!t->nslots)
        return NULL;
    size_t mask = t->nslots - 1;
    for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
        uint32_t s = t->slots[k];
        if (!s)
            return NULL;
        const ew_entry *e = &t->e[s - 1];
        if (e->hash == h && e->len == len && memcmp(t->keys + e->key_off, key, len) == 0)
            return e;
    }
}

/* Rebuild the slots for @p nslots (a power of two, more than twice n). */
static int rehash(entity_words *t, size_t nslots, tp_error *err)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory for the entity words");
    for (size_t i = 0; i < t->n; i++) {
        size_t k = (size_t)t->e[i].hash & (nslots - 1);
        while (slots[k])
            k = (k + 1) & (nslots - 1);
        slots[k] = (uint32_t)(i + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return TP_OK;
}

/* The entry for @p key, added (zeroed) when missing; NULL when out of
 * memory.  Pointers stay valid until the next call. */
static ew_entry *intern(entity_words *t, const char *key, size_t len, tp_error *err)
{
    uint64_t head, h = wt_hash(key, len, &head);
    ew_entry *found = (ew_entry *)ew_find(t, key, len, h);
    if (found)
        return found;
    if (len > UINT32_MAX / 2 || t->keys_len > UINT32_MAX / 2 || t->n >= UINT32_MAX / 4)
        return tp_error_set(err, TP_ERR_DATA, "the entity words are too many"), NULL;
    if ((t->n + 1) * 2 >= t->nslots && rehash(t, t->nslots ? t->nslots * 2 : 256, err))
        return NULL;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        ew_entry *more = realloc(t->e, cap * sizeof *more);
        if (!more)
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory for the entity words"), NULL;
        t->e = more;
        t->cap = cap;
    }
    if (t->keys_len + len > t->keys_cap) {
        size_t cap = t->keys_cap ? t->keys_cap : 4096;
        while (cap < t->keys_len + len)
            cap *= 2;
        char *more = realloc(t->keys, cap);
        if (!more)
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory for the entity words"), NULL;
        t->keys = more;
        t->keys_cap = cap;
    }
    memcpy(t->keys + t->keys_len, key, len);
    ew_entry *e = &t->e[t->n];
    memset(e, 0, sizeof *e);
    e->hash = h;
    e->key_off = (uint32_t)t->keys_len;
    e->len = (uint32_t)len;
    t->keys_len += len;
    size_t k = (size_t)h & (t->nslots - 1);
    while (t->slots[k])
        k = (k + 1) & (t->nslots - 1);
    t->slots[k] = (uint32_t)(t->n + 1);
    t->n++;
    return e;
}

/* Grammar, not vocabulary: these belong to the rules, not to the data file. */
static const char *const be_words[] = {"is", "are", "was", "were", "be", "been", "being",
                                       "get", "gets", "got", "gotten", "getting"};
static const char *const pronouns[] = {"he", "she", "they", "i", "we", "you", "him", "her", "them", "it"};
static const char *const he_words[] = {"he", "she", "him", "her", "his", "hers", "himself", "herself"};
static const char *const prepositions[] = {"of", "for", "on", "against", "over", "toward", "towards", "to"};
static const char *const determiners[] = {"a", "an", "the", "this", "that", "these", "those", "his", "her",
                                          "their", "its", "our", "my", "your", "no", "any", "some", "every",
                                          "each", "another"};
static const char *const tell_words[] = {"tell", "tells", "told", "telling"};
static const char *const setting_words[] = {"with", "in", "from", "for", "by"};
static const char *const who_words[] = {"who", "whose"};
static const char *const and_words[] = {"and", "or", "&"};
static const char *const adverbs[] = {"not", "never", "also", "just", "already", "being", "been", "then",
                                      "n't", "even", "all", "both"};

int ew_add_grammar(entity_words *t, tp_error *err)
{
    static const struct {
        const char *const *words;
        size_t n;
        uint16_t flag;
    } groups[] = {{be_words, sizeof be_words / sizeof *be_words, EW_BE},
                  {pronouns, sizeof pronouns / sizeof *pronouns, EW_PRONOUN},
                  {adverbs, sizeof adverbs / sizeof *adverbs, EW_ADVERB},
                  {he_words, sizeof he_words / sizeof *he_words, EW_HE},
                  {prepositions, sizeof prepositions / sizeof *prepositions, EW_PREP},
                  {determiners, sizeof determiners / sizeof *determiners, EW_DET},
                  {tell_words, sizeof tell_words / sizeof *tell_words, EW_TELL},
                  {setting_words, sizeof setting_words / sizeof *setting_words, EW_SETTING},
                  {who_words, sizeof who_words / sizeof *who_words, EW_WHO},
                  {and_words, sizeof and_words / sizeof *and_words, EW_AND}};
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
        for (size_t i = 0; i < groups[g].n; i++) {
            ew_entry *e = intern(t, groups[g].words[i], strlen(groups[g].words[i]), err);
            if (!e)
                return err->status;
            e->flags |= groups[g].flag;
        }
    ew_entry *by = intern(t, "by", 2, err);
    if (!by)
        return err->status;
    by->flags |= EW_BY;
    ew_entry *of = intern(t, "of", 2, err);
    if (!of)
        return err->status;
    of->flags |= EW_OF_FOR;
    ew_entry *for_ = intern(t, "for", 3, err);
    if (!for_)
        return err->status;
    for_->flags |= EW_OF_FOR;
    return TP_OK;
}

/* ------------------------------------------------------------ the file */

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static const char *const role_names[ER_COUNT] = {NULL, "praise", "blame", "win", "lose", "harm", "help", "undergo"};

/* "KIND<TAB>noun<TAB>doer|object<TAB>forms..." from @p rest on. */
static int noun_line(entity_words *t, const char *path, size_t lineno, const char *s0, uint8_t role,
                     const char *rest, const char *e, tp_error *err)
{
    const char *f2 = memchr(rest, '\t', (size_t)(e - rest));
    const char *f3 = f2 ? memchr(f2 + 1, '\t', (size_t)(e - f2 - 1)) : NULL;
    uint8_t owner = 2;
    if (f3 && (size_t)(f2 - rest) == 4 && memcmp(rest, "noun", 4) == 0) {
        size_t plen = (size_t)(f3 - f2 - 1);
        if (plen == 4 && memcmp(f2 + 1, "doer", 4) == 0)
            owner = 0;
        else if (plen == 6 && memcmp(f2 + 1, "object", 6) == 0)
            owner = 1;
    }
    if (owner == 2)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: expected \"%s<TAB>noun<TAB>doer|object<TAB>forms\"",
                            path, lineno, (size_t)(rest - s0) + 1, role_names[role]);
    size_t nform = 0;
    for (const char *p = f3 + 1; p < e;) {
        while (p < e && is_blank(*p))
            p++;
        const char *q = p;
        while (q < e && !is_blank(*q))
            q++;
        if (q == p)
            break;
        ew_entry *w = intern(t, p, (size_t)(q - p), err);
        if (!w)
            return err->status;
        if (w->noun && (w->noun != role || w->owner != owner))
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: \"%.*s\" is already a noun of another kind", path,
                                lineno, (size_t)(p - s0) + 1, (int)(q - p), p);
        w->noun = role;
        w->owner = owner;
        nform++;
        p = q;
    }
    if (nform == 0)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: the noun has no forms", path, lineno,
                            (size_t)(f3 - s0) + 2);
    return TP_OK;
}

/* One line [s, e), without its newline.  @p s0 is where the line starts
 * (for columns). */
static int load_line(entity_words *t, const char *path, size_t lineno, const char *s, const char *e, tp_error *err)
{
    const char *s0 = s;
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash)
        e = hash;
    while (s < e && is_blank(*s))
        s++;
    while (e > s && is_blank(e[-1]))
        e--;
    if (s == e)
        return TP_OK;
    for (const char *c = s; c < e; c++)
        if (*c >= 'A' && *c <= 'Z')
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: write words in lowercase (tokens are looked up "
                                "lowercase)", path, lineno, (size_t)(c - s0) + 1);
    const char *tab = memchr(s, '\t', (size_t)(e - s));
    if (!tab)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: expected \"kind<TAB>...\" (kind: valence, praise, "
                            "blame, win, lose, harm, help, undergo)", path, lineno);
    size_t klen = (size_t)(tab - s);
    const char *rest = tab + 1;
    while (rest < e && is_blank(*rest))
        rest++;
    if (klen == 7 && memcmp(s, "valence", 7) == 0) {
        const char *wend = memchr(rest, '\t', (size_t)(e - rest));
        if (!wend || wend == rest)
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: expected \"valence<TAB>word<TAB>value\"", path,
                                lineno, (size_t)(rest - s0) + 1);
        char num[64];
        const char *v = wend + 1;
        while (v < e && is_blank(*v))
            v++;
        size_t vlen = (size_t)(e - v);
        char *end = NULL;
        double value = 0;
        /* cppcheck-suppress knownConditionTrueFalse ; false positive: v < e when the line has a value */
        if (vlen > 0 && vlen < sizeof num) {
            memcpy(num, v, vlen);
            num[vlen] = '\0';
            errno = 0;
            value = strtod(num, &end);
        }
        /* cppcheck-suppress knownConditionTrueFalse ; as above */
        if (vlen == 0 || vlen >= sizeof num || *end || errno || value < -4 || value > 4)
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: the valence must be a number from -4 to 4", path,
                                lineno, (size_t)(v - s0) + 1);
        ew_entry *w = intern(t, rest, (size_t)(wend - rest), err);
        if (!w)
            return err->status;
        w->flags |= EW_VALENCE;
        w->valence = value;
        return TP_OK;
    }
    uint8_t role = ER_NONE;
    for (unsigned r = 1; r < ER_COUNT; r++)
        if (strlen(role_names[r]) == klen && memcmp(role_names[r], s, klen) == 0)
            role = (uint8_t)r;
    if (role == ER_NONE)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: unknown kind \"%.*s\": use valence, praise, blame, win, "
                            "lose, harm, help or undergo", path, lineno, (int)klen, s);
    const char *tab2 = memchr(rest, '\t', (size_t)(e - rest));
    if (tab2)
        return noun_line(t, path, lineno, s0, role, rest, e, err);
    /* five forms: base, s-form, past, past participle, ing-form */
    const char *p = rest;
    size_t nform = 0;
    while (p < e) {
        const char *q = p;
        while (q < e && !is_blank(*q))
            q++;
        if (nform == 5)
            break;
        if (!(q - p == 1 && *p == '-')) {
            ew_entry *w = intern(t, p, (size_t)(q - p), err);
            if (!w)
                return err->status;
            if (w->role && w->role != role)
                return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: \"%.*s\" is already a %s verb", path, lineno,
                                    (size_t)(p - s0) + 1, (int)(q - p), p, role_names[w->role]);
            w->role = role;
            if (nform == 3)
                w->flags |= EW_PARTICIPLE;
        }
        nform++;
        p = q;
        while (p < e && is_blank(*p))
            p++;
    }
    if (nform != 5 || p < e)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: a verb needs five forms (base, s-form, past, past "
                            "participle, ing-form; \"-\" for none)", path, lineno, (size_t)(rest - s0) + 1);
    return TP_OK;
}

int ew_load(entity_words *t, const char *path, tp_error *err)
{
    size_t n;
    char *buf = datafile_read(path, &n, err);
    if (!buf)
        return err->status;
    int rc = TP_OK;
    size_t lineno = 0;
    for (const char *s = buf, *end = buf + n; rc == TP_OK && s < end;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        lineno++;
        rc = load_line(t, path, lineno, s, e, err);
        s = nl ? nl + 1 : end;
    }
    free(buf);
    return rc;
}
