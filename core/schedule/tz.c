/* tz.c - see tz.h.  The TZif layout is RFC 8536: a version 1 block with
 * 32-bit times, then (version 2 and later) the same data with 64-bit
 * times, then a footer line with a POSIX TZ rule for later times. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <textpipe/error.h>

#include "tz.h"

#define TZ_FILE_MAX (1 << 20) /* real zone files are a few kilobytes */
#define ABBR_MAX 16

typedef struct tz_type {
    int32_t utoff;
    int isdst;
    char abbr[ABBR_MAX];
} tz_type;

/* When a rule switches: day kind 'M' (month.week.weekday), 'J' (1-365,
 * Feb 29 never counted) or 'N' (0-365); time of day in local seconds,
 * possibly negative or past 24 h (RFC 8536 extension). */
typedef struct rule_date {
    char kind;
    int month, week, weekday, day;
    int32_t time;
} rule_date;

typedef struct tz_rule {
    tz_type std, dst;
    int has_dst;
    rule_date start, end;
} tz_rule;

struct tz_zone {
    char *name;
    size_t ntrans;
    int64_t *trans;
    unsigned char *trans_type;
    size_t ntypes;
    tz_type *types;
    int has_rule;
    tz_rule rule;
};

static void fail(char *err, size_t errlen, const char *fmt, ...) TP_PRINTF(3, 4);
static void fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

void tz_free(tz_zone *z)
{
    if (!z)
        return;
    free(z->name);
    free(z->trans);
    free(z->trans_type);
    free(z->types);
    free(z);
}

const char *tz_name(const tz_zone *z)
{
    return z->name;
}

/* ------------------------------------------------------------------ */
/* POSIX TZ rules                                                      */

typedef struct rule_parser {
    const char *s;
    size_t pos;
} rule_parser;

static int parse_abbr(rule_parser *p, char *out)
{
    size_t n = 0;
    if (p->s[p->pos] == '<') {
        p->pos++;
        while (p->s[p->pos] && p->s[p->pos] != '>') {
            if (n + 1 < ABBR_MAX)
                out[n++] = p->s[p->pos];
            p->pos++;
        }
        if (p->s[p->pos] != '>')
            return -1;
        p->pos++;
    } else {
        while (isalpha((unsigned char)p->s[p->pos])) {
            if (n + 1 < ABBR_MAX)
                out[n++] = p->s[p->pos];
            p->pos++;
        }
    }
    out[n] = '\0';
    return n >= 3 ? 0 : -1;
}

/* [+-]hh[:mm[:ss]] with hh up to @p max_hours; seconds into *out. */
static int parse_hms(rule_parser *p, int max_hours, int32_t *out)
{
    int sign = 1;
    if (p->s[p->pos] == '+' || p->s[p->pos] == '-')
        sign = p->s[p->pos++] == '-' ? -1 : 1;
    int32_t parts[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (i > 0) {
            if (p->s[p->pos] != ':')
                break;
            p->pos++;
        }
        if (!isdigit((unsigned char)p->s[p->pos]))
            return -1;
        int32_t v = 0;
        for (int digits = 0; isdigit((unsigned char)p->s[p->pos]); digits++) {
            if (digits >= 3)
                return -1;
            v = v * 10 + (p->s[p->pos++] - '0');
        }
        parts[i] = v;
    }
    if (parts[0] > max_hours || parts[1] > 59 || parts[2] > 59)
        return -1;
    *out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    return 0;
}

