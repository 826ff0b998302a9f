/* tokens.c - the document as the rules see it: each token of the tokens
 * layer with its shape, its folded key and what the word lists say about
 * it, grouped by sentence.  Only offsets are read from the layers; shapes
 * come from the text itself, so any tokenizer that keeps to the contract
 * (docs/plugin-guide.md, "Layers and attributes") will do. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tagger.h"

const char *const et_label_names[L_COUNT] = {"", "PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY",
                                             "PERCENT"};

void et_doc_free(et_doc *d)
{
    free(d->tok);
    free(d->keys);
    free(d->sent_first);
    free(d->cand);
    free(d->mcache);
    memset(d, 0, sizeof *d);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* Letter case of one code point: 1 upper (or title), -1 lower, 0 neither;
 * *alnum says whether it is a letter or digit. */
static int cp_case(utf8proc_int32_t cp, int *alnum)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        *alnum = 1;
        return 1;
    case UTF8PROC_CATEGORY_LL:
        *alnum = 1;
        return -1;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        *alnum = 1;
        return 0;
    default:
        *alnum = 0;
        return 0;
    }
}

static int is_apostrophe_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i < len && s[i] == '\'') {
        *n = 1;
        return 1;
    }
    if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
        *n = 3;
        return 1;
    }
    return 0;
}

/* Punctuation a list entry may contain ("Procter & Gamble", "Harwick, N.D.",
 * "Guinea-Bissau"); every other non-word token ends a name. */
static int joins_names(const char *s, size_t len)
{
    if (len == 1)
        return strchr("&-.,'/", s[0]) != NULL;
    return len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99;
}

/* After these the next word starts a clause: its capital says nothing. */
static int opens_clause(const char *s, size_t len)
{
    if (len == 1)
        return strchr("\"(:[-", s[0]) != NULL;
    if (len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80)
        return (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98 || /* “ ‘ */
               (unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93;  /* — – */
    return len == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAB; /* « */
}

/* A short lower-case article joined by a hyphen to a capitalized name:
 * "al-Assad", "el-Sisi", "ad-Din". */
static int elided_article(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && k - i < 4 && s[k] >= 'a' && s[k] <= 'z')
        k++;
    return k > i && k - i <= 3 && k + 1 < len && s[k] == '-' && s[k + 1] >= 'A' && s[k + 1] <= 'Z';
}

/* The shape bits of a token's first letter or digit, at byte @p i, with
 * case @p cs (1 upper, -1 lower, 0 neither); @p shape tells whether the
 * token has a hyphen. */
static inline uint16_t first_char_shape(const char *s, size_t len, size_t i, int cs, uint16_t shape)
{
    unsigned char c = (unsigned char)s[i];
    if (cs > 0)
        return S_CAP;
    if (cs < 0) {
        /* d'Ivoire, l'Aquila: the capital after the elision counts */
        size_t al;
        if ((c == 'd' || c == 'l') && is_apostrophe_at(s, len, i + 1, &al) && i + 1 + al < len &&
            s[i + 1 + al] >= 'A' && s[i + 1 + al] <= 'Z')
            return S_CAP;
        if ((shape & S_HYPHEN) && elided_article(s, len, i))
            return S_CAP; /* al-Assad, el-Sisi, bin-Salman */
        return S_LOWER;
    }
    return c >= '0' && c <= '9' ? S_DIGIT : 0;
}

/* The shape bits that depend on the whole token, added to @p shape, from
 * the count of capitals and whether there is a lower-case letter. */
static inline uint16_t whole_token_shape(const char *s, size_t len, uint16_t shape, size_t upper, size_t lower)
{
    size_t an;
    if (upper >= 2 && lower == 0)
        shape |= S_ALLCAPS;
    if (len == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.')
        shape |= S_INITIAL;
    if (is_apostrophe_at(s, len, 0, &an) && (len == an || (len == an + 1 && (s[an] == 's' || s[an] == 'S'))))
        shape |= S_POSS;
    if (!(shape & S_WORD) && !joins_names(s, len))
        shape |= S_BREAK;
    return shape;
}

/* The shape of any token, by code points. */
static uint16_t shape_of(const char *s, size_t len)
{
    uint16_t shape = 0;
    size_t i = 0, upper = 0, lower = 0, first = 0;
    int first_cs = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        unsigned char c = (unsigned char)s[i];
        utf8proc_ssize_t n = 1;
        if (c < 0x80)
            cp = c;
        else if ((n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp)) <= 0) {
            i++;
            continue;
        }
        int alnum = 0, cs = 0;
        if (c < 0x80) {
            alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            cs = c >= 'A' && c <= 'Z' ? 1 : c >= 'a' && c <= 'z' ? -1 : 0;
        } else {
            cs = cp_case(cp, &alnum);
        }
        if (c == '-')
            shape |= S_HYPHEN;
        if (alnum) {
            if (!(shape & S_WORD)) {
                first = i;
                first_cs = cs;
            }
            shape |= S_WORD;
            if (cs > 0)
                upper++;
            else if (cs < 0)
                lower++;
        }
        i += (size_t)n;
    }
    if (shape & S_WORD)
        shape |= first_char_shape(s, len, first, first_cs, shape);
    return whole_token_shape(s, len, shape, upper, lower);
}

