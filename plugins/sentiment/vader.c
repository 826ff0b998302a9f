/* vader.c - VADER's rules on one unit of text (see vader.h).
 *
 * The valence rules follow the reference's order of operations exactly,
 * because the figures must match it to four decimals: every product and sum
 * below is done in the same order as there. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8util.h"
#include "vader.h"
#include "vader_internal.h"


/* A piece of the emoji-replaced text: a copy of the unit's bytes, or an
 * emoji's description (with the space put before it). */
struct vader_seg {
    size_t dst, src, src_len;
    int emoji;
};

void vader_work_init(vader_work *w)
{
    memset(w, 0, sizeof *w);
}

void vader_work_free(vader_work *w)
{
    free(w->tok);
    free(w->lower);
    free(w->text);
    free(w->segs);
    free(w->nz);
    memset(w, 0, sizeof *w);
}

/* Grow *p to hold @p n items of @p size (amortized doubling). */
int vader_reserve(void **p, size_t *cap, size_t n, size_t size, tp_error *err)
{
    if (n <= *cap)
        return TP_OK;
    if (n > SIZE_MAX / 2 / size)
        return tp_error_set(err, TP_ERR_NOMEM, "a unit of %zu items is too large to score", n);
    size_t c = *cap ? *cap : 64;
    while (c < n)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory scoring a unit of %zu items", n);
    *p = q;
    *cap = c;
    return TP_OK;
}

/* ASCII punctuation, Python's string.punctuation. */
static const unsigned char punct[256] = {
    ['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1,
    [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, [':'] = 1,
    [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, ['\\'] = 1,
    [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1};

/* Byte classes for the tokenizer's fast path. */
enum { B_SPACE = 1, B_ULEAD = 2 };

/* ASCII white space, and the lead bytes of white space beyond ASCII
 * (U+0085, U+00A0: C2; U+1680: E1; U+2000-U+205F: E2; U+3000: E3). */
static const unsigned char byte_class[256] = {
    ['\t'] = B_SPACE, ['\n'] = B_SPACE, ['\v'] = B_SPACE, ['\f'] = B_SPACE, ['\r'] = B_SPACE,
    [0x1c] = B_SPACE, [0x1d] = B_SPACE, [0x1e] = B_SPACE, [0x1f] = B_SPACE, [' '] = B_SPACE,
    [0xC2] = B_ULEAD, [0xE1] = B_ULEAD, [0xE2] = B_ULEAD, [0xE3] = B_ULEAD};

/* The length of the white space at s[0] (Python's str.split()), or 0. */
static inline size_t space_at(const unsigned char *s, size_t n)
{
    unsigned char c = byte_class[s[0]];
    if (c == 0)
        return 0;
    if (c == B_SPACE)
        return 1;
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    return k && utf8_is_unicode_space(cp) ? k : 0;
}

/* ------------------------------------------------------------ emoji */

/* Replace emoji by their descriptions as the reference does, into
 * w->text.  Returns 1 when the unit had emoji, 0 when not, <0 on error. */
static int replace_emoji(const sent_model *m, const char *text, size_t len, vader_work *w, tp_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    /* Most units have none: find the first before copying anything. */
    for (;; i++) {
        /* eight bytes at a time while they are all ASCII */
        for (uint64_t x; i + 8 <= len && (memcpy(&x, s + i, 8), (x & 0x8080808080808080ull) == 0);)
            i += 8;
        while (i < len && s[i] < 0xC2)
            i++;
        if (i >= len)
            return 0;
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k && model_emoji(m, cp))
            break;
    }
    w->nsegs = 0;
    size_t out = 0, copy_from = 0;
    int prev_space = 1; /* the reference starts as if after a space */
    if (i > 0)
        prev_space = s[i - 1] == ' ';
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k == 0)
            k = 1, cp = 0xFFFD;
        const emoji_entry *e = cp >= 0xA9 ? model_emoji(m, cp) : NULL;
        if (!e) {
            prev_space = cp == ' ';
            i += k;
            continue;
        }
        /* the bytes before it, then its description */
        size_t need = out + (i - copy_from) + 1 + e->len;
        if (vader_reserve((void **)&w->text, &w->text_cap, need + 1, 1, err) ||
            vader_reserve((void **)&w->segs, &w->segs_cap, w->nsegs + 2, sizeof *w->segs, err))
            return -1;
        if (i > copy_from) {
            w->segs[w->nsegs++] = (vader_seg){out, copy_from, i - copy_from, 0};
            memcpy(w->text + out, text + copy_from, i - copy_from);
            out += i - copy_from;
        }
        w->segs[w->nsegs++] = (vader_seg){out, i, k, 1};
        if (!prev_space)
            w->text[out++] = ' ';
        memcpy(w->text + out, m->emoji_text + e->off, e->len);
        out += e->len;
        prev_space = 0;
        i += k;
        copy_from = i;
    }
    if (vader_reserve((void **)&w->text, &w->text_cap, out + (len - copy_from) + 1, 1, err) ||
        vader_reserve((void **)&w->segs, &w->segs_cap, w->nsegs + 1, sizeof *w->segs, err))
        return -1;
    if (len > copy_from) {
        w->segs[w->nsegs++] = (vader_seg){out, copy_from, len - copy_from, 0};
        memcpy(w->text + out, text + copy_from, len - copy_from);
        out += len - copy_from;
    }
    w->text[out] = '\0';
    w->text_len = out;
    return 1;
}

/* Where byte @p d of the replaced text comes from in the unit; @p end says
 * whether d is one past a token (maps to the end of an emoji). */
static size_t map_back(const vader_work *w, size_t d, int end)
{
    size_t lo = 0, hi = w->nsegs;
    size_t at = end ? d - 1 : d;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (w->segs[mid].dst <= at)
            lo = mid;
        else
            hi = mid;
    }
    const vader_seg *g = &w->segs[lo];
    if (g->emoji)
        return end ? g->src + g->src_len : g->src;
    return g->src + (d - g->dst);
}

