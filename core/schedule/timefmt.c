/* timefmt.c - see timefmt.h. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "timefmt.h"

static void format_offset(int32_t off, char *out, size_t size, int colon)
{
    char sign = off < 0 ? '-' : '+';
    if (off < 0)
        off = -off;
    int h = off / 3600, m = off / 60 % 60, s = off % 60;
    if (s)
        snprintf(out, size, colon ? "%c%02d:%02d:%02d" : "%c%02d%02d%02d", sign, h, m, s);
    else
        snprintf(out, size, colon ? "%c%02d:%02d" : "%c%02d%02d", sign, h, m);
}

char *iso_format(const tz_zone *z, int64_t t, char buf[ISO_TIME_MAX])
{
    cal_time tm;
    int32_t off;
    tz_localtime(z, t, &tm, &off);
    char o[16];
    format_offset(off, o, sizeof o, 1);
    snprintf(buf, ISO_TIME_MAX, "%04lld-%02d-%02dT%02d:%02d:%02d%s", (long long)tm.year, tm.month, tm.day, tm.hour,
             tm.minute, tm.second, o);
    return buf;
}

char *iso_format_utc_ms(int64_t t, int ms, char buf[ISO_TIME_MAX])
{
    cal_time tm;
    cal_time_from_seconds(t, &tm);
    snprintf(buf, ISO_TIME_MAX, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", (long long)tm.year, tm.month, tm.day,
             tm.hour, tm.minute, tm.second, ms);
    return buf;
}

static int digits(const char **s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*s)[i]))
            return -1;
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    *out = v;
    return 0;
}

int iso_parse(const char *text, const tz_zone *z, int64_t *t, const char **why)
{
    const char *s = text;
    *why = "expected a time such as 2024-03-10T01:30:00-05:00, 2024-03-10 01:30 (local), 2024-03-10 or "
           "@1710052200";
    if (*s == '@') {
        char *end;
        long long v = strtoll(s + 1, &end, 10);
        if (end == s + 1 || *end)
            return -1;
        *t = v;
        return 0;
    }
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (digits(&s, 4, &year) || *s++ != '-' || digits(&s, 2, &month) || *s++ != '-' || digits(&s, 2, &day))
        return -1;
    if (month < 1 || month > 12 || day < 1 || day > cal_days_in_month(year, month)) {
        *why = "no such date";
        return -1;
    }
    if (*s == 'T' || *s == 't' || *s == ' ') {
        s++;
        if (digits(&s, 2, &hour) || *s++ != ':' || digits(&s, 2, &minute))
            return -1;
        if (*s == ':') {
            s++;
            if (digits(&s, 2, &second))
                return -1;
        }
        if (hour > 23 || minute > 59 || second > 59) {
            *why = "no such time of day";
            return -1;
        }
    }
    int64_t local = cal_days_from_date(year, month, day) * 86400 + (int64_t)hour * 3600 + (int64_t)minute * 60 + second;
    if (!*s) {
        int64_t out[2];
        if (tz_from_local(z, local, out) == 0) {
            *why = "that wall-clock time does not exist in the time zone (clocks skip it); give a UTC offset";
            return -1;
        }
        *t = out[0];
        return 0;
    }
    if (*s == 'Z' || *s == 'z') {
        if (s[1])
            return -1;
        *t = local;
        return 0;
    }
    if (*s != '+' && *s != '-')
        return -1;
    int sign = *s++ == '-' ? -1 : 1, oh, om = 0;
    if (digits(&s, 2, &oh))
        return -1;
    if (*s == ':')
        s++;
    if (*s && digits(&s, 2, &om))
        return -1;
    if (*s || oh > 23 || om > 59)
        return -1;
    *t = local - sign * ((int64_t)oh * 3600 + (int64_t)om * 60);
    return 0;
}

size_t zone_strftime(const tz_zone *z, int64_t t, const char *fmt, char *buf, size_t size)
{
    cal_time ct;
    int32_t off;
    int isdst;
    const char *abbr;
    tz_localtime(z, t, &ct, &off);
    tz_offset(z, t, &isdst, &abbr);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = (int)(ct.year - 1900);
    tm.tm_mon = ct.month - 1;
    tm.tm_mday = ct.day;
    tm.tm_hour = ct.hour;
    tm.tm_min = ct.minute;
    tm.tm_sec = ct.second;
    tm.tm_wday = ct.weekday;
    tm.tm_yday = ct.yearday;
    tm.tm_isdst = isdst;
#if defined(__GLIBC__) || defined(__USE_MISC)
    tm.tm_gmtoff = off;
    tm.tm_zone = abbr;
#endif
    if (size == 0)
        return 0;
    /* The format is the user's template by design. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    size_t n = strftime(buf, size, fmt, &tm);
#pragma GCC diagnostic pop
    return n;
}
