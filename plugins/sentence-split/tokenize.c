/* tokenize.c - the tokenizer (see tokenize.h).
 *
 * The main loop skips white space and dispatches on the class of the first
 * character of a token: letters (words, URLs, e-mail addresses,
 * abbreviations, contractions), digits (numbers), and everything else
 * (punctuation, symbols, emoji, hashtags, mentions).  ASCII is classified by
 * one table lookup; only non-ASCII characters are decoded. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "tokenize.h"

typedef struct scanner {
    const unsigned char *s;
    size_t n;
    const ss_lexicon *lx;
    int split;          /* split contractions */
    ss_tokens *out;
    size_t at;          /* position of the next '@' at or after the scan (n: none) */
    unsigned nl;        /* line breaks seen since the last token */
    int space;          /* white space seen since the last token */
    size_t last_end;    /* end of the last token (SIZE_MAX: none yet) */
} scanner;

#define FAIL ((size_t)-1)

static int grow_tokens(ss_tokens *t)
{
    size_t cap = t->cap ? t->cap * 2 : 256;
    ss_token *v = realloc(t->v, cap * sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->cap = cap;
    return 0;
}

static inline int push(scanner *sc, size_t start, size_t end, int kind, int role, unsigned flags, unsigned shape,
                       int norm)
{
    ss_tokens *t = sc->out;
    if (t->n == t->cap && grow_tokens(t))
        return -1;
    ss_token *k = &t->v[t->n++];
    k->start = start;
    k->end = end;
    k->kind = (uint8_t)kind;
    k->role = (uint8_t)role;
    k->flags = (uint8_t)(flags | (sc->space ? TF_SPACE : 0));
    k->shape = (uint8_t)shape;
    k->norm = (uint8_t)norm;
    k->nl = (uint8_t)(sc->nl > 2 ? 2 : sc->nl);
    sc->nl = 0;
    sc->space = 0;
    sc->last_end = end;
    return 0;
}

static inline int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline int is_ascii_alpha(int c)
{
    return (unsigned)((c | 0x20) - 'a') < 26;
}

static inline int is_ascii_digit(int c)
{
    return (unsigned)(c - '0') < 10;
}

static inline int is_ascii_alnum(int c)
{
    return is_ascii_alpha(c) || is_ascii_digit(c);
}

/* Class of the character at i, or CC_SPACE past the end. */
static inline int cc_at(const scanner *sc, size_t i, unsigned *len, int32_t *cp)
{
    if (i >= sc->n) {
        *len = 0;
        *cp = 0;
        return CC_SPACE;
    }
    return ss_cc_at(sc->s, sc->n, i, len, cp);
}

static inline int wordchar_at(const scanner *sc, size_t i)
{
    unsigned len;
    int32_t cp;
    return ss_is_wordchar(cc_at(sc, i, &len, &cp));
}

/* Length of the apostrophe at i (1 or 3), or 0 if there is none. */
static inline unsigned apostrophe_at(const scanner *sc, size_t i)
{
    if (i < sc->n && sc->s[i] == '\'')
        return 1;
    if (i + 2 < sc->n && sc->s[i] == 0xE2 && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* Is "n't" (or "n’t") at i, not followed by a letter? Returns its length. */
static size_t nt_at(const scanner *sc, size_t i)
{
    if (i >= sc->n || (sc->s[i] | 0x20) != 'n')
        return 0;
    unsigned a = apostrophe_at(sc, i + 1);
    if (!a || i + 1 + a >= sc->n || (sc->s[i + 1 + a] | 0x20) != 't')
        return 0;
    size_t end = i + 2 + a;
    return wordchar_at(sc, end) ? 0 : end - i;
}

/* Length of a contraction suffix (s m d ll re ve) at i, not followed by a
 * letter or digit; 0 if there is none. */
static size_t contraction_suffix(const scanner *sc, size_t i)
{
    size_t k = i;
    while (k < sc->n && k - i < 3 && is_ascii_alpha(sc->s[k]))
        k++;
    size_t m = k - i;
    if (m == 0 || m == 3 || wordchar_at(sc, k))
        return 0;
    int a = ascii_lower(sc->s[i]), b = m == 2 ? ascii_lower(sc->s[i + 1]) : 0;
    if (m == 1 && (a == 's' || a == 'm' || a == 'd'))
        return 1;
    if (m == 2 && ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e')))
        return 2;
    return 0;
}

static int has_prefix_ci(const scanner *sc, size_t i, const char *p)
{
    size_t k = 0;
    for (; p[k]; k++)
        if (i + k >= sc->n || ascii_lower(sc->s[i + k]) != p[k])
            return 0;
    return 1;
}

/* Characters that end a URL when they come last: trailing punctuation
 * belongs to the sentence, not to the address. */
static int url_trailing(const scanner *sc, size_t end, size_t *cut)
{
    unsigned char c = sc->s[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '"' || c == ')' ||
        c == ']' || c == '}' || c == '>' || c == '*') {
        *cut = 1;
        return 1;
    }
    /* closing curly quotes */
    if (end >= 3 && sc->s[end - 3] == 0xE2 && sc->s[end - 2] == 0x80 &&
        (sc->s[end - 1] == 0x99 || sc->s[end - 1] == 0x9D)) {
        *cut = 3;
        return 1;
    }
    return 0;
}

/* End of a URL that starts at i: up to white space, quotes and angle
 * brackets, without trailing punctuation (a ')' stays when the URL opened
 * one). */
static size_t url_end(const scanner *sc, size_t i)
{
    size_t j = i;
    int parens = 0;
    while (j < sc->n) {
        unsigned char c = sc->s[j];
        if (c < 0x80) {
            int cc = ss_ascii_cc[c];
            if (cc == CC_SPACE || cc == CC_NEWLINE || cc == CC_FORMAT || c == '"' || c == '<' || c == '>')
                break;
            if (c == '(')
                parens++;
            else if (c == ')')
                parens--;
            j++;
        } else {
            unsigned len;
            int cc = ss_cc_of(ss_decode(sc->s, sc->n, j, &len));
            if (cc == CC_SPACE || cc == CC_NEWLINE || cc == CC_QUOTE_OPEN || cc == CC_QUOTE_CLOSE)
                break;
            j += len;
        }
    }
    size_t cut;
    while (j > i && url_trailing(sc, j, &cut)) {
        if (sc->s[j - 1] == ')' && parens >= 0)
            break; /* balanced: "(disambiguation)" */
        if (sc->s[j - 1] == ')')
            parens++;
        j -= cut;
    }
    return j;
}

/* A domain name at i ("example.com", "bbc.co.uk"), optionally with a path;
 * returns its end or 0.  Labels are ASCII letters, digits and hyphens; the
 * last one must be a known top-level domain (or a country code after co.,
 * com., org. ...), so that "world.Today" is never taken for one. */
static size_t domain_end(const scanner *sc, size_t i)
{
    size_t j = i, prev0 = 0, prev1 = 0, last0 = i, last1 = i;
    int labels = 0;
    for (;;) {
        size_t k = j;
        while (k < sc->n && (is_ascii_alnum(sc->s[k]) || sc->s[k] == '-'))
            k++;
        /* a name is at most 253 bytes: the bound keeps "aaa.bbb.ccc..." linear */
        if (k == j || k - i > 253)
            return 0;
        prev0 = last0;
        prev1 = last1;
        last0 = j;
        last1 = k;
        labels++;
        j = k;
        if (j + 1 < sc->n && sc->s[j] == '.' && is_ascii_alnum(sc->s[j + 1]))
            j++;
        else
            break;
    }
    if (labels < 2 || wordchar_at(sc, j))
        return 0;
    /* the top-level domain must be lowercase letters */
    for (size_t k = last0; k < last1; k++)
        if (sc->s[k] < 'a' || sc->s[k] > 'z')
            return 0;
    unsigned f = ss_lexicon_get(sc->lx, (const char *)sc->s + last0, last1 - last0);
    int ok = (f & LX_TLD) != 0;
    if (!ok && last1 - last0 == 2 && labels >= 3)
        ok = (ss_lexicon_get(sc->lx, (const char *)sc->s + prev0, prev1 - prev0) & LX_CCTLD) != 0;
    if (!ok)
        return 0;
    if (j < sc->n && sc->s[j] == '/')
        return url_end(sc, i);
    return j;
}

/* An e-mail address at i, if the '@' at sc->at belongs to one. */
static size_t email_end(const scanner *sc, size_t i)
{
    if (sc->at >= sc->n || sc->at - i > 64 || sc->at == i)
        return 0;
    for (size_t k = i; k < sc->at; k++) {
        unsigned char c = sc->s[k];
        if (!(is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'))
            return 0;
    }
    size_t j = sc->at + 1, dot = 0;
    while (j < sc->n) {
        unsigned char c = sc->s[j];
        if (is_ascii_alnum(c) || c == '-')
            j++;
        else if (c == '.' && j + 1 < sc->n && is_ascii_alnum(sc->s[j + 1]))
            dot = ++j;
        else
            break;
    }
    if (!dot || j - dot < 2)
        return 0;
    for (size_t k = dot; k < j; k++)
        if (!is_ascii_alpha(sc->s[k]))
            return 0;
    return j;
}

/* Next non-blank character after i is a digit? */
static int digit_follows(const scanner *sc, size_t i)
{
    while (i < sc->n && (sc->s[i] == ' ' || sc->s[i] == '\t'))
        i++;
    return i < sc->n && is_ascii_digit(sc->s[i]);
}

static int prev_is_number(const scanner *sc)
{
    return sc->out->n && sc->out->v[sc->out->n - 1].kind == K_NUMBER;
}

/* ----------------------------------------------------------------- words */

/* Bits of ASCII bytes for the word loop. */
enum { WB_LOWER = 1, WB_UPPER = 2, WB_DIGIT = 4, WB_FAST = WB_LOWER | WB_UPPER | WB_DIGIT };
#define L_ WB_LOWER
#define U_ WB_UPPER
#define D_ WB_DIGIT
static const uint8_t word_bits[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 */
    D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, 0, 0, 0, 0, 0, 0, /* 0-9 */
    0, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, /* @A-O */
    U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, 0, 0, 0, 0, 0, /* P-Z */
    0, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, /* `a-o */
    L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0, 0, 0, 0, 0, /* p-z */
    /* 0x80-0xFF: 0 (decoded on the slow path) */
};
#undef L_
#undef U_
#undef D_

/* Scan a word starting at i (a letter, mark or digit): letters, digits,
 * inner hyphens and apostrophes, abbreviation periods (U.S.), a few inner
 * symbols (AT&T).  Pushes the token(s); returns where scanning continues.
 * Relies on the NUL after the text. */
static size_t scan_word(scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n;
    size_t j = i, seg = i;
    unsigned m = 0, dots = 0; /* WB_* bits seen; periods inside */
    int fold = 0, kind = K_WORD, stop_nt = 0;

    /* URLs and e-mail addresses first: they contain periods and symbols. */
    int c0 = s[i] | 0x20;
    if ((c0 == 'h' && (has_prefix_ci(sc, i, "http://") || has_prefix_ci(sc, i, "https://"))) ||
        (c0 == 'f' && has_prefix_ci(sc, i, "ftp://")) || (c0 == 'w' && has_prefix_ci(sc, i, "www."))) {
        size_t e = url_end(sc, i);
        if (e > i + 4)
            return push(sc, i, e, K_URL, R_NONE, 0, 0, N_NONE) ? FAIL : e;
    }
    if (sc->at < i) {
        const unsigned char *a = memchr(s + i, '@', n - i);
        sc->at = a ? (size_t)(a - s) : n;
    }
    if (sc->at - i <= 64) {
        size_t e = email_end(sc, i);
        if (e)
            return push(sc, i, e, K_EMAIL, R_NONE, 0, 0, N_NONE) ? FAIL : e;
    }
    /* The n't of a split contraction. */
    if (sc->split && sc->last_end == i && !sc->space) {
        size_t k = nt_at(sc, i);
        if (k)
            return push(sc, i, i + k, K_WORD, R_NONE, TF_CONTRACTION, SH_LOWER, k > 3 ? N_FOLD : N_NONE) ? FAIL
                                                                                                     : i + k;
    }

    unsigned first = 0; /* SH_* of the first letter or digit */
    {
        unsigned len;
        int32_t cp;
        int c = cc_at(sc, i, &len, &cp);
        first = c == CC_UPPER ? SH_UPPER : c == CC_LOWER ? SH_LOWER : c == CC_DIGIT ? SH_DIGIT : 0;
    }
    for (;;) {
        /* the fast path: ASCII letters and digits, one lookup a byte */
        unsigned bits;
        while ((bits = word_bits[s[j]]) & WB_FAST) {
            m |= bits;
            j++;
        }
        if (j >= n)
            break;
        unsigned char b = s[j];
        /* don't -> do n't: the word ends before the n */
        if ((b == '\'' || b == 0xE2) && sc->split && j >= i + 2 && (s[j - 1] | 0x20) == 'n' && nt_at(sc, j - 1)) {
            j--;
            stop_nt = 1;
            break;
        }
        if (b < 0x80) {
            if (b == '\'') {
                if (j + 1 < n && is_ascii_alpha(s[j + 1])) {
                    if (sc->split && contraction_suffix(sc, j + 1))
                        break;
                    j++;
                    continue;
                }
                break;
            }
            if (b == '-') {
                if (j > i && s[j + 1] != '-' && wordchar_at(sc, j + 1)) {
                    j++;
                    seg = j; /* D-N.Y.: a new segment for abbreviation periods */
                    continue;
                }
                break;
            }
            if (b == '.') {
                if (j + 1 >= n)
                    break;
                /* U.S.A., e.g., Ph.D.: short letter segments joined by periods */
                size_t seglen = j - seg;
                if (seglen >= 1 && seglen <= 2 && is_ascii_alpha(s[j + 1])) {
                    int letters_only = 1;
                    for (size_t k = seg; k < j; k++)
                        letters_only &= is_ascii_alpha(s[k]);
                    size_t k = j + 1;
                    while (k < n && k - j <= 3 && is_ascii_alpha(s[k]))
                        k++;
                    if (letters_only && k - (j + 1) <= 2 && k < n && s[k] == '.') {
                        dots++;
                        j++;
                        seg = j;
                        continue;
                    }
                }
                /* a domain name: example.com, bbc.co.uk/news */
                if (!dots && s[j + 1] >= 'a' && s[j + 1] <= 'z') {
                    size_t e = domain_end(sc, i);
                    if (e)
                        return push(sc, i, e, K_URL, R_NONE, 0, 0, N_NONE) ? FAIL : e;
                }
                break;
            }
            if (b == '&') {
                /* AT&T, S&P, Q&A */
                if (j > i && s[j - 1] >= 'A' && s[j - 1] <= 'Z' && s[j + 1] >= 'A' && s[j + 1] <= 'Z') {
                    j++;
                    continue;
                }
                break;
            }
            if (b == '$') {
                /* US$, HK$, A$: a currency written with a country prefix */
                if (m == WB_UPPER && j - i <= 3 && !dots) {
                    j++;
                    kind = K_SYMBOL;
                }
                break;
            }
            break;
        }
        unsigned len;
        int32_t cp = ss_decode(s, n, j, &len);
        int c = ss_cc_of(cp);
        if (c == CC_LOWER) {
            m |= WB_LOWER;
        } else if (c == CC_UPPER) {
            m |= WB_UPPER;
            /* NOLINTNEXTLINE(bugprone-branch-clone): like the joiners' below, an empty branch: the word goes on */
        } else if (c == CC_LETTER || c == CC_MARK || c == CC_DIGIT) {
            /* letters of scripts without case, marks, digits */
        } else if (cp == 0x2019) {
            if (j > i && wordchar_at(sc, j + 3)) {
                if (sc->split && contraction_suffix(sc, j + 3))
                    break;
                fold = 1;
            } else {
                break;
            }
        } else if (cp == 0x2010 || cp == 0x2011) {
            if (!(j > i && wordchar_at(sc, j + len)))
                break;
        } else if ((cp == 0x00AD || cp == 0x200C || cp == 0x200D) && j > i && wordchar_at(sc, j + len)) {
            /* soft hyphen and joiners inside a word */
        } else if (cp == 0x00B0 && j == i + 1 && (s[i] | 0x20) == 'n') {
            j += len; /* N°: the numero sign */
            break;
        } else {
            break;
        }
        j += len;
    }
    if (j == i) {
        /* a lone mark or a stray character: make it a symbol */
        unsigned len;
        int32_t cp;
        cc_at(sc, i, &len, &cp);
        return push(sc, i, i + (len ? len : 1), K_SYMBOL, R_OTHER, 0, 0, N_NONE) ? FAIL : i + (len ? len : 1);
    }

    unsigned flags = 0, shape = first;
    if ((m & (WB_UPPER | WB_LOWER)) == WB_UPPER) {
        /* all caps: two uppercase letters at least */
        unsigned up = 0;
        for (size_t k = i; k < j && up < 2; k++)
            up += s[k] >= 0x80 || (s[k] >= 'A' && s[k] <= 'Z');
        if (up >= 2)
            shape |= SH_CAPS;
    }
    if (first == SH_LOWER && (m & WB_UPPER))
        shape |= SH_INNER;
    if (first == SH_DIGIT && !(m & (WB_UPPER | WB_LOWER)))
        kind = K_NUMBER;

    /* A period right after the word: part of it when the word is an
     * abbreviation or an initial (but never the first of "..."). */
    if (kind == K_WORD && j < n && s[j] == '.' && s[j + 1] != '.' && !stop_nt) {
        int attach = 0;
        if (dots) {
            attach = 1;
            flags |= TF_DOTS;
        } else {
            unsigned len;
            int32_t cp;
            int c = cc_at(sc, i, &len, &cp);
            if (i + len == j && ss_is_letter(c)) {
                attach = 1; /* one letter: an initial, p., a. */
            } else {
                unsigned f = ss_lexicon_get(sc->lx, (const char *)s + i, j - i);
                if ((f & LX_ABBR) || ((f & LX_CAPS) && first == SH_UPPER) ||
                    ((f & LX_NUMERIC) && digit_follows(sc, j + 1)) || ((f & LX_UNIT) && prev_is_number(sc)))
                    attach = 1;
            }
        }
        if (attach) {
            flags |= TF_ABBR;
            j++;
            /* U.S.-led, U.N.-backed: a hyphenated word goes on */
            if (dots && s[j] == '-' && is_ascii_alpha(s[j + 1])) {
                flags &= ~TF_ABBR;
                while (s[j] == '-' && is_ascii_alnum(s[j + 1])) {
                    j++;
                    while (word_bits[s[j]] & WB_FAST)
                        j++;
                }
            }
        }
    } else if (dots) {
        flags |= TF_DOTS; /* "U.S" without the last period */
    }

    int norm = fold ? N_FOLD : N_NONE;
    if (stop_nt) {
        /* can't -> ca n't, won't -> wo n't, shan't -> sha n't */
        size_t w = j - i;
        if (w == 2 && (s[i] | 0x20) == 'c' && (s[i + 1] | 0x20) == 'a')
            norm = N_CAN;
        else if (w == 2 && (s[i] | 0x20) == 'w' && (s[i + 1] | 0x20) == 'o')
            norm = N_WILL;
        else if (w == 3 && (s[i] | 0x20) == 's' && (s[i + 1] | 0x20) == 'h' && (s[i + 2] | 0x20) == 'a')
            norm = N_SHALL;
    }
    return push(sc, i, j, kind, R_NONE, flags, shape, norm) ? FAIL : j;
}

/* --------------------------------------------------------------- numbers */

static int is_ordinal_suffix(const unsigned char *p, size_t m)
{
    if (m == 1)
        return (p[0] | 0x20) == 's';
    if (m != 2)
        return 0;
    int a = p[0] | 0x20, b = p[1] | 0x20;
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}

/* A number at i (a digit): 3.5, 1,200, 52-48, 10:30, 3/4, 1990s, 21st.
 * Digits followed by other letters are a word (3D, 4chan, 10-year-old),
 * except units, which become a token of their own (5km, 10am, $3bn). */
static size_t scan_number(scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i;
    while (j < n && is_ascii_digit(s[j]))
        j++;
    while (j + 1 < n && (s[j] == '.' || s[j] == ',' || s[j] == ':' || s[j] == '/' || s[j] == '-') &&
           is_ascii_digit(s[j + 1])) {
        j++;
        while (j < n && is_ascii_digit(s[j]))
            j++;
    }
    if (j < n) {
        unsigned char b = s[j];
        if (is_ascii_alpha(b)) {
            size_t k = j;
            while (k < n && is_ascii_alpha(s[k]))
                k++;
            unsigned len;
            int32_t cp;
            int after = cc_at(sc, k, &len, &cp);
            int ends = !ss_is_wordchar(after) && !(k < n && s[k] == '-' && wordchar_at(sc, k + 1));
            if (ends && is_ordinal_suffix(s + j, k - j))
                return push(sc, i, k, K_NUMBER, R_NONE, 0, SH_DIGIT, N_NONE) ? FAIL : k;
            if (ends) {
                int lower_only = 1;
                for (size_t q = j; q < k; q++)
                    lower_only &= (s[q] >= 'a' && s[q] <= 'z');
                int ampm = k - j == 2 && (s[j + 1] == 'M') && (s[j] == 'A' || s[j] == 'P');
                if ((lower_only || ampm) && (ss_lexicon_get(sc->lx, (const char *)s + j, k - j) & LX_NUMSUFFIX))
                    return push(sc, i, j, K_NUMBER, R_NONE, 0, SH_DIGIT, N_NONE) ? FAIL : j;
            }
            return scan_word(sc, i);
        }
        if (b == '-' && j + 1 < n && is_ascii_alpha(s[j + 1]))
            return scan_word(sc, i); /* 10-year-old */
        if (b >= 0x80) {
            unsigned len;
            int32_t cp;
            int c = cc_at(sc, j, &len, &cp);
            if (ss_is_letter(c) || c == CC_MARK)
                return scan_word(sc, i);
        }
    }
    return push(sc, i, j, K_NUMBER, R_NONE, 0, SH_DIGIT, N_NONE) ? FAIL : j;
}

/* ---------------------------------------------------- everything else */

static int is_bullet(int32_t cp)
{
    return cp == 0x2022 || cp == 0x2043 || cp == 0x25E6 || cp == 0x2023 || cp == 0x25AA || cp == 0x25CF ||
           cp == 0x25A0 || cp == 0x25AB || cp == 0x25A1 || cp == 0x2219 || cp == 0x27A2 || cp == 0x2794;
}

static int is_stop_char(int32_t cp)
{
    return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049 || cp == 0xFF01 ||
           cp == 0xFF1F;
}

static int prev_char_is_wordchar(const scanner *sc, size_t i)
{
    if (i == 0)
        return 0;
    size_t k = i - 1;
    while (k > 0 && (sc->s[k] & 0xC0) == 0x80)
        k--;
    unsigned len;
    int32_t cp;
    return ss_is_wordchar(cc_at(sc, k, &len, &cp));
}

/* Emoticons: :) :-( ;) :D :P =) <3 ... standing apart from words. */
static size_t emoticon_end(const scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i;
    if (i > 0 && !(s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r'))
        return 0;
    if (s[j] == '<') {
        j++;
        if (j < n && s[j] == '/')
            j++;
        if (!(j < n && s[j] == '3'))
            return 0;
        j++;
    } else {
        j++; /* : ; = */
        if (j < n && (s[j] == '-' || s[j] == '\'' || s[j] == 'o'))
            j++;
        if (!(j < n && s[j] && strchr(")(][DPpOo/|*", s[j])))
            return 0;
        j++;
        while (j < n && (s[j] == ')' || s[j] == '(') && s[j] == s[j - 1])
            j++;
    }
    if (j < n && (is_ascii_alnum(s[j]) || s[j] >= 0x80))
        return 0;
    return j;
}

/* Length of an emoji sequence at i: a pictograph with its modifiers, joined
 * by ZWJ to more; or a pair of regional indicators (a flag). */
static size_t emoji_end(const scanner *sc, size_t i)
{
    unsigned len;
    int32_t cp = ss_decode(sc->s, sc->n, i, &len);
    size_t j = i + len;
    if (ss_is_regional_indicator(cp)) {
        if (j < sc->n) {
            int32_t c2 = ss_decode(sc->s, sc->n, j, &len);
            if (ss_is_regional_indicator(c2))
                j += len;
        }
        return j;
    }
    while (j < sc->n) {
        int32_t c = ss_decode(sc->s, sc->n, j, &len);
        if (ss_is_emoji_modifier(c)) {
            j += len;
        } else if (c == 0x200D && j + len < sc->n) {
            unsigned l2;
            int32_t c2 = ss_decode(sc->s, sc->n, j + len, &l2);
            int cc2 = ss_cc_of(c2);
            if (cc2 != CC_EMOJI && cc2 != CC_SYMBOL)
                break;
            j += len + l2;
        } else {
            break;
        }
    }
    return j;
}

static size_t scan_other(scanner *sc, size_t i, int32_t cp, unsigned len, int cc)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n, j = i + len;
    int role = R_OTHER, kind = K_PUNCT, norm = N_NONE;

    switch (cp) {
    case '.':
        while (j < n && s[j] == '.')
            j++;
        if (j == i + 1) {
            if (j < n && is_ascii_digit(s[j]) && !prev_char_is_wordchar(sc, i)) {
                /* .5 */
                size_t e = scan_number(sc, i + 1);
                if (e != FAIL)
                    sc->out->v[sc->out->n - 1].start = i;
                return e;
            }
            role = R_PERIOD;
        } else {
            role = R_ELLIPSIS;
        }
        return push(sc, i, j, K_PUNCT, role, 0, 0, N_NONE) ? FAIL : j;
    case 0x2026:
        while (j < n && (s[j] == '.' || (j + 2 < n && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0xA6)))
            j += s[j] == '.' ? 1 : 3;
        return push(sc, i, j, K_PUNCT, R_ELLIPSIS, 0, 0, N_FOLD) ? FAIL : j;
    case ',':
        role = R_COMMA;
        break;
    case ';':
    case ':':
    case '=':
    case '<': {
        size_t e = emoticon_end(sc, i);
        if (e)
            return push(sc, i, e, K_EMOJI, R_NONE, 0, 0, N_NONE) ? FAIL : e;
        if (cp == ';')
            role = R_SEMICOLON;
        else if (cp == ':')
            role = R_COLON;
        else
            kind = K_SYMBOL;
        break;
    }
    case '"':
        role = R_QUOTE;
        break;
    case '\'':
    case 0x2019: {
        /* 's 're 've 'll 'd 'm after a word; '90s */
        if (sc->split && sc->last_end == i && !sc->space && sc->out->n &&
            (sc->out->v[sc->out->n - 1].kind == K_WORD || sc->out->v[sc->out->n - 1].kind == K_NUMBER)) {
            size_t m = contraction_suffix(sc, j);
            if (m)
                return push(sc, i, j + m, K_WORD, R_NONE, TF_CONTRACTION, SH_LOWER, len > 1 ? N_FOLD : N_NONE)
                           ? FAIL
                           : j + m;
        }
        if (j + 1 < n && is_ascii_digit(s[j]) && is_ascii_digit(s[j + 1]) && !prev_char_is_wordchar(sc, i)) {
            size_t k = j + 2;
            if (k < n && s[k] == 's')
                k++;
            if (!wordchar_at(sc, k))
                return push(sc, i, k, K_NUMBER, R_NONE, 0, SH_DIGIT, len > 1 ? N_FOLD : N_NONE) ? FAIL : k;
        }
        role = cp == '\'' ? R_QUOTE : R_QCLOSE;
        norm = len > 1 ? N_FOLD : N_NONE;
        break;
    }
    case 0x2018:
    case 0x201C:
    case 0x201E:
    case 0x201A:
        role = R_QOPEN;
        norm = N_FOLD;
        break;
    case 0x201D:
        role = R_QCLOSE;
        norm = N_FOLD;
        break;
    case '-':
    case '+':
    case 0x2212:
        if (j < n && is_ascii_digit(s[j]) && !prev_char_is_wordchar(sc, i) &&
            !(sc->out->n && sc->last_end == i && sc->out->v[sc->out->n - 1].kind == K_NUMBER)) {
            size_t e = scan_number(sc, j);
            if (e == FAIL)
                return FAIL;
            sc->out->v[sc->out->n - 1].start = i; /* the sign belongs to the number */
            return e;
        }
        if (cp == '-') {
            while (j < n && s[j] == '-')
                j++;
            role = R_DASH;
        } else {
            kind = K_SYMBOL;
        }
        break;
    case '#':
    case '@': {
        /* #hashtag, @mention: a name right after the sign, not inside a word */
        size_t k = j;
        int letters = 0;
        while (k < n) {
            unsigned l2;
            int32_t c2;
            int cc2 = cc_at(sc, k, &l2, &c2);
            if (c2 == '_' || cc2 == CC_DIGIT || (cp == '#' ? ss_is_letter(cc2) || cc2 == CC_MARK : is_ascii_alpha(c2))) {
                letters |= c2 != '_' && cc2 != CC_DIGIT;
                k += l2;
            } else {
                break;
            }
        }
        if (k > j && (letters || cp == '@') && !prev_char_is_wordchar(sc, i))
            return push(sc, i, k, cp == '#' ? K_HASHTAG : K_MENTION, R_NONE, 0, 0, N_NONE) ? FAIL : k;
        kind = K_SYMBOL;
        break;
    }
    case 0x00B0:
        /* 40°C, 100°F */
        if (j < n && (s[j] == 'C' || s[j] == 'F' || s[j] == 'K') && !wordchar_at(sc, j + 1))
            j++;
        kind = K_SYMBOL;
        break;
    case '_':
        while (j < n && s[j] == '_')
            j++;
        kind = K_SYMBOL;
        break;
    default:
        if (is_stop_char(cp)) {
            while (j < n) {
                unsigned l2;
                int32_t c2 = ss_decode(s, n, j, &l2);
                if (!is_stop_char(c2))
                    break;
                j += l2;
            }
            role = R_STOP;
        } else if (is_bullet(cp)) {
            role = R_BULLET;
        } else if (cc == CC_OPEN) {
            role = R_OPEN;
        } else if (cc == CC_CLOSE) {
            role = R_CLOSE;
        } else if (cc == CC_QUOTE_OPEN) {
            role = R_QOPEN;
        } else if (cc == CC_QUOTE_CLOSE) {
            role = R_QCLOSE;
        } else if (cc == CC_DASH) {
            while (j + len <= n && memcmp(s + j, s + i, len) == 0)
                j += len;
            role = R_DASH;
        } else if (cc == CC_EMOJI) {
            j = emoji_end(sc, i);
            kind = K_EMOJI;
            role = R_NONE;
        } else if (cc == CC_CURRENCY || cc == CC_SYMBOL || cc == CC_OTHER) {
            kind = K_SYMBOL;
            /* a text symbol asked to look like an emoji: ©️ */
            while (j < n) {
                unsigned l2;
                int32_t c2 = ss_decode(s, n, j, &l2);
                if (!ss_is_emoji_modifier(c2))
                    break;
                kind = K_EMOJI;
                j += l2;
            }
        }
        break;
    }
    if (kind != K_PUNCT)
        role = R_NONE;
    return push(sc, i, j, kind, role, 0, 0, norm) ? FAIL : j;
}

/* ------------------------------------------------------------ main loop */

int ss_tokenize(const ss_lexicon *lx, const ss_tokenize_options *opt, const char *text, size_t len, ss_tokens *out)
{
    scanner sc = {(const unsigned char *)text, len, lx, opt->split_contractions, out, 0, 0, 0, (size_t)-1};
    const unsigned char *s = sc.s;
    out->n = 0;
    /* A guess that avoids most regrowth: news averages ~5 bytes a token. */
    if (out->cap < len / 5 + 16) {
        size_t cap = len / 5 + 16;
        ss_token *v = realloc(out->v, cap * sizeof *v);
        if (v) {
            out->v = v;
            out->cap = cap;
        }
    }
    sc.at = 0;
    {
        const unsigned char *a = memchr(s, '@', len);
        sc.at = a ? (size_t)(a - s) : len;
    }
    size_t i = 0;
    while (i < len) {
        unsigned char b = s[i];
        int cc;
        unsigned clen;
        int32_t cp;
        if (b < 0x80) {
            cc = ss_ascii_cc[b];
            clen = 1;
            cp = b;
        } else {
            cp = ss_decode(s, len, i, &clen);
            cc = ss_cc_of(cp);
        }
        size_t next;
        switch (cc) {
        case CC_SPACE:
            sc.space = 1;
            i += clen;
            continue;
        case CC_NEWLINE:
            sc.space = 1;
            if (!(b == '\r' && i + 1 < len && s[i + 1] == '\n'))
                sc.nl += cp == 0x2029 ? 2 : 1;
            i += clen;
            continue;
        case CC_FORMAT:
            i += clen;
            continue;
        case CC_UPPER:
        case CC_LOWER:
        case CC_LETTER:
        case CC_MARK:
            next = scan_word(&sc, i);
            break;
        case CC_DIGIT:
            next = b < 0x80 ? scan_number(&sc, i) : scan_word(&sc, i);
            break;
        default:
            next = scan_other(&sc, i, cp, clen, cc);
            break;
        }
        if (next == FAIL)
            return -1;
        i = next;
    }
    return 0;
}

void ss_tokens_free(ss_tokens *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

/* ------------------------------------------------------- normalized form */

static size_t put(char *buf, size_t cap, size_t at, const char *p, size_t n)
{
    if (at + n <= cap)
        memcpy(buf + at, p, n);
    return at + n;
}

size_t ss_token_norm(const char *text, const ss_token *t, char *buf, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = t->end - t->start;
    if (t->flags & TF_DETACH)
        len--; /* the word without its detached period */
    switch (t->norm) {
    case N_CAN:
    case N_WILL:
    case N_SHALL: {
        const char *w = t->norm == N_CAN ? "can" : t->norm == N_WILL ? "will" : "shall";
        size_t m = strlen(w);
        if (m <= cap) {
            /* keep the case: Ca -> Can, WO -> WILL */
            int up0 = s[t->start] >= 'A' && s[t->start] <= 'Z', up1 = s[t->start + 1] >= 'A' && s[t->start + 1] <= 'Z';
            for (size_t k = 0; k < m; k++)
                buf[k] = (char)(((k == 0 && up0) || (up0 && up1)) ? w[k] - 32 : w[k]);
        }
        return m;
    }
    case N_FOLD: {
        size_t at = 0;
        const unsigned char *p = s + t->start, *e = p + len;
        while (p < e) {
            if (p + 2 < e && p[0] == 0xE2 && p[1] == 0x80) {
                unsigned char c = p[2];
                if (c == 0x98 || c == 0x99 || c == 0x9A || c == 0x9B) {
                    at = put(buf, cap, at, "'", 1);
                    p += 3;
                    continue;
                }
                if (c == 0x9C || c == 0x9D || c == 0x9E || c == 0x9F) {
                    at = put(buf, cap, at, "\"", 1);
                    p += 3;
                    continue;
                }
                if (c == 0xA6) {
                    at = put(buf, cap, at, "...", 3);
                    p += 3;
                    continue;
                }
            }
            at = put(buf, cap, at, (const char *)p, 1);
            p++;
        }
        return at;
    }
    default:
        return (size_t)-1;
    }
}
