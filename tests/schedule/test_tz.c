/* test_tz.c - calendar arithmetic, the zoneinfo reader (checked against
 * the C library over two centuries), wall-clock to absolute time, ISO
 * 8601 times and strftime in a zone. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "harness.h"
#include "timefmt.h"
#include "tz.h"

static tz_zone *zone(const char *name)
{
    char err[512];
    tz_zone *z = tz_load(name, err, sizeof err);
    ck_assert_msg(z != NULL, "%s: %s", name, err);
    return z;
}

START_TEST(calendar_round_trip)
{
    /* (assertions only on failure: each passing ck_assert costs a write) */
    for (int64_t d = (int64_t)-146097 * 3; d < (int64_t)146097 * 3; d += 7) {
        cal_date c = cal_date_from_days(d);
        if (cal_days_from_date(c.year, c.month, c.day) != d || c.day < 1 ||
            c.day > cal_days_in_month(c.year, c.month))
            ck_abort_msg("day %lld gives %lld-%02d-%02d", (long long)d, (long long)c.year, c.month, c.day);
    }
    ck_assert_int_eq(cal_days_from_date(1970, 1, 1), 0);
    ck_assert_int_eq(cal_days_from_date(2000, 3, 1), 11017);
    ck_assert_int_eq(cal_weekday(cal_days_from_date(2024, 3, 10)), 0); /* a Sunday */
    ck_assert_int_eq(cal_weekday(cal_days_from_date(1969, 12, 31)), 3);
    ck_assert(cal_is_leap(2000) && cal_is_leap(2024) && !cal_is_leap(1900) && !cal_is_leap(2100));
    ck_assert_int_eq(cal_days_in_month(2100, 2), 28);
    ck_assert_int_eq(cal_days_in_month(2096, 2), 29);
    cal_time t;
    cal_time_from_seconds(-1, &t);
    ck_assert(t.year == 1969 && t.month == 12 && t.day == 31 && t.hour == 23 && t.minute == 59 && t.second == 59);
}
END_TEST

/* The offsets of our reader equal the C library's for every sampled time
 * from 1901 to 2100: transitions from the file, the footer rule after. */
START_TEST(offsets_agree_with_libc)
{
    static const char *const zones[] = {"America/New_York",  "Europe/Berlin",    "Australia/Lord_Howe",
                                        "America/Santiago",  "Europe/Dublin",    "Asia/Kolkata",
                                        "Pacific/Apia",      "Africa/Casablanca", "Antarctica/Troll",
                                        "America/St_Johns",  "UTC"};
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        tz_zone *z = zone(zones[i]);
        setenv("TZ", zones[i], 1);
        tzset();
        long checked = 0;
        for (int64_t t = -2145916800; t < 4102444800; t += 20011) {
            time_t tt = (time_t)t;
            struct tm tm;
            localtime_r(&tt, &tm);
            int isdst;
            int32_t off = tz_offset(z, t, &isdst, NULL);
            if (off != tm.tm_gmtoff)
                ck_abort_msg("%s at %lld: %d, libc %ld", zones[i], (long long)t, off, tm.tm_gmtoff);
            checked++;
        }
        ck_assert(checked > 300000);
        tz_free(z);
    }
}
END_TEST

static int64_t utc(int y, int mo, int d, int h, int mi)
{
    return cal_days_from_date(y, mo, d) * 86400 + (int64_t)h * 3600 + (int64_t)mi * 60;
}

START_TEST(wall_clock_to_absolute)
{
    tz_zone *ny = zone("America/New_York");
    int64_t out[2];
    /* normal */
    ck_assert_int_eq(tz_from_local(ny, utc(2024, 6, 1, 12, 0), out), 1);
    ck_assert_int_eq(out[0], utc(2024, 6, 1, 16, 0));
    /* skipped: the instant of the change */
    ck_assert_int_eq(tz_from_local(ny, utc(2024, 3, 10, 2, 30), out), 0);
    ck_assert_int_eq(out[0], utc(2024, 3, 10, 7, 0));
    /* repeated: both, in order */
    ck_assert_int_eq(tz_from_local(ny, utc(2024, 11, 3, 1, 30), out), 2);
    ck_assert_int_eq(out[0], utc(2024, 11, 3, 5, 30));
    ck_assert_int_eq(out[1], utc(2024, 11, 3, 6, 30));
    tz_free(ny);

    tz_zone *lh = zone("Australia/Lord_Howe");
    ck_assert_int_eq(tz_from_local(lh, utc(2024, 10, 6, 2, 15), out), 0);
    ck_assert_int_eq(out[0], utc(2024, 10, 5, 15, 30));
    ck_assert_int_eq(tz_from_local(lh, utc(2024, 4, 7, 1, 45), out), 2);
    ck_assert_int_eq(out[1] - out[0], 1800);
    tz_free(lh);

    tz_zone *scl = zone("America/Santiago");
    ck_assert_int_eq(tz_from_local(scl, utc(2024, 9, 8, 0, 0), out), 0);
    ck_assert_int_eq(out[0], utc(2024, 9, 8, 4, 0));
    ck_assert_int_eq(tz_from_local(scl, utc(2024, 4, 6, 23, 30), out), 2);
    tz_free(scl);
}
END_TEST

