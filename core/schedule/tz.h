/* tz.h - time zones from the IANA database (TZif files), without the C
 * library's global time zone state.
 *
 * The scheduler needs several zones at once, has to tell a skipped local
 * time from a repeated one, and must refuse an unknown zone name instead
 * of silently falling back to UTC as TZ=Bad/Name does.  So it reads the
 * zoneinfo files itself: transitions from the file, then the POSIX TZ rule
 * in the file's footer for times after the last transition.  Leap seconds
 * ("right/" zones) are not applied: schedules count POSIX seconds. */
#ifndef TP_SCHED_TZ_H
#define TP_SCHED_TZ_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"

typedef struct tz_zone tz_zone;

/* Load zone @p name ("Europe/Berlin", "UTC") from $TZDIR or
 * /usr/share/zoneinfo.  NULL or "" loads the machine's zone ($TZ, else
 * /etc/localtime, else UTC).  On failure returns NULL with a message that
 * says what to do in @p err. */
tz_zone *tz_load(const char *name, char *err, size_t errlen);
void tz_free(tz_zone *z);

/* The name the zone was loaded under ("Europe/Berlin", or the machine's). */
const char *tz_name(const tz_zone *z);

/* UTC offset in seconds east of Greenwich at absolute time @p t; @p isdst
 * and @p abbr (valid while the zone lives) may be NULL. */
int32_t tz_offset(const tz_zone *z, int64_t t, int *isdst, const char **abbr);

/* Local seconds (wall clock read as if UTC) at absolute time @p t. */
int64_t tz_to_local(const tz_zone *z, int64_t t);

/* The absolute times at which the wall clock reads local seconds @p local.
 * Returns 1 (normal; out[0]), 2 (the time repeats when clocks go back;
 * out[0] < out[1]) or 0 (the time is skipped when clocks go forward;
 * out[0] is then the instant of the change, the first one after the gap). */
int tz_from_local(const tz_zone *z, int64_t local, int64_t out[2]);

/* Broken-down local time at @p t, and its offset. */
void tz_localtime(const tz_zone *z, int64_t t, cal_time *tm, int32_t *offset);

/* Parse a POSIX TZ rule string ("CET-1CEST,M3.5.0,M10.5.0/3") into a zone
 * named @p name (exposed for tests and for TZ=rule). */
tz_zone *tz_from_rule(const char *rule, const char *name, char *err, size_t errlen);

#endif
