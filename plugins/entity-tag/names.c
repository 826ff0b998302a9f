/* names.c - PERSON, ORG, GPE, LOC and NORP.
 *
 * Within a sentence, capitalized words are grouped into runs (with name
 * particles, "&", and "of"/"for"/"on" after a head word such as Court or
 * Secretary).  Each run is then read by rules tried in order:
 *   1. a list entry covering the whole run (longest match)
 *   2. a title with a name after it: the title is dropped, the rest is a
 *      PERSON, what stands before the title is read on its own
 *   3. head words: "... Ministry" ORG, "... River" LOC, "... City" GPE,
 *      "Mount ...", "Court of ..."
 *   4. a person's name: a first name and name-like words, or name-like
 *      words ending in a surname or an unknown word
 *   5. otherwise the run is cut into list entries and the unknown stretches
 *      between them, each read by rules 4 and the single-word rules
 *      (acronyms are ORG, a word after a title or before "said" a PERSON,
 *      anything else waits for coref.c).
 * Headlines in capitals or Title Case give no case information: there only
 * list entries and first name + surname pairs count. */
#include <config.h>

#include <string.h>

#include "tagger.h"

#define IS(t, f) (((t)->flags & (f)) != 0)

#define key_is et_key_is

static int capword(const et_tok *t)
{
    /* a word, not starting with a digit, with a capital; one test, no branches */
    return ((t->shape & (S_CAP | S_ALLCAPS)) != 0) & ((t->shape & (S_WORD | S_DIGIT)) == S_WORD);
}

static int is_quote(const et_doc *d, const et_tok *t)
{
    if (t->first != '"' && (unsigned char)t->first != 0xE2)
        return 0; /* most tokens: told by the byte the token keeps */
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && s[0] == '"') ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D));
}

static int is_particle(const et_tok *t)
{
    return (t->shape & S_LOWER) && IS(t, ET_PARTICLE);
}

/* The words after which "of" continues a name: "Court of Justice",
 * "Secretary of State"; place heads only at the start: "City of Harwick",
 * "Gulf of Orla" (but "Harwick District" of "Eastland"). */
static int head_before_of(const et_tok *t, int first)
{
    if (IS(t, ET_ORG_HEAD | ET_TITLE | ET_TITLE_MOD))
        return 1;
    return first && IS(t, ET_LOC_HEAD | ET_GPE_HEAD | ET_LOC_PRE);
}

/* Could this word be part of a person's name? */
static int namey(const et_tok *t)
{
    if (!(t->shape & S_WORD) || t->shape & S_DIGIT)
        return 0;
    if (is_particle(t))
        return 1;
    if (!capword(t) && !(t->shape & S_CAPS_MODE))
        return 0;
    if (t->shape & S_INITIAL)
        return 1;
    /* a listed person's surname can start or end another person's name:
     * "Michelle Obama" */
    uint64_t named = ET_FIRST | ET_SURNAME | ET_PERSON;
    /* "Theresa May", "Will Parker": a name that is also a little word */
    if (IS(t, ET_FUNCTION) && !IS(t, ET_FIRST_STRONG | ET_SURNAME))
        return 0;
    if (IS(t, ET_NOT_ENTITY | ET_MONTH | ET_WEEKDAY | ET_SAY))
        return 0;
    if (IS(t, ET_ORG_HEAD | ET_LOC_HEAD | ET_GPE_HEAD | ET_TITLE | ET_TITLE_MOD | ET_ENTITY_MASK) && !IS(t, named))
        return 0;
    return 1;
}

/* A word that no list knows (the prefix flag aside). */
static int unknown(const et_tok *t)
{
    return !(t->flags & ~(ET_PREFIX | ET_PARTICLE));
}

static int is_suffix(const et_doc *d, const et_tok *t)
{
    return key_is(d, t, "jr") || key_is(d, t, "sr") || key_is(d, t, "ii") || key_is(d, t, "iii") ||
           key_is(d, t, "iv");
}

