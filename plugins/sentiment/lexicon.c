/* lexicon.c - loading the word table and the emoji table (see lexicon.h).
 *
 * The built-in lists restate VADER's NEGATE and BOOSTER_DICT and the words
 * its SPECIAL_CASES idioms are made of (docs/sentiment.md, "VADER rules"). */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "lexicon.h"
#include "utf8util.h"

#define B_INCR 0.293
#define B_DECR (-0.293)

static const char *const negate_words[] = {
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
    "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
    "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
    "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
    "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
    "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
    "seldom", "despite", NULL};

static const char *const booster_up[] = {
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
    "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
    "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin",
    "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin",
    "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely",
    "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably",
    "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
    "unbelievably", "unusually", "utter", "utterly", "very", NULL};

static const char *const booster_down[] = {
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
    "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
    "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of", NULL};

/* Indexed by enum sent_word_id. */
static const char *const special_words[W_COUNT] = {
    [W_NO] = "no", [W_OR] = "or", [W_NOR] = "nor", [W_BUT] = "but", [W_KIND] = "kind",
    [W_OF] = "of", [W_SO] = "so", [W_THIS] = "this", [W_NEVER] = "never",
    [W_WITHOUT] = "without", [W_DOUBT] = "doubt", [W_LEAST] = "least", [W_AT] = "at",
    [W_VERY] = "very", [W_THE] = "the", [W_SHIT] = "shit", [W_BOMB] = "bomb", [W_BAD] = "bad",
    [W_ASS] = "ass", [W_BUS] = "bus", [W_STOP] = "stop", [W_YEAH] = "yeah", [W_RIGHT] = "right",
    [W_KISS] = "kiss", [W_DEATH] = "death", [W_TO] = "to", [W_DIE] = "die", [W_FOR] = "for",
    [W_BEATING] = "beating", [W_HEART] = "heart", [W_BROKEN] = "broken", [W_JUST] = "just",
    [W_ENOUGH] = "enough", [W_SORT] = "sort", [W_TOO] = "too"};

/* VADER's SPECIAL_CASES that can match (the one-word "badass" never can:
 * the rule looks up sequences of two or three tokens). */
static const struct {
    uint8_t ids[3];
    uint8_t n;
    double value;
} special_cases[] = {
    {{W_THE, W_SHIT}, 2, 3.0},          {{W_THE, W_BOMB}, 2, 3.0},
    {{W_BAD, W_ASS}, 2, 1.5},           {{W_BUS, W_STOP}, 2, 0.0},
    {{W_YEAH, W_RIGHT}, 2, -2.0},       {{W_KISS, W_OF, W_DEATH}, 3, -1.5},
    {{W_TO, W_DIE, W_FOR}, 3, 3.0},     {{W_BEATING, W_HEART}, 2, 3.1},
    {{W_BROKEN, W_HEART}, 2, -2.9},
};

static const struct {
    uint8_t ids[2];
    double value;
} booster_ngrams[] = {
    {{W_JUST, W_ENOUGH}, B_DECR}, {{W_KIND, W_OF}, B_DECR}, {{W_SORT, W_OF}, B_DECR}};

void model_init(sent_model *m)
{
    memset(m, 0, sizeof *m);
    wt_init(&m->words);
    m->positive_weight = 1.0;
    m->emoji_min_cp = UINT32_MAX;
}

void model_free(sent_model *m)
{
    wt_free(&m->words);
    free(m->emoji);
    free(m->emoji_text);
    memset(m, 0, sizeof *m);
}

static sent_word *intern(sent_model *m, const char *key, size_t len, tp_error *err)
{
    sent_word *w = wt_intern(&m->words, key, len, err);
    if (w && len > m->longest_key)
        m->longest_key = len;
    return w;
}

