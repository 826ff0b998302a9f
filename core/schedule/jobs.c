/* jobs.c - see jobs.h.  Validation goes on after the first problem so
 * that one `textpipe schedule check` lists everything to fix. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "../src/json_locate.h"
#include "../src/suggest.h"
#include "jobs.h"
#include "timefmt.h"

#define JOBS_FILE_MAX (8 << 20)
#define MAX_DEPTH 6

typedef struct vctx {
    const char *file;
    const char *text;
    size_t len;
    tp_diagnostics *diags;
    json_path_seg segs[MAX_DEPTH];
    size_t depth;
    tp_runtime *rt;
    json_t *said; /* problems in "defaults" already reported (once, not per job) */
} vctx;

/* Report at the current path (its key when @p at_key), @p shift characters
 * further right (to point inside a string). */
static void vreport_at(vctx *c, int at_key, int shift, const char *fmt, va_list ap) TP_PRINTF(4, 0);
static void vreport_at(vctx *c, int at_key, int shift, const char *fmt, va_list ap)
{
    char path[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < c->depth && used < sizeof path; i++) {
        int n = c->segs[i].key ? snprintf(path + used, sizeof path - used, "%s%s", i ? "." : "", c->segs[i].key)
                               : snprintf(path + used, sizeof path - used, "[%zu]", c->segs[i].index);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    int line = 0, col = 0;
    if (c->text && json_locate(c->text, c->len, c->segs, c->depth, at_key, &line, &col))
        col += shift;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (strncmp(path, "defaults", 8) == 0 && c->said) {
        char key[1400];
        snprintf(key, sizeof key, "%s|%s", path, msg);
        if (json_object_get(c->said, key))
            return;
        json_object_set_new(c->said, key, json_true());
    }
    tp_diagnostics_add(c->diags, TP_SEV_ERROR, c->file, line, col, path, "%s", msg);
}

static void report(vctx *c, const char *fmt, ...) TP_PRINTF(2, 3);
static void report(vctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport_at(c, 0, 0, fmt, ap);
    va_end(ap);
}

static void report_key(vctx *c, const char *fmt, ...) TP_PRINTF(2, 3);
static void report_key(vctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport_at(c, 1, 0, fmt, ap);
    va_end(ap);
}

static void report_inside(vctx *c, int shift, const char *fmt, ...) TP_PRINTF(3, 4);
static void report_inside(vctx *c, int shift, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport_at(c, 0, shift, fmt, ap);
    va_end(ap);
}

static void push_key(vctx *c, const char *key)
{
    if (c->depth < MAX_DEPTH)
        c->segs[c->depth] = (json_path_seg){key, 0};
    c->depth++;
}

static void push_index(vctx *c, size_t i)
{
    if (c->depth < MAX_DEPTH)
        c->segs[c->depth] = (json_path_seg){NULL, i};
    c->depth++;
}

static void pop(vctx *c)
{
    c->depth--;
}

/* Column shift from a string value's opening quote to character @p col
 * (1-based) of its content; exact when the string has no escapes. */
static int inside_shift(int col)
{
    return col;
}

static void check_keys(vctx *c, json_t *obj, const char *const *allowed, const char *what)
{
    const char *key;
    json_t *v;
    size_t n = 0;
    while (allowed[n])
        n++;
    json_object_foreach(obj, key, v) {
        int ok = 0;
        for (size_t i = 0; i < n; i++)
            ok |= strcmp(key, allowed[i]) == 0;
        if (ok)
            continue;
        push_key(c, key);
        const char *near = suggest_closest(key, allowed, n);
        char list[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < n && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", allowed[i]);
        if (near)
            report_key(c, "unknown key \"%s\" in %s; did you mean \"%s\"?", key, what, near);
        else
            report_key(c, "unknown key \"%s\" in %s (allowed: %s)", key, what, list);
        pop(c);
    }
}

static char *path_in(const char *dir, const char *p)
{
    size_t need = strlen(dir) + strlen(p) + 2;
    char *out = malloc(need);
    if (!out)
        return NULL;
    if (p[0] == '/')
        snprintf(out, need, "%s", p);
    else
        snprintf(out, need, "%s/%s", dir, p);
    return out;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

/* A duration: "90s"/"1h30m", a whole number of seconds, or (when
 * @p none_ok) "none" for no limit. */
static int get_duration(vctx *c, json_t *v, int none_ok, int64_t *out)
{
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0) {
            report(c, "a duration cannot be negative");
            return -1;
        }
        *out = json_integer_value(v);
        return 0;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (none_ok && strcmp(s, "none") == 0) {
            *out = NO_LIMIT;
            return 0;
        }
        const char *why;
        if (duration_parse(s, out, &why) == 0)
            return 0;
        report(c, "\"%s\": %s%s", s, why, none_ok ? ", or \"none\"" : "");
        return -1;
    }
    report(c, "expected a duration such as \"90s\", \"15m\" or \"1h30m\"%s", none_ok ? ", or \"none\"" : "");
    return -1;
}

static int get_count(vctx *c, json_t *v, long long lo, long long hi, int *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
        report(c, "expected a whole number from %lld to %lld", lo, hi);
        return -1;
    }
    *out = (int)json_integer_value(v);
    return 0;
}

