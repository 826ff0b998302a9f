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

/* ------------------------------------------------------------ bytes */

/* What a byte is to the tokenizer: one table lookup per byte answers every
 * question the scan asks of ASCII. */
enum {
    K_SPACE = 1, /* ASCII white space, as Python's str.split() has it */
    K_HIGH = 2,  /* beyond ASCII: decoded on the slow path */
    K_UPPER = 4, /* A-Z */
    K_LOWER = 8, /* a-z */
    K_APOS = 16, /* ' (a token may hold "n't") */
    K_PUNCT = 32 /* ASCII punctuation, Python's string.punctuation */
};

#define IS_PUNCT(c) (((c) >= 33 && (c) <= 47) || ((c) >= 58 && (c) <= 64) || ((c) >= 91 && (c) <= 96) || \
                     ((c) >= 123 && (c) <= 126))
#define KIND(c)                                                                                           \
    ((c) >= 0x80 ? K_HIGH                                                                                 \
     : ((c) == ' ' || ((c) >= '\t' && (c) <= '\r') || ((c) >= 0x1c && (c) <= 0x1f)) ? K_SPACE             \
     : ((c) >= 'A' && (c) <= 'Z') ? K_UPPER                                                                \
     : ((c) >= 'a' && (c) <= 'z') ? K_LOWER                                                                \
     : ((c) == '\'' ? K_APOS : 0) | (IS_PUNCT(c) ? K_PUNCT : 0))
#define LOWER(c) ((unsigned char)((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c)))
#define ROW4(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define ROW16(F, c) ROW4(F, c), ROW4(F, (c) + 4), ROW4(F, (c) + 8), ROW4(F, (c) + 12)
#define TABLE(F)                                                                                          \
    {ROW16(F, 0), ROW16(F, 16), ROW16(F, 32), ROW16(F, 48), ROW16(F, 64), ROW16(F, 80), ROW16(F, 96),   \
     ROW16(F, 112), ROW16(F, 128), ROW16(F, 144), ROW16(F, 160), ROW16(F, 176), ROW16(F, 192),           \
     ROW16(F, 208), ROW16(F, 224), ROW16(F, 240)}

static const unsigned char byte_kind[256] = TABLE(KIND);
static const unsigned char ascii_lower[256] = TABLE(LOWER);

/* The length of the white space beyond ASCII at s[0] (Python's
 * str.split()), or 0. */
static inline size_t unicode_space_at(const unsigned char *s, size_t n)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    return k && utf8_is_unicode_space(cp) ? k : 0;
}

/* ------------------------------------------------------------ emoji */

/* Replace emoji by their descriptions as the reference does, into
 * w->text; the first is at byte @p first (the tokenizer found it). */
static int replace_emoji(const sent_model *m, const char *text, size_t len, size_t first, vader_work *w,
                         tp_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = first;
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
        const emoji_entry *e = cp >= 0xA9 && model_maybe_emoji(m, cp) ? model_emoji(m, cp) : NULL;
        if (!e) {
            prev_space = cp == ' ';
            i += k;
            continue;
        }
        /* the bytes before it, then its description */
        size_t need = out + (i - copy_from) + 1 + e->len;
        if (vader_reserve((void **)&w->text, &w->text_cap, need + 1, 1, err) ||
            vader_reserve((void **)&w->segs, &w->segs_cap, w->nsegs + 2, sizeof *w->segs, err))
            return err->status;
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
        return err->status;
    if (len > copy_from) {
        w->segs[w->nsegs++] = (vader_seg){out, copy_from, len - copy_from, 0};
        memcpy(w->text + out, text + copy_from, len - copy_from);
        out += len - copy_from;
    }
    w->text[out] = '\0';
    w->text_len = out;
    return TP_OK;
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

static int has_nt(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == 'n' && s[i + 1] == '\'' && s[i + 2] == 't')
            return 1;
    return 0;
}

/* "n’t" with the right single quotation mark U+2019, as typeset news
 * writes "don’t": VADER sees no negation there, the news rules do. */
static int has_curly_nt(const char *s, size_t n)
{
    for (size_t i = 0; i + 5 <= n; i++)
        if (s[i] == 'n' && (unsigned char)s[i + 1] == 0xE2 && (unsigned char)s[i + 2] == 0x80 &&
            (unsigned char)s[i + 3] == 0x99 && s[i + 4] == 't')
            return 1;
    return 0;
}

