/* coref.c - one document, one cast: a full name seen anywhere in the
 * document ("Andrés Manuel López Obrador", "Jorge Glas") makes its shorter
 * forms ("López Obrador", "Lopez Obrador", "Glas") mentions of the same
 * person, and a name followed by an acronym in parentheses ("International
 * Court of Justice (ICJ)") makes the acronym a mention of it.
 *
 * Keys are folded (fold.h), so accents and case do not matter.  Each key
 * points at the longest full name that ends with it; that name's text is
 * the canonical name of every mention. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tagger.h"

typedef struct alias {
    uint64_t hash;
    uint32_t key, len;   /* slice of d->keys */
    int32_t cand;        /* -1: empty slot */
    uint32_t names;      /* words in that candidate's name */
} alias;

typedef struct alias_map {
    alias *slot;
    size_t mask;
} alias_map;

static void span_key(const et_doc *d, size_t a, size_t b, uint32_t *key, uint32_t *len)
{
    while (a < b && !d->tok[a].klen)
        a++;
    while (b > a && !d->tok[b - 1].klen)
        b--;
    if (a >= b) {
        *key = 0;
        *len = 0;
        return;
    }
    *key = d->tok[a].key;
    *len = d->tok[b - 1].key + d->tok[b - 1].klen - d->tok[a].key;
}

static alias *find(alias_map *m, const et_doc *d, uint64_t hash, uint32_t key, uint32_t len)
{
    for (size_t i = hash & m->mask;; i = (i + 1) & m->mask) {
        alias *s = &m->slot[i];
        if (s->cand < 0 ||
            (s->hash == hash && s->len == len && memcmp(d->keys + s->key, d->keys + key, len) == 0))
            return s;
    }
}

static size_t name_words(const et_doc *d, const et_cand *c)
{
    size_t n = 0;
    for (size_t k = c->a; k < c->b; k++)
        n += d->tok[k].klen && !(d->tok[k].shape & S_LOWER);
    return n;
}

static void put(alias_map *m, const et_doc *d, size_t a, size_t b, int32_t cand, uint32_t names)
{
    uint32_t key, len;
    span_key(d, a, b, &key, &len);
    if (!len)
        return;
    uint64_t h = et_hash_add(ET_HASH_INIT, d->keys + key, len);
    alias *s = find(m, d, h, key, len);
    if (s->cand >= 0 && s->names >= names)
        return;
    s->hash = h;
    s->key = key;
    s->len = len;
    s->cand = cand;
    s->names = names;
}

static const alias *get(alias_map *m, const et_doc *d, size_t a, size_t b)
{
    uint32_t key, len;
    span_key(d, a, b, &key, &len);
    if (!len)
        return NULL;
    const alias *s = find(m, d, et_hash_add(ET_HASH_INIT, d->keys + key, len), key, len);
    return s->cand >= 0 ? s : NULL;
}

static int by_start(const void *x, const void *y)
{
    const et_cand *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b > b->b ? -1 : a->b < b->b;
}

static int is_open_paren(const et_doc *d, size_t k)
{
    return k < d->ntok && d->tok[k].end - d->tok[k].start == 1 && d->text[d->tok[k].start] == '(';
}

static int joins(const et_doc *d, size_t k)
{
    const et_tok *t = &d->tok[k];
    return (t->klen == 3 && memcmp(d->keys + t->key, "and", 3) == 0) ||
           (t->end - t->start == 1 && d->text[t->start] == '&');
}

/* The `guess_people` option: a lone name word no list and no rule reads
 * ("Krongard indicated", "the Cornyn plan") is most often, in news, the
 * surname of a person the reader is expected to know.  What is shaped
 * like something else is not guessed: capitals ("NATO", a shouted
 * headline), digits ("F1"), an acronym's plural ("MLAs"), a lower-case
 * start ("pro-Beijing"); at a sentence's start, where any word has a
 * capital, a common word ("Police", though it is also a surname), a plural
 * or an adverb ("Researchers", "Currently").  After "the" only before a
 * lower-case word, which it then modifies ("the Ghani administration"). */
static int guessed_person(const et_doc *d, const et_cand *c)
{
    const et_tok *t = &d->tok[c->a];
    const char *w = d->text + t->start, *key = d->keys + t->key;
    size_t len = t->end - t->start, caps = 0;
    int capital = (w[0] >= 'A' && w[0] <= 'Z') || (unsigned char)w[0] >= 0xC0; /* or a letter beyond ASCII */
    if ((t->shape & (S_ALLCAPS | S_CAPS_MODE)) || !capital)
        return 0;
    for (size_t k = 0; k < len; k++) {
        if (w[k] >= '0' && w[k] <= '9')
            return 0;
        caps += w[k] >= 'A' && w[k] <= 'Z';
    }
    if (len >= 3 && w[len - 1] == 's' && caps == len - 1)
        return 0;
    if ((t->shape & S_START) && ((t->flags & ET_COMMON) || (t->klen > 2 && key[t->klen - 1] == 's') ||
                                 (t->klen > 2 && key[t->klen - 2] == 'l' && key[t->klen - 1] == 'y')))
        return 0;
    if (!c->after_the)
        return 1;
    const et_tok *n = c->b < d->ntok ? &d->tok[c->b] : NULL;
    return n && (n->shape & S_LOWER) && !(n->flags & ET_FUNCTION);
}

