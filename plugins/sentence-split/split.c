/* split.c - sentence boundaries (see split.h).
 *
 * The main loop walks the tokens once.  Before each token it asks whether a
 * sentence ends there (blank line, line break, list item); at each token
 * that can end a sentence (. ! ? ellipses, abbreviations) it gathers the
 * closing quotes and brackets that follow and judges the boundary from the
 * next word.  Every look-around is bounded, so the cost is linear. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "split.h"

#define NONE ((size_t)-1)

/* Line statistics of a paragraph (text between blank lines), for deciding
 * whether its line breaks end sentences. */
typedef struct para_info {
    size_t max_line;          /* bytes of its longest line */
    unsigned terminal_lines;  /* lines that end with sentence-final punctuation */
} para_info;

typedef struct splitter {
    const ss_lexicon *lx;
    const ss_split_options *opt;
    const char *text;
    ss_token *t;
    size_t n;
    ss_sentences *out;
    para_info para;       /* line statistics of the current paragraph ... */
    size_t para_start;    /* ... which begins at this token */
    int para_measured;    /* (measured on the first line break that needs them) */
    size_t start;         /* first token of the current sentence */
    size_t line_start;    /* first token of the current line */
    size_t marker_end;    /* last token of the list marker opening the sentence */
    size_t dateline_end;  /* a dateline ends at this token */
    size_t settled;       /* a sentence-final mark judged not to end a sentence ends here */
    int list_style;       /* style of the list being read (0: none) */
    long list_next;       /* number of the item expected next */
} splitter;

enum verdict { NOT_FINAL, KEEP, CUT };

enum final_type { T_PERIOD, T_STOP, T_ELLIPSIS, T_ELLIPSIS_STOP, T_ABBR };

/* ------------------------------------------------------------- helpers */

static size_t tok_len(const ss_token *k)
{
    return k->end - k->start;
}

/* Lexicon flags of a word token, without its attached period. */
static unsigned word_flags(const splitter *sp, size_t k)
{
    const ss_token *w = &sp->t[k];
    if (w->kind != K_WORD)
        return 0;
    size_t len = tok_len(w) - ((w->flags & TF_ABBR) ? 1 : 0);
    return ss_lexicon_get(sp->lx, sp->text + w->start, len);
}

static int text_is(const splitter *sp, size_t k, const char *s)
{
    size_t len = strlen(s);
    return tok_len(&sp->t[k]) == len && memcmp(sp->text + sp->t[k].start, s, len) == 0;
}

/* The pronoun I: capitalized everywhere, so it says nothing about a new
 * sentence. */
static int is_pronoun_i(const splitter *sp, size_t k)
{
    return sp->t[k].kind == K_WORD && text_is(sp, k, "I");
}

/* A word of one letter, with its attached period: "E.", "p." */
static int is_single_letter(const splitter *sp, size_t k)
{
    const ss_token *w = &sp->t[k];
    if (w->kind != K_WORD || !(w->flags & TF_ABBR) || (w->flags & TF_DOTS))
        return 0;
    size_t len = tok_len(w) - 1;
    const unsigned char *p = (const unsigned char *)sp->text + w->start;
    if (len == 1)
        return 1;
    /* one non-ASCII letter */
    unsigned need = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
    return len == need && need > 1;
}

