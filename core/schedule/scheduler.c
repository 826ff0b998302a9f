/* scheduler.c - see scheduler.h.
 *
 * One thread, one poll(2) loop.  Signal handlers only write the signal
 * number into a pipe; the loop does the work.  Times of slots are wall
 * clock (seconds since the epoch); timeouts, grace periods, backoff and
 * random delays are measured on the monotonic clock, so that a clock
 * change neither kills a run early nor keeps it forever.
 *
 * Order of a run, chosen so that a crash at any point loses nothing and
 * duplicates nothing:
 *   1. record the run ("running": slot, inputs, temporary and final
 *      output) in the state and save it;
 *   2. the child writes the temporary file;
 *   3. fsync it, rename it to the final name, fsync the directory;
 *   4. record the inputs as processed, drop the "running" record, save.
 * At start-up a "running" record whose final output exists finished step
 * 3, so step 4 is completed; otherwise the temporary file is removed and
 * the slot is run again (the same slot writes the same file name).  A run
 * never starts into an existing file, so an existing final output can
 * only come from that run. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <textpipe/textpipe.h>

#include "../cli/locations.h"
#include "eventlog.h"
#include "inputs.h"
#include "jobs.h"
#include "plan.h"
#include "runner.h"
#include "scheduler.h"
#include "state.h"
#include "timefmt.h"

#define NO_TIME INT64_MAX
#define STDERR_KEEP 2000 /* bytes of a run's standard error kept for the log */
#define MAX_WAIT_MS 30000 /* look at the wall clock at least this often */

/* SLOT: on time; CATCHUP: missed; RETRY: after a failure (a newer slot
 * supersedes it); RESUME: a run interrupted by a crash or stop of the
 * scheduler, run again first; MANUAL: `trigger`. */
typedef enum pending_kind { PENDING_SLOT, PENDING_CATCHUP, PENDING_RETRY, PENDING_RESUME, PENDING_MANUAL } pending_kind;

typedef struct pending_run {
    int64_t slot;
    int attempt;
    pending_kind kind;
    int64_t not_before; /* monotonic ms */
} pending_run;

typedef struct job_rt {
    char *name;
    const job_def *def; /* NULL once the job left the jobs file */
    int64_t next_slot;  /* the next scheduled time after the last slot */
    pending_run *pending;
    size_t npending, cap;
    int active;
} job_rt;

typedef struct run {
    job_rt *job;
    int64_t slot;
    int attempt, manual;
    pid_t pid;
    int err_fd;
    char err[STDERR_KEEP + 1];
    size_t errlen;
    int err_cut;
    int64_t start_mono, start_wall;
    int64_t deadline, kill_at; /* monotonic ms; 0: none */
    int64_t kill_grace;
    const char *stop_reason;   /* "timeout", "replaced", "shutdown" */
    int term_sent, kill_sent;
    char *tmp, *output, *slice;
    size_t ninputs;
    int retries;
    int64_t retry_delay, retry_delay_max;
} run;

typedef struct scheduler {
    const sched_options *o;
    jobs_file *jobs;
    tp_runtime *rt;
    sched_state state;
    eventlog log;
    char *requests_dir;
    job_rt **jobs_rt;
    size_t njobs_rt;
    run **runs;
    size_t nruns;
    int stopping, hurried;
    int64_t stop_deadline;
    unsigned counter;
    unsigned rng;
    char exe[PATH_MAX]; /* this program, run again for each run */
    int oneshot_result; /* -1 while waiting; else an exit code */
} scheduler;