int et_resolve(et_doc *d)
{
    if (d->ncand > 1) /* qsort must not see the NULL of an empty list */
        qsort(d->cand, d->ncand, sizeof *d->cand, by_start);
    size_t want = 0;
    for (size_t i = 0; i < d->ncand; i++)
        if (d->cand[i].label == L_PERSON && d->cand[i].full_name)
            want += d->cand[i].b - d->cand[i].a;
        else
            want++;
    size_t cap = 16;
    while (cap < want * 2 + 2)
        cap *= 2;
    alias_map m = {malloc(cap * sizeof(alias)), cap - 1};
    if (!m.slot)
        return -1;
    for (size_t i = 0; i < cap; i++)
        m.slot[i].cand = -1;

    /* full names register every tail: "Andrés Manuel López Obrador" gives
     * "manuel lopez obrador", "lopez obrador" and "obrador" */
    for (size_t i = 0; i < d->ncand; i++) {
        const et_cand *c = &d->cand[i];
        if (c->label == L_PERSON && c->full_name) {
            uint32_t names = (uint32_t)name_words(d, c);
            for (size_t k = c->a; k < c->b; k++)
                if (d->tok[k].klen && !(d->tok[k].shape & S_LOWER) && !(d->tok[k].shape & S_INITIAL) &&
                    !(d->tok[k].flags & ET_NOT_ENTITY))
                    put(&m, d, k, c->b, (int32_t)i, names);
        }
        /* a person found by context alone ("Drobnik explains") names the
         * other mentions of the same word, at the lowest rank */
        if (c->label == L_PERSON && !c->full_name)
            put(&m, d, c->a, c->b, (int32_t)i, 1);
        /* Name (ACRONYM) */
        if (c->label != L_NONE && c->label != L_PERSON && c->label < L_DATE && is_open_paren(d, c->b) &&
            c->b + 2 < d->ntok && (d->tok[c->b + 1].shape & S_ALLCAPS) &&
            d->text[d->tok[c->b + 2].start] == ')')
            put(&m, d, c->b + 1, c->b + 2, (int32_t)i, 1);
    }

    for (size_t i = 0; i < d->ncand; i++) {
        et_cand *c = &d->cand[i];
        if (c->label >= L_DATE)
            continue;
        int single = c->b - c->a == 1;
        const et_tok *t = &d->tok[c->a];
        /* a place or group name that is also a name, when a person of that name is about */
        int may_switch = c->label == L_NONE || c->label == L_PERSON ||
                         (single && (t->flags & (ET_FIRST | ET_SURNAME)) && !(t->flags & ET_USER)) ||
                         (single && (t->shape & S_ALLCAPS) && !c->gaz); /* an acronym defined in the text */
        if (!may_switch)
            continue;
        const alias *a = get(&m, d, c->a, c->b);
        if (!a) {
            /* a lone surname or first name nobody introduced: in news most often a person
             * the reader is expected to know */
            int known_name = !c->after_the && (t->flags & (ET_SURNAME | ET_FIRST)) && !(t->shape & S_ALLCAPS) &&
                             (!(t->flags & ET_COMMON) || c->alone) && !(t->shape & S_CAPS_MODE);
            if (c->label == L_NONE && single && (known_name || (d->t->guess_people && guessed_person(d, c))))
                c->label = L_PERSON;
            continue;
        }
        const et_cand *full = &d->cand[a->cand];
        if (full->label == L_PERSON) {
            c->label = L_PERSON;
            c->canon_ref = a->cand;
        } else if (c->label == L_NONE || c->label == full->label) {
            c->label = full->label;
            c->canon_ref = a->cand;
        }
    }
    /* "Ibekwe and Sorensen", "Tamsin and Orla": a word joined by "and" to a person is one */
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < d->ncand; i++) {
            et_cand *c = &d->cand[i];
            if (c->label != L_NONE || c->b - c->a != 1 || c->after_the)
                continue;
            const et_cand *prev = i > 0 ? &d->cand[i - 1] : NULL, *next = i + 1 < d->ncand ? &d->cand[i + 1] : NULL;
            if ((next && next->label == L_PERSON && next->a == c->b + 1 && joins(d, c->b)) ||
                (prev && prev->label == L_PERSON && prev->b + 1 == c->a && joins(d, prev->b)))
                c->label = L_PERSON;
        }
    free(m.slot);
    return 0;
}