static int get_choice(vctx *c, json_t *v, const char *const *choices, int *out)
{
    if (json_is_string(v))
        for (int i = 0; choices[i]; i++)
            if (strcmp(json_string_value(v), choices[i]) == 0) {
                *out = i;
                return 0;
            }
    char list[256] = "";
    size_t used = 0;
    for (int i = 0; choices[i] && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "", choices[i]);
    if (json_is_string(v))
        report(c, "\"%s\" is not one of %s", json_string_value(v), list);
    else
        report(c, "expected one of %s", list);
    return -1;
}

static const char *get_string(vctx *c, json_t *v, const char *what)
{
    if (!json_is_string(v) || !json_string_length(v)) {
        report(c, "expected %s (a non-empty string)", what);
        return NULL;
    }
    if (strlen(json_string_value(v)) != json_string_length(v)) {
        report(c, "%s contains a NUL character", what);
        return NULL;
    }
    return json_string_value(v);
}

/* ------------------------------------------------------------------ */
/* Output templates                                                    */

/* Expand @p tmpl; with @p c, report problems (positions inside the
 * string).  Returns 0, or -1 (problem or too long). */
static int expand_output(vctx *c, const char *tmpl, const char *job, const tz_zone *z, int64_t slot, char *buf,
                         size_t size, int *uses_time)
{
    size_t used = 0;
    int ok = 1;
    if (uses_time)
        *uses_time = 0;
    for (const char *p = tmpl; *p;) {
        char piece[512];
        size_t n;
        if (p[0] == '{' && p[1] == '{') {
            piece[0] = '{';
            n = 1;
            p += 2;
        } else if (p[0] == '}' && p[1] == '}') {
            piece[0] = '}';
            n = 1;
            p += 2;
        } else if (*p == '{') {
            const char *close = strchr(p, '}');
            if (!close) {
                if (c)
                    report_inside(c, inside_shift((int)(p - tmpl) + 1), "'{' is not closed; write {{ for a brace");
                return -1;
            }
            size_t len = (size_t)(close - p - 1);
            const char *name = p + 1;
            if (len == 3 && strncmp(name, "job", 3) == 0) {
                n = (size_t)snprintf(piece, sizeof piece, "%s", job);
            } else if (len == 5 && strncmp(name, "epoch", 5) == 0) {
                n = (size_t)snprintf(piece, sizeof piece, "%lld", (long long)slot);
                if (uses_time)
                    *uses_time = 1;
            } else if (len >= 4 && strncmp(name, "time", 4) == 0 && (len == 4 || name[4] == ':')) {
                char fmt[256];
                if (len == 4)
                    snprintf(fmt, sizeof fmt, "%%Y%%m%%dT%%H%%M%%S%%z");
                else
                    snprintf(fmt, sizeof fmt, "%.*s", (int)(len - 5), name + 5);
                if (strstr(fmt, "%s")) {
                    if (c)
                        report_inside(c, inside_shift((int)(p - tmpl) + 1),
                                      "%%s in {time:...} depends on the process's time zone; use {epoch}");
                    ok = 0;
                }
                n = zone_strftime(z, slot, fmt, piece, sizeof piece);
                if (n == 0 && fmt[0]) {
                    if (c)
                        report_inside(c, inside_shift((int)(p - tmpl) + 1),
                                      "{time:%s} gives an empty or too long text", fmt);
                    return -1;
                }
                if (uses_time)
                    *uses_time = 1;
            } else {
                if (c)
                    report_inside(c, inside_shift((int)(p - tmpl) + 1),
                                  "unknown placeholder {%.*s}; use {job}, {time}, {time:STRFTIME} or {epoch}",
                                  (int)len, name);
                return -1;
            }
            p = close + 1;
        } else {
            piece[0] = *p++;
            n = 1;
        }
        if (used + n >= size)
            return -1;
        memcpy(buf + used, piece, n);
        used += n;
    }
    buf[used] = '\0';
    return ok ? 0 : -1;
}