static int signal_pipe[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char c = (unsigned char)sig;
    if (write(signal_pipe[1], &c, 1) < 0) {
        /* the pipe is full: the loop is behind but will see the others */
    }
    errno = saved;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ------------------------------------------------------------------ */
/* Logging helpers                                                     */

static void log_event(scheduler *s, const char *event, const char *job, json_t *fields)
{
    eventlog_write(&s->log, event, job, fields);
}

static json_t *slot_fields(const job_def *def, int64_t slot)
{
    json_t *f = json_object();
    if (f && def) {
        char iso[ISO_TIME_MAX];
        json_object_set_new(f, "slot", json_string(iso_format(def->zone, slot, iso)));
    } else if (f) {
        json_object_set_new(f, "slot", json_integer(slot));
    }
    return f;
}

static void log_error(scheduler *s, const char *job, const char *message)
{
    log_event(s, "error", job, json_pack("{s:s}", "message", message));
}

static int save_state(scheduler *s)
{
    char err[1024];
    if (state_save(&s->state, err, sizeof err) == STATE_OK)
        return 0;
    log_error(s, NULL, err);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Jobs                                                                */

static job_rt *find_job(scheduler *s, const char *name)
{
    for (size_t i = 0; i < s->njobs_rt; i++)
        if (strcmp(s->jobs_rt[i]->name, name) == 0)
            return s->jobs_rt[i];
    return NULL;
}

static int64_t next_after(const job_def *def, int64_t t)
{
    int64_t n;
    return cron_next(&def->cron, def->zone, t, &n) == 0 ? n : NO_TIME;
}

static int64_t last_slot(scheduler *s, job_rt *j)
{
    return json_int_or(state_job(&s->state, j->name, 0), "last_slot", 0);
}

/* A job enters the schedule: slots before now are not its to run. */
static void attach_job(scheduler *s, job_rt *j, const job_def *def, int64_t now)
{
    j->def = def;
    json_t *sj = state_job(&s->state, j->name, 1);
    if (!json_is_integer(json_object_get(sj, "last_slot")))
        json_object_set_new(sj, "last_slot", json_integer(now));
    j->next_slot = next_after(def, last_slot(s, j));
}

static job_rt *add_job(scheduler *s, const job_def *def, int64_t now)
{
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    job_rt **grown = realloc(s->jobs_rt, (s->njobs_rt + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    s->jobs_rt = grown;
    job_rt *j = calloc(1, sizeof *j);
    if (!j || !(j->name = strdup(def->name))) {
        free(j);
        return NULL;
    }
    s->jobs_rt[s->njobs_rt++] = j;
    attach_job(s, j, def, now);
    return j;
}

static void drop_pending(job_rt *j, size_t i)
{
    memmove(&j->pending[i], &j->pending[i + 1], (j->npending - i - 1) * sizeof *j->pending);
    j->npending--;
}

static int enqueue(scheduler *s, job_rt *j, int64_t slot, int attempt, pending_kind kind, int64_t not_before)
{
    const job_def *def = j->def;
    size_t waiting_slots = 0;
    for (size_t i = 0; i < j->npending; i++)
        waiting_slots += j->pending[i].kind == PENDING_SLOT;
    const char *why = NULL;
    if (j->npending >= 1000)
        why = "too many runs waiting";
    else if (kind == PENDING_SLOT && def && def->policy.concurrency == CONC_QUEUE &&
             waiting_slots >= (size_t)def->policy.max_queued)
        why = "max_queued slots are already waiting";
    if (why) {
        json_t *f = slot_fields(def, slot);
        json_object_set_new(f, "reason", json_string(why));
        log_event(s, "skipped", j->name, f);
        return -1;
    }
    if (j->npending == j->cap) {
        size_t cap = j->cap ? j->cap * 2 : 4;
        pending_run *p = realloc(j->pending, cap * sizeof *p);
        if (!p) {
            log_error(s, j->name, "out of memory: a run was not queued");
            return -1;
        }
        j->pending = p;
        j->cap = cap;
    }
    j->pending[j->npending++] = (pending_run){slot, attempt, kind, not_before};
    return 0;
}

static uint32_t next_random(scheduler *s)
{
    /* xorshift: enough to spread start times, nothing more */
    s->rng ^= s->rng << 13;
    s->rng ^= s->rng >> 17;
    s->rng ^= s->rng << 5;
    return s->rng;
}

/* Decide what to do about slots that have come. */
static void plan_job(scheduler *s, job_rt *j, int64_t now, int64_t mono)
{
    const job_def *def = j->def;
    if (!def || !def->enabled || j->next_slot > now)
        return;
    const job_policy *pol = &def->policy;
    size_t keep = pol->catchup == CATCHUP_ALL ? (size_t)pol->catchup_max : 1;
    int64_t *slots = calloc(keep, sizeof *slots);
    if (!slots) {
        log_error(s, j->name, "out of memory while planning runs");
        return;
    }
    slot_plan plan;
    if (plan_slots(def, last_slot(s, j), now, slots, &plan) == 0) {
        /* the clock went back: never act on a slot at or before the last */
        free(slots);
        int64_t last = last_slot(s, j);
        j->next_slot = next_after(def, last > now ? last : now);
        return;
    }
    int64_t latest = plan.latest;
    size_t first = plan.first, count = plan.count;
    if (plan.missed || plan.missed_more) {
        static const char *const names[] = {"none", "latest", "all"};
        json_t *f = json_object();
        json_object_set_new(f, "missed", json_integer((json_int_t)plan.missed));
        if (plan.missed_more)
            json_object_set_new(f, "missed_more", json_true());
        json_object_set_new(f, "catchup", json_string(names[pol->catchup]));
        char iso[ISO_TIME_MAX];
        json_object_set_new(f, "latest", json_string(iso_format(def->zone, latest, iso)));
        log_event(s, "missed", j->name, f);
    }
    /* A newer slot covers what a waiting retry would have done. */
    for (size_t i = 0; i < j->npending;)
        if (j->pending[i].kind == PENDING_RETRY && count) {
            json_t *f = slot_fields(def, j->pending[i].slot);
            json_object_set_new(f, "reason", json_string("a newer slot runs instead of the retry"));
            log_event(s, "skipped", j->name, f);
            drop_pending(j, i);
        } else {
            i++;
        }
    json_object_set_new(state_job(&s->state, j->name, 1), "last_slot", json_integer(latest));
    save_state(s);
    for (size_t i = first; i < first + count; i++) {
        int64_t delay = pol->random_delay > 0 ? (int64_t)(next_random(s) % (uint64_t)(pol->random_delay * 1000 + 1)) : 0;
        enqueue(s, j, slots[i], 1, plan.catchup ? PENDING_CATCHUP : PENDING_SLOT, mono + delay);
    }
    free(slots);
    j->next_slot = next_after(def, latest);
}

/* ------------------------------------------------------------------ */
/* Starting runs                                                       */

typedef struct claim_ctx {
    scheduler *s;
    job_rt *job;
} claim_ctx;

/* Is @p path an input of a run of the same job in progress (concurrency
 * "allow")?  Other jobs may read the same directory independently. */
static int path_claimed(void *user, const char *path)
{
    claim_ctx *c = user;
    if (!c->job->active)
        return 0;
    json_t *rec;
    size_t k;
    json_array_foreach(json_object_get(state_job(&c->s->state, c->job->name, 0), "running"), k, rec) {
        json_t *in;
        size_t m;
        json_array_foreach(json_object_get(rec, "inputs"), m, in) {
            const char *p = json_string_value(json_object_get(in, "path"));
            if (p && strcmp(p, path) == 0)
                return 1;
        }
    }
    return 0;
}

static int output_taken(scheduler *s, const char *path)
{
    if (access(path, F_OK) == 0)
        return 1;
    for (size_t i = 0; i < s->nruns; i++)
        if (strcmp(s->runs[i]->output, path) == 0)
            return 1;
    return 0;
}

/* A free output name: the template's, else with -2, -3, ... before the
 * extension.  Never an existing file: outputs are never overwritten. */
static int choose_output(scheduler *s, const char *wanted, char *out, size_t size)
{
    if (!output_taken(s, wanted)) {
        snprintf(out, size, "%s", wanted);
        return 0;
    }
    const char *slash = strrchr(wanted, '/');
    const char *dot = strrchr(slash ? slash : wanted, '.');
    if (!dot || dot == (slash ? slash + 1 : wanted))
        dot = wanted + strlen(wanted);
    for (int k = 2; k < 1000; k++) {
        snprintf(out, size, "%.*s-%d%s", (int)(dot - wanted), wanted, k, dot);
        if (!output_taken(s, out))
            return 1;
    }
    return -1;
}

static char *sibling(const char *path, const char *what, unsigned counter, const char *ext)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    size_t need = strlen(path) + strlen(what) + strlen(ext) + 64;
    char *out = malloc(need);
    if (out)
        snprintf(out, need, "%.*s/.%s.%s-%ld-%u%s", (int)dirlen, path, base, what, (long)getpid(), counter, ext);
    return out;
}

static void record_history(scheduler *s, job_rt *j, json_t *entry)
{
    json_t *sj = state_job(&s->state, j->name, 1);
    json_t *h = json_object_get(sj, "history");
    if (!h) {
        h = json_array();
        json_object_set_new(sj, "history", h);
    }
    json_array_append_new(h, entry);
    size_t keep = (size_t)(j->def ? j->def->policy.history : DEFAULT_HISTORY);
    while (json_array_size(h) > keep)
        json_array_remove(h, 0);
}

static json_t *history_entry(const job_def *def, int64_t slot, int attempt, int manual, const char *status)
{
    char iso[ISO_TIME_MAX];
    return json_pack("{s:I, s:s, s:i, s:b, s:s}", "slot", (json_int_t)slot, "time",
                     def ? iso_format(def->zone, slot, iso) : "", "attempt", attempt, "manual", manual, "status",
                     status);
}

static void schedule_retry(scheduler *s, job_rt *j, int64_t slot, int attempt, int retries, int64_t delay,
                           int64_t delay_max, int manual)
{
    if (!j->def || s->stopping || s->o->trigger_job || attempt > retries)
        return;
    job_policy pol = {.retry_delay = delay, .retry_delay_max = delay_max};
    int64_t wait = retry_backoff(&pol, attempt);
    if (enqueue(s, j, slot, attempt + 1, manual ? PENDING_MANUAL : PENDING_RETRY, mono_ms() + wait * 1000) == 0) {
        json_t *f = slot_fields(j->def, slot);
        json_object_set_new(f, "attempt", json_integer(attempt + 1));
        json_object_set_new(f, "in_seconds", json_integer(wait));
        log_event(s, "retry", j->name, f);
    }
}

static void failed_to_start(scheduler *s, job_rt *j, const pending_run *p, const char *message)
{
    const job_def *def = j->def;
    json_t *f = slot_fields(def, p->slot);
    json_object_set_new(f, "attempt", json_integer(p->attempt));
    json_object_set_new(f, "status", json_string("failed"));
    json_object_set_new(f, "error", json_string(message));
    log_event(s, "finish", j->name, f);
    json_t *h = history_entry(def, p->slot, p->attempt, p->kind == PENDING_MANUAL, "failed");
    json_object_set_new(h, "error", json_string(message));
    record_history(s, j, h);
    save_state(s);
    if (s->o->trigger_job) {
        s->oneshot_result = SCHED_EXIT_RUN_FAILED;
        printf("%s: failed: %s\n", j->name, message);
    }
    schedule_retry(s, j, p->slot, p->attempt, def->policy.retries, def->policy.retry_delay,
                   def->policy.retry_delay_max, p->kind == PENDING_MANUAL);
}

static void remove_intent(scheduler *s, job_rt *j, const json_t *intent)
{
    json_t *running = json_object_get(state_job(&s->state, j->name, 1), "running");
    for (size_t i = 0; i < json_array_size(running); i++)
        if (json_array_get(running, i) == intent) {
            json_array_remove(running, i);
            return;
        }
}

static json_t *find_intent(scheduler *s, job_rt *j, const char *tmp)
{
    json_t *rec;
    size_t i;
    json_array_foreach(json_object_get(state_job(&s->state, j->name, 0), "running"), i, rec) {
        json_t *t = json_object_get(rec, "tmp");
        if (json_is_string(t) && strcmp(json_string_value(t), tmp) == 0)
            return rec;
    }
    return NULL;
}

/* A run's memory, and its pipe when it has one. */
static void free_run(run *r)
{
    if (r->err_fd >= 0)
        close(r->err_fd);
    free(r->tmp);
    free(r->output);
    free(r->slice);
    free(r);
}

static void start_run(scheduler *s, job_rt *j, const pending_run *p)
{
    const job_def *def = j->def;
    json_t *sj = state_job(&s->state, j->name, 1);
    char err[1024];
    input_batch b;
    int rc;
    int64_t now = (int64_t)time(NULL);
    if (def->input == JOB_INPUT_DIR) {
        json_t *processed = json_object_get(sj, "processed");
        if (!processed) {
            processed = json_object();
            json_object_set_new(sj, "processed", processed);
        }
        claim_ctx claims = {s, j};
        rc = inputs_scan_dir(def, processed, path_claimed, &claims, now, &b, err, sizeof err);
    } else {
        rc = inputs_scan_jsonl(def, json_object_get(sj, "jsonl"), &b, err, sizeof err);
    }
    if (rc != 0) {
        failed_to_start(s, j, p, err);
        return;
    }
    size_t ninputs = def->input == JOB_INPUT_DIR ? b.n : (size_t)b.lines;
    if (ninputs == 0) {
        json_t *f = slot_fields(def, p->slot);
        json_object_set_new(f, "reason", json_string("no new input"));
        if (p->kind == PENDING_MANUAL)
            json_object_set_new(f, "manual", json_true());
        log_event(s, "skipped", j->name, f);
        if (s->o->trigger_job) {
            s->oneshot_result = SCHED_EXIT_OK;
            printf("%s: no new input, nothing to do\n", j->name);
        }
        input_batch_free(&b);
        return;
    }
    if (b.restarted) {
        json_t *f = json_pack("{s:s}", "message", "the JSONL input was replaced or truncated: reading it from the top");
        log_event(s, "warning", j->name, f);
    }

    char wanted[PATH_MAX], output[PATH_MAX];
    if (job_output_path(def, p->slot, wanted, sizeof wanted) != 0 ||
        choose_output(s, wanted, output, sizeof output) < 0) {
        input_batch_free(&b);
        failed_to_start(s, j, p, "cannot make a free output file name from the template");
        return;
    }
    char *dir = strdup(output);
    if (!dir) {
        input_batch_free(&b);
        failed_to_start(s, j, p, "out of memory");
        return;
    }
    *strrchr(dir, '/') = '\0';
    rc = make_dirs(*dir ? dir : "/", err, sizeof err);
    free(dir);
    if (rc != 0) {
        input_batch_free(&b);
        failed_to_start(s, j, p, err);
        return;
    }
    unsigned counter = ++s->counter;
    run *r = calloc(1, sizeof *r);
    if (r) {
        r->err_fd = -1; /* until the child's pipe exists */
        r->tmp = sibling(output, "tmp", counter, "");
        r->output = strdup(output);
        if (def->input == JOB_INPUT_JSONL)
            r->slice = sibling(output, "input", counter, ".jsonl");
    }
    if (!r || !r->tmp || !r->output || (def->input == JOB_INPUT_JSONL && !r->slice)) {
        if (r)
            free_run(r);
        input_batch_free(&b);
        failed_to_start(s, j, p, "out of memory");
        return;
    }

    /* 1. Record the run before anything can be written. */
    json_t *intent = json_pack("{s:I, s:i, s:b, s:I, s:s, s:s}", "slot", (json_int_t)p->slot, "attempt", p->attempt,
                               "manual", p->kind == PENDING_MANUAL, "started", (json_int_t)now, "output", r->output,
                               "tmp", r->tmp);
    /* Out of memory here must not lose what the run takes: without its
     * inputs in the record they would never be marked processed. */
    int complete = intent != NULL;
    if (intent && def->input == JOB_INPUT_DIR) {
        json_t *list = json_array();
        for (size_t i = 0; list && i < b.n; i++)
            complete &= json_array_append_new(list, json_pack("{s:s, s:I, s:I}", "path", b.files[i].path, "size",
                                                              (json_int_t)b.files[i].size, "mtime_ns",
                                                              (json_int_t)b.files[i].mtime_ns)) == 0;
        complete &= list && json_object_set_new(intent, "inputs", list) == 0;
    } else if (intent) {
        complete &= json_object_set_new(intent, "slice", json_string(r->slice)) == 0;
        complete &= json_object_set_new(intent, "jsonl",
                                        json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "dev", (json_int_t)b.dev, "ino",
                                                  (json_int_t)b.ino, "from", (json_int_t)b.from, "offset",
                                                  (json_int_t)b.to, "first_line", (json_int_t)b.first_line, "line",
                                                  (json_int_t)b.first_line - 1 + (json_int_t)b.lines)) == 0;
    }
    if (intent && !complete) {
        json_decref(intent);
        intent = NULL;
    }
    json_t *running = json_object_get(sj, "running");
    if (!running) {
        running = json_array();
        json_object_set_new(sj, "running", running);
    }
    if (!intent || json_array_append_new(running, intent) != 0 || save_state(s) != 0) {
        if (intent)
            remove_intent(s, j, intent);
        free_run(r);
        input_batch_free(&b);
        failed_to_start(s, j, p, "cannot record the run in the state file");
        return;
    }
    if (r->slice && inputs_copy_slice(def->input_path, b.from, b.to, r->slice, err, sizeof err) != 0) {
        remove_intent(s, j, intent);
        free_run(r);
        input_batch_free(&b);
        failed_to_start(s, j, p, err);
        return;
    }

    /* 2. The child: exactly `textpipe run`, from the same binary. */
    size_t cap = 24 + b.n;
    char **argv = calloc(cap, sizeof *argv);
    char env_job[256], env_time[64 + ISO_TIME_MAX], env_epoch[64], env_attempt[64];
    char iso[ISO_TIME_MAX];
    snprintf(env_job, sizeof env_job, "TEXTPIPE_SCHEDULE_JOB=%s", j->name);
    snprintf(env_time, sizeof env_time, "TEXTPIPE_SCHEDULE_TIME=%s", iso_format(def->zone, p->slot, iso));
    snprintf(env_epoch, sizeof env_epoch, "TEXTPIPE_SCHEDULE_EPOCH=%lld", (long long)p->slot);
    snprintf(env_attempt, sizeof env_attempt, "TEXTPIPE_SCHEDULE_ATTEMPT=%d", p->attempt);
    pid_t pid = -1;
    if (argv) {
        char *env[] = {env_job, env_time, env_epoch, env_attempt, NULL};
        size_t argc = 0;
        argv[argc++] = s->exe;
        argv[argc++] = "run";
        argv[argc++] = "-p";
        argv[argc++] = def->pipeline;
        argv[argc++] = "-f";
        argv[argc++] = "jsonl";
        argv[argc++] = "-o";
        argv[argc++] = r->tmp;
        argv[argc++] = "--on-error";
        argv[argc++] = def->policy.on_error_skip ? "skip" : "stop";
        char threads[16];
        if (def->policy.threads > 0) {
            snprintf(threads, sizeof threads, "%d", def->policy.threads);
            argv[argc++] = "-j";
            argv[argc++] = threads;
        }
        if (s->o->plugin_path) {
            argv[argc++] = "--plugin-path";
            argv[argc++] = (char *)s->o->plugin_path;
        }
        const char *fmt = def->input == JOB_INPUT_JSONL ? "jsonl" : def->input_format;
        if (fmt) {
            argv[argc++] = "--input-format";
            argv[argc++] = (char *)fmt;
        }
        argv[argc++] = "--";
        if (r->slice)
            argv[argc++] = r->slice;
        for (size_t i = 0; i < b.n; i++)
            argv[argc++] = b.files[i].path;
        argv[argc] = NULL;
        pid = runner_spawn(argv, env, &r->err_fd, err, sizeof err);
    } else {
        snprintf(err, sizeof err, "out of memory");
    }
    free(argv);
    if (pid < 0) {
        remove_intent(s, j, intent);
        if (r->slice)
            unlink(r->slice);
        free_run(r);
        input_batch_free(&b);
        failed_to_start(s, j, p, err);
        return;
    }
    json_object_set_new(intent, "pid", json_integer(pid));
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
    run **grown = realloc(s->runs, (s->nruns + 1) * sizeof *grown);
    if (!grown) {
        /* cannot track it: stop it at once; the state still says running,
         * which start-up recovery handles */
        runner_signal(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        log_error(s, j->name, "out of memory: a run was stopped");
        free_run(r);
        input_batch_free(&b);
        return;
    }
    s->runs = grown;
    s->runs[s->nruns++] = r;
    r->job = j;
    r->slot = p->slot;
    r->attempt = p->attempt;
    r->manual = p->kind == PENDING_MANUAL;
    r->pid = pid;
    r->start_mono = mono_ms();
    r->start_wall = wall_ms();
    r->deadline = def->policy.timeout == NO_LIMIT ? 0 : r->start_mono + def->policy.timeout * 1000;
    r->kill_grace = def->policy.kill_grace;
    r->ninputs = ninputs;
    r->retries = def->policy.retries;
    r->retry_delay = def->policy.retry_delay;
    r->retry_delay_max = def->policy.retry_delay_max;
    j->active++;
    json_t *f = slot_fields(def, p->slot);
    json_object_set_new(f, "attempt", json_integer(p->attempt));
    json_object_set_new(f, "pid", json_integer(pid));
    json_object_set_new(f, "inputs", json_integer((json_int_t)ninputs));
    if (b.waiting)
        json_object_set_new(f, "waiting", json_integer((json_int_t)b.waiting));
    json_object_set_new(f, "output", json_string(r->output));
    if (strcmp(wanted, output) != 0)
        json_object_set_new(f, "output_taken", json_string(wanted));
    if (r->manual)
        json_object_set_new(f, "manual", json_true());
    log_event(s, "start", j->name, f);
    input_batch_free(&b);
}

static void terminate_run(scheduler *s, run *r, const char *reason)
{
    if (r->term_sent)
        return;
    r->stop_reason = reason;
    r->term_sent = 1;
    runner_signal(r->pid, SIGTERM);
    r->kill_at = mono_ms() + r->kill_grace * 1000;
    json_t *f = slot_fields(r->job->def, r->slot);
    json_object_set_new(f, "pid", json_integer(r->pid));
    json_object_set_new(f, "reason", json_string(reason));
    log_event(s, "terminate", r->job->name, f);
}

static void start_pending(scheduler *s, job_rt *j, int64_t now, int64_t mono)
{
    const job_def *def = j->def;
    while (def && j->npending) {
        pending_run p = j->pending[0];
        if (p.not_before > mono)
            return;
        if ((p.kind == PENDING_SLOT || p.kind == PENDING_CATCHUP) &&
            past_starting_deadline(&def->policy, p.slot, now)) {
            drop_pending(j, 0);
            json_t *f = slot_fields(def, p.slot);
            json_object_set_new(f, "reason", json_string("could not start within starting_deadline"));
            log_event(s, "skipped", j->name, f);
            continue;
        }
        if (j->active) {
            switch (def->policy.concurrency) {
            case CONC_ALLOW: break;
            case CONC_QUEUE: return;
            case CONC_REPLACE:
                for (size_t i = 0; i < s->nruns; i++)
                    if (s->runs[i]->job == j)
                        terminate_run(s, s->runs[i], "replaced");
                return; /* starts once the old run is gone */
            case CONC_FORBID: {
                if (p.kind != PENDING_SLOT)
                    return; /* catch-up, retries and manual runs wait their turn */
                drop_pending(j, 0);
                json_t *f = slot_fields(def, p.slot);
                json_object_set_new(f, "reason", json_string("the previous run is still running (concurrency forbid)"));
                log_event(s, "skipped", j->name, f);
                continue;
            }
            }
        }
        drop_pending(j, 0);
        start_run(s, j, &p);
    }
}

/* ------------------------------------------------------------------ */
/* Finishing runs                                                      */

static void read_stderr(run *r)
{
    if (r->err_fd < 0)
        return;
    for (;;) {
        char buf[4096];
        ssize_t n = read(r->err_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0) {
                close(r->err_fd);
                r->err_fd = -1;
            }
            return;
        }
        size_t room = STDERR_KEEP - r->errlen;
        size_t take = (size_t)n < room ? (size_t)n : room;
        memcpy(r->err + r->errlen, buf, take);
        r->errlen += take;
        /* cppcheck-suppress knownConditionTrueFalse ; false positive: n (to 4096) can exceed room */
        if (take < (size_t)n)
            r->err_cut = 1;
    }
}

/* Record the run's inputs as processed.  -1 when out of memory (then the
 * inputs may be processed again: logged, never silent). */
static int mark_processed(scheduler *s, job_rt *j, json_t *intent)
{
    json_t *sj = state_job(&s->state, j->name, 1);
    json_t *jl = json_object_get(intent, "jsonl");
    int rc = 0;
    if (jl) {
        rc = json_object_set_new(sj, "jsonl",
                                 json_pack("{s:O, s:O, s:O, s:O}", "dev", json_object_get(jl, "dev"), "ino",
                                           json_object_get(jl, "ino"), "offset", json_object_get(jl, "offset"),
                                           "line", json_object_get(jl, "line")));
    } else {
        json_t *processed = json_object_get(sj, "processed");
        if (!processed) {
            processed = json_object();
            rc = json_object_set_new(sj, "processed", processed);
        }
        json_t *in;
        size_t i;
        json_array_foreach(json_object_get(intent, "inputs"), i, in) {
            rc |= json_object_set_new(processed, json_string_value(json_object_get(in, "path")),
                                      json_pack("{s:O, s:O}", "size", json_object_get(in, "size"), "mtime_ns",
                                                json_object_get(in, "mtime_ns")));
        }
    }
    if (rc)
        log_error(s, j->name, "out of memory: the inputs of a finished run could not all be recorded and may be "
                              "processed again");
    return rc ? -1 : 0;
}

static void finish_run(scheduler *s, run *r, int wstatus)
{
    job_rt *j = r->job;
    const job_def *def = j->def;
    read_stderr(r);
    int64_t duration_ms = mono_ms() - r->start_mono;
    const char *status;
    char error[1024] = "";
    long long documents = -1;
    int code = -1, sig = 0;
    if (WIFEXITED(wstatus)) {
        code = WEXITSTATUS(wstatus);
        status = code == 0 ? "ok" : "failed";
        if (code != 0)
            snprintf(error, sizeof error, "textpipe run exited with status %d", code);
    } else {
        sig = WTERMSIG(wstatus);
        if (r->stop_reason && strcmp(r->stop_reason, "timeout") == 0)
            status = "timeout";
        else if (r->stop_reason && strcmp(r->stop_reason, "replaced") == 0)
            status = "replaced";
        else if (r->stop_reason && strcmp(r->stop_reason, "shutdown") == 0)
            status = "interrupted";
        else
            status = "crashed";
        snprintf(error, sizeof error, "killed by %s", signal_name(sig));
    }
    json_t *intent = find_intent(s, j, r->tmp);
    if (strcmp(status, "ok") == 0) {
        /* 3. Publish the output, then 4. record it. */
        documents = count_lines(r->tmp);
        if (publish_output(r->tmp, r->output, error, sizeof error) != 0) {
            status = "failed";
            documents = -1;
        } else if (intent) {
            mark_processed(s, j, intent);
        }
    }
    if (strcmp(status, "ok") != 0)
        unlink(r->tmp);
    if (r->slice)
        unlink(r->slice);
    int interrupted = strcmp(status, "interrupted") == 0;
    if (intent && !interrupted)
        remove_intent(s, j, intent);
    else if (intent)
        json_object_del(intent, "pid"); /* stays: the next start runs the slot again */

    json_t *h = history_entry(def, r->slot, r->attempt, r->manual, status);
    char started[ISO_TIME_MAX];
    iso_format_utc_ms(r->start_wall / 1000, (int)(r->start_wall % 1000), started);
    json_object_set_new(h, "started", json_string(started));
    json_object_set_new(h, "duration", json_real((double)duration_ms / 1000.0));
    json_object_set_new(h, "inputs", json_integer((json_int_t)r->ninputs));
    if (documents >= 0)
        json_object_set_new(h, "documents", json_integer(documents));
    if (code >= 0)
        json_object_set_new(h, "exit", json_integer(code));
    if (sig)
        json_object_set_new(h, "signal", json_string(signal_name(sig)));
    if (strcmp(status, "ok") == 0)
        json_object_set_new(h, "output", json_string(r->output));
    else if (error[0])
        json_object_set_new(h, "error", json_string(error));
    /* The event: the slot first, then what the history records. */
    json_t *f = slot_fields(def, r->slot);
    const char *key;
    json_t *value;
    json_object_foreach(h, key, value) {
        if (strcmp(key, "slot") != 0 && strcmp(key, "time") != 0 && strcmp(key, "started") != 0)
            json_object_set(f, key, value);
    }
    json_object_set_new(f, "pid", json_integer(r->pid));
    if (r->errlen) {
        while (r->errlen && (r->err[r->errlen - 1] == '\n' || r->err[r->errlen - 1] == '\r'))
            r->errlen--;
        r->err[r->errlen] = '\0';
        json_object_set_new(f, "stderr", json_stringn(r->err, r->errlen));
        if (r->err_cut)
            json_object_set_new(f, "stderr_truncated", json_true());
    }
    if (!interrupted)
        record_history(s, j, h);
    else
        json_decref(h);
    save_state(s);
    log_event(s, "finish", j->name, f);
    if (s->o->trigger_job) {
        s->oneshot_result = strcmp(status, "ok") == 0 ? SCHED_EXIT_OK : SCHED_EXIT_RUN_FAILED;
        if (strcmp(status, "ok") == 0)
            printf("%s: ok, %lld document%s -> %s\n", j->name, documents, documents == 1 ? "" : "s", r->output);
        else
            printf("%s: %s: %s\n", j->name, status, error);
    }
    if (strcmp(status, "ok") != 0 && !interrupted && strcmp(status, "replaced") != 0)
        schedule_retry(s, j, r->slot, r->attempt, r->retries, r->retry_delay, r->retry_delay_max, r->manual);
    j->active--;
}

/* Reap every child that has exited.  Its process group is killed before
 * the leader is reaped (while its id cannot be reused), so nothing a
 * plugin started outlives the run. */
static void reap_children(scheduler *s)
{
    for (;;) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) != 0 || si.si_pid == 0)
            return;
        pid_t pid = si.si_pid;
        size_t i = 0;
        while (i < s->nruns && s->runs[i]->pid != pid)
            i++;
        if (i < s->nruns)
            kill(-pid, SIGKILL);
        int wstatus = 0;
        if (waitpid(pid, &wstatus, 0) != pid)
            continue;
        if (i == s->nruns)
            continue; /* not a run of ours: reaped all the same */
        run *r = s->runs[i];
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        memmove(&s->runs[i], &s->runs[i + 1], (s->nruns - i - 1) * sizeof *s->runs);
        s->nruns--;
        finish_run(s, r, wstatus);
        free_run(r);
    }
}