int model_add_builtin(sent_model *m, tp_error *err)
{
    sent_word *w;
    for (size_t i = 0; negate_words[i]; i++) {
        if (!(w = intern(m, negate_words[i], strlen(negate_words[i]), err)))
            return err->status;
        w->flags |= SW_NEGATE;
    }
    for (size_t i = 0; booster_up[i]; i++) {
        if (!(w = intern(m, booster_up[i], strlen(booster_up[i]), err)))
            return err->status;
        w->flags |= SW_BOOSTER;
        w->booster = B_INCR;
    }
    for (size_t i = 0; booster_down[i]; i++) {
        if (!(w = intern(m, booster_down[i], strlen(booster_down[i]), err)))
            return err->status;
        w->flags |= SW_BOOSTER;
        w->booster = B_DECR;
    }
    /* the ids VADER's idioms and multi-word boosters are made of */
    uint64_t idiom_ids = 0;
    for (size_t i = 0; i < sizeof special_cases / sizeof *special_cases; i++)
        for (size_t j = 0; j < special_cases[i].n; j++)
            idiom_ids |= 1ull << special_cases[i].ids[j];
    for (size_t i = 0; i < sizeof booster_ngrams / sizeof *booster_ngrams; i++)
        idiom_ids |= 1ull << booster_ngrams[i].ids[0] | 1ull << booster_ngrams[i].ids[1];
    _Static_assert(W_COUNT <= 64, "special-word ids must fit a 64-bit mask");
    for (int id = 1; id < W_COUNT; id++) {
        if (!(w = intern(m, special_words[id], strlen(special_words[id]), err)))
            return err->status;
        w->id = (uint8_t)id;
        if (idiom_ids >> id & 1)
            w->flags |= SW_IDIOM;
    }
    return TP_OK;
}

int model_special_case(const uint8_t *ids, size_t n, double *value)
{
    for (size_t i = 0; i < sizeof special_cases / sizeof *special_cases; i++) {
        if (special_cases[i].n != n || memcmp(special_cases[i].ids, ids, n) != 0)
            continue;
        *value = special_cases[i].value;
        return 1;
    }
    return 0;
}

int model_booster_ngram(const uint8_t *ids, size_t n, double *value)
{
    if (n != 2)
        return 0; /* VADER has no three-word booster */
    for (size_t i = 0; i < sizeof booster_ngrams / sizeof *booster_ngrams; i++)
        if (memcmp(booster_ngrams[i].ids, ids, 2) == 0) {
            *value = booster_ngrams[i].value;
            return 1;
        }
    return 0;
}

/* ------------------------------------------------------------ files */

/* Python's str.strip() on a line, ASCII white space (the files are UTF-8
 * and their lines never start or end with other white space). */
static void strip(const char **s, const char **e)
{
    while (*s < *e && utf8_is_ascii_space((unsigned char)**s))
        (*s)++;
    while (*e > *s && utf8_is_ascii_space((unsigned char)(*e)[-1]))
        (*e)--;
}

/* Split [s, e) at tabs into at most @p max fields; returns the count. */
static size_t split_tabs(const char *s, const char *e, const char **fs, const char **fe, size_t max)
{
    size_t n = 0;
    while (n < max) {
        const char *t = memchr(s, '\t', (size_t)(e - s));
        fs[n] = s;
        fe[n] = t ? t : e;
        n++;
        if (!t)
            break;
        s = t + 1;
    }
    return n;
}

/* A number filling [s, e) (white space around it allowed). */
static int parse_number(const char *s, const char *e, double *out)
{
    char buf[64];
    while (s < e && utf8_is_ascii_space((unsigned char)*s))
        s++;
    while (e > s && utf8_is_ascii_space((unsigned char)e[-1]))
        e--;
    if (e == s || (size_t)(e - s) >= sizeof buf)
        return 0;
    memcpy(buf, s, (size_t)(e - s));
    buf[e - s] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* Calls @p fn for each line (1-based number, without its newline). */
typedef int (*line_fn)(sent_model *m, const char *path, size_t lineno, const char *s, const char *e,
                       tp_error *err);

static int each_line(sent_model *m, const char *path, line_fn fn, tp_error *err)
{
    size_t len;
    char *text = datafile_read(path, &len, err);
    if (!text)
        return err->status;
    size_t lines = 1;
    for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + len - q))) != NULL; q++)
        lines++;
    /* A line makes at most a word, and vader_prepare() adds up to two
     * plurals a word: room for all at once, as untouched room costs no
     * memory but each growth copies the table. */
    int rc = wt_reserve(&m->words, 3 * lines, 3 * (len + lines), err);
    const char *p = text, *end = text + len;
    for (size_t lineno = 1; p < end && rc == TP_OK; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        rc = fn(m, path, lineno, p, e, err);
        p = nl ? nl + 1 : end;
    }
    free(text);
    return rc;
}

