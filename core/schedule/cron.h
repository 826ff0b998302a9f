/* cron.h - cron expressions: parsing, checking and the next firing time.
 *
 * Semantics follow cronie (Vixie cron): five fields, minute hour
 * day-of-month month day-of-week, or six with seconds first; lists,
 * ranges, steps, month and weekday names in any case, 0 and 7 both Sunday;
 * the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly macros;
 * and `@every DURATION` (fires at every multiple of DURATION since the
 * Unix epoch, regardless of time zone).  Day-of-month and day-of-week are
 * OR-ed when both are restricted; a field starting with '*' counts as
 * unrestricted, and then both must match.
 *
 * Daylight saving (see cron_next): a job is "fixed-time" when neither its
 * minute nor its hour field starts with '*'.  A fixed-time job whose time is
 * skipped runs at the instant of the change; in a repeated hour it runs
 * once (the first time).  Other jobs follow real elapsed time: skipped
 * times do not happen, repeated ones happen twice. */
#ifndef TP_SCHED_CRON_H
#define TP_SCHED_CRON_H

#include <stdint.h>

#include "tz.h"

typedef struct cron_expr {
    int64_t every;     /* @every: the period in seconds; 0 for calendar expressions */
    uint64_t seconds;  /* bits 0-59 */
    uint64_t minutes;  /* bits 0-59 */
    uint32_t hours;    /* bits 0-23 */
    uint32_t days;     /* bits 1-31 */
    uint32_t months;   /* bits 1-12 */
    uint32_t weekdays; /* bits 0-6, 0 = Sunday */
    unsigned dom_star : 1, dow_star : 1, minute_star : 1, hour_star : 1, has_seconds : 1;
} cron_expr;

typedef struct cron_error {
    int column;        /* 1-based character position in the expression */
    const char *field; /* "minute", "day-of-week", ... or NULL */
    char message[256];
} cron_error;

/* Parse @p text.  Returns 0, or -1 with @p err filled: the column points
 * at the offending field or value, the message says what is wrong and
 * how to write it. */
int cron_parse(const char *text, cron_expr *out, cron_error *err);

/* 1 when the job keeps its wall-clock time across daylight saving changes
 * (see above). */
int cron_is_fixed_time(const cron_expr *e);

/* The first firing time strictly after @p after, in zone @p z (unused for
 * @every).  Returns 0, or -1 when it does not fire within 400 years. */
int cron_next(const cron_expr *e, const tz_zone *z, int64_t after, int64_t *next);

/* Parse a duration: "90s", "1h30m", "2d", "1w", "500" (seconds).  Returns
 * 0 with whole seconds, or -1 with a reason in @p why. */
int duration_parse(const char *text, int64_t *seconds, const char **why);
/* Format seconds as "1h30m" (or "0s") into @p buf. */
char *duration_format(int64_t seconds, char *buf, size_t size);

#endif