/* A Roman numeral after a name: "Treaty War I", "Louis XIV". */
static int roman(const et_doc *d, const et_tok *t)
{
    if (!t->klen || t->klen > 4 || !(t->shape & (S_ALLCAPS | S_CAP)))
        return 0;
    for (uint32_t i = 0; i < t->klen; i++)
        if (!strchr("ivx", d->keys[t->key + i]))
            return 0;
    return 1;
}

/* "El Diario", "Die Woche", "Los Robles": a capitalized article starts the
 * name of a paper, a club or a place, not of a person. */
static int foreign_article(const et_doc *d, const et_tok *t)
{
    static const et_word articles[] = {ET_WORD("el"),  ET_WORD("los"), ET_WORD("las"), ET_WORD("il"),
                                       ET_WORD("die"), ET_WORD("der"), ET_WORD("das"), {NULL, 0}};
    return (t->shape & S_CAP) && et_key_in(d->keys, t->key, t->klen, articles);
}

/* A first name that can start a name: "Grant" yes (given often), "Beautiful"
 * no (a word that a few parents chose). */
static int first_name(const et_tok *t)
{
    return IS(t, ET_FIRST) && !IS(t, ET_TITLE | ET_LOC_PRE | ET_GPE_PRE | ET_ORG_HEAD | ET_LOC_HEAD | ET_GPE_HEAD) &&
           (!IS(t, ET_COMMON) || IS(t, ET_FIRST_STRONG));
}

/* "Herons", "Otters": a capitalized plural of a common noun names a team
 * or a group, not a person. */
static int plural_of_common(const et_doc *d, const et_tok *t)
{
    const char *k = d->keys + t->key;
    if (t->klen < 4 || k[t->klen - 1] != 's' || strchr("siu", k[t->klen - 2]) || IS(t, ET_SURNAME | ET_FIRST))
        return 0; /* "Voss", "Brutus", "Tavis" are no plurals */
    return (et_lookup(d, et_hash_add(ET_HASH_INIT, k, t->klen - 1), k, t->klen - 1, NULL) & ET_COMMON) != 0;
}

/* A capitalized plural: "Herons", "Otters" (not a surname such as "Evans"). */
static int plural_name(const et_doc *d, const et_tok *t)
{
    const char *k = d->keys + t->key;
    return t->klen > 3 && k[t->klen - 1] == 's' && !strchr("siu", k[t->klen - 2]) && !IS(t, ET_FIRST) &&
           !(t->shape & S_POSS);
}

/* Tokens [a, b) look like a person's full name. */
static int person_like(const et_doc *d, size_t a, size_t b)
{
    const et_tok *t = d->tok;
    size_t names = 0, last = b;
    for (size_t k = a; k < b; k++) {
        if (!t[k].klen)
            return 0;
        if (!namey(&t[k]) && !(k > a && is_suffix(d, &t[k])))
            return 0;
        if (!is_particle(&t[k]) && !is_suffix(d, &t[k])) {
            names++;
            last = k;
        }
    }
    if (names < 2 || names > 5 || is_particle(&t[a]) || plural_of_common(d, &t[last]) ||
        (IS(&t[a], ET_PLACE_MOD) && !IS(&t[a], ET_FIRST_STRONG)) || foreign_article(d, &t[a]))
        return 0;
    if (first_name(&t[a]) || (t[a].shape & S_INITIAL))
        return !(t[a].shape & S_CAPS_MODE) || IS(&t[last], ET_SURNAME);
    if (t[a].shape & S_CAPS_MODE)
        return 0;
    /* no first name: every word a surname or unknown, none a common word */
    for (size_t k = a; k < b; k++)
        if (IS(&t[k], ET_COMMON) && !IS(&t[k], ET_SURNAME | ET_FIRST))
            return 0;
    return IS(&t[last], ET_SURNAME) || unknown(&t[last]);
}