/* Classes of bytes for read_ascii(): A_UPPER is 1 so that it counts
 * itself; A_HIGH marks bytes of other characters than ASCII. */
enum { A_UPPER = 1, A_LOWER = 2, A_DIGIT = 4, A_PUNCT = 8, A_HYPHEN = 16, A_HIGH = 32 };
#define A_ALNUM (A_UPPER | A_LOWER | A_DIGIT)
#define U A_UPPER
#define L A_LOWER
#define D A_DIGIT
#define P A_PUNCT
#define H (A_PUNCT | A_HYPHEN)
#define X16 A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, \
            A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH, A_HIGH
static const uint8_t ascii_class[256] = {
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, H, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
    X16, X16, X16, X16, X16, X16, X16, X16,
};
#undef U
#undef L
#undef D
#undef P
#undef H
#undef X16

/* ASCII letters in lower case, other bytes as they are. */
static const unsigned char ascii_lower[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
    '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
    '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 0x7f,
    /* bytes of other characters never reach the table */
};

/* What a token reads as: its shape, and its folded key and the key's hash. */
typedef struct tok_form {
    uint16_t shape;
    size_t klen;
    uint64_t hash;
} tok_form;

/* The folded key of an ASCII token with other bytes than letters and
 * digits (U.S., al-Assad, 2013-2017): runs of them are one space inside
 * the key and nothing at its ends (fold.h).  Returns the key's length and
 * sets *first to where the first letter or digit is. */
static size_t fold_ascii(const unsigned char *s, size_t len, unsigned char *out, uint64_t *hash, size_t *first)
{
    size_t o = 0;
    int gap = 0;
    uint64_t h = ET_HASH_INIT;
    for (size_t i = 0; i < len; i++) {
        unsigned k = ascii_class[s[i]];
        if (!(k & A_ALNUM)) {
            gap = o > 0;
            continue;
        }
        if (gap) {
            out[o++] = ' ';
            h = et_hash_byte(h, ' ');
            gap = 0;
        } else if (!o) {
            *first = i;
        }
        out[o] = ascii_lower[s[i]];
        h = et_hash_byte(h, out[o++]);
    }
    *hash = h;
    return o;
}

/* A token in ASCII: the shape, the folded key (written to @p out) and the
 * hash that shape_of(), et_fold() and et_hash_add() would give, at a
 * fraction of their cost; nine tokens in ten of English news are ASCII.
 * Most tokens are letters and digits only: their key is the token in lower
 * case, made by one short loop, and their shape needs no look for an
 * elision, an initial or a possessive.  A token with any other byte leaves
 * the loop for the classes of the rest and fold_ascii().  (The exit of a
 * loop over a token is a branch the processor cannot predict: one loop per
 * token, not two.)  Returns 0 when the token has a byte of another
 * character, for the general path. */
static int read_ascii(const char *s, size_t len, char *out, tok_form *f)
{
    static const uint16_t first_shape[A_DIGIT + 1] = {[A_UPPER] = S_CAP, [A_LOWER] = S_LOWER, [A_DIGIT] = S_DIGIT};
    const unsigned char *u = (const unsigned char *)s;
    unsigned all = 0; /* the classes of the bytes */
    size_t upper = 0, i = 0;
    uint64_t h = ET_HASH_INIT;
    for (; i < len; i++) {
        unsigned k = ascii_class[u[i]];
        if (!(k & A_ALNUM))
            break;
        all |= k;
        upper += k & A_UPPER;
        unsigned char c = ascii_lower[u[i]];
        out[i] = (char)c;
        h = et_hash_byte(h, c);
    }
    if (i == len) {
        f->shape = (uint16_t)(S_WORD | first_shape[ascii_class[u[0]]] |
                              (upper >= 2 && !(all & A_LOWER) ? S_ALLCAPS : 0));
        f->klen = len;
        f->hash = h;
        return 1;
    }
    for (; i < len; i++) {
        unsigned k = ascii_class[u[i]];
        all |= k;
        upper += k & A_UPPER;
    }
    if (all & A_HIGH)
        return 0;
    size_t klen = 0, first = 0;
    if (all & A_ALNUM)
        klen = fold_ascii(u, len, (unsigned char *)out, &h, &first);
    uint16_t shape = all & A_HYPHEN ? S_HYPHEN : 0;
    if (klen) {
        unsigned k = ascii_class[u[first]];
        shape |= S_WORD | first_char_shape(s, len, first, k & A_UPPER ? 1 : k & A_LOWER ? -1 : 0, shape);
    }
    f->shape = whole_token_shape(s, len, shape, upper, all & A_LOWER);
    f->klen = klen;
    f->hash = h;
    return 1;
}