/* News: the entry giving a plural its valence ("injuries" -> "injury",
 * "crises" -> "crisis" is not attempted), or NULL.  vader_prepare() asks
 * it once per word of the table, not once per token. */
static const sent_word *singular(const sent_model *m, const char *s, size_t n)
{
    char buf[64];
    if (n < 4 || n >= sizeof buf || s[n - 1] != 's' || s[n - 2] == 's' || s[n - 2] == '\'')
        return NULL;
    const sent_word *w;
    memcpy(buf, s, n);
    if (n > 4 && s[n - 3] == 'i' && s[n - 2] == 'e') { /* -ies -> -y */
        buf[n - 3] = 'y';
        w = wt_lookup(&m->words, buf, n - 2);
        if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
            return w;
    }
    w = wt_lookup(&m->words, buf, n - 1); /* -s */
    if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
        return w;
    if (s[n - 2] == 'e') { /* -es */
        w = wt_lookup(&m->words, buf, n - 2);
        if (w && (w->flags & (SW_LEXICON | SW_DOMAIN)))
            return w;
    }
    return NULL;
}

/* News: add to the table the plurals singular() gives a valence that are
 * not words of it yet, so that a token's one lookup finds them too. */
static int add_plurals(sent_model *m, tp_error *err)
{
    wordtable *tab = &m->words;
    size_t words = tab->n;
    /* about a plural a word: reserved at once rather than grown into */
    if (wt_reserve(tab, words, 4 * words, err) != TP_OK)
        return err->status;
    for (size_t i = 0; i < words; i++) {
        if (!(tab->words[i].flags & (SW_LEXICON | SW_DOMAIN)))
            continue;
        size_t len = tab->words[i].len;
        char p[3][64];
        size_t plen[3] = {0, 0, 0};
        if (len + 2 >= sizeof p[0])
            continue;
        const char *key = wt_key(tab, &tab->words[i]);
        memcpy(p[0], key, len); /* -s */
        memcpy(p[0] + len, "s", 1);
        plen[0] = len + 1;
        memcpy(p[1], key, len); /* -es */
        memcpy(p[1] + len, "es", 2);
        plen[1] = len + 2;
        if (len > 1 && key[len - 1] == 'y') { /* -y -> -ies */
            memcpy(p[2], key, len - 1);
            memcpy(p[2] + len - 1, "ies", 3);
            plen[2] = len + 2;
        }
        for (size_t c = 0; c < 3; c++) {
            if (!plen[c] || wt_lookup(tab, p[c], plen[c]) || !singular(m, p[c], plen[c]))
                continue;
            sent_word *w = wt_intern(tab, p[c], plen[c], err); /* (moves the entries) */
            if (!w)
                return err->status;
            w->flags = SW_DERIVED;
            if (plen[c] > m->longest_key)
                m->longest_key = plen[c];
        }
    }
    return TP_OK;
}

/* What a token of word @p w is under rules @p r (the lookup's answer). */
static void token_info(const sent_model *m, const vader_rules *r, sent_word *w)
{
    uint32_t f = w->flags;
    uint16_t t = 0;
    double v = 0;
    if (f & SW_NEGATE)
        t |= VT_NEGATED;
    if (f & SW_BOOSTER)
        t |= VT_BOOSTER;
    if (f & SW_LEXICON) {
        t |= VT_LEX;
        v = w->valence;
    }
    if (f & SW_IDIOM)
        t |= VT_IDIOM;
    if (r->news) {
        if (f & SW_DOMAIN) {
            t |= VT_LEX;
            v = w->domain;
        } else if (!(t & VT_LEX)) {
            const sent_word *sg = singular(m, wt_key(&m->words, w), w->len);
            if (sg) {
                t |= VT_LEX;
                v = (sg->flags & SW_DOMAIN) ? sg->domain : sg->valence;
            }
        }
        if (f & SW_NEGATOR) {
            t |= VT_NEGATED;
            t &= (uint16_t)~VT_BOOSTER;
        }
        if (f & (SW_CLAUSE | SW_CONTRAST))
            t |= VT_CLAUSE_WORD;
        if (f & SW_CONTRAST)
            t |= VT_CONTRAST;
        if (f & SW_HEDGE)
            t |= VT_HEDGE;
        if (f & SW_PHRASE_HEAD)
            t |= VT_PHRASE_HEAD;
    }
    w->token_flags = t;
    w->token_valence = v;
}