static int label_of(const et_match *m)
{
    uint64_t f = m->entry ? m->entry->flags : m->flags;
    if (f & ET_PERSON)
        return L_PERSON;
    if (f & ET_GPE_MASK)
        return L_GPE;
    if (f & ET_NORP)
        return L_NORP;
    if (f & ET_ORG)
        return L_ORG;
    if (f & ET_LOC)
        return L_LOC;
    return L_NONE;
}

static int emit(et_doc *d, size_t a, size_t b, int label, const et_match *m, int weak)
{
    if (et_add_cand(d, a, b, label, m) != 0)
        return -1;
    et_cand *c = &d->cand[d->ncand - 1];
    c->weak = (uint8_t)weak;
    if (label == L_PERSON) {
        size_t names = 0;
        for (size_t k = a; k < b; k++)
            names += d->tok[k].klen && !is_particle(&d->tok[k]) && !is_suffix(d, &d->tok[k]);
        c->full_name = names >= 2;
    }
    return 0;
}

/* The previous token in the sentence, or NULL. */
static const et_tok *before(const et_doc *d, size_t k, size_t s0)
{
    return k > s0 ? &d->tok[k - 1] : NULL;
}

static const et_tok *after(const et_doc *d, size_t k, size_t s1)
{
    return k < s1 ? &d->tok[k] : NULL;
}

/* "StreamLoop", "DataNest": a capital inside a word marks a brand, but not
 * in "McDonald", "MacArthur", "DeVos", "LeBron", "O'Brien". */
static int camel_case(const et_doc *d, const et_tok *t)
{
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (n < 4 || !(t->shape & S_CAP) || (t->shape & (S_ALLCAPS | S_HYPHEN)))
        return 0;
    static const et_word prefixes[] = {ET_WORD("Mc"), ET_WORD("Mac"), ET_WORD("De"),  ET_WORD("Le"),
                                       ET_WORD("La"), ET_WORD("Di"),  ET_WORD("Da"),  ET_WORD("Du"),
                                       ET_WORD("Van"), ET_WORD("Von"), ET_WORD("O'"), {NULL, 0}};
    for (const et_word *p = prefixes; p->s; p++)
        if (n > p->n && memcmp(s, p->s, p->n) == 0 && s[p->n] >= 'A' && s[p->n] <= 'Z')
            return 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
            return 1;
    return 0;
}

/* What follows a name says it is a person's: "X, who", "X, whose", "X,
 * 45,", "X, now 31,", "X himself". */
static int person_context(const et_doc *d, size_t k, size_t s1)
{
    const et_tok *t = d->tok;
    if (k < s1 && (key_is(d, &t[k], "himself") || key_is(d, &t[k], "herself")))
        return 1;
    if (k + 1 >= s1 || t[k].klen || d->text[t[k].start] != ',')
        return 0;
    const et_tok *w = &t[k + 1];
    if (key_is(d, w, "who") || key_is(d, w, "whose"))
        return 1;
    if (key_is(d, w, "now") && k + 2 < s1)
        w = &t[k + 2];
    /* an age: one or two digits and a comma after it */
    size_t n = w->end - w->start;
    const char *s = d->text + w->start;
    return (w->shape & S_DIGIT) && n <= 2 && s[0] >= '1' && s[0] <= '9' && w + 1 < t + s1 && !w[1].klen &&
           d->text[w[1].start] == ',';
}

/* Letters of an acronym, or 0 when it has a digit: "FBI" 3, "Q.R." 2, "ZX81" 0. */
static size_t acronym_letters(const et_doc *d, const et_tok *t)
{
    size_t n = 0;
    for (size_t i = t->start; i < t->end; i++) {
        char c = d->text[i];
        if (c >= '0' && c <= '9')
            return 0;
        n += c >= 'A' && c <= 'Z';
    }
    return n;
}