static int parse_number(rule_parser *p, int lo, int hi, int *out)
{
    if (!isdigit((unsigned char)p->s[p->pos]))
        return -1;
    long v = 0;
    while (isdigit((unsigned char)p->s[p->pos]) && v <= hi)
        v = v * 10 + (p->s[p->pos++] - '0');
    if (v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_rule_date(rule_parser *p, rule_date *d)
{
    memset(d, 0, sizeof *d);
    d->time = 7200; /* 02:00 unless given */
    char c = p->s[p->pos];
    if (c == 'M') {
        p->pos++;
        d->kind = 'M';
        if (parse_number(p, 1, 12, &d->month) || p->s[p->pos++] != '.' || parse_number(p, 1, 5, &d->week) ||
            p->s[p->pos++] != '.' || parse_number(p, 0, 6, &d->weekday))
            return -1;
    } else if (c == 'J') {
        p->pos++;
        d->kind = 'J';
        if (parse_number(p, 1, 365, &d->day))
            return -1;
    } else {
        d->kind = 'N';
        if (parse_number(p, 0, 365, &d->day))
            return -1;
    }
    if (p->s[p->pos] == '/') {
        p->pos++;
        if (parse_hms(p, 167, &d->time))
            return -1;
    }
    return 0;
}

static int parse_rule(const char *s, tz_rule *r)
{
    rule_parser p = {s, 0};
    memset(r, 0, sizeof *r);
    int32_t west;
    if (parse_abbr(&p, r->std.abbr) || parse_hms(&p, 24, &west))
        return -1;
    r->std.utoff = -west; /* POSIX counts hours west of Greenwich */
    if (!s[p.pos])
        return 0;
    if (parse_abbr(&p, r->dst.abbr))
        return -1;
    r->has_dst = 1;
    r->dst.isdst = 1;
    r->dst.utoff = r->std.utoff + 3600;
    if (s[p.pos] && s[p.pos] != ',') {
        if (parse_hms(&p, 24, &west))
            return -1;
        r->dst.utoff = -west;
    }
    if (!s[p.pos]) {
        /* No dates: POSIX leaves them to the implementation; use the
         * current United States rule as the C library does. */
        r->start = (rule_date){'M', 3, 2, 0, 0, 7200};
        r->end = (rule_date){'M', 11, 1, 0, 0, 7200};
        return 0;
    }
    if (s[p.pos++] != ',' || parse_rule_date(&p, &r->start) || s[p.pos++] != ',' || parse_rule_date(&p, &r->end))
        return -1;
    return s[p.pos] ? -1 : 0;
}

/* Local seconds of 00:00 on the day @p d names in @p year. */
static int64_t rule_day_start(const rule_date *d, int64_t year)
{
    int64_t jan1 = cal_days_from_date(year, 1, 1);
    int64_t day;
    if (d->kind == 'J') {
        day = jan1 + d->day - 1 + (cal_is_leap(year) && d->day >= 60);
    } else if (d->kind == 'N') {
        day = jan1 + d->day;
    } else {
        int64_t first = cal_days_from_date(year, d->month, 1);
        int first_wd = cal_weekday(first);
        int64_t dom = 1 + (d->weekday - first_wd + 7) % 7 + 7 * (d->week - 1);
        while (dom > cal_days_in_month(year, d->month))
            dom -= 7;
        day = first + dom - 1;
    }
    return day * 86400;
}

static const tz_type *rule_type(const tz_rule *r, int64_t t)
{
    if (!r->has_dst)
        return &r->std;
    int64_t year = cal_date_from_days(cal_floor_div(t + r->std.utoff, 86400)).year;
    /* The latest switch at or before t among the neighbouring years; at a
     * tie (a zone on DST all year), the start of DST wins. */
    int64_t best_time = INT64_MIN;
    const tz_type *best = &r->std;
    for (int64_t y = year - 1; y <= year + 1; y++) {
        int64_t end = rule_day_start(&r->end, y) + r->end.time - r->dst.utoff;
        int64_t start = rule_day_start(&r->start, y) + r->start.time - r->std.utoff;
        if (end <= t && end > best_time) {
            best_time = end;
            best = &r->std;
        }
        if (start <= t && start >= best_time) {
            best_time = start;
            best = &r->dst;
        }
    }
    return best;
}

tz_zone *tz_from_rule(const char *rule, const char *name, char *err, size_t errlen)
{
    tz_zone *z = calloc(1, sizeof *z);
    if (!z || !(z->name = strdup(name ? name : rule))) {
        free(z);
        fail(err, errlen, "out of memory");
        return NULL;
    }
    if (parse_rule(rule, &z->rule)) {
        fail(err, errlen, "'%s' is not a POSIX TZ rule such as CET-1CEST,M3.5.0,M10.5.0/3", rule);
        tz_free(z);
        return NULL;
    }
    z->has_rule = 1;
    return z;
}

/* ------------------------------------------------------------------ */
/* TZif files                                                          */

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

typedef struct tzif_counts {
    uint32_t isut, isstd, leap, time, type, chars;
} tzif_counts;

static int read_header(const unsigned char *d, size_t len, size_t at, tzif_counts *c, int *version)
{
    if (len < at + 44 || memcmp(d + at, "TZif", 4) != 0)
        return -1;
    *version = d[at + 4] ? d[at + 4] - '0' : 1;
    const unsigned char *n = d + at + 20;
    c->isut = be32(n);
    c->isstd = be32(n + 4);
    c->leap = be32(n + 8);
    c->time = be32(n + 12);
    c->type = be32(n + 16);
    c->chars = be32(n + 20);
    if (c->type == 0 || c->type > 256 || c->chars == 0 || c->time > 100000 || c->chars > 1000 ||
        c->leap > 10000 || (c->isut && c->isut != c->type) || (c->isstd && c->isstd != c->type))
        return -1;
    return 0;
}

static size_t block_size(const tzif_counts *c, int timesize)
{
    return (size_t)c->time * (size_t)timesize + c->time + (size_t)c->type * 6 + c->chars +
           (size_t)c->leap * (size_t)(timesize + 4) + c->isstd + c->isut;
}

static int parse_tzif(tz_zone *z, const unsigned char *d, size_t len)
{
    tzif_counts c;
    int version;
    if (read_header(d, len, 0, &c, &version))
        return -1;
    size_t at = 44;
    int timesize = 4;
    if (version >= 2) {
        at += block_size(&c, 4);
        if (read_header(d, len, at, &c, &version))
            return -1;
        at += 44;
        timesize = 8;
    }
    if (len < at + block_size(&c, timesize))
        return -1;
    const unsigned char *times = d + at;
    const unsigned char *idx = times + (size_t)c.time * (size_t)timesize;
    const unsigned char *types = idx + c.time;
    const unsigned char *chars = types + (size_t)c.type * 6;
    z->ntrans = c.time;
    z->ntypes = c.type;
    z->trans = malloc((c.time ? c.time : 1) * sizeof *z->trans);
    z->trans_type = malloc(c.time ? c.time : 1);
    z->types = calloc(c.type, sizeof *z->types);
    if (!z->trans || !z->trans_type || !z->types)
        return -2;
    for (uint32_t i = 0; i < c.time; i++) {
        z->trans[i] = timesize == 8 ? be64(times + 8 * (size_t)i) : (int32_t)be32(times + 4 * (size_t)i);
        if (i && z->trans[i] <= z->trans[i - 1])
            return -1;
        if (idx[i] >= c.type)
            return -1;
        z->trans_type[i] = idx[i];
    }
    for (uint32_t i = 0; i < c.type; i++) {
        const unsigned char *t = types + 6 * (size_t)i;
        z->types[i].utoff = (int32_t)be32(t);
        z->types[i].isdst = t[4] != 0;
        if (t[5] >= c.chars || z->types[i].utoff <= -90000 || z->types[i].utoff >= 90000)
            return -1;
        size_t n = strnlen((const char *)chars + t[5], c.chars - t[5]);
        if (n >= ABBR_MAX)
            n = ABBR_MAX - 1;
        memcpy(z->types[i].abbr, chars + t[5], n);
    }
    if (timesize == 8) {
        size_t foot = at + block_size(&c, 8);
        if (foot < len && d[foot] == '\n') {
            const unsigned char *nl = memchr(d + foot + 1, '\n', len - foot - 1);
            size_t n = nl ? (size_t)(nl - (d + foot + 1)) : 0;
            if (n > 0 && n < 256) {
                char rule[256];
                memcpy(rule, d + foot + 1, n);
                rule[n] = '\0';
                if (parse_rule(rule, &z->rule) == 0)
                    z->has_rule = 1;
            }
        }
    }
    return 0;
}

static int read_file(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        return e ? e : EIO; /* never 0: the caller would take *data as read */
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        int e = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
        fclose(f);
        return e;
    }
    unsigned char *buf = malloc(TZ_FILE_MAX);
    if (!buf) {
        fclose(f);
        return ENOMEM;
    }
    size_t n = fread(buf, 1, TZ_FILE_MAX, f);
    int e = ferror(f) ? EIO : 0;
    fclose(f);
    if (!e && n == TZ_FILE_MAX)
        e = EFBIG;
    if (e) {
        free(buf);
        return e;
    }
    *data = buf;
    *len = n;
    return 0;
}

static tz_zone *load_file(const char *path, const char *name, char *err, size_t errlen)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int e = read_file(path, &data, &len);
    if (e) {
        if (e == ENOENT || e == ENOTDIR)
            fail(err, errlen, "unknown time zone '%s' (no %s); use an IANA name such as Europe/Berlin, see %s",
                 name, path, "`timedatectl list-timezones`");
        else if (e == EISDIR)
            fail(err, errlen, "'%s' is a group of time zones, not a zone (%s is a directory); name a city such as "
                 "Europe/Berlin", name, path);
        else
            fail(err, errlen, "cannot read time zone '%s' from %s: %s", name, path, strerror(e));
        return NULL;
    }
    tz_zone *z = calloc(1, sizeof *z);
    int rc = z ? parse_tzif(z, data, len) : -2;
    free(data);
    if (z && rc == 0 && !(z->name = strdup(name)))
        rc = -2;
    if (rc) {
        if (rc == -2)
            fail(err, errlen, "out of memory");
        else
            fail(err, errlen, "%s is not a valid zoneinfo (TZif) file for '%s'; reinstall tzdata", path, name);
        tz_free(z);
        return NULL;
    }
    return z;
}