static int is_digits(const splitter *sp, size_t k, size_t max, long *value)
{
    const ss_token *w = &sp->t[k];
    if (w->kind != K_NUMBER || tok_len(w) > max)
        return 0;
    long v = 0;
    for (size_t i = w->start; i < w->end; i++) {
        unsigned char c = (unsigned char)sp->text[i];
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    if (value)
        *value = v;
    return 1;
}

static int is_closer(int role)
{
    return role == R_CLOSE || role == R_QCLOSE || role == R_QUOTE;
}

static int is_final_role(int role)
{
    return role == R_PERIOD || role == R_STOP || role == R_ELLIPSIS;
}

/* Does the line whose last token is @p k end with sentence-final
 * punctuation (possibly followed by closing quotes and brackets)? */
static int line_ends_final(const splitter *sp, size_t k, size_t first)
{
    for (unsigned steps = 0; steps < 4 && k >= first; steps++, k--) {
        const ss_token *w = &sp->t[k];
        if (is_final_role(w->role) || (w->flags & TF_ABBR))
            return 1;
        if (!is_closer(w->role) || k == first)
            return 0;
    }
    return 0;
}

/* -------------------------------------------------------------- quotes */

/* Does the quotation mark at k open a quotation (1), close one (-1), or
 * can't we tell (0)?  Straight quotes go by their spacing. */
static int quote_direction(const splitter *sp, size_t k)
{
    const ss_token *w = &sp->t[k];
    int space_before = k == 0 || (w->flags & TF_SPACE) || sp->t[k - 1].role == R_OPEN || sp->t[k - 1].role == R_DASH;
    int space_after = k + 1 >= sp->n || (sp->t[k + 1].flags & TF_SPACE) || sp->t[k + 1].kind == K_PUNCT;
    if (w->role == R_QOPEN)
        return !space_before && space_after ? -1 : 1; /* “ misused as a closing mark */
    if (w->role == R_QCLOSE)
        return -1;
    if (space_before && !space_after)
        return 1;
    if (!space_before && space_after)
        return -1;
    return 0;
}

/* ---------------------------------------------------------- list items */

enum { LS_NONE, LS_NUM_DOT, LS_NUM_PAREN, LS_NUM_DOT_PAREN, LS_LETTER_DOT, LS_LETTER_PAREN, LS_LETTER_DOT_PAREN };

static int tight_role(const splitter *sp, size_t k, int role)
{
    return k < sp->n && sp->t[k].role == role && !(sp->t[k].flags & TF_SPACE) && tok_len(&sp->t[k]) == 1;
}

/* A list marker at @p k ("1.", "2)", "3.)", "a.", "b)")?  Sets its number,
 * style and last token.  Something must follow it on the same line. */
static int marker_at(const splitter *sp, size_t k, long *value, int *style, size_t *end)
{
    const ss_token *w = &sp->t[k];
    long v;
    size_t e;
    int st;
    if (is_digits(sp, k, 3, &v)) {
        if (tight_role(sp, k + 1, R_PERIOD)) {
            if (tight_role(sp, k + 2, R_CLOSE)) {
                st = LS_NUM_DOT_PAREN;
                e = k + 2;
            } else {
                st = LS_NUM_DOT;
                e = k + 1;
            }
        } else if (tight_role(sp, k + 1, R_CLOSE) && sp->text[sp->t[k + 1].start] == ')') {
            st = LS_NUM_PAREN;
            e = k + 1;
        } else {
            return 0;
        }
    } else if (w->kind == K_WORD && tok_len(w) <= 2) {
        unsigned char c = (unsigned char)sp->text[w->start];
        int abbr = (w->flags & TF_ABBR) != 0;
        if (tok_len(w) != (size_t)(abbr ? 2 : 1))
            return 0;
        if (abbr && c >= 'a' && c <= 'z') {
            st = tight_role(sp, k + 1, R_CLOSE) ? LS_LETTER_DOT_PAREN : LS_LETTER_DOT;
            e = st == LS_LETTER_DOT ? k : k + 1;
        } else if (!abbr && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && tight_role(sp, k + 1, R_CLOSE) &&
                   sp->text[sp->t[k + 1].start] == ')') {
            st = LS_LETTER_PAREN;
            e = k + 1;
        } else {
            return 0;
        }
        v = (c | 0x20) - 'a' + 1;
    } else {
        return 0;
    }
    if (e + 1 >= sp->n || sp->t[e + 1].nl || !(sp->t[e + 1].flags & TF_SPACE))
        return 0;
    *value = v;
    *style = st;
    *end = e;
    return 1;
}

/* Does a list item begin at @p k (the first token of a line)? */
static int item_starts_at(const splitter *sp, size_t k)
{
    const ss_token *w = &sp->t[k];
    if (w->role == R_BULLET)
        return 1;
    /* "- item", "* item" */
    if ((w->role == R_DASH || (w->kind == K_SYMBOL && sp->text[w->start] == '*')) && k + 1 < sp->n &&
        (sp->t[k + 1].flags & TF_SPACE) && !sp->t[k + 1].nl)
        return 1;
    long v;
    int st;
    size_t e;
    if (w->role == R_OPEN && k + 1 < sp->n && !(sp->t[k + 1].flags & TF_SPACE))
        k++; /* (1) */
    return marker_at(sp, k, &v, &st, &e);
}

/* ------------------------------------------------------------ datelines */

static int is_comma(const splitter *sp, size_t k)
{
    return k < sp->n && sp->t[k].role == R_COMMA;
}

/* "Monday, May 4, 2015" or "4 May 2015" opening a paragraph and followed on
 * the same line by a capitalized word: the last token of the date. */
static size_t dateline_at(const splitter *sp, size_t k)
{
    size_t p = k, n = sp->n;
    if (p < n && (word_flags(sp, p) & LX_WEEKDAY)) {
        p++;
        if (is_comma(sp, p))
            p++;
    }
    size_t end;
    if (p + 1 < n && (word_flags(sp, p) & LX_MONTH) && is_digits(sp, p + 1, 2, NULL)) {
        p += 2;
        if (is_comma(sp, p))
            p++;
        if (!(p < n && is_digits(sp, p, 4, NULL) && tok_len(&sp->t[p]) == 4))
            return NONE;
        end = p;
    } else if (p + 2 < n && is_digits(sp, p, 2, NULL) && (word_flags(sp, p + 1) & LX_MONTH) &&
               is_digits(sp, p + 2, 4, NULL) && tok_len(&sp->t[p + 2]) == 4) {
        end = p + 2;
    } else {
        return NONE;
    }
    for (size_t q = k + 1; q <= end; q++)
        if (sp->t[q].nl)
            return NONE;
    if (end + 1 >= n || sp->t[end + 1].nl || sp->t[end + 1].kind != K_WORD || !(sp->t[end + 1].shape & SH_UPPER))
        return NONE;
    return end;
}

/* ------------------------------------------------------------ sentences */

static int push_sentence(splitter *sp, size_t a, size_t b)
{
    ss_sentences *o = sp->out;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        ss_sentence *v = realloc(o->v, cap * sizeof *v);
        if (!v)
            return -1;
        o->v = v;
        o->cap = cap;
    }
    o->v[o->n].first = a;
    o->v[o->n].last = b;
    o->n++;
    return 0;
}

