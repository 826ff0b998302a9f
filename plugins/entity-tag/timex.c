/* timex.c - DATE, TIME, MONEY and PERCENT: numbers and the words around
 * them ("$5 million", "12%", "10:30 a.m.", "Friday", "April 5, 2024",
 * "between 2013 and 2017", "this week", "two years ago", "tonight").
 * Words already inside a name are left alone. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tagger.h"

#define IS(t, f) (((t)->flags & (f)) != 0)

typedef struct timex {
    et_doc *d;
    size_t s0, s1;
    const unsigned char *covered;
} timex;

#define key_is et_key_is

static inline int text_is(const et_doc *d, const et_tok *t, const char *w)
{
    size_t n = __builtin_strlen(w);
    return t->end - t->start == n && memcmp(d->text + t->start, w, n) == 0;
}

static int free_at(const timex *x, size_t k)
{
    return k < x->s1 && !x->covered[k];
}

/* A number written in digits ("5", "1,200", "3.5", "2013"); its value
 * when it is a whole number below a million, else -1 in *value. */
static int number(const et_doc *d, const et_tok *t, long *value)
{
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (!n || s[0] < '0' || s[0] > '9')
        return 0;
    long v = 0;
    int whole = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (whole && v < 1000000)
                v = v * 10 + (c - '0');
        } else if (c == ',' || c == '.') {
            whole = 0;
            if (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9')
                return 0;
        } else {
            return 0;
        }
    }
    if (value)
        *value = whole && v < 1000000 ? v : -1;
    return 1;
}

static const et_word number_words[] = {
    ET_WORD("one"), ET_WORD("two"), ET_WORD("three"), ET_WORD("four"), ET_WORD("five"), ET_WORD("six"),
    ET_WORD("seven"), ET_WORD("eight"), ET_WORD("nine"), ET_WORD("ten"), ET_WORD("eleven"), ET_WORD("twelve"),
    ET_WORD("thirteen"), ET_WORD("fourteen"), ET_WORD("fifteen"), ET_WORD("sixteen"), ET_WORD("seventeen"),
    ET_WORD("eighteen"), ET_WORD("nineteen"), ET_WORD("twenty"), ET_WORD("thirty"), ET_WORD("forty"),
    ET_WORD("fifty"), ET_WORD("sixty"), ET_WORD("seventy"), ET_WORD("eighty"), ET_WORD("ninety"),
    ET_WORD("hundred"), ET_WORD("dozen"), ET_WORD("several"), ET_WORD("few"), ET_WORD("couple"), ET_WORD("a"),
    ET_WORD("an"), ET_WORD("many"), ET_WORD("some"), {NULL, 0}};

static int number_word(const et_doc *d, const et_tok *t)
{
    return (t->flags & ET_TIMEX_START) && (et_words_of(&d->t->words, d->keys, t) & ET_W_NUMBER);
}

static int amount(const et_doc *d, const et_tok *t)
{
    return number(d, t, NULL) || (number_word(d, t) && !key_is(d, t, "a") && !key_is(d, t, "an") &&
                                  !key_is(d, t, "many") && !key_is(d, t, "some"));
}

/* @p lit's length when the token's text @p s (of @p n bytes) starts with
 * it, else 0. */
static inline size_t starts_with(const char *s, size_t n, const char *lit)
{
    size_t l = __builtin_strlen(lit);
    return n >= l && memcmp(s, lit, l) == 0 ? l : 0;
}

/* The first bytes of the currency signs (the cases of currency_sign()):
 * most tokens start with none, and this says so without a call. */