/* One capitalized word that no list names as an entity. */
static int single(et_doc *d, size_t k, size_t s0, size_t s1, int after_the)
{
    const et_tok *t = &d->tok[k];
    if (IS(t, ET_NOT_ENTITY | ET_FUNCTION | ET_MONTH | ET_WEEKDAY | ET_TITLE | ET_TITLE_MOD | ET_SAY | ET_PLACE_MOD) ||
        (t->shape & S_INITIAL) || t->klen < 2)
        return 0;
    const et_tok *p = before(d, k, s0), *n = after(d, k + 1, s1);
    /* "Oduya, now 31,": the context outweighs the word's being a common one */
    if (namey(t) && !after_the && !(t->shape & S_START) && person_context(d, k + 1, s1))
        return emit(d, k, k + 1, L_PERSON, NULL, 0);
    /* "Analysts say": a plural or a word that only starts the sentence is no name */
    int name_word = namey(t) && !IS(t, ET_COMMON) && !plural_of_common(d, t) &&
                    !((t->shape & S_START) && unknown(t) && d->keys[t->key + t->klen - 1] == 's');
    if (p && IS(p, ET_TITLE | ET_HONORIFIC) && name_word)
        return emit(d, k, k + 1, L_PERSON, NULL, 0);
    if ((t->shape & S_ALLCAPS) && !(t->shape & S_CAPS_MODE) && t->end - t->start <= 6 &&
        !IS(t, ET_COMMON | ET_ENTITY_MASK) && acronym_letters(d, t) >= 2)
        return emit(d, k, k + 1, L_ORG, NULL, 0);
    if (camel_case(d, t) && unknown(t))
        return emit(d, k, k + 1, L_ORG, NULL, 0);
    if (name_word && !after_the && ((n && IS(n, ET_SAY) && (n->shape & S_LOWER)) ||
                                    (p && IS(p, ET_SAY) && (p->shape & S_LOWER) && (!n || !n->klen)) ||
                                    person_context(d, k + 1, s1)))
        return emit(d, k, k + 1, L_PERSON, NULL, 0);
    /* "in Wexley", "near Dunmere": after a preposition of place */
    if (p && (p->shape & S_LOWER) && !(t->shape & S_START) && !IS(t, ET_FIRST_STRONG) &&
        (!n || !(n->shape & S_POSS)) &&
        (key_is(d, p, "in") || key_is(d, p, "near") || key_is(d, p, "outside") || key_is(d, p, "across") ||
         key_is(d, p, "throughout")))
        return emit(d, k, k + 1, L_GPE, NULL, 0);
    if ((IS(t, ET_COMMON) && !IS(t, ET_FIRST | ET_SURNAME)) || plural_of_common(d, t))
        return 0;
    if (emit(d, k, k + 1, L_NONE, NULL, 1) != 0) /* coref.c may know it */
        return -1;
    d->cand[d->ncand - 1].after_the = (uint8_t)after_the;
    d->cand[d->ncand - 1].alone = !(t->shape & S_START) && p && (!capword(p) || IS(p, ET_FUNCTION)) &&
                                  (!n || (!capword(n) && !key_is(d, n, "of")));
    return 0;
}

static int unknown_stretch(et_doc *d, size_t a, size_t b, size_t s0, size_t s1, int after_the)
{
    if (b - a == 1)
        return single(d, a, s0, s1, after_the);
    if (!after_the && person_like(d, a, b))
        return emit(d, a, b, L_PERSON, NULL, 0);
    /* a name that coref.c may know ("Lopez Obrador" after the full name) */
    return emit(d, a, b, L_NONE, NULL, 1);
}

static int is_connector(const et_doc *d, const et_tok *t)
{
    return !t->klen || (t->shape & S_LOWER) || IS(t, ET_FUNCTION);
}

