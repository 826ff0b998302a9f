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

static int key_is(const et_doc *d, const et_tok *t, const char *w)
{
    size_t n = strlen(w);
    return t->klen == n && memcmp(d->keys + t->key, w, n) == 0;
}

static int text_is(const et_doc *d, const et_tok *t, const char *w)
{
    size_t n = strlen(w);
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

static const char *const number_words[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "several", "few", "couple",
    "a", "an", "many", "some", NULL};

static int number_word(const et_doc *d, const et_tok *t)
{
    for (int i = 0; number_words[i]; i++)
        if (key_is(d, t, number_words[i]))
            return 1;
    return 0;
}

static int amount(const et_doc *d, const et_tok *t)
{
    return number(d, t, NULL) || (number_word(d, t) && !key_is(d, t, "a") && !key_is(d, t, "an") &&
                                  !key_is(d, t, "many") && !key_is(d, t, "some"));
}

/* Length of a currency sign at the start of the token's text, 0 if none. */
static size_t currency_sign(const et_doc *d, const et_tok *t)
{
    static const char *const signs[] = {"US$", "C$", "A$", "R$", "HK$", "NZ$", "S$", "$", "€", "£", "¥",
                                        "₹", "₩", "₽", "₺", "₴", "₦", "Rs.", "Rs", NULL};
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    for (int i = 0; signs[i]; i++) {
        size_t l = strlen(signs[i]);
        if (n >= l && memcmp(s, signs[i], l) == 0)
            return l;
    }
    return 0;
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
        if (i == 4 && i < n && (s[i] == '-' || (unsigned char)s[i] == 0xE2)) {
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
            static const char *const cues[] = {"in", "on", "since", "until", "by", "of", "last", "next", "this",
                                               "early", "late", "mid", "from", "through", "before", "after",
                                               "during", "between", NULL};
            for (int i = 0; cues[i]; i++)
                if (key_is(d, p, cues[i]))
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

static const char *const relative_words[] = {"this", "last", "next", "past", "coming", "previous", "same",
                                             "recent", "following", "upcoming", "current", NULL};

static int relative(const et_doc *d, const et_tok *t)
{
    for (int i = 0; relative_words[i]; i++)
        if (key_is(d, t, relative_words[i]))
            return 1;
    return 0;
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
        static const char *const cues[] = {"in", "since", "by", "until", "of", "from", "year", "before", "after",
                                           "during", "circa", "around", NULL};
        if (k > s0)
            for (int i = 0; cues[i]; i++)
                if (key_is(d, &t[k - 1], cues[i]))
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
            if (covered[k] || (!(d->tok[k].shape & S_WORD) && !currency_sign(d, &d->tok[k]))) {
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