static const unsigned char sign_first_byte[256] = {
    ['$'] = 1, ['U'] = 1, ['C'] = 1, ['A'] = 1, ['H'] = 1, ['N'] = 1, ['S'] = 1, ['R'] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* Length of a currency sign at the start of the token's text, 0 if none:
 * US$ C$ A$ R$ HK$ NZ$ S$ $ € £ ¥ ₹ ₩ ₽ ₺ ₴ ₦ Rs. Rs.  The first byte
 * tells which signs may be there. */
static size_t currency_sign(const et_doc *d, const et_tok *t)
{
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    switch ((unsigned char)s[0]) {
    case '$': return 1;
    case 'U': return starts_with(s, n, "US$");
    case 'C': return starts_with(s, n, "C$");
    case 'A': return starts_with(s, n, "A$");
    case 'H': return starts_with(s, n, "HK$");
    case 'N': return starts_with(s, n, "NZ$");
    case 'S': return starts_with(s, n, "S$");
    case 'R': {
        size_t l = starts_with(s, n, "R$");
        if (!l)
            l = starts_with(s, n, "Rs.");
        return l ? l : starts_with(s, n, "Rs");
    }
    case 0xC2: {
        size_t l = starts_with(s, n, "£");
        return l ? l : starts_with(s, n, "¥");
    }
    case 0xE2: {
        /* all of them E2 82 xx; quotes and dashes, E2 80 xx, are much more common */
        static const et_word signs[] = {ET_WORD("€"), ET_WORD("₹"), ET_WORD("₩"), ET_WORD("₽"),
                                        ET_WORD("₺"), ET_WORD("₴"), ET_WORD("₦"), {NULL, 0}};
        if (n < 3 || (unsigned char)s[1] != 0x82)
            return 0;
        for (const et_word *w = signs; w->s; w++)
            if (n >= w->n && memcmp(s, w->s, w->n) == 0)
                return w->n;
        return 0;
    }
    default:
        return 0;
    }
}

static size_t scales(const timex *x, size_t k)
{
    while (free_at(x, k) && IS(&x->d->tok[k], ET_SCALE) && (x->d->tok[k].shape & S_LOWER))
        k++;
    return k;
}

static int emit(timex *x, size_t a, size_t b, int label)
{
    return et_add_cand(x->d, a, b, label, NULL);
}

/* MONEY or PERCENT starting at k: the end, or k. */
static size_t money_percent(const timex *x, size_t k, int *label)
{
    const et_doc *d = x->d;
    const et_tok *t = d->tok;
    size_t sign = currency_sign(d, &t[k]);
    if (sign) {
        size_t n = t[k].end - t[k].start;
        const char *rest = d->text + t[k].start + sign;
        if (n > sign && rest[0] >= '0' && rest[0] <= '9') {
            *label = L_MONEY;
            return scales(x, k + 1);
        }
        if (n == sign && free_at(x, k + 1) && number(d, &t[k + 1], NULL)) {
            *label = L_MONEY;
            return scales(x, k + 2);
        }
        return k;
    }
    if (!amount(d, &t[k]))
        return k;
    size_t e = k + 1;
    if (free_at(x, e) && text_is(d, &t[e], "%")) {
        *label = L_PERCENT;
        return e + 1;
    }
    const char *s = d->text + t[k].start;
    if (t[k].end - t[k].start > 1 && s[t[k].end - t[k].start - 1] == '%') {
        *label = L_PERCENT;
        return e;
    }
    if (free_at(x, e) && (key_is(d, &t[e], "percent") || key_is(d, &t[e], "pct"))) {
        *label = L_PERCENT;
        return e + 1;
    }
    if (free_at(x, e + 1) && ((key_is(d, &t[e], "per") && key_is(d, &t[e + 1], "cent")) ||
                              (key_is(d, &t[e], "percentage") &&
                               (key_is(d, &t[e + 1], "point") || key_is(d, &t[e + 1], "points"))))) {
        *label = L_PERCENT;
        return e + 2;
    }
    e = scales(x, e);
    if (free_at(x, e) && IS(&t[e], ET_CURRENCY) && !(t[e].shape & S_CAP)) {
        *label = L_MONEY;
        return e + 1;
    }
    return k;
}

static int is_ampm(const et_doc *d, const et_tok *t)
{
    return key_is(d, t, "a m") || key_is(d, t, "p m") || key_is(d, t, "am") || key_is(d, t, "pm");
}

/* TIME starting at k: the end, or k. */
static size_t time_at(const timex *x, size_t k)
{
    const et_doc *d = x->d;
    const et_tok *t = d->tok;
    long v;
    if (number(d, &t[k], &v) || (t[k].shape & S_DIGIT && memchr(d->text + t[k].start, ':', t[k].end - t[k].start))) {
        const char *s = d->text + t[k].start;
        size_t n = t[k].end - t[k].start;
        int clock = memchr(s, ':', n) != NULL && n <= 5;
        if (free_at(x, k + 1) && is_ampm(d, &t[k + 1]) && (clock || (v >= 1 && v <= 12)))
            return k + 2;
        if (clock && s[0] >= '0' && s[0] <= '2')
            return k + 1;
    }
    if (amount(d, &t[k]) && free_at(x, k + 1) && IS(&t[k + 1], ET_TIME_UNIT))
        return k + 2;
    if (key_is(d, &t[k], "tonight") || key_is(d, &t[k], "overnight") || key_is(d, &t[k], "midnight") ||
        key_is(d, &t[k], "noon"))
        return k + 1;
    /* this morning, last night, Friday night, tomorrow evening */
    if ((key_is(d, &t[k], "this") || key_is(d, &t[k], "last") || key_is(d, &t[k], "yesterday") ||
         key_is(d, &t[k], "tomorrow") || key_is(d, &t[k], "that") || IS(&t[k], ET_WEEKDAY)) &&
        free_at(x, k + 1) && IS(&t[k + 1], ET_TIME_WORD) && (t[k + 1].shape & S_LOWER) &&
        !key_is(d, &t[k + 1], "am") && !key_is(d, &t[k + 1], "pm"))
        return k + 2;
    return k;
}

static int is_year(const et_doc *d, const et_tok *t, long lo, long hi)
{
    long v;
    return t->end - t->start == 4 && number(d, t, &v) && v >= lo && v <= hi;
}

/* "2013-2017", "2013–17", "1990s", "’90s" */
static int year_form(const et_doc *d, const et_tok *t)
{
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (n == 5 && s[4] == 's' && s[0] >= '1' && s[0] <= '2' && s[3] == '0')
        return 1;
    if (n >= 7 && n <= 11 && s[0] >= '1' && s[0] <= '2') {
        size_t i = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == 4 && (s[i] == '-' || (unsigned char)s[i] == 0xE2)) {
            size_t j = s[i] == '-' ? i + 1 : i + 3;
            size_t digits = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9') {
                j++;
                digits++;
            }
            return j == n && (digits == 2 || digits == 4);
        }
    }
    return 0;
}