int job_output_path(const job_def *j, int64_t slot, char *buf, size_t size)
{
    return expand_output(NULL, j->output, j->name, j->zone, slot, buf, size, NULL);
}

/* ------------------------------------------------------------------ */
/* Jobs                                                                */

static const char *const job_keys[] = {
    "name",        "schedule",    "timezone",         "pipeline",        "input",
    "output",      "enabled",     "concurrency",      "catchup",         "catchup_max",
    "starting_deadline", "timeout", "kill_grace",     "retries",         "retry_delay",
    "retry_delay_max", "random_delay", "history",     "max_queued",      "on_error",
    "threads",     NULL};
static const char *const input_keys[] = {"dir", "pattern", "format", "min_age", "max_inputs", "jsonl", NULL};
static const char *const top_keys[] = {"jobs", "defaults", "state", "log", NULL};

/* The value for @p key: the job's own, else the file's defaults.  Pushes
 * the path to where it came from (pop it after use). */
static json_t *lookup(vctx *c, json_t *job, json_t *defaults, size_t job_index, const char *key)
{
    json_t *v = json_object_get(job, key);
    (void)job_index;
    if (v) {
        push_key(c, key);
        return v;
    }
    v = defaults ? json_object_get(defaults, key) : NULL;
    if (v) {
        /* report where the default is written */
        c->depth = 0;
        push_key(c, "defaults");
        push_key(c, key);
        return v;
    }
    return NULL;
}

static void unlookup(vctx *c, json_t *job, const char *key, size_t job_index)
{
    if (json_object_get(job, key)) {
        pop(c);
        return;
    }
    c->depth = 0;
    push_key(c, "jobs");
    push_index(c, job_index);
}

static int valid_job_name(const char *s)
{
    if (!*s || strlen(s) > 100)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("._-", *s))
            return 0;
    return 1;
}