/* Any token: the ASCII pass, else by code points. */
static void read_token(const char *s, size_t len, char *out, tok_form *f)
{
    if (read_ascii(s, len, out, f))
        return;
    f->shape = shape_of(s, len);
    f->klen = f->shape & S_WORD ? et_fold(s, len, out, 0) : 0;
    f->hash = et_hash_add(ET_HASH_INIT, out, f->klen);
}

uint64_t et_lookup(const et_doc *d, uint64_t hash, const char *key, size_t len, et_match *m)
{
    (void)key;
    (void)len;
    /* the slots alone: the hash check bits identify the key (gazetteer.h) */
    const et_slot *b = et_gaz_slot(&d->t->builtin, hash);
    const et_slot *u = d->t->user.data ? et_gaz_slot(&d->t->user, hash) : NULL;
    uint64_t flags = (b ? b->flags : 0) | (u ? u->flags : 0);
    if (u && (u->flags & ET_NOT_ENTITY)) {
        /* the user said this is no entity: the built-in lists are overruled */
        flags &= ~ET_ENTITY_MASK;
        b = NULL;
    }
    if (m) {
        m->flags = flags;
        if (u && (u->flags & ET_ENTITY_MASK)) {
            m->entry = &d->t->user.entries[u->index - 1];
            m->gaz = &d->t->user;
        } else {
            m->entry = b ? &d->t->builtin.entries[b->index - 1] : NULL;
            m->gaz = b ? &d->t->builtin : NULL;
        }
    }
    return flags;
}

/* A word written in lower case: only the small table can know it (see
 * ET_SMALL_MASK); the user's lists are small and asked in full. */
static uint64_t lookup_lower(const et_doc *d, uint64_t hash)
{
    uint64_t flags = et_gaz_small_flags(&d->t->builtin, hash);
    const et_slot *u = d->t->user.data ? et_gaz_slot(&d->t->user, hash) : NULL;
    if (u) {
        flags |= u->flags;
        if (u->flags & ET_NOT_ENTITY)
            flags &= ~ET_ENTITY_MASK;
    }
    return flags;
}

static size_t match_at(const et_doc *d, size_t i, size_t limit, et_match *m)
{
    size_t best = i;
    const et_tok *t = d->tok;
    uint64_t h = 0;
    for (size_t j = i; j < limit; j++) {
        if (j > i && (t[j].shape & S_NEWLINE))
            break;
        if (!t[j].klen) {
            if (t[j].shape & S_BREAK)
                break;
            continue;
        }
        h = j == i ? t[i].hash : et_hash_add(et_hash_add(h, " ", 1), d->keys + t[j].key, t[j].klen);
        et_match mm;
        uint64_t f = et_lookup(d, h, d->keys + t[i].key, t[j].key + t[j].klen - t[i].key, &mm);
        if (!f)
            break;
        if (f & ET_ENTITY_MASK && et_case_matches(d, i, j + 1, &mm)) {
            best = j + 1;
            *m = mm;
        }
        if (!(f & ET_PREFIX))
            break;
    }
    return best;
}

size_t et_match_cached(const et_doc *d, size_t i, size_t limit, et_match *m)
{
    const et_tok *t = d->tok;
    et_mcache *c = &d->mcache[t[i].memo];
    if (c->end && (c->limit == limit || (c->end - 1 <= limit && c->limit >= limit))) {
        /* the same question, or a wider one whose answer fits */
        if (c->end - 1 > i) {
            m->flags = c->flags;
            m->entry = c->entry;
            m->gaz = c->gaz;
        }
        return c->end - 1;
    }
    et_match mm = {0, NULL, NULL};
    size_t e = match_at(d, i, limit, &mm);
    c->end = (uint32_t)e + 1;
    c->limit = (uint32_t)limit;
    c->entry = mm.entry;
    c->gaz = mm.gaz;
    c->flags = mm.flags;
    if (e > i)
        *m = mm;
    return e;
}

