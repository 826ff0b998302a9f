/* calendar.c - see calendar.h.  Days are counted in 400-year eras of
 * 146097 days, starting each era on March 1 so that the leap day is the
 * last day of the (shifted) year and months have a fixed pattern. */
#include <config.h>

#include "calendar.h"

int64_t cal_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t cal_floor_mod(int64_t a, int64_t b)
{
    return a - cal_floor_div(a, b) * b;
}

int cal_is_leap(int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int cal_days_in_month(int64_t year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && cal_is_leap(year) ? 29 : days[month - 1];
}

/* Days from 0000-03-01 to 1970-01-01. */
#define EPOCH_SHIFT 719468

int64_t cal_days_from_date(int64_t year, int month, int day)
{
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = cal_floor_div(y, 400);
    int64_t year_of_era = y - era * 400;                         /* 0..399 */
    int64_t shifted_month = month > 2 ? month - 3 : month + 9;   /* March = 0 */
    int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - EPOCH_SHIFT;
}

cal_date cal_date_from_days(int64_t days)
{
    int64_t z = days + EPOCH_SHIFT;
    int64_t era = cal_floor_div(z, 146097);
    int64_t day_of_era = z - era * 146097;                                          /* 0..146096 */
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t shifted_month = (5 * day_of_year + 2) / 153;
    cal_date d;
    d.day = (int)(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    d.month = (int)(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    d.year = year_of_era + era * 400 + (d.month <= 2);
    return d;
}

int cal_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday. */
    return (int)cal_floor_mod(days + 4, 7);
}

int64_t cal_seconds_from_time(const cal_time *t)
{
    return cal_days_from_date(t->year, t->month, t->day) * 86400 + (int64_t)t->hour * 3600 + (int64_t)t->minute * 60 +
           t->second;
}

void cal_time_from_seconds(int64_t secs, cal_time *t)
{
    int64_t days = cal_floor_div(secs, 86400);
    int64_t rest = secs - days * 86400;
    cal_date d = cal_date_from_days(days);
    t->year = d.year;
    t->month = d.month;
    t->day = d.day;
    t->hour = (int)(rest / 3600);
    t->minute = (int)(rest / 60 % 60);
    t->second = (int)(rest % 60);
    t->weekday = cal_weekday(days);
    t->yearday = (int)(days - cal_days_from_date(d.year, 1, 1));
}
