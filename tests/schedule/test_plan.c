/* test_plan.c - the policy decisions: which slots run after downtime
 * under catchup none/latest/all, the on-time slack, the starting
 * deadline, the retry backoff. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "plan.h"
#include "timefmt.h"

#define T 1710000000 /* 2024-03-09T16:00:00Z, on the hour */

static job_def job(const char *expr, catchup_policy catchup, int catchup_max)
{
    job_def j;
    memset(&j, 0, sizeof j);
    cron_error ce;
    ck_assert_msg(cron_parse(expr, &j.cron, &ce) == 0, "%s", ce.message);
    char err[256];
    j.zone = tz_load("Europe/Berlin", err, sizeof err);
    ck_assert_ptr_nonnull(j.zone);
    j.policy = (job_policy){.concurrency = CONC_FORBID, .catchup = catchup, .catchup_max = catchup_max,
                            .starting_deadline = NO_LIMIT, .retry_delay = 10, .retry_delay_max = 300};
    return j;
}

/* Plan, and return the slots to run as offsets from T, comma-separated. */
static const char *run_list(job_def *j, int64_t last, int64_t now, slot_plan *p)
{
    static char out[512];
    int64_t slots[16];
    size_t n = plan_slots(j, last, now, slots, p);
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = p->first; n && i < p->first + p->count; i++)
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%lld", used ? "," : "", (long long)(slots[i] - T));
    return out;
}

START_TEST(on_time_slot_runs)
{
    slot_plan p;
    job_def j = job("@every 60s", CATCHUP_NONE, 10);
    ck_assert_str_eq(run_list(&j, T, T + 60, &p), "60");
    ck_assert(!p.catchup);
    ck_assert_uint_eq(p.missed, 0);
    ck_assert_int_eq(p.latest, T + 60);
    /* up to a minute late is still on time */
    ck_assert_str_eq(run_list(&j, T, T + 110, &p), "60");
    ck_assert(!p.catchup);
    /* nothing due yet */
    ck_assert_str_eq(run_list(&j, T, T + 59, &p), "");
    ck_assert_int_eq(p.latest, 0);
    /* the clock went back behind the last slot: nothing, ever twice */
    ck_assert_str_eq(run_list(&j, T + 1000, T, &p), "");
    tz_free(j.zone);
}
END_TEST

START_TEST(short_gap)
{
    slot_plan p;
    job_def none = job("@every 60s", CATCHUP_NONE, 10), latest = job("@every 60s", CATCHUP_LATEST, 10),
            all = job("@every 60s", CATCHUP_ALL, 10);
    /* three slots due, the newest 20 s ago */
    ck_assert_str_eq(run_list(&none, T, T + 200, &p), "180"); /* the current slot */
    ck_assert(!p.catchup);
    ck_assert_uint_eq(p.missed, 2);
    ck_assert_str_eq(run_list(&latest, T, T + 200, &p), "180");
    ck_assert(p.catchup);
    ck_assert_uint_eq(p.missed, 2);
    ck_assert_str_eq(run_list(&all, T, T + 200, &p), "60,120,180");
    ck_assert(p.catchup);
    ck_assert_uint_eq(p.missed, 0);
    tz_free(none.zone);
    tz_free(latest.zone);
    tz_free(all.zone);
}
END_TEST

START_TEST(downtime)
{
    slot_plan p;
    job_def none = job("@every 10m", CATCHUP_NONE, 10), latest = job("@every 10m", CATCHUP_LATEST, 10),
            all = job("@every 10m", CATCHUP_ALL, 5);
    /* down for two hours; the newest slot is two minutes old */
    ck_assert_str_eq(run_list(&none, T, T + 7320, &p), "");
    ck_assert_uint_eq(p.missed, 12);
    ck_assert_int_eq(p.latest, T + 7200);
    ck_assert_str_eq(run_list(&latest, T, T + 7320, &p), "7200");
    ck_assert_uint_eq(p.missed, 11);
    ck_assert_str_eq(run_list(&all, T, T + 7320, &p), "4800,5400,6000,6600,7200"); /* the newest 5 */
    ck_assert_uint_eq(p.missed, 7);
    /* a single slot, but late */
    job_def hourly_none = job("@hourly", CATCHUP_NONE, 10), hourly_latest = job("@hourly", CATCHUP_LATEST, 10);
    ck_assert_str_eq(run_list(&hourly_none, T, T + 3900, &p), "");
    ck_assert_uint_eq(p.missed, 1);
    ck_assert_str_eq(run_list(&hourly_latest, T, T + 3900, &p), "3600");
    ck_assert(p.catchup);
    tz_free(none.zone);
    tz_free(latest.zone);
    tz_free(all.zone);
    tz_free(hourly_none.zone);
    tz_free(hourly_latest.zone);
}
END_TEST

START_TEST(daily_job_after_days_down)
{
    slot_plan p;
    job_def j = job("0 3 * * *", CATCHUP_LATEST, 10);
    int64_t last, now;
    const char *why;
    ck_assert_int_eq(iso_parse("2024-03-05T03:00:00+01:00", j.zone, &last, &why), 0);
    ck_assert_int_eq(iso_parse("2024-03-08T12:00:00+01:00", j.zone, &now, &why), 0);
    int64_t slots[16];
    ck_assert_uint_gt(plan_slots(&j, last, now, slots, &p), 0);
    ck_assert_uint_eq(p.count, 1);
    char iso[ISO_TIME_MAX];
    ck_assert_str_eq(iso_format(j.zone, slots[p.first], iso), "2024-03-08T03:00:00+01:00");
    ck_assert_uint_eq(p.missed, 2);
    tz_free(j.zone);
}
END_TEST

START_TEST(long_downtime_is_not_walked)
{
    slot_plan p;
    job_def j = job("@every 1s", CATCHUP_ALL, 3);
    ck_assert_str_eq(run_list(&j, T, T + 7 * 86400, &p), "604798,604799,604800");
    ck_assert(p.missed_more); /* over the count cap: "more than" */
    tz_free(j.zone);
}
END_TEST

START_TEST(deadline_and_backoff)
{
    job_policy pol = {.starting_deadline = NO_LIMIT, .retry_delay = 10, .retry_delay_max = 300};
    ck_assert(!past_starting_deadline(&pol, T, T + 86400));
    pol.starting_deadline = 60;
    ck_assert(!past_starting_deadline(&pol, T, T + 60));
    ck_assert(past_starting_deadline(&pol, T, T + 61));
    static const int64_t expect[] = {10, 20, 40, 80, 160, 300, 300};
    for (int a = 1; a <= 7; a++)
        ck_assert_int_eq(retry_backoff(&pol, a), expect[a - 1]);
    pol.retry_delay_max = 10;
    ck_assert_int_eq(retry_backoff(&pol, 5), 10);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("plan");
    TCase *t = tcase_create("plan");
    tcase_add_test(t, on_time_slot_runs);
    tcase_add_test(t, short_gap);
    tcase_add_test(t, downtime);
    tcase_add_test(t, daily_job_after_days_down);
    tcase_add_test(t, long_downtime_is_not_walked);
    tcase_add_test(t, deadline_and_backoff);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
