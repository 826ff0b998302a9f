/* plan.h - the scheduling decisions, as pure functions of the job's
 * policy, its schedule, the last slot acted on and the time: which slots
 * run after downtime (catch-up), which start too late (starting
 * deadline), how long a retry waits (backoff). */
#ifndef TP_SCHED_PLAN_H
#define TP_SCHED_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "jobs.h"

/* Slots seen more than this late count as missed (see docs). */
#define ON_TIME_SLACK 60

typedef struct slot_plan {
    size_t first, count; /* run slots[first .. first+count), oldest first */
    int catchup;         /* the slots to run were missed, not on time */
    size_t missed;       /* due slots that will not run */
    int missed_more;     /* ... and more than could be counted */
    int64_t latest;      /* the newest due slot: the new "last slot" */
} slot_plan;

/* The slots due in (last, now] and what to do with them under the job's
 * catch-up policy: a lone slot at most ON_TIME_SLACK late runs; otherwise
 * "none" runs nothing late, "latest" the newest, "all" up to catchup_max
 * of the newest.  @p slots must hold catchup_max entries (1 unless
 * "all").  Returns the number of due slots kept in @p slots (0: none due). */
size_t plan_slots(const job_def *def, int64_t last, int64_t now, int64_t *slots, slot_plan *plan);

/* Does a slot that would start at @p now miss the starting deadline? */
int past_starting_deadline(const job_policy *pol, int64_t slot, int64_t now);

/* Seconds to wait before retry number @p attempt (1 = the first retry):
 * retry_delay doubled each time, at most retry_delay_max. */
int64_t retry_backoff(const job_policy *pol, int attempt);

#endif