static int has_glob(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int parse_input(vctx *c, json_t *v, const char *dir, job_def *j)
{
    j->min_age = 0;
    j->max_inputs = DEFAULT_MAX_INPUTS;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (!*s) {
            report(c, "expected a directory (with an optional glob such as incoming/*.txt) or a JSONL file");
            return -1;
        }
        const char *slash = strrchr(s, '/');
        const char *base = slash ? slash + 1 : s;
        if (has_glob(base)) {
            char *d = slash ? strndup(s, (size_t)(slash - s)) : strdup(".");
            if (!d)
                return -1;
            if (!*d) {
                free(d);
                d = strdup("/");
            }
            if (!d || has_glob(d)) {
                if (d)
                    report(c, "only the last part of the input may be a pattern (%s)", s);
                free(d);
                return -1;
            }
            j->input = JOB_INPUT_DIR;
            j->input_path = path_in(dir, d);
            j->pattern = strdup(base);
            free(d);
        } else if (ends_with(s, ".jsonl") || ends_with(s, ".ndjson")) {
            j->input = JOB_INPUT_JSONL;
            j->input_path = path_in(dir, s);
        } else {
            j->input = JOB_INPUT_DIR;
            j->input_path = path_in(dir, s);
            j->pattern = strdup("*");
        }
        return j->input_path && (j->input == JOB_INPUT_JSONL || j->pattern) ? 0 : -1;
    }
    if (!json_is_object(v)) {
        report(c, "expected \"DIR/PATTERN\", \"FILE.jsonl\", {\"dir\": ..., \"pattern\": ...} or {\"jsonl\": ...}");
        return -1;
    }
    check_keys(c, v, input_keys, "input");
    int bad = 0;
    json_t *d = json_object_get(v, "dir"), *f = json_object_get(v, "jsonl");
    if ((d != NULL) == (f != NULL)) {
        report(c, "give exactly one of \"dir\" (a directory of documents) or \"jsonl\" (a JSON Lines file)");
        return -1;
    }
    push_key(c, d ? "dir" : "jsonl");
    const char *p = get_string(c, d ? d : f, d ? "a directory" : "a JSONL file");
    pop(c);
    if (!p)
        return -1;
    j->input = d ? JOB_INPUT_DIR : JOB_INPUT_JSONL;
    j->input_path = path_in(dir, p);
    json_t *pat = json_object_get(v, "pattern");
    if (pat) {
        push_key(c, "pattern");
        if (!d) {
            report(c, "\"pattern\" goes with \"dir\", not with \"jsonl\"");
            bad = 1;
        } else {
            const char *s = get_string(c, pat, "a file name pattern such as *.txt");
            if (s && strchr(s, '/')) {
                report(c, "the pattern matches file names in the directory; it cannot contain '/'");
                bad = 1;
            }
            if (s)
                j->pattern = strdup(s);
            else
                bad = 1;
        }
        pop(c);
    } else if (d) {
        j->pattern = strdup("*");
    }
    json_t *fmt = json_object_get(v, "format");
    if (fmt) {
        static const char *const formats[] = {"text", "jsonl", NULL};
        int k;
        push_key(c, "format");
        if (!d) {
            report(c, "a \"jsonl\" input is always JSON Lines; \"format\" goes with \"dir\"");
            bad = 1;
        } else if (get_choice(c, fmt, formats, &k) == 0) {
            j->input_format = strdup(formats[k]);
        } else {
            bad = 1;
        }
        pop(c);
    }
    json_t *age = json_object_get(v, "min_age");
    if (age) {
        push_key(c, "min_age");
        bad |= get_duration(c, age, 0, &j->min_age) != 0;
        pop(c);
    }
    json_t *mi = json_object_get(v, "max_inputs");
    if (mi) {
        push_key(c, "max_inputs");
        bad |= get_count(c, mi, 1, 100000, &j->max_inputs) != 0;
        pop(c);
    }
    if (!j->input_path || (j->input == JOB_INPUT_DIR && !j->pattern))
        return -1;
    return bad ? -1 : 0;
}

/* The pipeline: a path (with '/' or ending in .json) relative to the jobs
 * file, or a name that must be on the pipeline path. */
static int parse_pipeline(vctx *c, const char *p, const char *dir, job_def *j)
{
    if (strchr(p, '/') || ends_with(p, ".json")) {
        j->pipeline = path_in(dir, p);
        if (!j->pipeline)
            return -1;
        if (access(j->pipeline, R_OK) != 0) {
            report(c, "cannot read pipeline file %s: %s", j->pipeline, strerror(errno));
            return -1;
        }
        return 0;
    }
    j->pipeline = strdup(p);
    if (!j->pipeline || !c->rt)
        return j->pipeline ? 0 : -1;
    size_t n = tp_runtime_pipeline_path_size(c->rt);
    for (size_t i = 0; i < n; i++) {
        char file[PATH_MAX];
        snprintf(file, sizeof file, "%s/%s.json", tp_runtime_pipeline_path_at(c->rt, i), p);
        if (access(file, R_OK) == 0)
            return 0;
    }
    report(c, "no pipeline named \"%s\" (looked for %s.json in %zu pipeline director%s); give a path such as "
              "pipelines/%s.json or set TEXTPIPE_PIPELINE_PATH",
           p, p, n, n == 1 ? "y" : "ies", p);
    return -1;
}