START_TEST(zone_names_are_checked)
{
    char err[512];
    ck_assert_ptr_null(tz_load("Mars/Olympus_Mons", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "unknown time zone"));
    ck_assert_ptr_null(tz_load("../../etc/passwd", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "not a time zone name"));
    ck_assert_ptr_null(tz_load("/etc/localtime", err, sizeof err));
    ck_assert_ptr_null(tz_load("America", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "group of time zones"));
    tz_zone *z = zone("UTC");
    ck_assert_int_eq(tz_offset(z, 1700000000, NULL, NULL), 0);
    ck_assert_str_eq(tz_name(z), "UTC");
    tz_free(z);
    /* the machine's zone from TZ */
    setenv("TZ", "Europe/Berlin", 1);
    z = tz_load(NULL, err, sizeof err);
    ck_assert_ptr_nonnull(z);
    ck_assert_str_eq(tz_name(z), "Europe/Berlin");
    ck_assert_int_eq(tz_offset(z, utc(2024, 7, 1, 0, 0), NULL, NULL), 7200);
    tz_free(z);
    setenv("TZ", "Not/AZone", 1);
    ck_assert_ptr_null(tz_load(NULL, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "TZ"));
    unsetenv("TZ");
}
END_TEST

START_TEST(posix_rules)
{
    char err[256];
    tz_zone *z = tz_from_rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "lhi", err, sizeof err);
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(tz_offset(z, utc(2030, 1, 1, 0, 0), NULL, NULL), 39600);
    ck_assert_int_eq(tz_offset(z, utc(2030, 7, 1, 0, 0), NULL, NULL), 37800);
    tz_free(z);
    z = tz_from_rule("<-04>4<-03>,M9.1.6/24,M4.1.6/24", "scl", err, sizeof err);
    ck_assert_ptr_nonnull(z);
    int isdst;
    const char *abbr;
    ck_assert_int_eq(tz_offset(z, utc(2030, 1, 1, 0, 0), &isdst, &abbr), -10800);
    ck_assert(isdst);
    ck_assert_str_eq(abbr, "-03");
    tz_free(z);
    z = tz_from_rule("EST5EDT,M3.2.0,M11.1.0", "est", err, sizeof err);
    ck_assert_int_eq(tz_offset(z, utc(2031, 3, 9, 6, 59), NULL, NULL), -18000);
    ck_assert_int_eq(tz_offset(z, utc(2031, 3, 9, 7, 0), NULL, NULL), -14400);
    tz_free(z);
    ck_assert_ptr_null(tz_from_rule("CET-1CEST,M3.5", "bad", err, sizeof err));
    ck_assert_ptr_null(tz_from_rule("X1", "bad", err, sizeof err));
}
END_TEST

START_TEST(iso_times)
{
    tz_zone *z = zone("America/New_York");
    char iso[ISO_TIME_MAX];
    ck_assert_str_eq(iso_format(z, utc(2024, 3, 10, 7, 0), iso), "2024-03-10T03:00:00-04:00");
    tz_zone *k = zone("Asia/Kolkata");
    ck_assert_str_eq(iso_format(k, 0, iso), "1970-01-01T05:30:00+05:30");
    tz_free(k);
    int64_t t;
    const char *why;
    ck_assert_int_eq(iso_parse("2024-03-10T03:00:00-04:00", z, &t, &why), 0);
    ck_assert_int_eq(t, utc(2024, 3, 10, 7, 0));
    ck_assert_int_eq(iso_parse("2024-03-10T07:00:00Z", z, &t, &why), 0);
    ck_assert_int_eq(t, utc(2024, 3, 10, 7, 0));
    ck_assert_int_eq(iso_parse("2024-03-10 03:00", z, &t, &why), 0); /* wall clock */
    ck_assert_int_eq(t, utc(2024, 3, 10, 7, 0));
    ck_assert_int_eq(iso_parse("2024-11-03 01:30", z, &t, &why), 0); /* repeated: the first */
    ck_assert_int_eq(t, utc(2024, 11, 3, 5, 30));
    ck_assert_int_eq(iso_parse("2024-03-10", z, &t, &why), 0);
    ck_assert_int_eq(t, utc(2024, 3, 10, 5, 0));
    ck_assert_int_eq(iso_parse("@1700000000", z, &t, &why), 0);
    ck_assert_int_eq(t, 1700000000);
    ck_assert_int_ne(iso_parse("2024-03-10T02:30", z, &t, &why), 0);
    ck_assert_ptr_nonnull(strstr(why, "does not exist"));
    ck_assert_int_ne(iso_parse("2023-02-29", z, &t, &why), 0);
    ck_assert_ptr_nonnull(strstr(why, "no such date"));
    ck_assert_int_ne(iso_parse("tomorrow", z, &t, &why), 0);
    ck_assert_int_ne(iso_parse("2024-01-01T25:00", z, &t, &why), 0);
    char buf[64];
    ck_assert_uint_gt(zone_strftime(z, utc(2024, 11, 3, 6, 30), "%Y%m%dT%H%M%z %Z", buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "20241103T0130-0500 EST");
    ck_assert_uint_gt(zone_strftime(z, utc(2024, 11, 3, 5, 30), "%H:%M %Z", buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "01:30 EDT");
    char utc_ms[ISO_TIME_MAX];
    ck_assert_str_eq(iso_format_utc_ms(utc(2024, 1, 2, 3, 4), 56, utc_ms), "2024-01-02T03:04:00.056Z");
    tz_free(z);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tz");
    TCase *t = tcase_create("tz");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, calendar_round_trip);
    tcase_add_test(t, offsets_agree_with_libc);
    tcase_add_test(t, wall_clock_to_absolute);
    tcase_add_test(t, zone_names_are_checked);
    tcase_add_test(t, posix_rules);
    tcase_add_test(t, iso_times);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