static int month_at(const et_doc *d, size_t k, size_t s0, size_t s1)
{
    const et_tok *t = d->tok;
    if (!IS(&t[k], ET_MONTH) || !(t[k].shape & S_CAP))
        return 0;
    /* "May", "March" and "August" are words too: want a number or a date word near */
    if (IS(&t[k], ET_COMMON | ET_FIRST) || key_is(d, &t[k], "march")) {
        long v;
        if (k + 1 < s1 && number(d, &t[k + 1], &v))
            return 1;
        if (k > s0) {
            const et_tok *p = &t[k - 1];
            static const et_word cues[] = {
                ET_WORD("in"),     ET_WORD("on"),    ET_WORD("since"),  ET_WORD("until"),   ET_WORD("by"),
                ET_WORD("of"),     ET_WORD("last"),  ET_WORD("next"),   ET_WORD("this"),    ET_WORD("early"),
                ET_WORD("late"),   ET_WORD("mid"),   ET_WORD("from"),   ET_WORD("through"), ET_WORD("before"),
                ET_WORD("after"),  ET_WORD("during"), ET_WORD("between"), {NULL, 0}};
            if (et_key_in(d->keys, p->key, p->klen, cues))
                return 1;
        }
        return 0;
    }
    return 1;
}

static int day_number(const et_doc *d, const et_tok *t)
{
    long v;
    if (number(d, t, &v))
        return v >= 1 && v <= 31;
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (n < 3 || n > 4 || s[0] < '0' || s[0] > '9')
        return 0;
    const char *suf = s + n - 2;
    return !strncmp(suf, "st", 2) || !strncmp(suf, "nd", 2) || !strncmp(suf, "rd", 2) || !strncmp(suf, "th", 2);
}