static int parse_job(vctx *c, json_t *job, json_t *defaults, size_t index, const char *dir, job_def *j)
{
    int bad = 0;
    j->enabled = 1;
    j->policy = (job_policy){.concurrency = CONC_FORBID,
                             .catchup = CATCHUP_LATEST,
                             .catchup_max = DEFAULT_CATCHUP_MAX,
                             .starting_deadline = NO_LIMIT,
                             .timeout = DEFAULT_TIMEOUT,
                             .kill_grace = DEFAULT_KILL_GRACE,
                             .retries = DEFAULT_RETRIES,
                             .retry_delay = DEFAULT_RETRY_DELAY,
                             .retry_delay_max = DEFAULT_RETRY_DELAY_MAX,
                             .random_delay = 0,
                             .history = DEFAULT_HISTORY,
                             .max_queued = DEFAULT_MAX_QUEUED,
                             .on_error_skip = 0};
    if (!json_is_object(job)) {
        report(c, "a job is an object with \"name\", \"schedule\", \"pipeline\", \"input\" and \"output\"");
        return -1;
    }
    check_keys(c, job, job_keys, "a job");

    /* name (only in the job itself) */
    json_t *v = json_object_get(job, "name");
    if (!v) {
        report(c, "the job has no \"name\"; add one (letters, digits, '.', '_', '-')");
        bad = 1;
    } else {
        push_key(c, "name");
        const char *s = get_string(c, v, "the job's name");
        if (s && !valid_job_name(s)) {
            report(c, "\"%s\" is not a usable job name: use letters, digits, '.', '_' and '-' (at most 100)", s);
            s = NULL;
        }
        if (s)
            j->name = strdup(s);
        bad |= !j->name;
        pop(c);
    }

    /* timezone first: the output template check needs it */
    char zerr[512];
    v = lookup(c, job, defaults, index, "timezone");
    if (v) {
        const char *s = get_string(c, v, "an IANA time zone name such as Europe/Berlin");
        if (s && !(j->zone = tz_load(s, zerr, sizeof zerr)))
            report(c, "%s", zerr);
        bad |= !j->zone;
        unlookup(c, job, "timezone", index);
    } else if (!(j->zone = tz_load(NULL, zerr, sizeof zerr))) {
        report(c, "the machine's time zone: %s; set \"timezone\"", zerr);
        bad = 1;
    }

    v = lookup(c, job, defaults, index, "schedule");
    if (!v) {
        report(c, "the job has no \"schedule\"; add a cron expression such as \"0 * * * *\" or \"@every 10m\"");
        bad = 1;
    } else {
        const char *s = get_string(c, v, "a cron expression such as \"*/15 * * * *\" or \"@every 90s\"");
        cron_error ce;
        if (s && cron_parse(s, &j->cron, &ce) != 0) {
            report_inside(c, inside_shift(ce.column), "%s", ce.message);
            s = NULL;
        }
        if (s)
            j->schedule = strdup(s);
        bad |= !j->schedule;
        unlookup(c, job, "schedule", index);
    }

    v = lookup(c, job, defaults, index, "pipeline");
    if (!v) {
        report(c, "the job has no \"pipeline\"; give a pipeline name such as \"news\" or a path");
        bad = 1;
    } else {
        const char *s = get_string(c, v, "a pipeline name or path");
        bad |= !s || parse_pipeline(c, s, dir, j) != 0;
        unlookup(c, job, "pipeline", index);
    }

    v = lookup(c, job, defaults, index, "input");
    if (!v) {
        report(c, "the job has no \"input\"; give a directory with a pattern (\"incoming/*.txt\") or a JSONL file");
        bad = 1;
    } else {
        bad |= parse_input(c, v, dir, j) != 0;
        unlookup(c, job, "input", index);
    }

    static const char *const concurrency[] = {"forbid", "allow", "replace", "queue", NULL};
    static const char *const catchup[] = {"none", "latest", "all", NULL};
    static const char *const on_error[] = {"stop", "skip", NULL};
    struct {
        const char *key;
        char kind; /* c choice, d duration, D duration or none, n count */
        void *out;
        const char *const *choices;
        int lo, hi;
    } policies[] = {
        {"concurrency", 'c', &j->policy.concurrency, concurrency, 0, 0},
        {"catchup", 'c', &j->policy.catchup, catchup, 0, 0},
        {"catchup_max", 'n', &j->policy.catchup_max, NULL, 1, 1000},
        {"starting_deadline", 'D', &j->policy.starting_deadline, NULL, 0, 0},
        {"timeout", 'D', &j->policy.timeout, NULL, 0, 0},
        {"kill_grace", 'd', &j->policy.kill_grace, NULL, 0, 0},
        {"retries", 'n', &j->policy.retries, NULL, 0, 100},
        {"retry_delay", 'd', &j->policy.retry_delay, NULL, 0, 0},
        {"retry_delay_max", 'd', &j->policy.retry_delay_max, NULL, 0, 0},
        {"random_delay", 'd', &j->policy.random_delay, NULL, 0, 0},
        {"history", 'n', &j->policy.history, NULL, 1, 10000},
        {"max_queued", 'n', &j->policy.max_queued, NULL, 1, 1000},
        {"on_error", 'c', &j->policy.on_error_skip, on_error, 0, 0},
        {"threads", 'n', &j->policy.threads, NULL, 1, 256},
    };
    for (size_t i = 0; i < sizeof policies / sizeof *policies; i++) {
        v = lookup(c, job, defaults, index, policies[i].key);
        if (!v)
            continue;
        int k, rc;
        switch (policies[i].kind) {
        case 'c':
            rc = get_choice(c, v, policies[i].choices, &k);
            if (!rc)
                *(int *)policies[i].out = k;
            break;
        case 'n': rc = get_count(c, v, policies[i].lo, policies[i].hi, (int *)policies[i].out); break;
        default: rc = get_duration(c, v, policies[i].kind == 'D', (int64_t *)policies[i].out); break;
        }
        if (!rc && strcmp(policies[i].key, "timeout") == 0 && j->policy.timeout == 0) {
            report(c, "a timeout of 0 would kill every run at once; give a duration or \"none\"");
            rc = -1;
        }
        bad |= rc != 0;
        unlookup(c, job, policies[i].key, index);
    }
    if (j->policy.retry_delay_max < j->policy.retry_delay) {
        v = lookup(c, job, defaults, index, "retry_delay_max");
        if (v) {
            report(c, "retry_delay_max is shorter than retry_delay");
            bad = 1;
            unlookup(c, job, "retry_delay_max", index);
        } else {
            j->policy.retry_delay_max = j->policy.retry_delay;
        }
    }
    if (j->policy.starting_deadline != NO_LIMIT && j->policy.random_delay >= j->policy.starting_deadline &&
        j->policy.random_delay > 0) {
        lookup(c, job, defaults, index, "random_delay"); /* for where report() points */
        report(c, "random_delay must be shorter than starting_deadline, or delayed runs would be dropped");
        bad = 1;
        unlookup(c, job, "random_delay", index);
    }
    if (j->input == JOB_INPUT_JSONL && j->policy.concurrency == CONC_ALLOW) {
        lookup(c, job, defaults, index, "concurrency"); /* for where report() points */
        report(c, "a JSONL input is read in order, one run at a time: use \"forbid\", \"queue\" or \"replace\"");
        bad = 1;
        unlookup(c, job, "concurrency", index);
    }

    v = lookup(c, job, defaults, index, "enabled");
    if (v) {
        if (!json_is_boolean(v)) {
            report(c, "expected true or false");
            bad = 1;
        }
        j->enabled = json_is_true(v);
        unlookup(c, job, "enabled", index);
    }

    v = lookup(c, job, defaults, index, "output");
    if (!v) {
        report(c, "the job has no \"output\"; give a path template such as \"out/{job}-{time}.jsonl\"");
        bad = 1;
    } else {
        const char *s = get_string(c, v, "an output path template such as \"out/{job}-{time}.jsonl\"");
        if (s) {
            j->output = path_in(dir, s);
            bad |= !j->output;
        } else {
            bad = 1;
        }
        if (j->output) {
            /* Check the template (in UTC if the zone is wrong), then on the
             * schedule's next times: every run needs a file of its own, or
             * one would replace another. */
            char a[PATH_MAX], b[PATH_MAX];
            int uses_time = 0;
            int64_t t0 = 1700000000, t1, t2;
            tz_zone *utc = j->zone ? NULL : tz_load("UTC", zerr, sizeof zerr);
            const tz_zone *z = j->zone ? j->zone : utc;
            const char *name = j->name ? j->name : "job";
            if (!z || expand_output(c, s, name, z, t0, a, sizeof a, &uses_time) != 0) {
                bad = 1;
            } else if (!uses_time) {
                report(c, "the output must contain {time}, {time:FORMAT} or {epoch} so that each run writes its own "
                          "file, e.g. \"out/{job}-{time}.jsonl\"");
                bad = 1;
            } else if (ends_with(a, "/")) {
                report(c, "the output names a directory; end it with a file name");
                bad = 1;
            } else if (j->input == JOB_INPUT_DIR && j->input_path && j->pattern &&
                       expand_output(NULL, j->output, name, z, t0, b, sizeof b, NULL) == 0 && strrchr(b, '/') &&
                       (size_t)(strrchr(b, '/') - b) == strlen(j->input_path) &&
                       strncmp(b, j->input_path, strlen(j->input_path)) == 0 &&
                       fnmatch(j->pattern, strrchr(b, '/') + 1, FNM_PERIOD) == 0) {
                report(c, "the output %s would be an input of the next run (it matches \"%s\" in the input "
                          "directory); write the output elsewhere",
                       b, j->pattern);
                bad = 1;
            } else if (j->schedule && j->zone) {
                /* a few consecutive runs (one pair may straddle a day) */
                t1 = t0;
                for (int k = 0; k < 4 && cron_next(&j->cron, j->zone, t1, &t1) == 0 &&
                                cron_next(&j->cron, j->zone, t1, &t2) == 0;
                     k++) {
                    if (expand_output(NULL, j->output, name, j->zone, t1, a, sizeof a, NULL) == 0 &&
                        expand_output(NULL, j->output, name, j->zone, t2, b, sizeof b, NULL) == 0 &&
                        strcmp(a, b) == 0) {
                        char i1[ISO_TIME_MAX], i2[ISO_TIME_MAX];
                        report(c, "runs at %s and %s would both write %s; put finer time fields in the template "
                                  "(e.g. {time} or {time:%%Y%%m%%d-%%H%%M%%S})",
                               iso_format(j->zone, t1, i1), iso_format(j->zone, t2, i2), a);
                        bad = 1;
                        break;
                    }
                }
            }
            tz_free(utc);
        }
        unlookup(c, job, "output", index);
    }
    return bad ? -1 : 0;
}