/* ------------------------------------------------------------ tokens */

/* Lowercase [s, e) into w->lower at @p off, hash it, and note its case. */
static uint32_t lower_token(vader_work *w, const unsigned char *s, const unsigned char *e, uint32_t off,
                            uint64_t *hash, int *upper, int *lower, int *apostrophe)
{
    char *out = w->lower + off;
    uint32_t n = 0;
    int up = 0, lo = 0, ap = 0;
    while (s < e) {
        unsigned char c = *s;
        if (c < 0x80) {
            unsigned u = (unsigned)(c - 'A') < 26u, l = (unsigned)(c - 'a') < 26u;
            up |= (int)u;
            lo |= (int)l;
            ap |= c == '\'';
            c = (unsigned char)(c + (u << 5));
            out[n++] = (char)c;
            s++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s, (size_t)(e - s), &cp);
        if (k == 0)
            k = 1, cp = 0xFFFD;
        int cls = utf8_case_class(cp);
        if (cls > 0)
            up = 1;
        else if (cls < 0)
            lo = 1;
        char buf[4];
        size_t bl = utf8_encode(cls ? utf8_to_lower(cp) : cp, buf);
        for (size_t j = 0; j < bl; j++)
            out[n++] = buf[j];
        s += k;
    }
    *upper = up;
    *lower = lo;
    *apostrophe = ap;
    *hash = wt_hash_padded(out, n);
    return n;
}

static int has_nt(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == 'n' && s[i + 1] == '\'' && s[i + 2] == 't')
            return 1;
    return 0;
}

/* News: the entry giving a plural its valence ("injuries" -> "injury",
 * "crises" -> "crisis" is not attempted), or NULL. */
static const sent_word *singular(const sent_model *m, const char *s, size_t n)
{
    char buf[64];
    if (n < 4 || n >= sizeof buf || s[n - 1] != 's' || s[n - 2] == 's' || s[n - 2] == '\'')
        return NULL;
    const sent_word *w;
    memcpy(buf, s, n);
    if (n > 4 && s[n - 3] == 'i' && s[n - 2] == 'e') { /* -ies -> -y */
        buf[n - 3] = 'y';
        w = wt_find(&m->words, buf, n - 2, wt_hash(buf, n - 2));
        if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
            return w;
    }
    w = wt_find(&m->words, buf, n - 1, wt_hash(buf, n - 1)); /* -s */
    if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
        return w;
    if (s[n - 2] == 'e') { /* -es */
        w = wt_find(&m->words, buf, n - 2, wt_hash(buf, n - 2));
        if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
            return w;
    }
    return NULL;
}

