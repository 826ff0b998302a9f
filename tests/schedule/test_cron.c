/* test_cron.c - cron expressions and durations: what parses into what,
 * and every refusal points at the right field with a useful message. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cron.h"
#include "harness.h"

static cron_expr parse_ok(const char *text)
{
    cron_expr e;
    cron_error err;
    int rc = cron_parse(text, &e, &err);
    ck_assert_msg(rc == 0, "'%s' refused: column %d: %s", text, err.column, err.message);
    return e;
}

static uint64_t bits(const int *values, size_t n)
{
    uint64_t b = 0;
    for (size_t i = 0; i < n; i++)
        b |= (uint64_t)1 << values[i];
    return b;
}
#define BITS(...) bits((const int[]){__VA_ARGS__}, sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

START_TEST(five_fields_and_defaults)
{
    cron_expr e = parse_ok("*/15 9-17 * * *");
    ck_assert_uint_eq(e.minutes, BITS(0, 15, 30, 45));
    ck_assert_uint_eq(e.hours, BITS(9, 10, 11, 12, 13, 14, 15, 16, 17));
    ck_assert_uint_eq(e.seconds, 1); /* second 0 only */
    ck_assert_uint_eq(e.days, 0xFFFFFFFEu);
    ck_assert_uint_eq(e.months, 0x1FFEu);
    ck_assert_uint_eq(e.weekdays, 0x7Fu);
    ck_assert(!e.has_seconds);
    ck_assert_int_eq(e.every, 0);
}
END_TEST

START_TEST(optional_seconds_field)
{
    cron_expr e = parse_ok("*/20 30 2 * * *");
    ck_assert(e.has_seconds);
    ck_assert_uint_eq(e.seconds, BITS(0, 20, 40));
    ck_assert_uint_eq(e.minutes, BITS(30));
    ck_assert_uint_eq(e.hours, BITS(2));
}
END_TEST

START_TEST(lists_ranges_steps)
{
    cron_expr e = parse_ok("1,2,5-6,10-20/5,50/4 0 * * *");
    ck_assert_uint_eq(e.minutes, BITS(1, 2, 5, 6, 10, 15, 20, 50, 54, 58));
    e = parse_ok("0 */7 * * *");
    ck_assert_uint_eq(e.hours, BITS(0, 7, 14, 21));
    e = parse_ok("0 0 1-31/10 * *");
    ck_assert_uint_eq(e.days, BITS(1, 11, 21, 31));
}
END_TEST

START_TEST(names_in_any_case)
{
    cron_expr a = parse_ok("0 0 * jan,FEB,Mar mon-FRI");
    ck_assert_uint_eq(a.months, BITS(1, 2, 3));
    ck_assert_uint_eq(a.weekdays, BITS(1, 2, 3, 4, 5));
    cron_expr b = parse_ok("0 0 * Dec sUn");
    ck_assert_uint_eq(b.months, BITS(12));
    ck_assert_uint_eq(b.weekdays, BITS(0));
}
END_TEST

START_TEST(seven_is_sunday)
{
    ck_assert_uint_eq(parse_ok("0 0 * * 7").weekdays, BITS(0));
    ck_assert_uint_eq(parse_ok("0 0 * * 0").weekdays, BITS(0));
    ck_assert_uint_eq(parse_ok("0 0 * * 5-7").weekdays, BITS(0, 5, 6));
    ck_assert_uint_eq(parse_ok("0 0 * * 0-7").weekdays, 0x7Fu);
    ck_assert_uint_eq(parse_ok("0 0 * * */2").weekdays, BITS(0, 2, 4, 6));
}
END_TEST