static void enforce_time_limits(scheduler *s, int64_t mono)
{
    for (size_t i = 0; i < s->nruns; i++) {
        run *r = s->runs[i];
        if (r->deadline && mono >= r->deadline && !r->term_sent)
            terminate_run(s, r, "timeout");
        if (r->term_sent && !r->kill_sent && mono >= r->kill_at) {
            r->kill_sent = 1;
            runner_signal(r->pid, SIGKILL);
            json_t *f = slot_fields(r->job->def, r->slot);
            json_object_set_new(f, "pid", json_integer(r->pid));
            json_object_set_new(f, "signal", json_string("SIGKILL"));
            log_event(s, "kill", r->job->name, f);
        }
    }
    if (s->stopping && !s->hurried && mono >= s->stop_deadline) {
        s->hurried = 1;
        for (size_t i = 0; i < s->nruns; i++)
            terminate_run(s, s->runs[i], "shutdown");
    }
}

/* ------------------------------------------------------------------ */
/* Start-up recovery                                                   */

static void recover(scheduler *s, int64_t now, int64_t mono)
{
    json_t *jobs = json_object_get(s->state.root, "jobs");
    const char *name;
    json_t *sj;
    int changed = 0;
    json_object_foreach(jobs, name, sj) {
        json_t *running = json_object_get(sj, "running");
        while (json_array_size(running)) {
            json_t *intent = json_incref(json_array_get(running, 0));
            json_array_remove(running, 0);
            changed = 1;
            const char *output = json_string_value(json_object_get(intent, "output"));
            const char *tmp = json_string_value(json_object_get(intent, "tmp"));
            const char *slice = json_string_value(json_object_get(intent, "slice"));
            int64_t slot = json_int_or(intent, "slot", 0);
            int attempt = (int)json_int_or(intent, "attempt", 1);
            int manual = json_is_true(json_object_get(intent, "manual"));
            job_rt *j = find_job(s, name);
            const job_def *def = j ? j->def : NULL;
            if (tmp)
                unlink(tmp);
            if (slice)
                unlink(slice);
            json_t *f = slot_fields(def, slot);
            if (output && access(output, F_OK) == 0) {
                /* The output was published; only the record was missing. */
                if (j)
                    mark_processed(s, j, intent);
                else {
                    job_rt tmpjob = {.name = (char *)name};
                    mark_processed(s, &tmpjob, intent);
                }
                json_object_set_new(f, "status", json_string("ok"));
                json_object_set_new(f, "output", json_string(output));
                log_event(s, "recovered", name, f);
                if (j) {
                    json_t *h = history_entry(def, slot, attempt, manual, "ok");
                    json_object_set_new(h, "output", json_string(output));
                    json_object_set_new(h, "recovered", json_true());
                    record_history(s, j, h);
                }
            } else {
                json_object_set_new(f, "status", json_string("interrupted"));
                log_event(s, "recovered", name, f);
                if (j) {
                    record_history(s, j, history_entry(def, slot, attempt, manual, "interrupted"));
                    /* Run the slot again: same slot, same output name. */
                    if (def && def->enabled && attempt <= def->policy.retries) {
                        if (enqueue(s, j, slot, attempt + 1, manual ? PENDING_MANUAL : PENDING_RESUME, mono) == 0) {
                            json_t *g = slot_fields(def, slot);
                            json_object_set_new(g, "attempt", json_integer(attempt + 1));
                            log_event(s, "resume", name, g);
                        }
                    }
                }
            }
            json_decref(intent);
        }
    }
    (void)now;
    if (changed)
        save_state(s);
}