static int lexicon_line(sent_model *m, const char *path, size_t lineno, const char *s, const char *e,
                        tp_error *err)
{
    strip(&s, &e);
    if (s == e)
        return TP_OK;
    const char *fs[2], *fe[2];
    double v;
    if (split_tabs(s, e, fs, fe, 2) < 2 || fs[0] == fe[0])
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: expected \"token<TAB>valence\"; fix or restore the file",
                            path, lineno);
    if (!parse_number(fs[1], fe[1], &v))
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: the valence is not a number; fix or restore the file",
                            path, lineno, (size_t)(fs[1] - s) + 1);
    sent_word *w = intern(m, fs[0], (size_t)(fe[0] - fs[0]), err);
    if (!w)
        return err->status;
    w->flags |= SW_LEXICON;
    w->valence = v;
    return TP_OK;
}

int model_load_lexicon(sent_model *m, const char *path, tp_error *err)
{
    return each_line(m, path, lexicon_line, err);
}

/* Emoji are gathered unsorted, then sorted once. */
static int emoji_line(sent_model *m, const char *path, size_t lineno, const char *s, const char *e,
                      tp_error *err)
{
    strip(&s, &e);
    if (s == e)
        return TP_OK;
    const char *fs[2], *fe[2];
    if (split_tabs(s, e, fs, fe, 2) < 2)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: expected \"emoji<TAB>description\"; fix or restore the file",
                            path, lineno);
    uint32_t cp;
    size_t n = utf8_decode((const unsigned char *)fs[0], (size_t)(fe[0] - fs[0]), &cp);
    if (n == 0)
        return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: the emoji is not valid UTF-8; fix or restore the file",
                            path, lineno);
    if (fs[0] + n != fe[0])
        return TP_OK; /* a sequence of code points: the reference never matches it */
    size_t dlen = (size_t)(fe[1] - fs[1]);
    if (m->nemoji % 256 == 0) {
        emoji_entry *more = realloc(m->emoji, (m->nemoji + 256) * sizeof *more);
        if (!more)
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory reading %s", path);
        m->emoji = more;
    }
    if (m->emoji_text_len + dlen + 1 > UINT32_MAX)
        return tp_error_set(err, TP_ERR_DATA, "%s: the descriptions exceed 4 GB", path);
    char *text = realloc(m->emoji_text, m->emoji_text_len + dlen + 1);
    if (!text)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory reading %s", path);
    m->emoji_text = text;
    memcpy(text + m->emoji_text_len, fs[1], dlen);
    text[m->emoji_text_len + dlen] = '\0';
    m->emoji[m->nemoji++] = (emoji_entry){cp, (uint32_t)m->emoji_text_len, (uint32_t)dlen};
    m->emoji_text_len += dlen + 1;
    return TP_OK;
}

static int by_cp(const void *a, const void *b)
{
    const emoji_entry *x = a, *y = b;
    if (x->cp != y->cp)
        return x->cp < y->cp ? -1 : 1;
    /* the later line wins: keep the order of reading among equals */
    return x->off < y->off ? -1 : x->off > y->off;
}

int model_load_emoji(sent_model *m, const char *path, tp_error *err)
{
    int rc = each_line(m, path, emoji_line, err);
    if (rc != TP_OK)
        return rc;
    qsort(m->emoji, m->nemoji, sizeof *m->emoji, by_cp);
    /* Keep the last of equal keys, as a dictionary filled in order does. */
    size_t out = 0;
    for (size_t i = 0; i < m->nemoji; i++) {
        if (out && m->emoji[out - 1].cp == m->emoji[i].cp)
            out--;
        m->emoji[out++] = m->emoji[i];
    }
    m->nemoji = out;
    m->emoji_min_cp = out ? m->emoji[0].cp : UINT32_MAX;
    memset(m->emoji_bmp, 0, sizeof m->emoji_bmp);
    for (size_t i = 0; i < out && m->emoji[i].cp < 0x10000; i++)
        m->emoji_bmp[m->emoji[i].cp >> 6] |= 1ull << (m->emoji[i].cp & 63);
    return TP_OK;
}