int et_case_matches(const et_doc *d, size_t a, size_t b, const et_match *m)
{
    const et_tok *t = d->tok;
    size_t flen = 0;
    const char *form = m->entry ? et_gaz_str(m->gaz, m->entry->form, &flen) : NULL;
    if (d->t->case_sensitive && form) {
        char buf[512], fbuf[512];
        size_t tl = t[b - 1].end - t[a].start;
        if (ET_FOLD_MAX(tl) > sizeof buf || ET_FOLD_MAX(flen) > sizeof fbuf)
            return 0;
        size_t x = et_fold(d->text + t[a].start, tl, buf, 1);
        size_t y = et_fold(form, flen, fbuf, 1);
        return x == y && memcmp(buf, fbuf, x) == 0;
    }
    int caps_mode = (t[a].shape & S_CAPS_MODE) != 0;
    if (m->flags & ET_ACRONYM && m->flags & (ET_COMMON | ET_FUNCTION)) {
        /* "US" and "WHO" are names only when written in capitals */
        if (caps_mode)
            return 0;
        for (size_t k = a; k < b; k++)
            if (t[k].klen && !(t[k].shape & (S_ALLCAPS | S_DIGIT)) && !(t[k].end - t[k].start == 1))
                return 0;
        return 1;
    }
    if (form && flen && form[0] >= 'a' && form[0] <= 'z')
        return 1; /* eBay, iPhone: written small on purpose */
    return caps_mode || (t[a].shape & (S_CAP | S_DIGIT));
}

int et_add_cand(et_doc *d, size_t a, size_t b, int label, const et_match *m)
{
    if (grow((void **)&d->cand, &d->cand_cap, d->ncand + 1, sizeof *d->cand) != 0)
        return -1;
    et_cand *c = &d->cand[d->ncand++];
    memset(c, 0, sizeof *c);
    c->a = (uint32_t)a;
    c->b = (uint32_t)b;
    c->label = (uint8_t)label;
    c->canon_ref = -1;
    if (m && m->entry && m->entry->canon) {
        c->gaz = m->gaz;
        c->canon = m->entry->canon;
    }
    return 0;
}

/* Is there a line break in text[a, b)?  The gap between two tokens is most
 * often one space: a loop beats a call to memchr. */
static int newline_in(const char *text, size_t a, size_t b)
{
    for (; a < b; a++)
        if (text[a] == '\n')
            return 1;
    return 0;
}

/* Headlines in capitals or in Title Case: mark their tokens, since there a
 * capital letter is no sign of a name. */
static void mark_caps_mode(et_doc *d, size_t first, size_t end)
{
    size_t words = 0, caps = 0, lower = 0, allcaps = 0;
    for (size_t i = first; i < end; i++) {
        const et_tok *t = &d->tok[i];
        if (!(t->shape & (S_CAP | S_LOWER)))
            continue;
        words++;
        if (t->shape & S_LOWER) {
            if (!(t->flags & ET_FUNCTION))
                lower++;
        } else if (t->end - t->start >= 4 || !(t->flags & ET_FUNCTION))
            caps++;
        if (t->shape & S_ALLCAPS)
            allcaps++;
    }
    int headline = words >= 3 && lower == 0 && (allcaps * 10 >= words * 7 || caps >= 4);
    if (headline)
        for (size_t i = first; i < end; i++)
            d->tok[i].shape |= S_CAPS_MODE;
}