static void free_job(job_def *j)
{
    free(j->name);
    free(j->schedule);
    tz_free(j->zone);
    free(j->pipeline);
    free(j->input_path);
    free(j->pattern);
    free(j->input_format);
    free(j->output);
}

void jobs_free(jobs_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->njobs; i++)
        free_job(&f->jobs[i]);
    free(f->jobs);
    free(f->path);
    free(f->dir);
    free(f->state_path);
    free(f->log_path);
    free(f);
}

const job_def *jobs_find(const jobs_file *f, const char *name)
{
    for (size_t i = 0; f && i < f->njobs; i++)
        if (strcmp(f->jobs[i].name, name) == 0)
            return &f->jobs[i];
    return NULL;
}

char *jobs_default_state_path(const jobs_file *f)
{
    if (f->state_path)
        return strdup(f->state_path);
    const char *base = strrchr(f->path, '/');
    base = base ? base + 1 : f->path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0)
        n -= 5;
    size_t need = strlen(f->dir) + n + 16;
    char *out = malloc(need);
    if (out)
        snprintf(out, need, "%s/%.*s.state.json", f->dir, (int)n, base);
    return out;
}

static char *absolute_dir_of(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    char *slash = strrchr(copy, '/');
    const char *dir = ".";
    if (slash) {
        *slash = '\0';
        dir = slash == copy ? "/" : copy;
    }
    char resolved[PATH_MAX];
    char *out = realpath(dir, resolved) ? strdup(resolved) : NULL;
    free(copy);
    return out;
}