/* ------------------------------------------------------------------ */
/* Reloading and requests                                              */

static char *diagnostics_text(const tp_diagnostics *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    tp_diagnostics_print(d, f);
    fclose(f);
    while (len && buf[len - 1] == '\n')
        buf[--len] = '\0';
    return buf;
}

static void reload(scheduler *s)
{
    notify_service_manager("RELOADING=1");
    char err[1024];
    if (eventlog_reopen(&s->log, err, sizeof err) != 0)
        log_error(s, NULL, err);
    tp_diagnostics *d = tp_diagnostics_new();
    jobs_file *nf = d ? jobs_load(s->o->jobs_path, s->rt, d) : NULL;
    if (!nf) {
        char *text = d ? diagnostics_text(d) : NULL;
        json_t *f = json_pack("{s:s, s:s}", "file", s->o->jobs_path, "errors", text ? text : "out of memory");
        json_object_set_new(f, "message", json_string("the jobs file is not valid: the old jobs keep running"));
        log_event(s, "reload-failed", NULL, f);
        free(text);
        tp_diagnostics_free(d);
        notify_service_manager("READY=1");
        return;
    }
    tp_diagnostics_free(d);
    int64_t now = (int64_t)time(NULL);
    for (size_t i = 0; i < s->njobs_rt; i++) {
        job_rt *j = s->jobs_rt[i];
        const job_def *def = jobs_find(nf, j->name);
        if (!def) {
            if (j->def)
                log_event(s, "job-removed", j->name, NULL);
            j->def = NULL;
            j->npending = 0;
            continue;
        }
        j->def = def;
        /* Slots due since the last one are handled by plan_job under the
         * catch-up policy, as after a restart. */
        j->next_slot = next_after(def, last_slot(s, j));
    }
    size_t added = 0;
    for (size_t i = 0; i < nf->njobs; i++)
        if (!find_job(s, nf->jobs[i].name)) {
            if (!add_job(s, &nf->jobs[i], now))
                log_error(s, nf->jobs[i].name, "out of memory: the job was not added");
            else
                added++;
        }
    jobs_free(s->jobs);
    s->jobs = nf;
    save_state(s);
    log_event(s, "reloaded", NULL,
              json_pack("{s:s, s:i, s:i}", "file", s->o->jobs_path, "jobs", (int)nf->njobs, "added", (int)added));
    notify_service_manager("READY=1");
}