static int valid_zone_name(const char *name)
{
    if (!name[0] || name[0] == '/' || strlen(name) > 255)
        return 0;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("/_+-.", *p))
            return 0;
    /* no "." or ".." components: a name must stay inside the database */
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += n;
        if (*p)
            p++;
    }
    return 1;
}

static tz_zone *builtin_utc(const char *name, char *err, size_t errlen)
{
    return tz_from_rule("UTC0", name, err, errlen);
}

static int is_utc_name(const char *name)
{
    static const char *const names[] = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static tz_zone *load_named(const char *name, char *err, size_t errlen)
{
    if (!valid_zone_name(name)) {
        fail(err, errlen, "'%s' is not a time zone name; use an IANA name such as America/New_York or UTC", name);
        return NULL;
    }
    const char *dir = getenv("TZDIR");
    if (!dir || !*dir)
        dir = "/usr/share/zoneinfo";
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        fail(err, errlen, "time zone path too long for '%s'", name);
        return NULL;
    }
    if (is_utc_name(name) && access(path, R_OK) != 0)
        return builtin_utc(name, err, errlen); /* UTC works even without tzdata */
    return load_file(path, name, err, errlen);
}

/* The machine's zone: $TZ as the C library reads it, else /etc/localtime. */
static tz_zone *load_default(char *err, size_t errlen)
{
    const char *tz = getenv("TZ");
    if (tz) {
        if (*tz == ':')
            tz++;
        if (!*tz)
            return builtin_utc("UTC", err, errlen);
        if (tz[0] == '/')
            return load_file(tz, tz, err, errlen);
        char sub[512];
        tz_zone *z = load_named(tz, sub, sizeof sub);
        if (z)
            return z;
        z = tz_from_rule(tz, tz, NULL, 0);
        if (z)
            return z;
        fail(err, errlen, "the TZ environment variable: %s", sub);
        return NULL;
    }
    char target[PATH_MAX];
    ssize_t n = readlink("/etc/localtime", target, sizeof target - 1);
    const char *name = "localtime";
    if (n > 0) {
        target[n] = '\0';
        const char *at = strstr(target, "zoneinfo/");
        if (at && valid_zone_name(at + 9))
            name = at + 9;
    }
    if (access("/etc/localtime", R_OK) != 0)
        return builtin_utc("UTC", err, errlen);
    return load_file("/etc/localtime", name, err, errlen);
}