static char *read_text(const char *path, size_t *len, int *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return NULL;
    }
    char *buf = malloc(JOBS_FILE_MAX + 1);
    if (!buf) {
        fclose(f);
        *err = ENOMEM;
        return NULL;
    }
    size_t n = fread(buf, 1, JOBS_FILE_MAX + 1, f);
    *err = ferror(f) ? EIO : n > JOBS_FILE_MAX ? EFBIG : 0;
    fclose(f);
    if (*err) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

jobs_file *jobs_load(const char *path, tp_runtime *rt, tp_diagnostics *diags)
{
    int e = 0;
    size_t len = 0;
    char *text = read_text(path, &len, &e);
    if (!text) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, path, 0, 0, "", "cannot read the jobs file: %s", strerror(e));
        return NULL;
    }
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, path, je.line, je.column, "", "not valid JSON: %s", je.text);
        free(text);
        return NULL;
    }
    vctx c = {.file = path, .text = text, .len = len, .diags = diags, .rt = rt, .said = json_object()};
    jobs_file *f = calloc(1, sizeof *f);
    int bad = 0;
    if (!f || !(f->path = strdup(path)) || !(f->dir = absolute_dir_of(path))) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, path, 0, 0, "", "cannot resolve the jobs file's directory: %s",
                           strerror(errno ? errno : ENOMEM));
        bad = 1;
        goto done;
    }
    if (!json_is_object(root)) {
        report(&c, "a jobs file is an object: {\"jobs\": [{\"name\": ..., \"schedule\": ..., ...}]}");
        bad = 1;
        goto done;
    }
    check_keys(&c, root, top_keys, "the jobs file");
    json_t *defaults = json_object_get(root, "defaults");
    if (defaults) {
        push_key(&c, "defaults");
        if (!json_is_object(defaults)) {
            report(&c, "\"defaults\" is an object of job settings that apply to every job");
            bad = 1;
            defaults = NULL;
        } else {
            check_keys(&c, defaults, job_keys, "defaults");
            if (json_object_get(defaults, "name")) {
                push_key(&c, "name");
                report(&c, "each job has its own name; remove \"name\" from the defaults");
                pop(&c);
                bad = 1;
            }
        }
        pop(&c);
    }
    static const char *const file_keys[] = {"state", "log"};
    for (int i = 0; i < 2; i++) {
        json_t *v = json_object_get(root, file_keys[i]);
        if (!v)
            continue;
        push_key(&c, file_keys[i]);
        const char *s = get_string(&c, v, i ? "a log file path" : "a state file path");
        char *p = s ? path_in(f->dir, s) : NULL;
        if (i)
            f->log_path = p;
        else
            f->state_path = p;
        bad |= !p;
        pop(&c);
    }
    json_t *jobs = json_object_get(root, "jobs");
    push_key(&c, "jobs");
    if (!jobs) {
        c.depth = 0;
        report(&c, "no \"jobs\": add \"jobs\": [{\"name\": ..., \"schedule\": ..., \"pipeline\": ..., \"input\": ..., "
                   "\"output\": ...}]");
        bad = 1;
        goto done;
    }
    if (!json_is_array(jobs) || json_array_size(jobs) == 0) {
        report(&c, "\"jobs\" must be a non-empty array of jobs");
        bad = 1;
        goto done;
    }
    f->jobs = calloc(json_array_size(jobs), sizeof *f->jobs);
    if (!f->jobs) {
        bad = 1;
        goto done;
    }
    for (size_t i = 0; i < json_array_size(jobs); i++) {
        c.depth = 0;
        push_key(&c, "jobs");
        push_index(&c, i);
        job_def *j = &f->jobs[f->njobs++];
        bad |= parse_job(&c, json_array_get(jobs, i), defaults, i, f->dir, j) != 0;
        for (size_t k = 0; j->name && k + 1 < f->njobs; k++)
            if (f->jobs[k].name && strcmp(f->jobs[k].name, j->name) == 0) {
                push_key(&c, "name");
                report(&c, "a second job named \"%s\" (the first is jobs[%zu]); job names must be unique", j->name, k);
                pop(&c);
                bad = 1;
            }
    }
done:
    json_decref(c.said);
    json_decref(root);
    free(text);
    if (bad || tp_diagnostics_errors(diags)) {
        jobs_free(f);
        return NULL;
    }
    return f;
}