int et_doc_load(et_doc *d, const et_tagger *t, tp_doc *doc, tp_error *err)
{
    memset(d, 0, sizeof *d);
    d->t = t;
    tp_layer *tl = tp_doc_layer(doc, "tokens");
    if (!tl)
        return tp_error_set(err, TP_ERR_INPUT,
                            "the document has no 'tokens' layer: run sentence-split before entity-tag");
    if (tp_layer_view(tl) + 1 != tp_doc_view_count(doc))
        return tp_error_set(err, TP_ERR_INPUT,
                            "the 'tokens' layer was made on text view %u but the newest view is %u: run the "
                            "stages that change the text before sentence-split",
                            tp_layer_view(tl), tp_doc_view_count(doc) - 1);
    d->text = tp_layer_text(tl, &d->len);
    size_t n = tp_layer_size(tl);
    const tp_span *sp = tp_layer_spans(tl);
    tp_layer *sl = tp_doc_layer(doc, "sentences");
    size_t ns = sl ? tp_layer_size(sl) : 0;
    const tp_span *ss = sl ? tp_layer_spans(sl) : NULL;
    if (grow((void **)&d->tok, &d->tok_cap, n + 1, sizeof *d->tok) != 0 ||
        grow((void **)&d->keys, &d->keys_cap, d->len + 16, 1) != 0 ||
        grow((void **)&d->sent_first, &d->sent_cap, 2, sizeof *d->sent_first) != 0)
        goto nomem;
    /* The loop keeps its counters in locals: stores into the token array
     * could otherwise alias d's fields and force the compiler to reload them. */
    const char *text = d->text;
    et_tok *tok = d->tok;
    size_t ntok = 0, keys_len = 0, nmemo = 0, prev_end = 0;
    size_t cur = 0, prev_sent = SIZE_MAX;
    int clause_start = 1;
    for (size_t i = 0; i < n; i++) {
        size_t start = sp[i].start, end = sp[i].end;
        if (end <= start || end > d->len || (ntok && start < prev_end))
            continue; /* empty, out of the text, or overlapping: against the contract, skipped */
        const char *s = text + start;
        size_t len = end - start;
        if (grow((void **)&d->keys, &d->keys_cap, keys_len + 1 + ET_FOLD_MAX(len), 1) != 0)
            goto nomem;
        size_t at = keys_len + (keys_len ? 1 : 0);
        tok_form f;
        read_token(s, len, d->keys + at, &f);
        et_tok *tk = &tok[ntok];
        tk->start = start;
        tk->end = end;
        tk->shape = f.shape;
        if (ntok && newline_in(text, prev_end, start))
            tk->shape |= S_NEWLINE;
        tk->first = s[0];
        size_t kl = f.klen;
        if (kl) {
            if (keys_len)
                d->keys[keys_len] = ' ';
            keys_len = at + kl;
        }
        tk->key = (uint32_t)(kl ? at : keys_len);
        tk->klen = (uint32_t)kl;
        tk->hash = f.hash;
        /* looked up in the loop below, when this has had time to arrive */
        if (kl)
            et_gaz_prefetch(&t->builtin, tk->hash, (tk->shape & S_LOWER) != 0);
        /* sentence: the one the token starts in (or the next one) */
        while (cur < ns && ss[cur].end <= start)
            cur++;
        if (cur != prev_sent) {
            if (grow((void **)&d->sent_first, &d->sent_cap, d->nsent + 2, sizeof *d->sent_first) != 0)
                goto nomem;
            d->sent_first[d->nsent++] = (uint32_t)ntok;
            prev_sent = cur;
            clause_start = 1;
        }
        if (tk->shape & S_WORD) {
            if (clause_start)
                tk->shape |= S_START;
            clause_start = 0;
        } else if ((opens_clause(s, len) || (len == 1 && s[0] == '\'')) &&
                   !((s[0] == '"' || s[0] == '\'') && i > 0 && start == sp[i - 1].end)) {
            /* a straight quote right after a word closes a quotation */
            clause_start = 1;
        }
        prev_end = end;
        ntok++;
    }
    /* The gazetteer lookups, apart from the reading above: each would
     * otherwise wait for its slot to come from memory. */
    for (size_t k = 0; k < ntok; k++) {
        et_tok *tk = &tok[k];
        if (!tk->klen)
            tk->flags = 0;
        else if (tk->shape & S_LOWER)
            tk->flags = lookup_lower(d, tk->hash); /* three words in four: the small table */
        else
            tk->flags = et_lookup(d, tk->hash, d->keys + tk->key, tk->klen, NULL);
        /* et_match_at() remembers its answers for the few tokens that may start a list entry */
        tk->memo = (uint32_t)nmemo; /* valid when et_may_start_entry() (added without a branch) */
        nmemo += et_may_start_entry(tk);
    }
    d->ntok = ntok;
    d->keys_len = keys_len;
    d->nmemo = nmemo;
    d->mcache = calloc(d->nmemo + 1, sizeof *d->mcache);
    if (!d->mcache)
        goto nomem;
    d->sent_first[d->nsent] = (uint32_t)d->ntok;
    for (size_t k = 0; k < d->nsent; k++)
        mark_caps_mode(d, d->sent_first[k], d->sent_first[k + 1]);
    return TP_OK;
nomem:
    et_doc_free(d);
    return tp_error_set(err, TP_ERR_NOMEM, "out of memory while reading the %zu tokens of the document", n);
}