/* News: quotation marks and clause punctuation around token [b, e) of the
 * raw text (before punctuation was stripped). */
static uint16_t raw_marks(const unsigned char *s, size_t b, size_t e)
{
    uint16_t f = 0;
    if (s[b] == '"' || (e - b >= 2 && ((s[b] == '\'' && s[b + 1] == '\'') || (s[b] == '`' && s[b + 1] == '`'))) ||
        (e - b >= 3 && s[b] == 0xE2 && s[b + 1] == 0x80 && s[b + 2] == 0x9C))
        f |= VT_QOPEN;
    size_t q = e;
    while (q > b && (s[q - 1] == '.' || s[q - 1] == ',' || s[q - 1] == ';' || s[q - 1] == ':' || s[q - 1] == '!' ||
                     s[q - 1] == '?' || s[q - 1] == ')'))
        q--;
    if (q > b && (s[q - 1] == '"' || (q - b >= 2 && s[q - 1] == '\'' && s[q - 2] == '\'') ||
                  (q - b >= 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x80 && s[q - 1] == 0x9D)))
        f |= VT_QCLOSE;
    unsigned char last = s[e - 1];
    if (last == ',' || last == ';' || last == ':' || last == '(' || last == ')')
        f |= VT_CLAUSE_END;
    if (q < e && (s[q] == '.' || s[q] == '!' || s[q] == '?'))
        f |= VT_STOP;
    return f;
}