int vader_prepare(sent_model *m, const vader_rules *r, tp_error *err)
{
    if (r->news && add_plurals(m, err) != TP_OK)
        return err->status;
    for (size_t i = 0; i < m->words.n; i++)
        token_info(m, r, &m->words.words[i]);
    m->prepared_for = r->news ? 2 : 1;
    return TP_OK;
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

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Scanning a token: where it ends, its lowercase form, what it holds. */
typedef struct scan {
    size_t end;      /* one past its last byte */
    uint32_t len;    /* of its lowercase form */
    unsigned kinds;  /* K_HIGH, K_UPPER, K_LOWER, K_APOS: what its characters are */
    size_t emoji;    /* where an emoji is, when it stopped at one */
} scan;

/* Scan the token at s[i] (not white space) up to the next white space,
 * writing its lowercase form to @p out.  Returns 0, or 1 when it met an
 * emoji and @p stop_at_emoji is set (sc->emoji says where). */
static int scan_token(const sent_model *m, const unsigned char *s, size_t i, size_t len, char *out,
                      int stop_at_emoji, scan *sc)
{
    uint32_t n = 0;
    unsigned kinds = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Eight bytes at a time while they are printable ASCII (most words
     * take one step).  Bit 7 of each byte of a mask says whether that byte
     * is one of a kind; no sum below carries from one byte to the next,
     * except the first, which carries only above the first byte it marks. */
    uint64_t seen = 0; /* K_UPPER, K_LOWER, K_APOS in each byte */
    while (i + 8 <= len) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t other = ((x - ONES * 0x21) | x) & HIGHS; /* white space, control, beyond ASCII */
        unsigned k = other ? (unsigned)__builtin_ctzll(other) / 8 : 8;
        if (k < 8)
            x &= (1ull << (8 * k)) - 1; /* (zero bytes are none of the kinds below) */
        uint64_t upper = (x + ONES * (0x80 - 'A')) & ~(x + ONES * (0x80 - 'Z' - 1)) & HIGHS;
        uint64_t lower = (x + ONES * (0x80 - 'a')) & ~(x + ONES * (0x80 - 'z' - 1)) & HIGHS;
        uint64_t q = x ^ (ONES * '\'');
        uint64_t apostrophe = (q - ONES) & ~q & HIGHS;
        uint64_t folded = x | upper >> 2; /* 0x80 >> 2: 'A' + 0x20 is 'a' */
        memcpy(out + n, &folded, 8); /* (the buffer has room past the end) */
        _Static_assert(K_UPPER == 0x80 >> 5 && K_LOWER == 0x80 >> 4 && K_APOS == 0x80 >> 3, "kinds as mask bits");
        seen |= upper >> 5 | lower >> 4 | apostrophe >> 3;
        n += k;
        i += k;
        if (k < 8)
            break;
    }
    seen |= seen >> 32;
    seen |= seen >> 16;
    kinds = (unsigned)(seen | seen >> 8) & 0xFF;
    if (i == len || (byte_kind[s[i]] & K_SPACE)) { /* (the usual end) */
        sc->end = i;
        sc->len = n;
        sc->kinds = kinds;
        return 0;
    }
#endif
    /* A byte at a time: the rest, and characters beyond ASCII. */
    while (i < len && !(byte_kind[s[i]] & K_SPACE)) {
        unsigned char c = s[i];
        if (c < 0x80) {
            kinds |= byte_kind[c];
            out[n++] = (char)ascii_lower[c];
            i++;
            continue;
        }
        /* beyond ASCII: Python's white space, emoji, Unicode case */
        uint32_t cp;
        size_t cl = utf8_decode(s + i, len - i, &cp);
        if (cl == 0) { /* not UTF-8 (the core never lets it through): kept as it is */
            kinds |= K_HIGH;
            out[n++] = (char)c;
            i++;
            continue;
        }
        if (utf8_is_unicode_space(cp))
            break;
        if (stop_at_emoji && model_maybe_emoji(m, cp) && model_emoji(m, cp)) {
            sc->emoji = i;
            return 1;
        }
        int cls = utf8_case_class(cp);
        kinds |= K_HIGH | (cls > 0 ? K_UPPER : cls < 0 ? K_LOWER : 0);
        n += (uint32_t)utf8_encode(cls ? utf8_to_lower(cp) : cp, out + n);
        i += cl;
    }
    sc->end = i;
    sc->len = n;
    sc->kinds = kinds;
    return 0;
}