/* Rule 5: list entries and the stretches between them. */
static int decompose(et_doc *d, size_t a, size_t b, size_t s0, size_t s1, int after_the)
{
    size_t k = a;
    while (k < b) {
        if (is_connector(d, &d->tok[k]) || (d->tok[k].shape & S_POSS)) {
            k++;
            after_the = 0;
            continue;
        }
        et_match m;
        size_t e = et_match_at(d, k, b, &m);
        /* Northern Eastland, Greater Harwick: the modifier belongs to the place */
        size_t p = k;
        while (e == p && p + 1 < b && IS(&d->tok[p], ET_PLACE_MOD)) {
            p++;
            e = et_match_at(d, p, b, &m);
            if (e > p && !(label_of(&m) == L_GPE || label_of(&m) == L_LOC || label_of(&m) == L_NORP))
                e = p;
        }
        if (e == p && p > k && p + 1 <= b && capword(&d->tok[p]) && unknown(&d->tok[p]) &&
            (p + 1 == b || is_connector(d, &d->tok[p + 1]))) {
            /* "North Harwick": a compass word and an unknown name is a district */
            if (emit(d, k, p + 1, L_GPE, NULL, 0) != 0)
                return -1;
            k = p + 1;
            continue;
        }
        if (e == p)
            e = k;
        if (e > k) {
            int label = label_of(&m);
            /* "Quillon Peru": a company's branch in a country is the company */
            et_match g;
            size_t f = label == L_ORG && e < b ? et_match_at(d, e, b, &g) : e;
            if (f == b && f > e && label_of(&g) == L_GPE) {
                if (emit(d, k, b, L_ORG, NULL, 0) != 0)
                    return -1;
                k = b;
                continue;
            }
            if (emit(d, k, e, label, &m, 0) != 0)
                return -1;
            k = e;
            continue;
        }
        size_t u = k + 1;
        while (u < b && !is_connector(d, &d->tok[u]) && !(d->tok[u].shape & S_POSS) &&
               et_match_at(d, u, b, &m) == u)
            u++;
        /* "Montevale Umbria": an unknown name before a region is a town of it */
        if (u == k + 1 && u < b && unknown(&d->tok[k]) && !(d->tok[k].shape & S_START) &&
            et_match_at(d, u, b, &m) == b && label_of(&m) == L_GPE) {
            if (emit(d, k, b, L_GPE, NULL, 0) != 0)
                return -1;
            k = b;
            continue;
        }
        /* a first name followed by a listed place is still one name: "Jordan Peterson" */
        if (unknown_stretch(d, k, u, s0, s1, after_the) != 0)
            return -1;
        k = u;
    }
    return 0;
}

/* The end of a title phrase starting at k ("Foreign Minister", "Secretary
 * of Foreign Affairs", "ex-President"), or k when there is none. */
static size_t title_end(const et_doc *d, size_t k, size_t b)
{
    const et_tok *t = d->tok;
    size_t u = k, end = k;
    int has_title = 0;
    while (u < b) {
        if (IS(&t[u], ET_TITLE | ET_TITLE_MOD) && capword(&t[u])) {
            /* a first name that is also a title word starts the name: stop
             * when what follows is a name rather than more title */
            if (has_title && first_name(&t[u]) && u + 1 < b && namey(&t[u + 1]) &&
                !IS(&t[u + 1], ET_TITLE | ET_TITLE_MOD))
                break;
            has_title |= IS(&t[u], ET_TITLE) != 0;
            u++;
            if (has_title)
                end = u;
            continue;
        }
        if (has_title && key_is(d, &t[u], "of") && u + 1 < b && IS(&t[u + 1], ET_TITLE_MOD)) {
            u++;
            continue;
        }
        break;
    }
    return has_title ? end : k;
}