/* A token made of dashes only ("-", "--", an en or em dash). */
static int is_dash(const unsigned char *s, size_t b, size_t e)
{
    size_t i = b;
    while (i < e) {
        if (s[i] == '-')
            i++;
        else if (e - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
            i += 3;
        else
            return 0;
    }
    return 1;
}

/* How many tokens ahead the lookup loop prefetches. */
#define PREFETCH 8

/* Split [text, text+len) at white space into w->tok. */
static int tokenize(const sent_model *m, const vader_rules *r, const char *text, size_t len, int mapped,
                    vader_work *w, tp_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    w->n = 0;
    /* Lowercasing can lengthen a character by half (e.g. U+023A). */
    if (vader_reserve((void **)&w->lower, &w->lower_cap, len + len / 2 + 8, 1, err))
        return err->status;
    if (len > UINT32_MAX / 2)
        return tp_error_set(err, TP_ERR_INPUT, "a unit of %zu bytes is too long to score (at most 2 GB)", len);
    /* About one token per six bytes in prose; grown below when short. */
    if (vader_reserve((void **)&w->tok, &w->cap, len / 6 + 16, sizeof *w->tok, err))
        return err->status;
    uint32_t lower_len = 0;
    size_t i = 0, ncaps = 0;
    while (i < len) {
        size_t k;
        while (i < len && (k = space_at(s + i, len - i)) > 0)
            i += k;
        if (i >= len)
            break;
        size_t b = i;
        while (i < len && (byte_class[s[i]] == 0 || space_at(s + i, len - i) == 0))
            i++;
        size_t e = i;
        /* Strip ASCII punctuation; keep the token whole if 2 characters
         * or fewer would remain (emoticons, "ok.", "no,"). */
        size_t sb = b, se = e;
        while (sb < se && punct[s[sb]])
            sb++;
        while (se > sb && punct[s[se - 1]])
            se--;
        size_t chars = 0;
        for (size_t j = sb; j < se && chars <= 2; j++)
            chars += (s[j] & 0xC0) != 0x80;
        if (chars <= 2)
            sb = b, se = e;

        if (w->n == w->cap && vader_reserve((void **)&w->tok, &w->cap, w->n + 1, sizeof *w->tok, err))
            return err->status;
        vtok *t = &w->tok[w->n++];
        t->lexval = 0;
        t->v = 0;
        t->clause = 0;
        t->flags = 0;
        t->id = W_NONE;
        t->w = NULL;
        if (mapped) {
            t->start = map_back(w, sb, 0);
            t->end = map_back(w, se, 1);
        } else {
            t->start = sb;
            t->end = se;
        }
        int up, lo, apostrophe;
        t->lo_off = lower_len;
        t->lo_len = lower_token(w, s + sb, s + se, lower_len, &t->hash, &up, &lo, &apostrophe);
        lower_len += t->lo_len;
        if (up && !lo) {
            t->flags |= VT_ALLCAPS;
            ncaps++;
        }
        if (apostrophe && has_nt(w->lower + t->lo_off, t->lo_len))
            t->flags |= VT_NEGATED;
        if (r->news) {
            t->flags |= raw_marks(s, b, e);
            if (is_dash(s, b, e) && w->n > 1)
                w->tok[w->n - 2].flags |= VT_CLAUSE_END;
        }
    }
    /* The lookups, apart from the scan so that their cache misses overlap
     * (each is independent of the others), with the slots prefetched. */
    const wordtable *table = &m->words;
    for (size_t j = 0; j < w->n; j++) {
        if (j + PREFETCH < w->n)
            __builtin_prefetch(&table->slots[w->tok[j + PREFETCH].hash & (table->nslots - 1)]);
        vtok *t = &w->tok[j];
        const char *low = w->lower + t->lo_off;
        const sent_word *word = t->lo_len <= m->longest_key ? wt_find(table, low, t->lo_len, t->hash) : NULL;
        t->w = word;
        if (word) {
            t->id = word->id;
            if (word->flags & SW_NEGATE)
                t->flags |= VT_NEGATED;
            if (word->flags & SW_BOOSTER)
                t->flags |= VT_BOOSTER;
            if (word->flags & SW_LEXICON) {
                t->flags |= VT_LEX;
                t->lexval = word->valence;
            }
        }
        if (r->news) {
            if (word && (word->flags & SW_DOMAIN)) {
                t->flags |= VT_LEX;
                t->lexval = word->domain;
            } else if (!(t->flags & VT_LEX)) {
                const sent_word *sg = singular(m, low, t->lo_len);
                if (sg) {
                    t->flags |= VT_LEX;
                    t->lexval = (sg->flags & SW_DOMAIN) ? sg->domain : sg->valence;
                }
            }
            if (word && (word->flags & SW_NEGATOR)) {
                t->flags |= VT_NEGATED;
                t->flags &= (uint16_t)~VT_BOOSTER;
            }
        }
    }
    w->cap_diff = ncaps > 0 && ncaps < w->n;
    return TP_OK;
}

/* ------------------------------------------------------------ valences */

static inline int in_lexicon(const vtok *t)
{
    return (t->flags & VT_LEX) != 0;
}

double vader_scalar_inc_dec(const vtok *p, double v, int cap_diff)
{
    double s = 0.0;
    if (p->flags & VT_BOOSTER) {
        s = p->w->booster;
        if (v < 0)
            s *= -1;
        if ((p->flags & VT_ALLCAPS) && cap_diff) {
            if (v > 0)
                s += C_INCR;
            else
                s -= C_INCR;
        }
    }
    return s;
}

static inline int is_so_or_this(const vtok *t)
{
    return t->id == W_SO || t->id == W_THIS;
}

/* Negation seen @p k+1 tokens before token i. */
double vader_negation(double v, const vtok *t, size_t k, size_t i)
{
    if (k == 0) {
        if (t[i - 1].flags & VT_NEGATED)
            v = v * N_SCALAR;
    } else if (k == 1) {
        if (t[i - 2].id == W_NEVER && is_so_or_this(&t[i - 1]))
            v = v * 1.25;
        else if (t[i - 2].id == W_WITHOUT && t[i - 1].id == W_DOUBT)
            ;
        else if (t[i - 2].flags & VT_NEGATED)
            v = v * N_SCALAR;
    } else {
        /* The reference's condition: its second half applies "so"/"this"
         * just before the word whatever precedes them. */
        if ((t[i - 3].id == W_NEVER && is_so_or_this(&t[i - 2])) || is_so_or_this(&t[i - 1]))
            v = v * 1.25;
        else if (t[i - 3].id == W_WITHOUT && (t[i - 2].id == W_DOUBT || t[i - 1].id == W_DOUBT))
            ;
        else if (t[i - 3].flags & VT_NEGATED)
            v = v * N_SCALAR;
    }
    return v;
}

double vader_idioms(double v, const vtok *t, size_t n, size_t i)
{
    uint8_t ids[3];
    double x;
    /* (first, length) of the sequences before the word, in the order tried */
    static const int seq[][2] = {{-1, 2}, {-2, 3}, {-2, 2}, {-3, 3}, {-3, 2}};
    for (size_t q = 0; q < sizeof seq / sizeof *seq; q++) {
        size_t from = i + (size_t)(ptrdiff_t)seq[q][0], len = (size_t)seq[q][1];
        for (size_t j = 0; j < len; j++)
            ids[j] = t[from + j].id;
        if (model_special_case(ids, len, &x)) {
            v = x;
            break;
        }
    }
    if (n - 1 > i) {
        ids[0] = t[i].id, ids[1] = t[i + 1].id;
        if (model_special_case(ids, 2, &x))
            v = x;
    }
    if (n - 1 > i + 1) {
        ids[0] = t[i].id, ids[1] = t[i + 1].id, ids[2] = t[i + 2].id;
        if (model_special_case(ids, 3, &x))
            v = x;
    }
    static const int grams[][2] = {{-3, 3}, {-3, 2}, {-2, 2}};
    for (size_t q = 0; q < sizeof grams / sizeof *grams; q++) {
        size_t from = i + (size_t)(ptrdiff_t)grams[q][0], len = (size_t)grams[q][1];
        for (size_t j = 0; j < len; j++)
            ids[j] = t[from + j].id;
        if (model_booster_ngram(ids, len, &x))
            v = v + x;
    }
    return v;
}

double vader_least(double v, const vtok *t, size_t i)
{
    if (i > 1 && !in_lexicon(&t[i - 1]) && t[i - 1].id == W_LEAST) {
        if (t[i - 2].id != W_AT && t[i - 2].id != W_VERY)
            v = v * N_SCALAR;
    } else if (i > 0 && !in_lexicon(&t[i - 1]) && t[i - 1].id == W_LEAST) {
        v = v * N_SCALAR;
    }
    return v;
}

double vader_no_rule(const vtok *t, size_t n, size_t i)
{
    double lex = t[i].lexval;
    double v = lex;
    /* "no" followed by a lexicon word negates it instead of counting */
    if (t[i].id == W_NO && i != n - 1 && in_lexicon(&t[i + 1]))
        v = 0.0;
    if ((i > 0 && t[i - 1].id == W_NO) || (i > 1 && t[i - 2].id == W_NO) ||
        (i > 2 && t[i - 3].id == W_NO && (t[i - 1].id == W_OR || t[i - 1].id == W_NOR)))
        v = lex * N_SCALAR;
    return v;
}

double vader_caps(double v, const vtok *t, int cap_diff)
{
    if ((t->flags & VT_ALLCAPS) && cap_diff) {
        if (v > 0)
            v += C_INCR;
        else
            v -= C_INCR;
    }
    return v;
}

/* The valence of token i, a lexicon word, by VADER's rules. */
static double word_valence(const vtok *t, size_t n, size_t i, int cap_diff)
{
    double v = vader_no_rule(t, n, i);
    v = vader_caps(v, &t[i], cap_diff);
    for (size_t k = 0; k < 3; k++) {
        if (i <= k || in_lexicon(&t[i - k - 1]))
            continue;
        double s = vader_scalar_inc_dec(&t[i - k - 1], v, cap_diff);
        if (k == 1 && s != 0)
            s = s * 0.95;
        if (k == 2 && s != 0)
            s = s * 0.9;
        v = v + s;
        v = vader_negation(v, t, k, i);
        if (k == 2)
            v = vader_idioms(v, t, n, i);
    }
    return vader_least(v, t, i);
}

/* VADER's "but": valences before the first "but" halved, after it raised
 * by half, through the reference's loop that finds each value by equality
 * (the first token holding an equal value is the one changed). */
static int but_check(vader_work *w, tp_error *err)
{
    size_t b = 0, n = w->n;
    while (b < n && w->tok[b].id != W_BUT)
        b++;
    w->contrast = b;
    if (b == n)
        return TP_OK;
    vtok *t = w->tok;
    /* Zero valences cannot change; only the others take part. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].v != 0)
            m++;
    if (vader_reserve((void **)&w->nz, &w->nz_cap, m, sizeof *w->nz, err))
        return err->status;
    m = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].v != 0)
            w->nz[m++] = i;
    for (size_t q = 0; q < m; q++) {
        double x = t[w->nz[q]].v;
        size_t j = w->nz[q];
        for (size_t r = 0; r < q; r++)
            if (t[w->nz[r]].v == x) {
                j = w->nz[r];
                break;
            }
        if (j < b)
            t[j].v = x * 0.5;
        else if (j > b)
            t[j].v = x * 1.5;
    }
    return TP_OK;
}

/* How many times @p c occurs (rare bytes: memchr skips the rest fast). */
static unsigned count_byte(const char *s, size_t len, char c)
{
    unsigned n = 0;
    for (const char *p = s, *end = s + len; (p = memchr(p, c, (size_t)(end - p))) != NULL; p++)
        n++;
    return n;
}

int vader_analyze(const sent_model *m, const vader_rules *r, const char *text, size_t len, vader_work *w,
                  tp_error *err)
{
    int replaced = replace_emoji(m, text, len, w, err);
    if (replaced < 0)
        return err->status;
    const char *src = replaced ? w->text : text;
    size_t src_len = replaced ? w->text_len : len;
    int rc = tokenize(m, r, src, src_len, replaced, w, err);
    if (rc != TP_OK)
        return rc;
    w->excl = count_byte(src, src_len, '!');
    w->quest = count_byte(src, src_len, '?');
    if (r->news) {
        news_valences(m, w);
        return TP_OK;
    }

    vtok *t = w->tok;
    size_t n = w->n;
    for (size_t i = 0; i < n; i++) {
        t[i].v = 0;
        if (t[i].flags & VT_BOOSTER)
            continue;
        if (i < n - 1 && t[i].id == W_KIND && t[i + 1].id == W_OF)
            continue;
        if (!in_lexicon(&t[i]))
            continue;
        t[i].v = word_valence(t, n, i, w->cap_diff);
    }
    return but_check(w, err);
}

/* ------------------------------------------------------------ figures */

double vader_amplifier(unsigned excl, unsigned quest)
{
    unsigned ep = excl > 4 ? 4 : excl;
    double amp = ep * 0.292;
    double qm = 0;
    if (quest > 1)
        qm = quest <= 3 ? quest * 0.18 : 0.96;
    return amp + qm;
}

double vader_normalize(double x)
{
    double c = x / sqrt(x * x + 15);
    return c < -1.0 ? -1.0 : c > 1.0 ? 1.0 : c;
}

double vader_round(double x, int digits)
{
    double scale = digits == 3 ? 1e3 : 1e4;
    double y = x * scale;
    double f = y - floor(y);
    if (fabs(f - 0.5) > 1e-6)
        return nearbyint(y) / scale;
    /* Near a tie the product's error matters: round the exact value. */
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", digits, x);
    return strtod(buf, NULL);
}

sent_scores vader_scores(const vader_work *w, size_t from, size_t to, double amp, double *sum_out)
{
    sent_scores r = {0, 0, 0, 0};
    if (sum_out)
        *sum_out = 0;
    if (to <= from)
        return r;
    const vtok *t = w->tok;
    double sum = 0, pos = 0, neg = 0;
    size_t neu = 0;
    for (size_t i = from; i < to; i++) {
        double v = t[i].v;
        sum += v;
        if (v > 0)
            pos += v + 1;
        if (v < 0)
            neg += v - 1;
        if (v == 0)
            neu++;
    }
    if (sum_out)
        *sum_out = sum;
    if (sum > 0)
        sum += amp;
    else if (sum < 0)
        sum -= amp;
    double compound = vader_normalize(sum);
    if (pos > fabs(neg))
        pos += amp;
    else if (pos < fabs(neg))
        neg -= amp;
    double total = pos + fabs(neg) + (double)neu;
    r.compound = vader_round(compound, 4);
    r.pos = vader_round(fabs(pos / total), 3);
    r.neg = vader_round(fabs(neg / total), 3);
    r.neu = vader_round(fabs((double)neu / total), 3);
    return r;
}
