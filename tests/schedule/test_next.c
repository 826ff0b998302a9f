/* test_next.c - next firing times: calendar rules, and daylight saving in
 * America/New_York, Europe/Berlin, Australia/Lord_Howe (a 30-minute
 * shift) and America/Santiago (changes at midnight).  Expected times are
 * written out by hand from the zone rules; a second test compares with a
 * brute-force reference built on the C library's localtime_r. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cron.h"
#include "harness.h"
#include "timefmt.h"

typedef struct next_case {
    const char *expr, *zone, *from;
    const char *expect[8]; /* NULL-terminated */
} next_case;

static void check_case(const next_case *c)
{
    char err[512];
    tz_zone *z = tz_load(c->zone, err, sizeof err);
    ck_assert_msg(z != NULL, "%s: %s", c->zone, err);
    cron_expr e;
    cron_error ce;
    ck_assert_msg(cron_parse(c->expr, &e, &ce) == 0, "%s: %s", c->expr, ce.message);
    int64_t t;
    const char *why;
    ck_assert_msg(iso_parse(c->from, z, &t, &why) == 0, "from %s: %s", c->from, why);
    for (int i = 0; c->expect[i]; i++) {
        ck_assert_msg(cron_next(&e, z, t, &t) == 0, "'%s' in %s: no time after step %d", c->expr, c->zone, i);
        char iso[ISO_TIME_MAX];
        iso_format(z, t, iso);
        ck_assert_msg(strcmp(iso, c->expect[i]) == 0, "'%s' in %s from %s, #%d: got %s, expected %s", c->expr,
                      c->zone, c->from, i + 1, iso, c->expect[i]);
    }
    tz_free(z);
}

static void check_all(const next_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_case(&cases[i]);
}
#define CHECK_ALL(cases) check_all(cases, sizeof(cases) / sizeof *(cases))