/* How many tokens ahead the lookup loop prefetches. */
#define PREFETCH 8

/* Split [text, text+len) at white space into w->tok and look the tokens
 * up.  Returns TP_OK, or 1 when it met an emoji and @p mapped is not set
 * (*emoji says where: the caller replaces them and tokenizes again). */
static int tokenize(const sent_model *m, const vader_rules *r, const char *text, size_t len, int mapped,
                    size_t *emoji, vader_work *w, tp_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    w->n = 0;
    /* Lowercasing can lengthen a character by half (e.g. U+023A); 8 more
     * bytes for the padded hash's reads. */
    if (vader_reserve((void **)&w->lower, &w->lower_cap, len + len / 2 + 8, 1, err))
        return err->status;
    if (len > UINT32_MAX / 2)
        return tp_error_set(err, TP_ERR_INPUT, "a unit of %zu bytes is too long to score (at most 2 GB)", len);
    /* About one token per six bytes in prose; grown below when short. */
    if (vader_reserve((void **)&w->tok, &w->cap, len / 6 + 16, sizeof *w->tok, err))
        return err->status;
    /* In locals: every byte stored into the lowercase buffer could change
     * them for all the compiler knows. */
    const int news = r->news;
    const size_t longest = m->longest_key;
    char *const lower = w->lower;
    vtok *tok = w->tok;
    size_t n = 0, cap = w->cap;
    uint32_t lower_len = 0;
    size_t i = 0, ncaps = 0;
    while (i < len) {
        size_t k;
        if (byte_kind[s[i]] & K_SPACE) {
            i++;
            continue;
        }
        if (s[i] >= 0x80 && (k = unicode_space_at(s + i, len - i)) > 0) {
            i += k;
            continue;
        }
        size_t b = i;
        scan sc;
        if (scan_token(m, s, b, len, lower + lower_len, !mapped, &sc)) {
            *emoji = sc.emoji;
            return 1;
        }
        size_t e = i = sc.end;
        if (i < len && s[i] == ' ')
            i++; /* (the usual space after it) */
        /* Strip ASCII punctuation; keep the token whole if 2 characters
         * or fewer would remain (emoticons, "ok.", "no,"). */
        size_t sb = b, se = e;
        unsigned edges = byte_kind[s[b]] | byte_kind[s[e - 1]];
        if (edges & K_PUNCT) {
            while (sb < se && (byte_kind[s[sb]] & K_PUNCT))
                sb++;
            while (se > sb && (byte_kind[s[se - 1]] & K_PUNCT))
                se--;
            size_t chars = se - sb;
            if (sc.kinds & K_HIGH) {
                chars = 0;
                for (size_t j = sb; j < se && chars <= 2; j++)
                    chars += (s[j] & 0xC0) != 0x80;
            }
            if (chars <= 2)
                sb = b, se = e;
        }

        if (n == cap) {
            w->n = n;
            if (vader_reserve((void **)&w->tok, &w->cap, n + 1, sizeof *w->tok, err))
                return err->status;
            tok = w->tok;
            cap = w->cap;
        }
        vtok *t = &tok[n++];
        /* The stripped bytes are ASCII: one lowercase byte each. */
        uint32_t lo_off = lower_len + (uint32_t)(sb - b);
        uint32_t lo_len = sc.len - (uint32_t)(sb - b) - (uint32_t)(e - se);
        lower_len += sc.len;
        uint16_t flags = 0;
        if ((sc.kinds & (K_UPPER | K_LOWER)) == K_UPPER) {
            flags |= VT_ALLCAPS;
            ncaps++;
        }
        if (((sc.kinds & K_APOS) && has_nt(lower + lo_off, lo_len)) ||
            (news && (sc.kinds & K_HIGH) && has_curly_nt(lower + lo_off, lo_len)))
            flags |= VT_NEGATED;
        /* Quotation and clause marks start or end with punctuation or a
         * character beyond ASCII. */
        if (news && (edges & (K_PUNCT | K_HIGH))) {
            flags |= raw_marks(s, b, e);
            if (is_dash(s, b, e) && n > 1)
                tok[n - 2].flags |= VT_CLAUSE_END;
        }
        uint64_t head;
        *t = (vtok){
            .start = mapped ? map_back(w, sb, 0) : sb,
            .end = mapped ? map_back(w, se, 1) : se,
            .lo_off = lo_off,
            .lo_len = lo_len,
            .hash = lo_len <= longest ? wt_hash_padded(lower + lo_off, lo_len, &head) : 0,
            .flags = flags,
            .id = W_NONE,
        };
    }
    w->n = n;

    /* The lookups, apart from the scan so that their cache misses overlap
     * (each is independent of the others), with the slots prefetched.
     * vader_prepare() has put in each entry what a token of it is. */
    const wordtable table = m->words;
    unsigned all = 0;
    for (size_t j = 0; j < n; j++) {
        if (j + PREFETCH < n)
            __builtin_prefetch(&table.slots[tok[j + PREFETCH].hash & (table.nslots - 1)]);
        vtok *t = &tok[j];
        if (t->lo_len <= longest) {
            const char *low = lower + t->lo_off;
            const sent_word *word = wt_find_padded(&table, low, t->lo_len, t->hash, wt_head_padded(low, t->lo_len));
            if (word) {
                t->flags |= word->token_flags;
                t->lexval = word->token_valence;
                t->id = word->id;
                t->w = (word->flags & SW_DERIVED) ? NULL : word;
            }
        }
        all |= t->flags;
    }
    w->all_flags = all;
    w->cap_diff = ncaps > 0 && ncaps < n;
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
    /* Each idiom and multi-word booster holds two neighbouring idiom words
     * within t[i-3 .. i+1]: most words have no such pair around them. */
    unsigned pairs = (t[i - 3].flags & t[i - 2].flags) | (t[i - 2].flags & t[i - 1].flags) |
                     (t[i - 1].flags & t[i].flags) | (i + 1 < n ? t[i].flags & t[i + 1].flags : 0);
    if (!(pairs & VT_IDIOM))
        return v;
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
    if (m->prepared_for != (r->news ? 2 : 1))
        return tp_error_set(err, TP_ERR_INVALID, "the sentiment model was not prepared for these rules");
    const char *src = text;
    size_t src_len = len, emoji = 0; /* set by tokenize() when it returns 1 */
    int rc = tokenize(m, r, text, len, 0, &emoji, w, err);
    if (rc == 1) { /* emoji: replace them, then tokenize that text */
        rc = replace_emoji(m, text, len, emoji, w, err);
        if (rc != TP_OK)
            return rc;
        src = w->text;
        src_len = w->text_len;
        rc = tokenize(m, r, src, src_len, 1, &emoji, w, err);
    }
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

/* vader_round() for any x: near a half, printf rounds the exact value. */
static double round_general(double x, double y, double scale, int digits)
{
    double f = y - floor(y);
    if (fabs(f - 0.5) > 1e-6)
        return nearbyint(y) / scale;
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", digits, x);
    return strtod(buf, NULL);
}

double vader_round(double x, int digits)
{
    double scale = digits == 3 ? 1e3 : 1e4;
    double y = x * scale;
    if (!(fabs(y) < 0x1p52)) /* huge, infinite or not a number */
        return round_general(x, y, scale, digits);
    /* Round the exact product x * scale half to even, as printf does with
     * x, looking at y, the rounded product, where that is enough (the
     * same as round_general(), without printf: ties are common, 1/16 is
     * one). */
    double lo = (double)(long long)y;
    if (lo > y)
        lo -= 1; /* floor(y) */
    /* y's distance from the half: exact when it is small (both are
     * multiples of y's unit in the last place, which is then larger than
     * the product's error), and of the right sign always. */
    double d = y - (lo + 0.5);
    int up;
    if (d != 0) {
        up = d > 0;
    } else { /* y is the half: the exact product is y + e */
        double e = fma(x, scale, -y);
        up = e > 0 || (e == 0 && fmod(lo, 2) != 0);
    }
    double r = lo + up;
    return r == 0 ? copysign(0.0, x) : r / scale; /* (printf writes -0.000) */
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
