/* news.c - the news rules: VADER's valences with the changes that news text
 * needs (docs/sentiment.md, "News rules").  The domain file's words were
 * marked by the tokenizer; here come phrases, clauses, negation scope,
 * hedges, quotation marks and contrast. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vader_internal.h"

/* Two-word domain entries: the first word turns neutral, the second takes
 * the phrase's valence. */
static void mark_phrases(const sent_model *m, vader_work *w)
{
    vtok *t = w->tok;
    char buf[128];
    for (size_t i = 0; i + 1 < w->n; i++) {
        if (!(t[i].flags & VT_PHRASE_HEAD))
            continue;
        size_t a = t[i].lo_len, b = t[i + 1].lo_len;
        if (a + 1 + b > sizeof buf)
            continue;
        memcpy(buf, w->lower + t[i].lo_off, a);
        buf[a] = ' ';
        memcpy(buf + a + 1, w->lower + t[i + 1].lo_off, b);
        const sent_word *p = wt_lookup(&m->words, buf, a + 1 + b);
        if (!p || !(p->flags & SW_DOMAIN))
            continue;
        const uint16_t plain = (uint16_t)~(VT_NEGATED | VT_BOOSTER);
        t[i].flags = (uint16_t)((t[i].flags & plain) | VT_LEX);
        t[i].lexval = 0;
        t[i].id = W_NONE;
        t[i + 1].flags = (uint16_t)((t[i + 1].flags & plain) | VT_LEX);
        t[i + 1].lexval = p->domain;
        t[i + 1].id = W_NONE;
        i++;
    }
}

/* Quotations shorter than this (in tokens) are quoted terms or scare
 * quotes that belong to their clause ('not "great"'); longer ones are
 * someone's words, a clause of their own. */
#define SHORT_QUOTE 3

/* Clauses end at , ; : and dashes, around quotations, and before clause
 * words and contrast words.  Negation and boosters do not cross them.
 * Whether a clause starts at token i (*quote_end: one past the last token
 * of the current quotation). */
static inline int clause_starts(const vtok *t, size_t n, size_t i, size_t *quote_end)
{
    int boundary = 0;
    if (i > 0) /* (no branches: these are rarely true, and unpredictable) */
        boundary = ((t[i - 1].flags & VT_CLAUSE_END) != 0) | ((t[i].flags & VT_CLAUSE_WORD) != 0) |
                   (t[i].id == W_BUT) | (i == *quote_end);
    if ((t[i].flags & VT_QOPEN) && i >= *quote_end) {
        size_t j = i;
        while (j < n && !(t[j].flags & VT_QCLOSE))
            j++;
        if (j < n && j - i + 1 > SHORT_QUOTE) {
            boundary |= i > 0;
            *quote_end = j + 1;
        }
    }
    return boundary != 0;
}

static double word_valence(const vtok *t, size_t n, size_t i, int cap_diff)
{
    double v = vader_no_rule(t, n, i);
    v = vader_caps(v, &t[i], cap_diff);
    /* VADER's three tokens back, stopping at the clause's start. */
    for (size_t k = 0; k < 3 && k < i; k++) {
        const vtok *p = &t[i - k - 1];
        if (p->clause != t[i].clause)
            break;
        /* VADER lets a lexicon word neither boost nor negate; a negator
         * with a valence of its own ("lacks") still negates */
        if ((p->flags & (VT_LEX | VT_NEGATED)) == VT_LEX)
            continue;
        double s = vader_scalar_inc_dec(p, v, cap_diff);
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

void news_valences(const sent_model *m, vader_work *w)
{
    vtok *t = w->tok;
    size_t n = w->n;
    if (w->all_flags & VT_PHRASE_HEAD)
        mark_phrases(m, w);
    /* One pass: each token's clause, then its valence (the rules look at
     * the clauses of the tokens before it only), and the first contrast
     * word. */
    uint32_t clause = 0;
    size_t quote_end = 0, b = n;
    for (size_t i = 0; i < n; i++) {
        clause += (uint32_t)clause_starts(t, n, i, &quote_end);
        t[i].clause = clause;
        if (i < quote_end)
            t[i].flags |= VT_QUOTED;
        if (b == n && ((t[i].id == W_BUT) | ((t[i].flags & VT_CONTRAST) != 0)))
            b = i;
        t[i].v = 0;
        if ((t[i].flags & (VT_LEX | VT_BOOSTER)) != VT_LEX)
            continue;
        if (i < n - 1 && t[i].id == W_KIND && t[i + 1].id == W_OF)
            continue;
        /* "too" criticizes what follows it ("too late"); at the end of a
         * clause it means "also". */
        if (t[i].id == W_TOO && (i == n - 1 || (t[i].flags & (VT_CLAUSE_END | VT_STOP))))
            continue;
        double v = word_valence(t, n, i, w->cap_diff);
        /* News readers weigh bad news more than good (the domain file's
         * @positive_weight). */
        if (v > 0)
            v *= m->positive_weight;
        t[i].v = v;
    }

    /* Hedges weaken their clause. */
    if (w->all_flags & VT_HEDGE) {
        for (size_t i = 0; i < n;) {
            size_t j = i;
            double f = 1.0;
            while (j < n && t[j].clause == t[i].clause) {
                if ((t[j].flags & VT_HEDGE) && t[j].w->hedge < f)
                    f = t[j].w->hedge;
                j++;
            }
            if (f != 1.0)
                for (size_t k = i; k < j; k++)
                    t[k].v *= f;
            i = j;
        }
    }

    /* Contrast: the first "but" (or domain contrast word) halves what
     * precedes it and raises what follows by half (VADER's intended rule,
     * without the reference's value aliasing).  A unit that starts with
     * "But" contrasts with the sentence before it, not within itself. */
    w->contrast = b > 0 ? b : n;
    if (b < n && b > 0) {
        for (size_t i = 0; i < n; i++) {
            if (i < b)
                t[i].v *= 0.5;
            else if (i > b)
                t[i].v *= 1.5;
        }
    }
}