/* Rule 2.  Returns 1 when it took the run, 0 when not, -1 on no memory. */
static int title_split(et_doc *d, size_t a, size_t b, size_t s0, size_t s1)
{
    const et_tok *t = d->tok;
    size_t k = a;
    while (k < b) {
        if (IS(&t[k], ET_TITLE | ET_TITLE_MOD)) {
            size_t u = title_end(d, k, b);
            if (u > k && u < b) {
                size_t names = 0;
                int ok = 1;
                for (size_t v = u; v < b && ok; v++) {
                    ok = namey(&t[v]) || (v > u && is_suffix(d, &t[v]));
                    names += !is_particle(&t[v]);
                }
                if (ok && names <= 5 && !is_particle(&t[u])) {
                    if (k > a && decompose(d, a, k, s0, s1, 0) != 0)
                        return -1;
                    return emit(d, u, b, L_PERSON, NULL, 0) == 0 ? 1 : -1;
                }
            }
            if (u > k) {
                k = u;
                continue;
            }
        }
        et_match m;
        size_t e = et_match_at(d, k, b, &m);
        k = e > k ? e : k + 1;
    }
    return 0;
}

/* Rule 3: the label the head words give, or L_NONE. */
static int head_label(const et_doc *d, size_t a, size_t b)
{
    const et_tok *t = d->tok;
    size_t words = 0, last = a, of = 0;
    for (size_t k = a; k < b; k++) {
        if (!t[k].klen)
            continue;
        words++;
        last = k;
        if (!of && k > a && (key_is(d, &t[k], "of") || key_is(d, &t[k], "for") || key_is(d, &t[k], "on")))
            of = k;
    }
    if (words < 2)
        return L_NONE;
    if (IS(&t[last], ET_ORG_HEAD))
        return L_ORG;
    if (IS(&t[last], ET_LOC_HEAD))
        return L_LOC;
    if (IS(&t[last], ET_GPE_HEAD))
        return L_GPE;
    if (IS(&t[a], ET_LOC_PRE))
        return L_LOC;
    if (IS(&t[a], ET_GPE_PRE) && words <= 3)
        return L_GPE;
    if (of) {
        const et_tok *h = &t[of - 1];
        if (IS(h, ET_ORG_HEAD))
            return L_ORG;
        if (IS(h, ET_LOC_HEAD | ET_LOC_PRE) && of - 1 == a)
            return L_LOC;
        if (IS(h, ET_GPE_HEAD) && of - 1 == a)
            return L_GPE;
    }
    return L_NONE;
}

/* "Committee on Foreign Relations": the bodies that take "on". */
static int deliberates(const et_doc *d, const et_tok *t)
{
    return key_is(d, t, "committee") || key_is(d, t, "commission") || key_is(d, t, "council") ||
           key_is(d, t, "conference") || key_is(d, t, "subcommittee") || key_is(d, t, "panel");
}

/* Where the run that starts at capitalized token i ends. */
static size_t run_end(const et_doc *d, size_t i, size_t s1)
{
    const et_tok *t = d->tok;
    size_t j = i + 1;
    int head = head_before_of(&t[i], 1);
    for (;;) {
        while (j < s1 && !(t[j].shape & S_NEWLINE)) {
            if (capword(&t[j]) && !(t[j].shape & S_START) && !(t[j].shape & S_POSS)) {
                head |= head_before_of(&t[j], 0);
                j++;
                continue;
            }
            if (is_particle(&t[j])) {
                /* "van der Weyden": particles, then a capitalized word */
                size_t k = j;
                while (k < s1 && is_particle(&t[k]))
                    k++;
                if (k < s1 && k - j <= 3 && capword(&t[k]) && !(t[k].shape & (S_START | S_NEWLINE))) {
                    j = k + 1;
                    continue;
                }
            }
            if (j + 1 < s1 && capword(&t[j + 1]) && !(t[j + 1].shape & (S_START | S_NEWLINE))) {
                if (!t[j].klen && t[j].first == '&') {
                    j += 2;
                    continue;
                }
                if (head && (key_is(d, &t[j], "of") || key_is(d, &t[j], "for") ||
                             (key_is(d, &t[j], "on") && deliberates(d, &t[j - 1]))) &&
                    head_before_of(&t[j - 1], j - 1 == i)) {
                    j += 2;
                    continue;
                }
            }
            if (j + 2 < s1 && head && key_is(d, &t[j], "of") && key_is(d, &t[j + 1], "the") &&
                head_before_of(&t[j - 1], j - 1 == i) && capword(&t[j + 2])) {
                j += 3;
                continue;
            }
            break;
        }
        /* a list entry may reach further: "Trinidad and Tobago", "People's Party" */
        size_t far = j;
        for (size_t k = i; k < j; k++) {
            et_match m;
            size_t e = et_match_at(d, k, s1, &m);
            if (e > far)
                far = e;
        }
        if (far == j)
            return j;
        j = far;
    }
}