START_TEST(calendar_rules)
{
    static const next_case cases[] = {
        /* strictly after */
        {"0 12 * * *", "UTC", "2024-05-01T12:00:00Z", {"2024-05-02T12:00:00+00:00", NULL}},
        /* day-of-month OR day-of-week when both are restricted (2024-03-01 is a Friday) */
        {"30 4 1,15 * 5", "UTC", "2024-03-01T00:00:00Z",
         {"2024-03-01T04:30:00+00:00", "2024-03-08T04:30:00+00:00", "2024-03-15T04:30:00+00:00",
          "2024-03-22T04:30:00+00:00", "2024-03-29T04:30:00+00:00", "2024-04-01T04:30:00+00:00",
          "2024-04-05T04:30:00+00:00", NULL}},
        /* a field starting with '*' counts as unrestricted: AND (odd days that are Mondays) */
        {"0 0 */2 * 1", "UTC", "2024-03-01T00:00:00Z",
         {"2024-03-11T00:00:00+00:00", "2024-03-25T00:00:00+00:00", "2024-04-01T00:00:00+00:00",
          "2024-04-15T00:00:00+00:00", NULL}},
        /* February 29: leap years only; 2100 is not one */
        {"0 0 29 2 *", "UTC", "2024-01-01T00:00:00Z",
         {"2024-02-29T00:00:00+00:00", "2028-02-29T00:00:00+00:00", NULL}},
        {"0 0 29 2 *", "UTC", "2096-03-01T00:00:00Z", {"2104-02-29T00:00:00+00:00", NULL}},
        {"0 0 29 feb *", "Europe/Berlin", "2096-03-01T00:00:00+01:00", {"2104-02-29T00:00:00+01:00", NULL}},
        /* the 31st skips short months */
        {"0 0 31 * *", "UTC", "2024-01-31T12:00:00Z",
         {"2024-03-31T00:00:00+00:00", "2024-05-31T00:00:00+00:00", "2024-07-31T00:00:00+00:00", NULL}},
        /* names and the year boundary */
        {"0 12 25 DEC *", "UTC", "2024-12-26T00:00:00Z", {"2025-12-25T12:00:00+00:00", NULL}},
        {"0 9 * * mon-fri", "UTC", "2024-05-03T10:00:00Z", /* Friday, after 9:00 */
         {"2024-05-06T09:00:00+00:00", "2024-05-07T09:00:00+00:00", NULL}},
        {"0 0 * * 7", "UTC", "2024-05-01T00:00:00Z", {"2024-05-05T00:00:00+00:00", NULL}},
        /* the seconds field */
        {"*/20 * * * * *", "UTC", "2024-05-01T10:00:45Z",
         {"2024-05-01T10:01:00+00:00", "2024-05-01T10:01:20+00:00", "2024-05-01T10:01:40+00:00", NULL}},
        {"@yearly", "America/New_York", "2024-06-01T00:00:00-04:00", {"2025-01-01T00:00:00-05:00", NULL}},
        {"@hourly", "Asia/Kolkata", "2024-06-01T10:10:00+05:30", {"2024-06-01T11:00:00+05:30", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

START_TEST(every_is_elapsed_time)
{
    static const next_case cases[] = {
        {"@every 90s", "UTC", "2024-01-01T00:00:00Z",
         {"2024-01-01T00:01:30+00:00", "2024-01-01T00:03:00+00:00", "2024-01-01T00:04:30+00:00", NULL}},
        /* across the repeated hour in New York: one hour apart in real time */
        {"@every 1h", "America/New_York", "2024-11-03T00:30:00-04:00",
         {"2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00", "2024-11-03T02:00:00-05:00", NULL}},
        {"@every 1h", "America/New_York", "2024-03-10T00:30:00-05:00",
         {"2024-03-10T01:00:00-05:00", "2024-03-10T03:00:00-04:00", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

/* America/New_York 2024: 02:00 EST -> 03:00 EDT on March 10; 02:00 EDT ->
 * 01:00 EST on November 3. */
START_TEST(new_york)
{
    static const next_case cases[] = {
        /* fixed time in the skipped hour: right after the change */
        {"30 2 * * *", "America/New_York", "2024-03-09T12:00:00-05:00",
         {"2024-03-10T03:00:00-04:00", "2024-03-11T02:30:00-04:00", NULL}},
        /* several skipped fixed times: one run at the change, then the normal ones */
        {"0,30 2,3 * * *", "America/New_York", "2024-03-09T12:00:00-05:00",
         {"2024-03-10T03:00:00-04:00", "2024-03-10T03:30:00-04:00", "2024-03-11T02:00:00-04:00", NULL}},
        /* wildcard hours follow the clock: skipped times do not happen */
        {"30 * * * *", "America/New_York", "2024-03-10T00:00:00-05:00",
         {"2024-03-10T00:30:00-05:00", "2024-03-10T01:30:00-05:00", "2024-03-10T03:30:00-04:00", NULL}},
        {"*/30 * * * *", "America/New_York", "2024-03-10T01:00:00-05:00",
         {"2024-03-10T01:30:00-05:00", "2024-03-10T03:00:00-04:00", "2024-03-10T03:30:00-04:00", NULL}},
        /* fixed time in the repeated hour: once */
        {"30 1 * * *", "America/New_York", "2024-11-02T12:00:00-04:00",
         {"2024-11-03T01:30:00-04:00", "2024-11-04T01:30:00-05:00", NULL}},
        {"0 1 * * *", "America/New_York", "2024-11-03T00:59:00-04:00",
         {"2024-11-03T01:00:00-04:00", "2024-11-04T01:00:00-05:00", NULL}},
        /* wildcard in the repeated hour: both passes */
        {"*/30 * * * *", "America/New_York", "2024-11-03T00:45:00-04:00",
         {"2024-11-03T01:00:00-04:00", "2024-11-03T01:30:00-04:00", "2024-11-03T01:00:00-05:00",
          "2024-11-03T01:30:00-05:00", "2024-11-03T02:00:00-05:00", NULL}},
        /* starting inside the second pass */
        {"*/30 * * * *", "America/New_York", "@1730615400", /* 2024-11-03T06:30Z = 01:30 EST */
         {"2024-11-03T02:00:00-05:00", NULL}},
        {"15 1 * * *", "America/New_York", "@1730614500", /* 01:15 EST, after the only run */
         {"2024-11-04T01:15:00-05:00", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

/* Europe/Berlin 2024: 02:00 CET -> 03:00 CEST on March 31; 03:00 CEST ->
 * 02:00 CET on October 27. */
START_TEST(berlin)
{
    static const next_case cases[] = {
        {"30 2 * * *", "Europe/Berlin", "2024-03-30T12:00:00+01:00",
         {"2024-03-31T03:00:00+02:00", "2024-04-01T02:30:00+02:00", NULL}},
        {"30 2 * * *", "Europe/Berlin", "2024-10-26T12:00:00+02:00",
         {"2024-10-27T02:30:00+02:00", "2024-10-28T02:30:00+01:00", NULL}},
        {"15 * * * *", "Europe/Berlin", "2024-10-27T01:00:00+02:00",
         {"2024-10-27T01:15:00+02:00", "2024-10-27T02:15:00+02:00", "2024-10-27T02:15:00+01:00",
          "2024-10-27T03:15:00+01:00", NULL}},
        {"*/20 2 * * *", "Europe/Berlin", "2024-03-31T01:50:00+01:00", /* minute wildcard: skipped */
         {"2024-04-01T02:00:00+02:00", NULL}},
        {"0 3 * * *", "Europe/Berlin", "2024-03-30T12:00:00+01:00", /* 03:00 exists */
         {"2024-03-31T03:00:00+02:00", "2024-04-01T03:00:00+02:00", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

/* Australia/Lord_Howe 2024: clocks go back half an hour, 02:00 +11 ->
 * 01:30 +10:30, on April 7; forward half an hour, 02:00 +10:30 -> 02:30
 * +11, on October 6. */
START_TEST(lord_howe)
{
    static const next_case cases[] = {
        {"45 1 * * *", "Australia/Lord_Howe", "2024-04-06T12:00:00+11:00",
         {"2024-04-07T01:45:00+11:00", "2024-04-08T01:45:00+10:30", NULL}},
        {"*/15 * * * *", "Australia/Lord_Howe", "2024-04-07T01:20:00+11:00",
         {"2024-04-07T01:30:00+11:00", "2024-04-07T01:45:00+11:00", "2024-04-07T01:30:00+10:30",
          "2024-04-07T01:45:00+10:30", "2024-04-07T02:00:00+10:30", NULL}},
        {"15 2 * * *", "Australia/Lord_Howe", "2024-10-05T12:00:00+10:30",
         {"2024-10-06T02:30:00+11:00", "2024-10-07T02:15:00+11:00", NULL}},
        {"*/15 * * * *", "Australia/Lord_Howe", "2024-10-06T01:40:00+10:30",
         {"2024-10-06T01:45:00+10:30", "2024-10-06T02:30:00+11:00", "2024-10-06T02:45:00+11:00", NULL}},
        /* a daily job across the change: 23.5 and 24.5 hours apart */
        {"0 12 * * *", "Australia/Lord_Howe", "2024-10-05T13:00:00+10:30",
         {"2024-10-06T12:00:00+11:00", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

/* America/Santiago 2024: at 24:00 on Saturday April 6 clocks go back to
 * 23:00 (-03 -> -04), so 23:00-24:00 repeats; at 24:00 on Saturday
 * September 7 they go forward to 01:00 (-04 -> -03): Sunday's midnight
 * does not exist. */
START_TEST(santiago)
{
    static const next_case cases[] = {
        {"0 0 * * *", "America/Santiago", "2024-09-06T12:00:00-04:00",
         {"2024-09-07T00:00:00-04:00", "2024-09-08T01:00:00-03:00", "2024-09-09T00:00:00-03:00", NULL}},
        {"30 0 * * *", "America/Santiago", "2024-09-07T12:00:00-04:00", {"2024-09-08T01:00:00-03:00", NULL}},
        {"*/30 * * * *", "America/Santiago", "2024-09-07T23:00:00-04:00",
         {"2024-09-07T23:30:00-04:00", "2024-09-08T01:00:00-03:00", NULL}},
        {"30 23 * * *", "America/Santiago", "2024-04-05T12:00:00-03:00",
         {"2024-04-05T23:30:00-03:00", "2024-04-06T23:30:00-03:00", "2024-04-07T23:30:00-04:00", NULL}},
        {"*/20 23 * * *", "America/Santiago", "2024-04-06T22:50:00-03:00",
         {"2024-04-06T23:00:00-03:00", "2024-04-06T23:20:00-03:00", "2024-04-06T23:40:00-03:00",
          "2024-04-06T23:00:00-04:00", "2024-04-06T23:20:00-04:00", "2024-04-06T23:40:00-04:00",
          "2024-04-07T23:00:00-04:00", NULL}},
        {"0 0 * * *", "America/Santiago", "2024-04-06T12:00:00-03:00",
         {"2024-04-07T00:00:00-04:00", NULL}},
        /* Sunday jobs still run on the Sunday whose midnight is missing */
        {"0 0 * * sun", "America/Santiago", "2024-09-01T12:00:00-04:00", {"2024-09-08T01:00:00-03:00", NULL}},
    };
    CHECK_ALL(cases);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Brute force: every minute around each change, the C library says what
 * the wall clock reads; a job fires when the fields match the clock, a
 * fixed-time job only the first time a wall time occurs, and at a forward
 * change a fixed-time job fires if a matching time was skipped. */

static void wall(time_t t, struct tm *tm)
{
    localtime_r(&t, tm);
}

static int fields_match(const cron_expr *e, const struct tm *tm)
{
    if (!(e->minutes >> tm->tm_min & 1) || !(e->hours >> tm->tm_hour & 1) || !(e->months >> (tm->tm_mon + 1) & 1) ||
        !(e->seconds >> tm->tm_sec & 1))
        return 0;
    int dom = (int)(e->days >> tm->tm_mday & 1), dow = (int)(e->weekdays >> tm->tm_wday & 1);
    return (e->dom_star || e->dow_star) ? dom && dow : dom || dow;
}

static int same_wall(const struct tm *a, const struct tm *b)
{
    return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon && a->tm_mday == b->tm_mday &&
           a->tm_hour == b->tm_hour && a->tm_min == b->tm_min && a->tm_sec == b->tm_sec;
}

static int reference_fires(const cron_expr *e, time_t t)
{
    struct tm now, before;
    wall(t, &now);
    wall(t - 1, &before);
    int fixed = cron_is_fixed_time(e);
    if (fields_match(e, &now)) {
        if (!fixed)
            return 1;
        int seen = 0;
        for (int back = 900; back <= 7200 && !seen; back += 900) {
            struct tm earlier;
            wall(t - back, &earlier);
            seen = same_wall(&earlier, &now);
        }
        if (!seen)
            return 1;
    }
    if (fixed && now.tm_gmtoff > before.tm_gmtoff) {
        /* forward change at t: the wall times [t-1 + 1s, t) were skipped */
        for (time_t w = t + before.tm_gmtoff; w < t + now.tm_gmtoff; w += 60) {
            struct tm skipped;
            gmtime_r(&w, &skipped); /* a skipped wall time, read as UTC */
            if (fields_match(e, &skipped))
                return 1;
        }
    }
    return 0;
}

START_TEST(agrees_with_brute_force)
{
    static const char *const zones[] = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                                        "America/Santiago"};
    static const char *const exprs[] = {"*/15 * * * *", "30 2 * * *", "0 0 * * *",    "30 23 * * *",
                                        "45 1 * * *",   "15 2 * * *", "*/20 23 * * *", "0,30 * * * *",
                                        "0 */2 * * *",  "5 0-3 * * *", "10 1-2 * * sun", "*/10 2 * * *"};
    for (size_t zi = 0; zi < sizeof zones / sizeof *zones; zi++) {
        setenv("TZ", zones[zi], 1);
        tzset();
        char err[256];
        tz_zone *z = tz_load(zones[zi], err, sizeof err);
        ck_assert_ptr_nonnull(z);
        /* the changes in 2024 and 2025, found hour by hour */
        for (time_t h = 1704067200; h < 1767225600; h += 3600) {
            struct tm a, b;
            wall(h, &a);
            wall(h + 3600, &b);
            if (a.tm_gmtoff == b.tm_gmtoff)
                continue;
            for (size_t ei = 0; ei < sizeof exprs / sizeof *exprs; ei++) {
                cron_expr e;
                cron_error ce;
                ck_assert(cron_parse(exprs[ei], &e, &ce) == 0);
                time_t from = h - (time_t)2 * 86400, to = h + (time_t)2 * 86400;
                int64_t t = from;
                ck_assert(cron_next(&e, z, t, &t) == 0);
                for (time_t m = from + 60; m < to; m += 60) {
                    int expect = reference_fires(&e, m);
                    int got = t == (int64_t)m;
                    if (expect != got) {
                        char iso[ISO_TIME_MAX], iso2[ISO_TIME_MAX];
                        ck_abort_msg("'%s' in %s at %s: reference %s, cron_next gives %s", exprs[ei], zones[zi],
                                     iso_format(z, m, iso), expect ? "fires" : "does not fire",
                                     iso_format(z, t, iso2));
                    }
                    if (got && cron_next(&e, z, t, &t) != 0)
                        ck_abort_msg("'%s' in %s: no time after %lld", exprs[ei], zones[zi], (long long)t);
                }
            }
            h += 86400; /* past this change */
        }
        tz_free(z);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("next");
    TCase *t = tcase_create("next");
    tcase_add_test(t, calendar_rules);
    tcase_add_test(t, every_is_elapsed_time);
    tcase_add_test(t, new_york);
    tcase_add_test(t, berlin);
    tcase_add_test(t, lord_howe);
    tcase_add_test(t, santiago);
    tcase_add_test(t, agrees_with_brute_force);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