/* `textpipe schedule trigger` while a scheduler runs leaves a file
 * naming the job in STATE.requests/ and sends SIGUSR1. */
static void take_requests(scheduler *s)
{
    DIR *d = opendir(s->requests_dir);
    if (!d)
        return;
    struct dirent *de;
    int64_t now = (int64_t)time(NULL);
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strstr(de->d_name, ".tmp-"))
            continue; /* hidden, or a request still being written */
        char path[PATH_MAX], name[256] = "";
        snprintf(path, sizeof path, "%s/%s", s->requests_dir, de->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        if (!fgets(name, sizeof name, f))
            name[0] = '\0';
        fclose(f);
        unlink(path);
        name[strcspn(name, "\n")] = '\0';
        job_rt *j = find_job(s, name);
        if (!j || !j->def) {
            log_error(s, name, "trigger: no such job in the jobs file");
            continue;
        }
        json_t *fl = slot_fields(j->def, now);
        log_event(s, "trigger", j->name, fl);
        enqueue(s, j, now, 1, PENDING_MANUAL, mono_ms());
    }
    closedir(d);
}

/* ------------------------------------------------------------------ */
/* The loop                                                            */

static void handle_signals(scheduler *s)
{
    unsigned char buf[64];
    ssize_t n;
    while ((n = read(signal_pipe[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            int sig = buf[i];
            if (sig == SIGTERM || sig == SIGINT) {
                if (!s->stopping) {
                    s->stopping = 1;
                    s->stop_deadline = mono_ms() + s->o->stop_grace * 1000;
                    for (size_t k = 0; k < s->njobs_rt; k++)
                        s->jobs_rt[k]->npending = 0;
                    notify_service_manager("STOPPING=1");
                    log_event(s, "stopping", NULL,
                              json_pack("{s:s, s:i, s:I}", "signal", signal_name(sig), "running", (int)s->nruns,
                                        "grace_seconds", (json_int_t)s->o->stop_grace));
                } else if (!s->hurried) {
                    s->hurried = 1;
                    for (size_t k = 0; k < s->nruns; k++)
                        terminate_run(s, s->runs[k], "shutdown");
                }
            } else if (sig == SIGHUP && !s->stopping && !s->o->trigger_job) {
                reload(s);
            } else if (sig == SIGUSR1 && !s->stopping && !s->o->trigger_job) {
                take_requests(s);
            }
        }
    }
}

static int wait_ms(scheduler *s, int64_t now_wall_ms, int64_t mono)
{
    int64_t wait = MAX_WAIT_MS;
    for (size_t i = 0; i < s->njobs_rt; i++) {
        job_rt *j = s->jobs_rt[i];
        if (j->def && j->def->enabled && j->next_slot != NO_TIME && !s->stopping) {
            int64_t w = j->next_slot * 1000 - now_wall_ms;
            if (w < wait)
                wait = w;
        }
        /* Waiting entries behind a run in progress start when it ends
         * (SIGCHLD wakes the loop), not on a timer. */
        int blocked = j->active && !(j->def && j->def->policy.concurrency == CONC_ALLOW);
        for (size_t k = 0; k < j->npending && !blocked; k++)
            if (j->pending[k].not_before - mono < wait)
                wait = j->pending[k].not_before - mono;
    }
    for (size_t i = 0; i < s->nruns; i++) {
        run *r = s->runs[i];
        if (r->deadline && !r->term_sent && r->deadline - mono < wait)
            wait = r->deadline - mono;
        if (r->term_sent && !r->kill_sent && r->kill_at - mono < wait)
            wait = r->kill_at - mono;
    }
    if (s->stopping && !s->hurried && s->stop_deadline - mono < wait)
        wait = s->stop_deadline - mono;
    return wait < 0 ? 0 : (int)wait;
}

static int install_signals(void)
{
    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    int sigs[] = {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0)
            return -1;
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

static void restore_signals(void)
{
    int sigs[] = {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
    if (signal_pipe[0] >= 0) {
        close(signal_pipe[0]);
        close(signal_pipe[1]);
    }
    signal_pipe[0] = signal_pipe[1] = -1;
}

static void loop(scheduler *s)
{
    for (;;) {
        handle_signals(s);
        reap_children(s);
        int64_t wall = wall_ms(), mono = mono_ms();
        int64_t now = wall / 1000;
        if (!s->stopping)
            for (size_t i = 0; i < s->njobs_rt; i++) {
                if (!s->o->trigger_job)
                    plan_job(s, s->jobs_rt[i], now, mono);
                start_pending(s, s->jobs_rt[i], now, mono);
            }
        enforce_time_limits(s, mono);
        if (s->stopping && s->nruns == 0)
            return;
        if (s->o->trigger_job && s->nruns == 0) {
            size_t waiting = 0;
            for (size_t i = 0; i < s->njobs_rt; i++)
                waiting += s->jobs_rt[i]->npending;
            if (!waiting)
                return;
        }
        struct pollfd *fds = calloc(s->nruns + 1, sizeof *fds);
        size_t nfds = 0;
        if (fds) {
            fds[nfds++] = (struct pollfd){.fd = signal_pipe[0], .events = POLLIN};
            for (size_t i = 0; i < s->nruns; i++)
                if (s->runs[i]->err_fd >= 0)
                    fds[nfds++] = (struct pollfd){.fd = s->runs[i]->err_fd, .events = POLLIN};
        }
        int timeout = wait_ms(s, wall, mono);
        if (fds)
            poll(fds, nfds, timeout);
        else
            poll(NULL, 0, timeout < 100 ? timeout : 100);
        free(fds);
        for (size_t i = 0; i < s->nruns; i++)
            read_stderr(s->runs[i]);
    }
}

/* Ask a running scheduler to run @p job now. */
static int request_trigger(const char *requests_dir, pid_t holder, const char *job, const char *state_path)
{
    if (holder <= 0) {
        fprintf(stderr, "textpipe schedule: %s is locked by a process whose id is unknown; cannot ask it to run %s\n",
                state_path, job);
        return SCHED_EXIT_FAILURE;
    }
    char err[512];
    if (mkdir(requests_dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "textpipe schedule: cannot create %s: %s\n", requests_dir, strerror(errno));
        return SCHED_EXIT_FAILURE;
    }
    char path[PATH_MAX], line[300];
    snprintf(path, sizeof path, "%s/%ld-%lld", requests_dir, (long)getpid(), (long long)wall_ms());
    int n = snprintf(line, sizeof line, "%s\n", job);
    if (write_file_atomically(path, line, (size_t)n, err, sizeof err) != 0) {
        fprintf(stderr, "textpipe schedule: %s\n", err);
        return SCHED_EXIT_FAILURE;
    }
    if (kill(holder, SIGUSR1) != 0) {
        unlink(path);
        fprintf(stderr, "textpipe schedule: cannot signal the scheduler (pid %ld): %s\n", (long)holder,
                strerror(errno));
        return SCHED_EXIT_FAILURE;
    }
    printf("asked the running scheduler (pid %ld) to run %s now; its log shows the run\n", (long)holder, job);
    return SCHED_EXIT_OK;
}

static void free_scheduler(scheduler *s)
{
    for (size_t i = 0; i < s->nruns; i++)
        free_run(s->runs[i]);
    free(s->runs);
    for (size_t i = 0; i < s->njobs_rt; i++) {
        free(s->jobs_rt[i]->name);
        free(s->jobs_rt[i]->pending);
        free(s->jobs_rt[i]);
    }
    free(s->jobs_rt);
    free(s->requests_dir);
    jobs_free(s->jobs);
    tp_runtime_free(s->rt);
    state_close(&s->state);
    eventlog_close(&s->log);
}

int scheduler_main(const sched_options *o)
{
    scheduler s;
    memset(&s, 0, sizeof s);
    s.o = o;
    s.oneshot_result = -1;
    s.log.fd = 2;
    tp_error terr;
    tp_error_clear(&terr);
    int code = SCHED_EXIT_OK;
    char err[2048];
    char *state_path = NULL;
    s.rt = runtime_for_program(o->plugin_path, &terr);
    tp_diagnostics *d = tp_diagnostics_new();
    if (!s.rt || !d) {
        fprintf(stderr, "textpipe schedule: %s\n", s.rt ? "out of memory" : terr.message);
        tp_diagnostics_free(d);
        free_scheduler(&s);
        return SCHED_EXIT_FAILURE;
    }
    s.jobs = jobs_load(o->jobs_path, s.rt, d);
    tp_diagnostics_print(d, stderr);
    tp_diagnostics_free(d);
    if (!s.jobs) {
        fprintf(stderr, "textpipe schedule: %s is not valid; nothing was started\n", o->jobs_path);
        free_scheduler(&s);
        return SCHED_EXIT_INVALID;
    }
    if (o->trigger_job && !jobs_find(s.jobs, o->trigger_job)) {
        fprintf(stderr, "textpipe schedule: no job named '%s' in %s\n", o->trigger_job, o->jobs_path);
        free_scheduler(&s);
        return SCHED_EXIT_INVALID;
    }
    state_path = o->state_path ? strdup(o->state_path) : jobs_default_state_path(s.jobs);
    size_t rlen = state_path ? strlen(state_path) + 16 : 0;
    s.requests_dir = state_path ? malloc(rlen) : NULL;
    if (!state_path || !s.requests_dir) {
        fprintf(stderr, "textpipe schedule: out of memory\n");
        free(state_path);
        free_scheduler(&s);
        return SCHED_EXIT_FAILURE;
    }
    snprintf(s.requests_dir, rlen, "%s.requests", state_path);
    int rc = state_open(&s.state, state_path, 1, err, sizeof err);
    if (rc == STATE_LOCKED && o->trigger_job) {
        code = request_trigger(s.requests_dir, state_lock_holder(state_path), o->trigger_job, state_path);
        free(state_path);
        free_scheduler(&s);
        return code;
    }
    if (rc == STATE_CORRUPT && o->reset_state) {
        char moved[PATH_MAX], err2[1024];
        fprintf(stderr, "textpipe schedule: %s\n", err);
        if (state_move_aside(state_path, moved, sizeof moved, err2, sizeof err2) != 0) {
            fprintf(stderr, "textpipe schedule: %s\n", err2);
        } else {
            fprintf(stderr, "textpipe schedule: --reset-state: moved the corrupt state to %s; starting afresh\n",
                    moved);
            rc = state_open(&s.state, state_path, 1, err, sizeof err);
        }
    }
    if (rc != STATE_OK) {
        fprintf(stderr, "textpipe schedule: %s\n", err);
        free(state_path);
        free_scheduler(&s);
        return SCHED_EXIT_FAILURE;
    }
    const char *log_path = o->log_path ? o->log_path : s.jobs->log_path;
    if (eventlog_open(&s.log, log_path, err, sizeof err) != 0) {
        fprintf(stderr, "textpipe schedule: %s\n", err);
        free(state_path);
        free_scheduler(&s);
        return SCHED_EXIT_FAILURE;
    }
    if (install_signals() != 0) {
        fprintf(stderr, "textpipe schedule: cannot set up signal handling: %s\n", strerror(errno));
        free(state_path);
        restore_signals();
        free_scheduler(&s);
        return SCHED_EXIT_FAILURE;
    }
    /* Runs execute this program by its path, so that after an upgrade
     * they use the new program with the new plugins (the old binary and
     * new plugins might not fit together).  /proc/self/exe if unknown. */
    ssize_t n = readlink("/proc/self/exe", s.exe, sizeof s.exe - 1);
    if (n <= 0 || (s.exe[n] = '\0', strstr(s.exe, " (deleted)")))
        snprintf(s.exe, sizeof s.exe, "/proc/self/exe");
    s.rng = (unsigned)getpid() ^ (unsigned)wall_ms() ^ 0x9E3779B9u;
    if (!s.rng)
        s.rng = 1;
    int64_t now = (int64_t)time(NULL), mono = mono_ms();
    for (size_t i = 0; i < s.jobs->njobs; i++)
        if (!add_job(&s, &s.jobs->jobs[i], now))
            log_error(&s, s.jobs->jobs[i].name, "out of memory: the job was not added");
    if (!o->trigger_job) {
        log_event(&s, "started", NULL,
                  json_pack("{s:s, s:s, s:i, s:i}", "jobs_file", o->jobs_path, "state", state_path, "jobs",
                            (int)s.jobs->njobs, "pid", (int)getpid()));
        recover(&s, now, mono);
    } else {
        recover(&s, now, mono);
        /* In trigger mode only the manual run: recovery's re-runs wait
         * for the scheduler. */
        for (size_t i = 0; i < s.njobs_rt; i++)
            s.jobs_rt[i]->npending = 0;
        job_rt *j = find_job(&s, o->trigger_job);
        json_t *f = slot_fields(j->def, now);
        log_event(&s, "trigger", j->name, f);
        enqueue(&s, j, now, 1, PENDING_MANUAL, mono);
    }
    save_state(&s);
    if (!o->trigger_job) {
        take_requests(&s);
        notify_service_manager("READY=1");
    }
    loop(&s);
    save_state(&s);
    if (!o->trigger_job)
        log_event(&s, "stopped", NULL, json_pack("{s:i}", "pid", (int)getpid()));
    if (o->trigger_job)
        code = s.oneshot_result < 0 ? SCHED_EXIT_RUN_FAILED : s.oneshot_result;
    restore_signals();
    free(state_path);
    free_scheduler(&s);
    return code;
}