static int classify(et_doc *d, size_t a, size_t b, size_t s0, size_t s1)
{
    const et_tok *t = d->tok;
    et_match m;
    int after_the = a > s0 && key_is(d, &t[a - 1], "the");
    /* leading words that only look like a name's start: The, In, sentence-initial common words */
    while (a < b) {
        size_t e = et_match_at(d, a, b, &m);
        if (e > a)
            break; /* a list entry, checked for case: "US" stays, "us" went */
        /* "Will Parker" at a sentence start: a first name given often, then a name */
        int first_then_name = first_name(&t[a]) && IS(&t[a], ET_FIRST_STRONG) && a + 1 < b &&
                              namey(&t[a + 1]) && !IS(&t[a + 1], ET_COMMON);
        if (!t[a].klen || (IS(&t[a], ET_FUNCTION) && !first_then_name)) {
            after_the = key_is(d, &t[a], "the");
            a++;
            continue;
        }
        if ((t[a].shape & S_START) && IS(&t[a], ET_COMMON) && e == a &&
            !(first_name(&t[a]) && a + 1 < b && namey(&t[a + 1]) && !IS(&t[a + 1], ET_COMMON))) {
            /* "Kowalczyk's wife": a lone name word that is also a common word waits
             * for coref.c, which knows whether the document names such a person */
            if (b == a + 1 && IS(&t[a], ET_SURNAME | ET_FIRST) && !IS(&t[a], ET_FUNCTION))
                return emit(d, a, b, L_NONE, NULL, 1);
            after_the = 0;
            a++;
            continue;
        }
        break;
    }
    if (a >= b)
        return 0;
    size_t e = et_match_at(d, a, b, &m);
    if (e == b)
        return emit(d, a, b, label_of(&m), &m, 0);
    /* “Golden Harbor Lights”: a title in quotes is a work, not a name */
    if (a > s0 && b < s1 && is_quote(d, &t[a - 1]) && is_quote(d, &t[b]))
        return 0;
    size_t last = b - 1;
    while (last > a && (!t[last].klen || is_suffix(d, &t[last]) || roman(d, &t[last])))
        last--;
    /* "Treaty War II", "Harbor Cup", "Golden Lyre Award": events and works */
    if (IS(&t[last], ET_MISC_HEAD) && !(t[last].shape & S_LOWER) && last > a)
        return 0;
    /* "Peter Dean Caldwell": a first name makes a title word inside a name */
    int titled = 0;
    for (size_t k = a + 1; k < b; k++)
        titled |= IS(&t[k], ET_TITLE) && !IS(&t[k], ET_FIRST);
    if (!titled && first_name(&t[a]) && !IS(&t[last], ET_ORG_HEAD | ET_LOC_HEAD | ET_GPE_HEAD) &&
        person_like(d, a, b))
        return emit(d, a, b, L_PERSON, NULL, 0);
    int r = title_split(d, a, b, s0, s1);
    if (r != 0)
        return r < 0 ? -1 : 0;
    int label = head_label(d, a, b);
    if (label != L_NONE)
        return emit(d, a, b, label, NULL, 0);
    /* "Lyon Herons", "Harwick Otters": a place and a plural nickname is a team */
    size_t g = et_match_at(d, a, b, &m);
    if (g > a && g < b && label_of(&m) == L_GPE && plural_name(d, &t[last])) {
        int ok = 1;
        for (size_t k = g; k < b && ok; k++)
            ok = capword(&t[k]) && !IS(&t[k], ET_ORG_HEAD | ET_LOC_HEAD | ET_GPE_HEAD | ET_ENTITY_MASK);
        if (ok)
            return emit(d, a, b, L_ORG, NULL, 0);
    }
    /* "Coroner Alice Brandt", "Night Porter Frank Oduya": common words,
     * then a full name */
    for (size_t f = a + 1; f + 1 < b; f++) {
        if (!IS(&t[f - 1], ET_COMMON | ET_TITLE_MOD) || IS(&t[f - 1], ET_FIRST | ET_SURNAME | ET_ENTITY_MASK))
            break;
        if (first_name(&t[f]) && person_like(d, f, b))
            return emit(d, f, b, L_PERSON, NULL, 0);
    }
    if (!after_the && b - a >= 2 && person_like(d, a, b))
        return emit(d, a, b, L_PERSON, NULL, 0);
    return decompose(d, a, b, s0, s1, after_the);
}

