/* cron.c - see cron.h. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <textpipe/error.h>

#include "calendar.h"
#include "cron.h"

/* ------------------------------------------------------------------ */
/* Durations                                                           */

int duration_parse(const char *text, int64_t *seconds, const char **why)
{
    static const struct {
        char unit;
        int64_t seconds;
    } units[] = {{'w', 604800}, {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
    const char *p = text;
    int64_t total = 0;
    int last_unit = -1;
    while (*p == ' ')
        p++;
    if (!*p) {
        *why = "empty duration; write for example 90s, 15m, 1h30m or 2d";
        return -1;
    }
    while (*p && *p != ' ') {
        if (!isdigit((unsigned char)*p)) {
            *why = "a duration is numbers with units, such as 90s, 15m, 1h30m or 2d";
            return -1;
        }
        int64_t n = 0;
        while (isdigit((unsigned char)*p)) {
            if (n > 100000000) {
                *why = "duration too long";
                return -1;
            }
            n = n * 10 + (*p++ - '0');
        }
        int u = -1;
        for (int i = 0; i < 5; i++)
            if (*p == units[i].unit)
                u = i;
        if (u < 0) {
            if (!*p && total == 0 && n == 0)
                break; /* a bare 0 needs no unit */
            *why = *p ? "unknown unit; use s, m, h, d or w (e.g. 90s, 1h30m)"
                      : "missing unit; use s, m, h, d or w (e.g. 90s, 1h30m)";
            return -1;
        }
        if (u <= last_unit) {
            *why = "units must go from largest to smallest, each once (e.g. 1h30m)";
            return -1;
        }
        last_unit = u;
        p++;
        total += n * units[u].seconds;
        if (total > (int64_t)100 * 366 * 86400) {
            *why = "duration too long (over 100 years)";
            return -1;
        }
    }
    while (*p == ' ')
        p++;
    if (*p) {
        *why = "unexpected text after the duration";
        return -1;
    }
    *seconds = total;
    return 0;
}

char *duration_format(int64_t seconds, char *buf, size_t size)
{
    static const struct {
        char unit;
        int64_t seconds;
    } units[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
    size_t used = 0;
    buf[0] = '\0';
    if (seconds <= 0) {
        snprintf(buf, size, "0s");
        return buf;
    }
    for (int i = 0; i < 4 && used < size; i++) {
        int64_t n = seconds / units[i].seconds;
        seconds %= units[i].seconds;
        if (n)
            used += (size_t)snprintf(buf + used, size - used, "%lld%c", (long long)n, units[i].unit);
    }
    return buf;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */

typedef struct field_spec {
    const char *name;
    int lo, hi;
    const char *const *names; /* 3-letter names for lo..; NULL if none */
    int names_lo;
} field_spec;

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec", NULL};
static const char *const weekday_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};

static const field_spec specs[6] = {
    {"second", 0, 59, NULL, 0},       {"minute", 0, 59, NULL, 0},
    {"hour", 0, 23, NULL, 0},         {"day-of-month", 1, 31, NULL, 0},
    {"month", 1, 12, month_names, 1}, {"day-of-week", 0, 7, weekday_names, 0},
};

typedef struct parser {
    const char *text;
    cron_error *err;
} parser;

static int perr(parser *p, const char *at, const field_spec *f, const char *fmt, ...) TP_PRINTF(4, 5);
static int perr(parser *p, const char *at, const field_spec *f, const char *fmt, ...)
{
    if (!p->err)
        return -1;
    p->err->column = (int)(at - p->text) + 1;
    p->err->field = f ? f->name : NULL;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (f)
        snprintf(p->err->message, sizeof p->err->message, "%s field: %s", f->name, msg);
    else
        snprintf(p->err->message, sizeof p->err->message, "%s", msg);
    return -1;
}

/* A number or a name at *s; *s advances past it. */
static int parse_value(parser *p, const char **s, const char *end, const field_spec *f, int *out)
{
    const char *start = *s;
    if (*s < end && isdigit((unsigned char)**s)) {
        long v = 0;
        while (*s < end && isdigit((unsigned char)**s)) {
            if (v < 1000)
                v = v * 10 + (**s - '0');
            (*s)++;
        }
        if (v < f->lo || v > f->hi)
            return perr(p, start, f, "%.*s is out of range %d-%d", (int)(*s - start), start, f->lo, f->hi);
        *out = (int)v;
        return 0;
    }
    if (*s < end && isalpha((unsigned char)**s)) {
        while (*s < end && isalpha((unsigned char)**s))
            (*s)++;
        size_t n = (size_t)(*s - start);
        if (f->names && n == 3)
            for (int i = 0; f->names[i]; i++)
                if (strncasecmp(start, f->names[i], 3) == 0) {
                    *out = f->names_lo + i;
                    return 0;
                }
        if (f->names)
            return perr(p, start, f, "'%.*s' is not a %s name; use %s", (int)n, start,
                        f->names == month_names ? "month" : "weekday",
                        f->names == month_names ? "JAN-DEC or 1-12" : "SUN-SAT or 0-7 (0 and 7 are Sunday)");
        if (n == 1 && (*start == 'L' || *start == 'W'))
            return perr(p, start, f, "'%c' (last/weekday) is not supported by cron; list the days instead",
                        *start);
        return perr(p, start, f, "'%.*s' is not a number (%d-%d)", (int)n, start, f->lo, f->hi);
    }
    if (*s >= end)
        return perr(p, start, f, "a value is missing (%d-%d)", f->lo, f->hi);
    if (**s == '?')
        return perr(p, start, f, "'?' is not cron syntax; write '*'");
    if (**s == '#')
        return perr(p, start, f, "'#' (nth weekday) is not supported by cron");
    return perr(p, start, f, "unexpected '%c'; expected a number%s", **s, f->names ? " or a name" : "");
}

/* One comma-separated item: *, N, N-M, each with an optional /STEP. */
static int parse_item(parser *p, const char *s, const char *end, const field_spec *f, uint64_t *bits)
{
    const char *item = s;
    int lo = 0, hi = 0, step = 1; /* set before use: perr() always fails, which the analyzer cannot see */
    int star = 0;
    if (s == end)
        return perr(p, s, f, "empty list item; remove the extra ','");
    if (*s == '*') {
        star = 1;
        lo = f->lo;
        hi = f->hi;
        s++;
        if (f->lo == 0 && f->hi == 7)
            hi = 6; /* '*' in day-of-week: Sunday once */
    } else {
        if (parse_value(p, &s, end, f, &lo))
            return -1;
        hi = lo;
        if (s < end && *s == '-') {
            s++;
            const char *second = s;
            if (parse_value(p, &s, end, f, &hi))
                return -1;
            if (hi < lo)
                return perr(p, item, f,
                            "range %.*s is reversed; ranges go from low to high (to wrap around, list two ranges "
                            "such as %d-%d,%d-%d)",
                            (int)(s - item), item, lo, f->hi, f->lo, hi);
            (void)second;
        } else if (s < end && *s == '/') {
            hi = f->hi; /* N/STEP means N-max/STEP */
            if (f->lo == 0 && f->hi == 7)
                hi = 6;
        }
    }
    if (s < end && *s == '/') {
        const char *at = ++s;
        long v = 0;
        if (s == end || !isdigit((unsigned char)*s))
            return perr(p, at, f, "a step after '/' must be a number");
        while (s < end && isdigit((unsigned char)*s)) {
            if (v < 1000)
                v = v * 10 + (*s - '0');
            s++;
        }
        if (v == 0)
            return perr(p, at, f, "step 0 never advances; use a step of 1 or more");
        int span = hi - lo;
        if (v > span && span > 0)
            return perr(p, at, f, "step %ld is larger than the range %d-%d (only %d would match); write that value",
                        v, lo, hi, lo);
        if (span == 0 && !star)
            return perr(p, at, f, "a step needs a range (e.g. %d-%d/%ld)", lo, f->hi, v);
        step = (int)v;
    }
    if (s != end && *s == '#')
        return perr(p, s, f, "'#' (nth weekday of the month) is not supported by cron");
    if (s != end)
        return perr(p, s, f, "unexpected '%c'; items are N, N-M, *, optionally followed by /STEP", *s);
    for (int v = lo; v <= hi; v += step)
        *bits |= (uint64_t)1 << v;
    return 0;
}

static int parse_field(parser *p, const char *s, const char *end, const field_spec *f, uint64_t *bits, int *star)
{
    *bits = 0;
    *star = s < end && *s == '*';
    for (;;) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        if (parse_item(p, s, stop, f, bits))
            return -1;
        if (!comma)
            return 0;
        s = comma + 1;
    }
}

/* 1 when a day (days since the epoch) matches the date fields. */
static int day_matches(const cron_expr *e, int64_t days)
{
    cal_date d = cal_date_from_days(days);
    if (!(e->months >> d.month & 1))
        return 0;
    int dom = (int)(e->days >> d.day & 1);
    int dow = (int)(e->weekdays >> cal_weekday(days) & 1);
    return (e->dom_star || e->dow_star) ? dom && dow : dom || dow;
}

/* Gregorian dates repeat every 400 years (146097 days, a whole number of
 * weeks), so a date pattern that matches nothing in one cycle never does. */
static int ever_fires(const cron_expr *e)
{
    int64_t start = cal_days_from_date(2000, 1, 1);
    for (int64_t d = start; d < start + 146097; d++)
        if (day_matches(e, d))
            return 1;
    return 0;
}

static void set_macro(cron_expr *e, const char *five)
{
    cron_error ignored;
    cron_parse(five, e, &ignored);
}

int cron_parse(const char *text, cron_expr *out, cron_error *err)
{
    parser p = {text, err};
    memset(out, 0, sizeof *out);
    if (err) {
        err->column = 0;
        err->field = NULL;
        err->message[0] = '\0';
    }
    const char *s = text;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '@') {
        const char *word = s;
        size_t n = strcspn(s, " \t");
        static const struct {
            const char *name, *expr;
        } macros[] = {{"@yearly", "0 0 1 1 *"},  {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
                      {"@weekly", "0 0 * * 0"},  {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
                      {"@hourly", "0 * * * *"}};
        for (size_t i = 0; i < sizeof macros / sizeof *macros; i++)
            if (n == strlen(macros[i].name) && strncasecmp(word, macros[i].name, n) == 0) {
                const char *rest = s + n;
                while (*rest == ' ' || *rest == '\t')
                    rest++;
                if (*rest)
                    return perr(&p, rest, NULL, "nothing may follow %s", macros[i].name);
                set_macro(out, macros[i].expr);
                return 0;
            }
        if (n == 6 && strncasecmp(word, "@every", 6) == 0) {
            const char *arg = s + n;
            while (*arg == ' ' || *arg == '\t')
                arg++;
            const char *why = NULL;
            int64_t secs = 0;
            if (!*arg)
                return perr(&p, arg, NULL, "@every needs a duration, e.g. @every 90s or @every 1h30m");
            if (duration_parse(arg, &secs, &why))
                return perr(&p, arg, NULL, "@every: %s", why);
            if (secs < 1)
                return perr(&p, arg, NULL, "@every needs a period of at least 1s");
            out->every = secs;
            return 0;
        }
        if (n == 7 && strncasecmp(word, "@reboot", 7) == 0)
            return perr(&p, word, NULL, "@reboot is not a schedule; start the job from the service manager instead");
        return perr(&p, word, NULL,
                    "unknown macro '%.*s'; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or "
                    "@every DURATION",
                    (int)n, word);
    }
    const char *starts[7], *ends[7];
    int nfields = 0;
    while (*s) {
        if (nfields == 7)
            break;
        starts[nfields] = s;
        s += strcspn(s, " \t");
        ends[nfields++] = s;
        while (*s == ' ' || *s == '\t')
            s++;
    }
    if (nfields < 5 || nfields > 6)
        return perr(&p, nfields > 6 ? starts[6] : s, NULL,
                    "%s fields: a cron expression has 5 fields (minute hour day-of-month month day-of-week), or 6 "
                    "with seconds first",
                    nfields < 5 ? "too few" : "too many");
    int first = nfields == 6 ? 0 : 1;
    out->has_seconds = nfields == 6;
    uint64_t bits[6] = {1, 0, 0, 0, 0, 0}; /* no seconds field: second 0 */
    int stars[6] = {0};
    for (int i = 0; i < nfields; i++)
        if (parse_field(&p, starts[i], ends[i], &specs[first + i], &bits[first + i], &stars[first + i]))
            return -1;
    out->seconds = bits[0];
    out->minutes = bits[1];
    out->hours = (uint32_t)bits[2];
    out->days = (uint32_t)bits[3];
    out->months = (uint32_t)bits[4];
    out->weekdays = (uint32_t)((bits[5] | bits[5] >> 7) & 0x7F); /* 7 is Sunday too */
    out->minute_star = stars[1] != 0;
    out->hour_star = stars[2] != 0;
    out->dom_star = stars[3] != 0;
    out->dow_star = stars[5] != 0;
    if (!ever_fires(out)) {
        int dom_field = 3 - first;
        int month_field = 4 - first;
        return perr(&p, starts[dom_field], &specs[3],
                    "the expression never fires: day(s) '%.*s' never occur in month(s) '%.*s'",
                    (int)(ends[dom_field] - starts[dom_field]), starts[dom_field],
                    (int)(ends[month_field] - starts[month_field]), starts[month_field]);
    }
    return 0;
}

int cron_is_fixed_time(const cron_expr *e)
{
    return !e->every && !e->minute_star && !e->hour_star;
}

/* ------------------------------------------------------------------ */
/* Next firing time                                                    */

/* The first second of the day >= @p tod whose hour, minute and second
 * match, or -1. */
static int next_time_of_day(const cron_expr *e, int tod)
{
    if (tod < 0)
        tod = 0;
    int h = tod / 3600, m = tod / 60 % 60, s = tod % 60;
    for (; h < 24; h++, m = 0, s = 0) {
        if (!(e->hours >> h & 1))
            continue;
        for (; m < 60; m++, s = 0) {
            if (!(e->minutes >> m & 1))
                continue;
            for (; s < 60; s++)
                if (e->seconds >> s & 1)
                    return h * 3600 + m * 60 + s;
        }
    }
    return -1;
}

/* When the clocks go back during a day: the repeated local interval
 * [*from, *to) and the offset after the change.  0 when there is none. */
static int day_fold(const tz_zone *z, int64_t day, int64_t *from, int64_t *to, int32_t *after_off)
{
    /* From the first instant the clock reads the day's 00:00 to the last
     * instant it reads the next day's 00:00. */
    int64_t a[2], b[2];
    tz_from_local(z, day * 86400, a);
    int nb = tz_from_local(z, day * 86400 + 86400, b);
    int64_t s = a[0], e = nb == 2 ? b[1] : b[0];
    int32_t off_s = tz_offset(z, s, NULL, NULL), off_e = tz_offset(z, e - 1, NULL, NULL);
    if (off_e >= off_s)
        return 0;
    int64_t lo = s, hi = e - 1; /* offset(lo) == off_s, offset(hi) == off_e */
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (tz_offset(z, mid, NULL, NULL) == off_s)
            lo = mid;
        else
            hi = mid;
    }
    *from = hi + off_e;
    *to = hi + off_s;
    *after_off = off_e;
    return 1;
}

int cron_next(const cron_expr *e, const tz_zone *z, int64_t after, int64_t *next)
{
    if (e->every) {
        *next = (cal_floor_div(after, e->every) + 1) * e->every;
        return 0;
    }
    int fixed = cron_is_fixed_time(e);
    int64_t local_after = tz_to_local(z, after);
    int64_t first_day = cal_floor_div(local_after, 86400);
    for (int64_t day = first_day; day < first_day + 146097 + 366;) {
        cal_date d = cal_date_from_days(day);
        if (!(e->months >> d.month & 1)) {
            /* jump to the first of the next month */
            int m = d.month == 12 ? 1 : d.month + 1;
            int64_t y = d.month == 12 ? d.year + 1 : d.year;
            day = cal_days_from_date(y, m, 1);
            continue;
        }
        if (!day_matches(e, day)) {
            day++;
            continue;
        }
        int64_t base = day * 86400;
        int have = 0;
        int64_t best = 0;
        /* First occurrences (and skipped times of fixed-time jobs, which
         * map to the change): increasing with the local time, so the first
         * one after `after` is the earliest. */
        int tod = day == first_day ? (int)(local_after + 1 - base) : 0;
        for (; tod < 86400 && (tod = next_time_of_day(e, tod)) >= 0; tod++) {
            int64_t t[2];
            int n = tz_from_local(z, base + tod, t);
            if (n == 0 && !fixed)
                continue; /* skipped time of a wildcard job: it does not happen */
            if (t[0] > after) {
                best = t[0];
                have = 1;
                break;
            }
        }
        /* Second occurrences in a repeated interval: only wildcard jobs. */
        int64_t from, to;
        int32_t off_after;
        if (!fixed && day_fold(z, day, &from, &to, &off_after)) {
            if (from < base)
                from = base;
            if (to > base + 86400)
                to = base + 86400;
            for (int64_t tl = from; tl < to; tl++) {
                int r = next_time_of_day(e, (int)(tl - base));
                if (r < 0 || base + r >= to)
                    break;
                tl = base + r;
                int64_t t = tl - off_after;
                if (t > after) {
                    if (!have || t < best)
                        best = t;
                    have = 1;
                    break;
                }
            }
        }
        if (have) {
            *next = best;
            return 0;
        }
        day++;
    }
    return -1;
}