static const et_word relative_words[] = {ET_WORD("this"),     ET_WORD("last"),     ET_WORD("next"),
                                         ET_WORD("past"),     ET_WORD("coming"),   ET_WORD("previous"),
                                         ET_WORD("same"),     ET_WORD("recent"),   ET_WORD("following"),
                                         ET_WORD("upcoming"), ET_WORD("current"),  {NULL, 0}};

static int relative(const et_doc *d, const et_tok *t)
{
    return (t->flags & ET_TIMEX_START) && (et_words_of(&d->t->words, d->keys, t) & ET_W_RELATIVE);
}

/* The word sets that number_word() and relative() ask about "the", "a"
 * and every other word that may start a date, several times each. */
int et_timex_words(et_words *w)
{
    return et_words_add(w, number_words, ET_W_NUMBER) == 0 && et_words_add(w, relative_words, ET_W_RELATIVE) == 0
               ? 0
               : -1;
}

/* DATE starting at k: the end (and maybe an earlier start in *start), or k. */
static size_t date_at(const timex *x, size_t k, size_t *start)
{
    const et_doc *d = x->d;
    const et_tok *t = d->tok;
    size_t s0 = x->s0, s1 = x->s1;
    *start = k;
    if (IS(&t[k], ET_DATE_WORD) && (t[k].shape & (S_LOWER | S_START)))
        return k + 1;
    if (IS(&t[k], ET_WEEKDAY) && (t[k].shape & S_CAP)) {
        size_t e = k + 1;
        if (free_at(x, e + 1) && text_is(d, &t[e], ",") && month_at(d, e + 1, s0, s1)) {
            size_t m = date_at(x, e + 1, start);
            *start = k;
            return m > e + 1 ? m : e;
        }
        return e;
    }
    if (month_at(d, k, s0, s1)) {
        size_t e = k + 1;
        if (free_at(x, e) && day_number(d, &t[e])) {
            e++;
            if (free_at(x, e + 1) && text_is(d, &t[e], ",") && is_year(d, &t[e + 1], 1000, 2199))
                e += 2;
            else if (free_at(x, e) && is_year(d, &t[e], 1000, 2199))
                e++;
        } else if (free_at(x, e) && is_year(d, &t[e], 1000, 2199)) {
            e++;
        }
        return e;
    }
    if (day_number(d, &t[k]) && free_at(x, k + 1) && month_at(d, k + 1, s0, s1)) {
        size_t e = k + 2;
        if (free_at(x, e) && is_year(d, &t[e], 1000, 2199))
            e++;
        return e;
    }
    /* between 2013 and 2017, from 2013 to 2017 */
    if ((key_is(d, &t[k], "between") || key_is(d, &t[k], "from")) && free_at(x, k + 3) &&
        is_year(d, &t[k + 1], 1000, 2199) && is_year(d, &t[k + 3], 1000, 2199) &&
        (key_is(d, &t[k + 2], "and") || key_is(d, &t[k + 2], "to") || text_is(d, &t[k + 2], "-")))
        return k + 4;
    if (year_form(d, &t[k]))
        return k + 1;
    if (is_year(d, &t[k], 1000, 2199)) {
        long v;
        number(d, &t[k], &v);
        const et_tok *n = k + 1 < s1 ? &t[k + 1] : NULL;
        int unit_after = n && (n->shape & S_LOWER) && !IS(n, ET_FUNCTION | ET_MONTH) &&
                         n->end - n->start > 2 && d->text[n->end - 1] == 's'; /* "2000 people" */
        if (v >= 1900 && v <= 2099 && !unit_after)
            return k + 1;
        static const et_word cues[] = {ET_WORD("in"),     ET_WORD("since"),  ET_WORD("by"),    ET_WORD("until"),
                                       ET_WORD("of"),     ET_WORD("from"),   ET_WORD("year"),  ET_WORD("before"),
                                       ET_WORD("after"),  ET_WORD("during"), ET_WORD("circa"), ET_WORD("around"),
                                       {NULL, 0}};
        if (k > s0 && et_key_in(d->keys, t[k - 1].key, t[k - 1].klen, cues))
            return k + 1;
        return k;
    }
    /* this week, last year, earlier this month, next Friday */
    size_t r = k;
    if ((key_is(d, &t[k], "earlier") || key_is(d, &t[k], "later") || key_is(d, &t[k], "early") ||
         key_is(d, &t[k], "late")) && free_at(x, k + 1) && relative(d, &t[k + 1]))
        r = k + 1;
    if (relative(d, &t[r]) && free_at(x, r + 1) &&
        (IS(&t[r + 1], ET_DATE_UNIT | ET_WEEKDAY) || month_at(d, r + 1, s0, s1))) {
        size_t e = r + 2;
        if (k > s0 && key_is(d, &t[k - 1], "the") && free_at(x, k - 1) && !key_is(d, &t[r], "this"))
            *start = k - 1;
        return e;
    }
    /* two years ago, the past five days, 10 years */
    if (relative(d, &t[k]) && free_at(x, k + 2) && amount(d, &t[k + 1]) && IS(&t[k + 2], ET_DATE_UNIT)) {
        if (k > s0 && key_is(d, &t[k - 1], "the") && free_at(x, k - 1))
            *start = k - 1;
        return k + 3;
    }
    if ((amount(d, &t[k]) || key_is(d, &t[k], "a")) && free_at(x, k + 1) && IS(&t[k + 1], ET_DATE_UNIT) &&
        (t[k + 1].shape & S_LOWER) && !key_is(d, &t[k + 1], "fall") && !key_is(d, &t[k + 1], "term") &&
        !key_is(d, &t[k + 1], "season") && !key_is(d, &t[k + 1], "spring")) {
        size_t e = k + 2;
        if (free_at(x, e) && (key_is(d, &t[e], "ago") || key_is(d, &t[e], "earlier") || key_is(d, &t[e], "later")))
            e++;
        else if (key_is(d, &t[k], "a"))
            return k;
        return e;
    }
    return k;
}