/* A headline: list entries and first name + surname pairs only. */
static int caps_sentence(et_doc *d, size_t s0, size_t s1)
{
    const et_tok *t = d->tok;
    size_t k = s0;
    while (k < s1) {
        if (!t[k].klen) {
            k++;
            continue;
        }
        et_match m;
        size_t e = et_match_at(d, k, s1, &m);
        if (e > k && !(e == k + 1 && IS(&t[k], ET_COMMON | ET_FUNCTION))) {
            if (emit(d, k, e, label_of(&m), &m, 0) != 0)
                return -1;
            k = e;
            continue;
        }
        if (k + 1 < s1 && person_like(d, k, k + 2)) {
            size_t u = k + 2;
            if (u < s1 && IS(&t[u], ET_SURNAME) && !IS(&t[u], ET_COMMON) && person_like(d, k, u + 1))
                u++;
            if (emit(d, k, u, L_PERSON, NULL, 0) != 0)
                return -1;
            k = u;
            continue;
        }
        if (IS(&t[k], ET_SURNAME | ET_FIRST) && !IS(&t[k], ET_COMMON | ET_FUNCTION) &&
            emit(d, k, k + 1, L_NONE, NULL, 1) != 0)
            return -1;
        k++;
    }
    return 0;
}

/* “The Winds of Winter”: a quotation in Title Case is the name of a work.
 * Returns the token after its closing quote, or i. */
static size_t quoted_title(const et_doc *d, size_t i, size_t s1)
{
    const et_tok *t = d->tok;
    if (!is_quote(d, &t[i]) || i + 1 >= s1 || !capword(&t[i + 1]))
        return i;
    size_t words = 0, caps = 0;
    for (size_t j = i + 1; j < s1 && j < i + 16; j++) {
        if (is_quote(d, &t[j])) {
            if (words < 2 || caps < 2)
                return i;
            et_match m;
            if (et_match_at(d, i + 1, j, &m) == j)
                return i; /* a listed name in quotes stays a name */
            return j + 1;
        }
        if (!t[j].klen)
            continue;
        words++;
        if (capword(&t[j]))
            caps++;
        else if (!IS(&t[j], ET_FUNCTION))
            return i;
    }
    return i;
}

int et_find_names(et_doc *d)
{
    for (size_t s = 0; s < d->nsent; s++) {
        size_t s0 = d->sent_first[s], s1 = d->sent_first[s + 1];
        if (s0 < s1 && (d->tok[s0].shape & S_CAPS_MODE)) {
            if (caps_sentence(d, s0, s1) != 0)
                return -1;
            continue;
        }
        size_t i = s0;
        while (i < s1) {
            size_t q = quoted_title(d, i, s1);
            if (q > i) {
                i = q;
                continue;
            }
            if (!capword(&d->tok[i])) {
                i++;
                continue;
            }
            size_t j = run_end(d, i, s1);
            if (classify(d, i, j, s0, s1) != 0)
                return -1;
            i = j;
        }
    }
    return 0;
}