const emoji_entry *model_emoji(const sent_model *m, uint32_t cp)
{
    size_t lo = 0, hi = m->nemoji;
    if (cp < m->emoji_min_cp)
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->emoji[mid].cp == cp)
            return &m->emoji[mid];
        if (m->emoji[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ------------------------------------------------------------ domain file */

static int domain_line(sent_model *m, const char *path, size_t lineno, const char *s, const char *e,
                       tp_error *err)
{
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash)
        e = hash;
    strip(&s, &e);
    if (s == e)
        return TP_OK;
    const char *fs[3], *fe[3];
    size_t nf = split_tabs(s, e, fs, fe, 3);
    for (size_t i = 0; i < nf; i++)
        strip(&fs[i], &fe[i]);
    if (*s == '@') {
        static const char pw[] = "@positive_weight";
        double v;
        if ((size_t)(fe[0] - fs[0]) != sizeof pw - 1 || memcmp(fs[0], pw, sizeof pw - 1) != 0)
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:1: unknown setting \"%.*s\" (known: @positive_weight)",
                                path, lineno, (int)(fe[0] - fs[0]), fs[0]);
        if (nf < 2 || !parse_number(fs[1], fe[1], &v) || v < 0 || v > 2)
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: @positive_weight needs a number from 0 to 2", path,
                                lineno, (size_t)(fe[0] - s) + 1);
        m->positive_weight = v;
        return TP_OK;
    }
    if (nf < 2 || fs[0] == fe[0])
        return tp_error_set(err, TP_ERR_DATA,
                            "%s:%zu:1: expected \"word<TAB>kind[<TAB>value]\" (kind: valence, hedge, report, "
                            "contrast, clause, negate)", path, lineno);
    /* Keys are looked up lowercase: refuse what could never match. */
    for (const char *c = fs[0]; c < fe[0]; c++)
        if (*c >= 'A' && *c <= 'Z')
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: write the word in lowercase", path, lineno,
                                (size_t)(c - s) + 1);
    static const struct {
        const char *name;
        uint32_t flag;
        int needs_value;
    } kinds[] = {{"valence", SW_DOMAIN, 1}, {"hedge", SW_HEDGE, 1}, {"report", SW_REPORT, 0},
                 {"contrast", SW_CONTRAST, 0}, {"clause", SW_CLAUSE, 0}, {"negate", SW_NEGATOR, 0}};
    size_t klen = (size_t)(fe[1] - fs[1]);
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        if (strlen(kinds[k].name) != klen || memcmp(kinds[k].name, fs[1], klen) != 0)
            continue;
        double v = 0;
        if (kinds[k].needs_value && (nf < 3 || !parse_number(fs[2], fe[2], &v)))
            return tp_error_set(err, TP_ERR_DATA, "%s:%zu:%zu: kind %s needs a number in the third column", path,
                                lineno, (size_t)(fs[1] - s) + 1, kinds[k].name);
        const char *space = memchr(fs[0], ' ', (size_t)(fe[0] - fs[0]));
        if (space && (kinds[k].flag != SW_DOMAIN || space == fs[0] || space + 1 >= fe[0] ||
                      memchr(space + 1, ' ', (size_t)(fe[0] - space - 1))))
            return tp_error_set(err, TP_ERR_DATA,
                                "%s:%zu:1: a phrase must be two words with one space, of kind valence", path,
                                lineno);
        if (space) {
            sent_word *head = intern(m, fs[0], (size_t)(space - fs[0]), err);
            if (!head)
                return err->status;
            head->flags |= SW_PHRASE_HEAD;
        }
        sent_word *w = intern(m, fs[0], (size_t)(fe[0] - fs[0]), err);
        if (!w)
            return err->status;
        w->flags |= kinds[k].flag;
        if (kinds[k].flag == SW_DOMAIN)
            w->domain = v;
        else if (kinds[k].flag == SW_HEDGE)
            w->hedge = v;
        return TP_OK;
    }
    return tp_error_set(err, TP_ERR_DATA,
                        "%s:%zu:%zu: unknown kind \"%.*s\": use valence, hedge, report, contrast, clause or negate", path,
                        lineno, (size_t)(fs[1] - s) + 1, (int)klen, fs[1]);
}

int model_load_domain(sent_model *m, const char *path, tp_error *err)
{
    return each_line(m, path, domain_line, err);
}
