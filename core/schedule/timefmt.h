/* timefmt.h - ISO 8601 times with UTC offsets, and strftime in any zone. */
#ifndef TP_SCHED_TIMEFMT_H
#define TP_SCHED_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

#include "tz.h"

#define ISO_TIME_MAX 48

/* "2024-03-10T03:00:00-04:00": the wall clock in @p z and its offset. */
char *iso_format(const tz_zone *z, int64_t t, char buf[ISO_TIME_MAX]);
/* "2024-03-10T07:00:00.123Z" for log lines; @p ms 0-999. */
char *iso_format_utc_ms(int64_t t, int ms, char buf[ISO_TIME_MAX]);

/* Parse a time: "2024-03-10T01:30:00-05:00", "...Z", "2024-03-10 01:30"
 * or "2024-03-10" (wall clock in @p z), "@1710052200" (Unix seconds).
 * A wall-clock time that occurs twice means the first; one that does not
 * occur is refused.  Returns 0, or -1 with a reason in @p why. */
int iso_parse(const char *text, const tz_zone *z, int64_t *t, const char **why);

/* strftime(3) of @p t in zone @p z (%z and %Z included).  Returns the
 * length, or 0 when it does not fit. */
size_t zone_strftime(const tz_zone *z, int64_t t, const char *fmt, char *buf, size_t size);

#endif