static size_t count_chars(const char *s, size_t from, size_t to)
{
    size_t c = 0;
    for (size_t i = from; i < to; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Emit tokens a..b as one sentence, or as several when it is longer than
 * max_length characters: cut at a semicolon, else a comma, colon or dash
 * in the second half of the allowed length, else between two tokens. */
static int emit(splitter *sp, size_t a, size_t b)
{
    size_t max = sp->opt->max_length;
    const ss_token *t = sp->t;
    if (!max || t[b].end - t[a].start <= max || count_chars(sp->text, t[a].start, t[b].end) <= max)
        return push_sentence(sp, a, b);
    size_t ps = a;
    while (ps <= b) {
        size_t chars = 0, pos = t[ps].start, k = ps;
        size_t semi = NONE, other = NONE;
        while (k <= b) {
            chars += count_chars(sp->text, pos, t[k].end);
            pos = t[k].end;
            if (chars > max && k > ps)
                break;
            if (chars * 2 >= max && k < b) {
                if (t[k].role == R_SEMICOLON)
                    semi = k;
                else if (t[k].role == R_COMMA || t[k].role == R_COLON || t[k].role == R_DASH)
                    other = k;
            }
            k++;
        }
        if (k > b)
            return push_sentence(sp, ps, b);
        size_t cut = semi != NONE ? semi : other != NONE ? other : k - 1;
        if (push_sentence(sp, ps, cut))
            return -1;
        ps = cut + 1;
    }
    return 0;
}

/* A new sentence begins at token @p k: note a list marker or dateline that
 * opens it. */
static void open_sentence(splitter *sp, size_t k)
{
    sp->start = k;
    sp->marker_end = NONE;
    sp->dateline_end = NONE;
    if (k >= sp->n)
        return;
    size_t m = k;
    while (m < sp->n && (m == k || !sp->t[m].nl) && (sp->t[m].role == R_BULLET || sp->t[m].role == R_OPEN))
        m++;
    long v;
    int st;
    size_t e;
    if (m < sp->n && (m == k || !sp->t[m].nl) && marker_at(sp, m, &v, &st, &e)) {
        sp->marker_end = e;
        sp->list_style = st;
        sp->list_next = v + 1;
    }
    if (sp->opt->datelines && (k == 0 || sp->t[k].nl >= 2))
        sp->dateline_end = dateline_at(sp, k);
}

/* ---------------------------------------------------- boundary judgment */

/* A fragment that cannot be a sentence on its own: one or two words, or a
 * short phrase opened by a preposition ("At 5 a.m."). */
static int is_fragment(const splitter *sp, size_t upto)
{
    size_t words = 0, first = NONE;
    if (upto - sp->start > 40)
        return 0; /* long enough to be a sentence (and a bounded look-back) */
    for (size_t k = sp->start; k <= upto; k++) {
        if (sp->t[k].kind == K_WORD || sp->t[k].kind == K_NUMBER) {
            if (first == NONE)
                first = k;
            if (++words > 5)
                return 0;
        }
    }
    if (words <= 2)
        return 1;
    return first != NONE && (word_flags(sp, first) & LX_PREP);
}

/* Line statistics of the paragraph that begins at token sp->para_start.
 * Measured once per paragraph, and only for paragraphs with a single line
 * break to judge, so the cost stays linear (and nil for most texts). */
static void measure_paragraph(splitter *sp)
{
    para_info *pi = &sp->para;
    memset(pi, 0, sizeof *pi);
    size_t first = sp->para_start;
    for (size_t k = sp->para_start; k < sp->n; k++) {
        if (k > sp->para_start && sp->t[k].nl >= 2)
            break;
        if (k + 1 == sp->n || sp->t[k + 1].nl > 0) {
            size_t len = sp->t[k].end - sp->t[first].start;
            if (len > pi->max_line)
                pi->max_line = len;
            pi->terminal_lines += (unsigned)line_ends_final(sp, k, first);
            first = k + 1;
        }
    }
    sp->para_measured = 1;
}

/* Is the line that ends at token @p last a line of wrapped prose (about as
 * long as the paragraph's longest, in a paragraph with final punctuation)? */
static int line_is_wrapped(splitter *sp, size_t last)
{
    if (!sp->para_measured)
        measure_paragraph(sp);
    size_t line = sp->t[last].end - sp->t[sp->line_start].start;
    return sp->para.terminal_lines > 0 && line * 10 >= sp->para.max_line * 6;
}

/* What follows a possible boundary. */
typedef struct next_info {
    size_t j;      /* the next token */
    size_t w;      /* the first token after opening quotes and brackets */
    int newline;   /* a line break before j */
    int tight;     /* no white space before j */
    int opener;    /* j opens a quote or bracket */
    int punct;     /* j is punctuation that continues a sentence: , ; : ) - */
    int lower, upper, digit;
} next_info;

static void look_next(const splitter *sp, size_t j, next_info *x)
{
    const ss_token *t = sp->t;
    memset(x, 0, sizeof *x);
    x->j = j;
    x->newline = t[j].nl > 0;
    x->tight = !(t[j].flags & TF_SPACE);
    size_t w = j;
    while (w < sp->n && (w == j || !t[w].nl) &&
           (t[w].role == R_OPEN || t[w].role == R_QOPEN ||
            (t[w].role == R_QUOTE && w + 1 < sp->n && !(t[w + 1].flags & TF_SPACE))))
        w++;
    x->opener = w > j;
    x->w = w < sp->n ? w : NONE;
    int r = t[j].role;
    x->punct = !x->opener && (r == R_COMMA || r == R_SEMICOLON || r == R_COLON || r == R_CLOSE || r == R_QCLOSE ||
                              r == R_DASH || r == R_QUOTE || r == R_PERIOD || r == R_STOP);
    if (x->w != NONE) {
        const ss_token *k = &t[x->w];
        x->lower = (k->shape & SH_LOWER) && !(k->shape & SH_INNER);
        x->upper = (k->shape & SH_UPPER) != 0;
        x->digit = k->kind == K_NUMBER || (k->shape & SH_DIGIT);
    }
}

/* "Image: Reuters": a credit label with its colon. */
static int is_credit(const splitter *sp, size_t w)
{
    return w + 1 < sp->n && sp->t[w + 1].role == R_COLON && sp->t[w].kind == K_WORD && (sp->t[w].shape & SH_UPPER) && !(sp->t[w].flags & TF_ABBR) &&
           !(sp->t[w + 1].flags & TF_SPACE) && (word_flags(sp, w) & LX_CREDIT);
}

static int is_starter(const splitter *sp, size_t w)
{
    if (w == NONE || sp->t[w].kind != K_WORD || (sp->t[w].flags & TF_ABBR) || is_pronoun_i(sp, w))
        return 0;
    return (word_flags(sp, w) & LX_STARTER) != 0 || is_credit(sp, w);
}

static int judge_abbreviation(splitter *sp, size_t i, const next_info *x)
{
    const ss_token *t = sp->t;
    unsigned f = word_flags(sp, i);
    int single = is_single_letter(sp, i) && !(f & (LX_ABBR | LX_CAPS));
    if ((f & LX_NOEND) || x->punct || x->tight)
        return KEEP;
    /* a line break after an abbreviation ends the sentence, unless the line
     * is wrapped prose ("the U.S.\nDepartment of ...") */
    if (x->newline && !(sp->opt->newlines == NL_NEVER ||
                        (sp->opt->newlines == NL_AUTO && line_is_wrapped(sp, x->j - 1)))) {
        if ((f & LX_TITLE) || x->lower)
            return KEEP;
        if (single)
            sp->t[i].flags |= TF_DETACH;
        return CUT;
    }
    if (x->lower || x->w == NONE || x->digit || (f & LX_TITLE))
        return KEEP;
    if (!x->upper)
        return KEEP; /* a symbol: "the U.S. $5 bill" */
    if (is_starter(sp, x->w)) {
        if (single)
            sp->t[i].flags |= TF_DETACH;
        return CUT;
    }
    if (f & LX_TIME) {
        /* "at 6 p.m. Mr. Smith left" ends; "At 5 a.m. Mr. Smith left" does not */
        if ((word_flags(sp, x->w) & (LX_ZONE | LX_WEEKDAY | LX_MONTH)) || (t[x->w].shape & SH_CAPS))
            return KEEP; /* 9 a.m. Eastern, 10 a.m. Thursday, 5 p.m. GMT */
        return is_fragment(sp, i) ? KEEP : CUT;
    }
    if (single) {
        /* An initial follows a name or a word like "by"; after a lowercase
         * word or a number, "X." is a letter that ends the sentence. */
        if (i == sp->start)
            return KEEP;
        const ss_token *p = &t[i - 1];
        if (p->kind == K_NUMBER ||
            (p->kind == K_WORD && (p->shape & SH_LOWER) && !(p->flags & TF_ABBR) && !(word_flags(sp, i - 1) & LX_LINKER))) {
            /* ... but "writer L. Ron Hubbard", "spokesman J. Smith said":
             * a name goes on after it */
            size_t w2 = x->w + 1;
            if (t[x->w].kind == K_WORD && !(t[x->w].flags & TF_ABBR) && w2 < sp->n && !t[w2].nl &&
                t[w2].kind == K_WORD &&
                (((t[w2].shape & SH_UPPER) && !is_starter(sp, w2)) || (word_flags(sp, w2) & LX_SPEECH)))
                return KEEP;
            sp->t[i].flags |= TF_DETACH;
            return CUT;
        }
        return KEEP;
    }
    if (x->opener && t[x->j].role != R_OPEN)
        return CUT; /* Inc. "We ...  (but not Inc. (NYSE) ...) */
    return KEEP;
}

/* After a quoted question or cry: a name (perhaps with a title: "Council
 * member Rita Gomez") and a verb of saying continue the sentence. */
static int is_attribution(const splitter *sp, const next_info *x)
{
    if (x->opener || x->newline || x->w == NONE || !x->upper || is_starter(sp, x->w))
        return 0;
    size_t end = x->w + 6 < sp->n ? x->w + 6 : sp->n;
    for (size_t k = x->w + 1; k < end; k++) {
        const ss_token *w = &sp->t[k];
        if (w->nl || w->kind != K_WORD)
            return 0;
        if ((w->shape & SH_LOWER) && (word_flags(sp, k) & LX_SPEECH))
            return 1;
    }
    return 0;
}

/* Judge a sentence-final mark of @p type at tokens i..g, followed by closers
 * up to *last. */
static int judge(splitter *sp, int type, size_t i, size_t g, size_t last)
{
    const ss_token *t = sp->t;
    size_t j = last + 1;
    if (j >= sp->n || t[j].nl >= 2)
        return CUT;
    next_info x;
    look_next(sp, j, &x);
    switch (type) {
    case T_PERIOD:
    case T_ELLIPSIS_STOP:
        if (x.newline)
            return CUT;
        if (x.punct)
            return KEEP;
        if (x.tight) {
            /* a missing space: "world.Today", "1,000.That" */
            if (type != T_PERIOD || g != i || last != g || i == 0 || x.opener || !x.upper)
                return KEEP;
            /* after a number or a word ending in a lowercase letter; not
             * "D-N.Y" or "ASP.NET" */
            const ss_token *p = &t[i - 1];
            unsigned char lastc = (unsigned char)sp->text[p->end - 1];
            int word_end = p->kind == K_WORD && tok_len(p) >= 2 && ((lastc >= 'a' && lastc <= 'z') || lastc >= 0x80);
            return (p->kind == K_NUMBER || word_end) && t[j].kind == K_WORD ? CUT : KEEP;
        }
        return x.lower ? KEEP : CUT;
    case T_STOP:
        if (x.punct || x.lower)
            return KEEP;
        if (last > g && is_attribution(sp, &x))
            return KEEP;
        return CUT;
    case T_ELLIPSIS:
        if (x.newline)
            return x.lower ? KEEP : CUT;
        if (x.punct || x.lower)
            return KEEP;
        return x.upper && is_starter(sp, x.w) ? CUT : KEEP;
    default:
        return judge_abbreviation(sp, i, &x);
    }
}

/* Is token @p i sentence-final punctuation (or an abbreviation that may end
 * a sentence)?  If so, judge it: *last gets the last token of the mark with
 * its closers. */
static int final_at(splitter *sp, size_t i, size_t *last)
{
    const ss_token *t = sp->t;
    const ss_token *k = &t[i];
    size_t n = sp->n, g = i;
    int type;
    if (sp->marker_end != NONE && i <= sp->marker_end)
        return NOT_FINAL;
    if (k->role == R_PERIOD) {
        /* spaced ellipsis: ". . ." or ". . . ." */
        size_t e = i;
        while (e + 1 < n && t[e + 1].role == R_PERIOD && (t[e + 1].flags & TF_SPACE) && !t[e + 1].nl)
            e++;
        size_t dots = e - i + 1;
        if (dots >= 3) {
            if (i == sp->start) {
                *last = e; /* an ellipsis that opens a sentence */
                return KEEP;
            }
            if (!(k->flags & TF_SPACE) && dots == 4) {
                /* "word. . . ." : a full stop, then an ellipsis that opens the
                 * next sentence when a capital follows */
                size_t j = e + 1;
                if (j < n && !t[j].nl) {
                    next_info x;
                    look_next(sp, j, &x);
                    if (!x.lower && !x.punct) {
                        *last = i;
                        return CUT;
                    }
                }
                type = T_PERIOD;
            } else {
                type = dots >= 4 ? T_ELLIPSIS_STOP : T_ELLIPSIS;
            }
            g = e;
        } else {
            type = T_PERIOD;
        }
    } else if (k->role == R_STOP) {
        type = T_STOP;
    } else if (k->role == R_ELLIPSIS) {
        if (i == sp->start)
            return NOT_FINAL;
        size_t dots = 0;
        for (size_t b = k->start; b < k->end; b++)
            dots += sp->text[b] == '.' ? 1 : (unsigned char)sp->text[b] == 0xA6 ? 3 : 0;
        type = dots >= 4 ? T_ELLIPSIS_STOP : T_ELLIPSIS;
    } else if (k->flags & TF_ABBR) {
        type = T_ABBR;
    } else {
        return NOT_FINAL;
    }
    /* closing quotes and brackets, and marks glued to them: ?"  .)  !'). */
    size_t j = g + 1;
    while (j < n && !t[j].nl && !(t[j].flags & TF_SPACE) &&
           (is_closer(t[j].role) || t[j].role == R_PERIOD || t[j].role == R_STOP ||
            (t[j].role == R_QOPEN && quote_direction(sp, j) < 0)))
        j++;
    *last = j - 1;
    return judge(sp, type, i, g, *last);
}

/* Does a sentence end before token @p i (i > start)? */
static int cut_before(splitter *sp, size_t i)
{
    const ss_token *k = &sp->t[i];
    if (k->nl >= 2)
        return 1;
    if (k->nl == 1) {
        if (sp->settled == i - 1)
            return 0;
        if (sp->opt->newlines == NL_NEVER)
            return 0;
        if (sp->opt->newlines == NL_ALWAYS)
            return 1;
        if (item_starts_at(sp, i))
            return 1;
        if (!sp->para_measured)
            measure_paragraph(sp);
        const para_info *p = &sp->para;
        if (p->terminal_lines == 0)
            return 1; /* lines without final punctuation: a list, headlines */
        next_info x;
        look_next(sp, i, &x);
        if (x.lower)
            return 0;
        /* a line much shorter than the paragraph's longest: a headline,
         * a dateline, a signature (not a line of wrapped prose) */
        size_t line = sp->t[i - 1].end - sp->t[sp->line_start].start;
        return line * 10 < p->max_line * 6;
    }
    if (k->role == R_BULLET && (k->flags & TF_SPACE))
        return 1;
    if (sp->list_style && (k->flags & TF_SPACE)) {
        long v;
        int st;
        size_t e;
        if (marker_at(sp, i, &v, &st, &e) && st == sp->list_style && v == sp->list_next)
            return 1;
    }
    /* the rules below start at a capitalized word after white space */
    if ((k->shape & (SH_UPPER | SH_CAPS)) != SH_UPPER || !(k->flags & TF_SPACE) || i + 1 >= sp->n)
        return 0;
    const ss_token *p = &sp->t[i - 1];
    int after_word = (p->kind == K_WORD || p->kind == K_NUMBER) && !(p->flags & TF_ABBR) && (k->flags & TF_SPACE);
    /* a caption and its credit: "... Captain America Image: Nick Moreau." */
    if ((after_word || is_closer(p->role)) && (k->flags & TF_SPACE) && is_credit(sp, i))
        return 1;
    /* a caption or headline run into the text: "... constituency In the ..." */
    if (after_word && k->kind == K_WORD && (k->shape & SH_UPPER) && !(k->shape & SH_CAPS) && !(k->flags & TF_ABBR) &&
        i + 1 < sp->n && !sp->t[i + 1].nl && sp->t[i + 1].kind == K_WORD && (sp->t[i + 1].shape & SH_LOWER) &&
        !(sp->t[i + 1].shape & SH_INNER) && (word_flags(sp, i) & LX_RUNIN))
        return 1;
    return 0;
}

int ss_split(const ss_lexicon *lx, const ss_split_options *opt, const char *text, ss_tokens *toks,
             ss_sentences *out)
{
    splitter sp;
    memset(&sp, 0, sizeof sp);
    sp.lx = lx;
    sp.opt = opt;
    sp.text = text;
    sp.t = toks->v;
    sp.n = toks->n;
    sp.out = out;
    sp.marker_end = sp.dateline_end = sp.settled = NONE;
    out->n = 0;
    if (toks->n == 0)
        return 0;
    int rc = 0;
    open_sentence(&sp, 0);
    for (size_t i = 0; i < sp.n && rc == 0; i++) {
        const ss_token *k = &sp.t[i];
        /* the common case: a lowercase word inside a line neither ends nor
         * begins anything */
        if (k->kind == K_WORD && k->nl == 0 && (k->shape & SH_LOWER) && !(k->flags & TF_ABBR) &&
            k->end - k->start > 1 && i != sp.dateline_end && i > sp.start)
            continue;
        if (i > 0 && k->nl >= 2) {
            sp.para_start = i;
            sp.para_measured = 0;
            sp.list_style = LS_NONE;
        }
        if (i > sp.start && cut_before(&sp, i)) {
            rc = emit(&sp, sp.start, i - 1);
            open_sentence(&sp, i);
        }
        if (k->nl)
            sp.line_start = i;
        if (i == sp.dateline_end) {
            rc = rc ? rc : emit(&sp, sp.start, i);
            open_sentence(&sp, i + 1);
            continue;
        }
        size_t last;
        int v = final_at(&sp, i, &last);
        if (v == CUT) {
            rc = rc ? rc : emit(&sp, sp.start, last);
            open_sentence(&sp, last + 1);
            i = last;
        } else if (v == KEEP) {
            sp.settled = last;
            i = last;
        }
    }
    if (rc == 0 && sp.start < sp.n)
        rc = emit(&sp, sp.start, sp.n - 1);
    return rc;
}

void ss_sentences_free(ss_sentences *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