int et_find_timex(et_doc *d)
{
    if (!(d->t->labels & (1u << L_DATE | 1u << L_TIME | 1u << L_MONEY | 1u << L_PERCENT)) || !d->ntok)
        return 0;
    unsigned char *covered = calloc(d->ntok, 1);
    if (!covered)
        return -1;
    for (size_t c = 0; c < d->ncand; c++)
        memset(covered + d->cand[c].a, 1, d->cand[c].b - d->cand[c].a);
    timex x = {d, 0, 0, covered};
    int rc = 0;
    for (size_t s = 0; s < d->nsent && rc == 0; s++) {
        x.s0 = d->sent_first[s];
        x.s1 = d->sent_first[s + 1];
        for (size_t k = x.s0; k < x.s1 && rc == 0;) {
            /* most tokens can start nothing: decide that from flags and one byte */
            const et_tok *t = &d->tok[k];
            int may_start = (t->shape & S_DIGIT) ||
                            (t->flags & (ET_TIMEX_START | ET_DATE_UNIT | ET_DATE_WORD | ET_TIME_WORD | ET_MONTH |
                                         ET_WEEKDAY)) ||
                            (sign_first_byte[(unsigned char)t->first] && currency_sign(d, t) != 0);
            if (covered[k] || !may_start) {
                k++;
                continue;
            }
            int label = L_NONE;
            size_t start = k;
            size_t e = money_percent(&x, k, &label);
            if (e == k && (e = time_at(&x, k)) > k)
                label = L_TIME;
            if (e == k && (e = date_at(&x, k, &start)) > k)
                label = L_DATE;
            if (e > k) {
                rc = emit(&x, start, e, label);
                memset(covered + start, 1, e - start);
                k = e;
            } else {
                k++;
            }
        }
    }
    free(covered);
    return rc;
}