START_TEST(macros)
{
    static const struct {
        const char *macro, *same;
    } cases[] = {{"@hourly", "0 * * * *"},  {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
                 {"@weekly", "0 0 * * 0"},  {"@monthly", "0 0 1 * *"},  {"@yearly", "0 0 1 1 *"},
                 {"@annually", "0 0 1 1 *"}, {"  @Daily  ", "0 0 * * *"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cron_expr a = parse_ok(cases[i].macro), b = parse_ok(cases[i].same);
        /* member by member: memcmp would compare the padding too */
        ck_assert_msg(a.every == b.every && a.seconds == b.seconds && a.minutes == b.minutes && a.hours == b.hours &&
                          a.days == b.days && a.months == b.months && a.weekdays == b.weekdays &&
                          a.dom_star == b.dom_star && a.dow_star == b.dow_star && a.minute_star == b.minute_star &&
                          a.hour_star == b.hour_star && a.has_seconds == b.has_seconds,
                      "%s differs from %s", cases[i].macro, cases[i].same);
    }
}
END_TEST

START_TEST(every)
{
    ck_assert_int_eq(parse_ok("@every 90s").every, 90);
    ck_assert_int_eq(parse_ok("@every 1h30m").every, 5400);
    ck_assert_int_eq(parse_ok("@every 2d").every, 172800);
    cron_error err;
    cron_expr e;
    ck_assert_int_ne(cron_parse("@every", &e, &err), 0);
    ck_assert_ptr_nonnull(strstr(err.message, "needs a duration"));
    ck_assert_int_ne(cron_parse("@every 0s", &e, &err), 0);
    ck_assert_ptr_nonnull(strstr(err.message, "at least 1s"));
    ck_assert_int_ne(cron_parse("@every 5x", &e, &err), 0);
    ck_assert_int_eq(err.column, 8);
}
END_TEST

/* cronie: a field that starts with '*' is unrestricted for the OR rule. */
START_TEST(star_flags_follow_cronie)
{
    cron_expr e = parse_ok("0 0 * * 1");
    ck_assert(e.dom_star && !e.dow_star);
    e = parse_ok("0 0 */2 * 1");
    ck_assert(e.dom_star && !e.dow_star);
    e = parse_ok("0 0 1-31 * 1");
    ck_assert(!e.dom_star && !e.dow_star);
    e = parse_ok("0 0 1 * */1");
    ck_assert(!e.dom_star && e.dow_star);
}
END_TEST

START_TEST(fixed_time_or_wildcard)
{
    cron_expr e = parse_ok("30 2 * * *");
    ck_assert(cron_is_fixed_time(&e));
    e = parse_ok("0,30 1-3 * * *");
    ck_assert(cron_is_fixed_time(&e));
    e = parse_ok("*/5 2 * * *");
    ck_assert(!cron_is_fixed_time(&e));
    e = parse_ok("30 * * * *");
    ck_assert(!cron_is_fixed_time(&e));
    e = parse_ok("0 */2 * * *");
    ck_assert(!cron_is_fixed_time(&e));
    e = parse_ok("@every 1h");
    ck_assert(!cron_is_fixed_time(&e));
}
END_TEST

START_TEST(leap_day_is_valid)
{
    parse_ok("0 0 29 2 *");
    parse_ok("0 0 31 * *");      /* some months have a 31st */
    parse_ok("0 0 30 2 1");      /* OR: every Monday in February */
    parse_ok("0 0 30,31 2,4 *"); /* April 30 */
}
END_TEST

/* Each refusal: the expression, the column it points at, the field it
 * names and words its message must contain. */
START_TEST(refusals_point_at_the_field)
{
    static const struct {
        const char *text;
        int column;
        const char *field, *words;
    } cases[] = {
        {"61 * * * *", 1, "minute", "61 is out of range 0-59"},
        {"0 24 * * *", 3, "hour", "24 is out of range 0-23"},
        {"0 0 0 * *", 5, "day-of-month", "out of range 1-31"},
        {"0 0 32 * *", 5, "day-of-month", "out of range 1-31"},
        {"0 0 * 13 *", 7, "month", "out of range 1-12"},
        {"0 0 * * 8", 9, "day-of-week", "out of range 0-7"},
        {"60 0 0 * * *", 1, "second", "out of range 0-59"},
        {"5-2 * * * *", 1, "minute", "reversed"},
        {"0 0 * * fri-mon", 9, "day-of-week", "reversed"},
        {"*/0 * * * *", 3, "minute", "step 0"},
        {"0 */24 * * *", 5, "hour", "larger than the range"},
        {"*/60 * * * *", 3, "minute", "larger than the range"},
        {"0 0 1,,2 * *", 7, "day-of-month", "empty list item"},
        {"0 0 1, * *", 7, "day-of-month", "empty list item"},
        {"0 0 * janx *", 7, "month", "not a month name"},
        {"0 0 * * monday", 9, "day-of-week", "not a weekday name"},
        {"0 0 L * *", 5, "day-of-month", "not supported"},
        {"0 0 ? * *", 5, "day-of-month", "write '*'"},
        {"0 0 * * 1#2", 10, "day-of-week", "not supported"},
        {"0 0 1-x * *", 7, "day-of-month", "not a number"},
        {"0 0 1/x * *", 7, "day-of-month", "step"},
        {"* * * *", 8, NULL, "too few fields"},
        {"", 1, NULL, "too few fields"},
        {"* * * * * * *", 13, NULL, "too many fields"},
        {"0 0 30 2 *", 5, "day-of-month", "never fires"},
        {"0 0 31 4,6,9,11 *", 5, "day-of-month", "never fires"},
        {"0 0 30 feb */2", 5, "day-of-month", "never fires"}, /* '*' prefix: AND, as cronie */
        {"@reboot", 1, NULL, "not a schedule"},
        {"@fortnightly", 1, NULL, "unknown macro"},
        {"@daily 5", 8, NULL, "nothing may follow"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cron_expr e;
        cron_error err;
        ck_assert_msg(cron_parse(cases[i].text, &e, &err) != 0, "'%s' was accepted", cases[i].text);
        ck_assert_msg(err.column == cases[i].column, "'%s': column %d, expected %d (%s)", cases[i].text,
                      err.column, cases[i].column, err.message);
        if (cases[i].field)
            ck_assert_msg(err.field && strcmp(err.field, cases[i].field) == 0, "'%s': field %s, expected %s",
                          cases[i].text, err.field ? err.field : "(none)", cases[i].field);
        ck_assert_msg(strstr(err.message, cases[i].words), "'%s': message '%s' lacks '%s'", cases[i].text,
                      err.message, cases[i].words);
    }
}
END_TEST

START_TEST(durations)
{
    static const struct {
        const char *text;
        int64_t seconds;
    } ok[] = {{"90s", 90}, {"15m", 900}, {"1h30m", 5400}, {"2d", 172800}, {"1w", 604800},
              {"1d2h3m4s", 93784}, {"0", 0}, {" 10s ", 10}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        int64_t s = -1;
        const char *why = NULL;
        ck_assert_msg(duration_parse(ok[i].text, &s, &why) == 0, "'%s': %s", ok[i].text, why);
        ck_assert_int_eq(s, ok[i].seconds);
    }
    static const struct {
        const char *text, *words;
    } bad[] = {{"", "empty"}, {"5", "missing unit"}, {"5x", "unknown unit"}, {"30m1h", "largest to smallest"},
               {"1h 30m", "unexpected text"}, {"-5s", "numbers with units"}, {"1h1h", "largest to smallest"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int64_t s;
        const char *why = "";
        ck_assert_msg(duration_parse(bad[i].text, &s, &why) != 0, "'%s' accepted", bad[i].text);
        ck_assert_msg(strstr(why, bad[i].words), "'%s': '%s' lacks '%s'", bad[i].text, why, bad[i].words);
    }
    char buf[32];
    ck_assert_str_eq(duration_format(5400, buf, sizeof buf), "1h30m");
    ck_assert_str_eq(duration_format(0, buf, sizeof buf), "0s");
    ck_assert_str_eq(duration_format(90061, buf, sizeof buf), "1d1h1m1s");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("cron");
    TCase *t = tcase_create("parse");
    tcase_add_test(t, five_fields_and_defaults);
    tcase_add_test(t, optional_seconds_field);
    tcase_add_test(t, lists_ranges_steps);
    tcase_add_test(t, names_in_any_case);
    tcase_add_test(t, seven_is_sunday);
    tcase_add_test(t, macros);
    tcase_add_test(t, every);
    tcase_add_test(t, star_flags_follow_cronie);
    tcase_add_test(t, fixed_time_or_wildcard);
    tcase_add_test(t, leap_day_is_valid);
    tcase_add_test(t, refusals_point_at_the_field);
    tcase_add_test(t, durations);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
