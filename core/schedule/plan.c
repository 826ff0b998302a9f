/* plan.c - see plan.h. */
#include <config.h>

#include <string.h>

#include "plan.h"

#define NO_TIME INT64_MAX

static int64_t next_after(const job_def *def, int64_t t)
{
    int64_t n;
    return cron_next(&def->cron, def->zone, t, &n) == 0 ? n : NO_TIME;
}

/* Up to @p keep of the latest slots in (after, now], oldest first, and how
 * many slots there are in all (at most a cap; *more when over). */
static size_t latest_due(const job_def *def, int64_t after, int64_t now, int64_t *out, size_t keep, size_t *total,
                         int *more)
{
    const size_t count_cap = 10000;
    size_t n = 0;
    *more = 0;
    *total = 0;
    int64_t t = after;
    while (*total < count_cap && (t = next_after(def, t)) <= now)
        (*total)++;
    if (*total >= count_cap && next_after(def, t) <= now)
        *more = 1;
    /* The latest ones: widen a window back from now until it holds enough
     * (a week of downtime of an every-second job is not walked through). */
    for (int64_t window = 64;; window *= 8) {
        int64_t start = now - window > after ? now - window : after;
        n = 0;
        for (t = next_after(def, start); t <= now; t = next_after(def, t)) {
            if (n == keep) {
                memmove(out, out + 1, (keep - 1) * sizeof *out);
                n--;
            }
            out[n++] = t;
        }
        if (n >= keep || start == after || window > (int64_t)400 * 366 * 86400)
            break;
    }
    return n;
}

size_t plan_slots(const job_def *def, int64_t last, int64_t now, int64_t *slots, slot_plan *plan)
{
    const job_policy *pol = &def->policy;
    size_t keep = pol->catchup == CATCHUP_ALL ? (size_t)pol->catchup_max : 1;
    size_t total;
    memset(plan, 0, sizeof *plan);
    size_t n = latest_due(def, last, now, slots, keep, &total, &plan->missed_more);
    if (n == 0)
        return 0;
    plan->latest = slots[n - 1];
    int on_time = now - plan->latest <= ON_TIME_SLACK;
    if (total == 1 && on_time) {
        plan->first = n - 1;
        plan->count = 1;
    } else {
        plan->catchup = 1;
        if (pol->catchup == CATCHUP_ALL) {
            plan->count = n;
        } else {
            plan->first = n - 1;
            plan->count = pol->catchup == CATCHUP_LATEST || on_time ? 1 : 0;
        }
        /* under "none" the newest slot, if on time, is the current one */
        if (pol->catchup == CATCHUP_NONE && on_time)
            plan->catchup = 0;
    }
    plan->missed = total > plan->count ? total - plan->count : 0;
    return n;
}

int past_starting_deadline(const job_policy *pol, int64_t slot, int64_t now)
{
    return pol->starting_deadline != NO_LIMIT && now - slot > pol->starting_deadline;
}

int64_t retry_backoff(const job_policy *pol, int attempt)
{
    int64_t wait = pol->retry_delay;
    for (int i = 1; i < attempt && wait < pol->retry_delay_max; i++)
        wait *= 2;
    return wait > pol->retry_delay_max ? pol->retry_delay_max : wait;
}
