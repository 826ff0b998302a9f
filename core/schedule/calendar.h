/* calendar.h - proleptic Gregorian calendar arithmetic on plain integers.
 *
 * The scheduler reasons in local calendar terms (dates, times of day) and
 * converts to absolute time only at the end, so it needs date arithmetic
 * that never consults the C library's time zone state.  "Local seconds"
 * below are seconds since 1970-01-01T00:00:00 of a wall clock, as if that
 * clock were UTC. */
#ifndef TP_SCHED_CALENDAR_H
#define TP_SCHED_CALENDAR_H

#include <stdint.h>

typedef struct cal_date {
    int64_t year;
    int month; /* 1-12 */
    int day;   /* 1-31 */
} cal_date;

/* Broken-down wall-clock time. */
typedef struct cal_time {
    int64_t year;
    int month, day;          /* 1-12, 1-31 */
    int hour, minute, second;
    int weekday;             /* 0 = Sunday */
    int yearday;             /* 0-365 */
} cal_time;

int cal_is_leap(int64_t year);
int cal_days_in_month(int64_t year, int month);
/* Days since 1970-01-01 of a date (negative before). */
int64_t cal_days_from_date(int64_t year, int month, int day);
cal_date cal_date_from_days(int64_t days);
/* 0 = Sunday. */
int cal_weekday(int64_t days);

/* Floor division and modulo for negative numbers too. */
int64_t cal_floor_div(int64_t a, int64_t b);
int64_t cal_floor_mod(int64_t a, int64_t b);

/* Local seconds <-> broken-down time. */
int64_t cal_seconds_from_time(const cal_time *t);
void cal_time_from_seconds(int64_t secs, cal_time *t);

#endif