tz_zone *tz_load(const char *name, char *err, size_t errlen)
{
    return name && *name ? load_named(name, err, errlen) : load_default(err, errlen);
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */

static const tz_type *type_at(const tz_zone *z, int64_t t)
{
    if (z->ntrans == 0 || t >= z->trans[z->ntrans - 1]) {
        if (z->has_rule)
            return rule_type(&z->rule, t);
        return z->ntrans ? &z->types[z->trans_type[z->ntrans - 1]] : &z->types[0];
    }
    if (t < z->trans[0])
        return &z->types[0];
    size_t lo = 0, hi = z->ntrans - 1; /* trans[lo] <= t < trans[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->trans[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return &z->types[z->trans_type[lo]];
}

int32_t tz_offset(const tz_zone *z, int64_t t, int *isdst, const char **abbr)
{
    const tz_type *ty = type_at(z, t);
    if (isdst)
        *isdst = ty->isdst;
    if (abbr)
        *abbr = ty->abbr;
    return ty->utoff;
}

int64_t tz_to_local(const tz_zone *z, int64_t t)
{
    return t + tz_offset(z, t, NULL, NULL);
}

void tz_localtime(const tz_zone *z, int64_t t, cal_time *tm, int32_t *offset)
{
    int32_t off = tz_offset(z, t, NULL, NULL);
    cal_time_from_seconds(t + off, tm);
    if (offset)
        *offset = off;
}

int tz_from_local(const tz_zone *z, int64_t local, int64_t out[2])
{
    /* Offsets are within +-26 h, so the instants lie within a day of
     * `local`; sampling the offset a day either side (and at `local`)
     * finds every offset in force there unless a zone changed twice within
     * two days. */
    const int32_t offs[3] = {tz_offset(z, local - 86400, NULL, NULL), tz_offset(z, local, NULL, NULL),
                       tz_offset(z, local + 86400, NULL, NULL)};
    int n = 0;
    int32_t lo_off = offs[0], hi_off = offs[0];
    for (int i = 0; i < 3; i++) {
        if (offs[i] < lo_off)
            lo_off = offs[i];
        if (offs[i] > hi_off)
            hi_off = offs[i];
        int seen = 0;
        for (int j = 0; j < i; j++)
            seen |= offs[j] == offs[i];
        if (seen)
            continue;
        int64_t t = local - offs[i];
        if (tz_offset(z, t, NULL, NULL) != offs[i])
            continue;
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= out[k] == t;
        if (!dup && n < 2)
            out[n++] = t;
    }
    if (n == 2 && out[0] > out[1]) {
        int64_t t = out[0];
        out[0] = out[1];
        out[1] = t;
    }
    if (n)
        return n;
    /* Skipped: find the first instant whose wall clock reads past `local`.
     * Before the change (at local - hi_off) the clock reads earlier than
     * `local`; after it (at local - lo_off) later. */
    int64_t lo = local - hi_off, hi = local - lo_off;
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (mid + tz_offset(z, mid, NULL, NULL) > local)
            hi = mid;
        else
            lo = mid;
    }
    out[0] = hi;
    return 0;
}
