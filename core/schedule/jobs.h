/* jobs.h - the jobs file: which pipeline runs when, on what, into where,
 * and the policies that make it dependable.  See docs/scheduling.md for
 * the reference; the defaults below are the documented ones. */
#ifndef TP_SCHED_JOBS_H
#define TP_SCHED_JOBS_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/pipeline.h>

#include "cron.h"
#include "tz.h"

typedef enum concurrency_policy { CONC_FORBID, CONC_ALLOW, CONC_REPLACE, CONC_QUEUE } concurrency_policy;
typedef enum catchup_policy { CATCHUP_NONE, CATCHUP_LATEST, CATCHUP_ALL } catchup_policy;
typedef enum input_kind { JOB_INPUT_DIR, JOB_INPUT_JSONL } input_kind;

#define NO_LIMIT ((int64_t)-1)

/* Defaults (documented in docs/scheduling.md). */
#define DEFAULT_CATCHUP_MAX 10
#define DEFAULT_TIMEOUT 3600
#define DEFAULT_KILL_GRACE 10
#define DEFAULT_RETRIES 3
#define DEFAULT_RETRY_DELAY 10
#define DEFAULT_RETRY_DELAY_MAX 300
#define DEFAULT_HISTORY 20
#define DEFAULT_MAX_QUEUED 10
#define DEFAULT_MAX_INPUTS 1000

typedef struct job_policy {
    concurrency_policy concurrency; /* forbid */
    catchup_policy catchup;         /* latest */
    int catchup_max;                /* 10: for catchup "all" */
    int64_t starting_deadline;      /* seconds, NO_LIMIT (default) */
    int64_t timeout;                /* seconds, 3600; NO_LIMIT for none */
    int64_t kill_grace;             /* seconds between SIGTERM and SIGKILL, 10 */
    int retries;                    /* 3 */
    int64_t retry_delay;            /* first backoff, 10 s, doubling */
    int64_t retry_delay_max;        /* backoff cap, 300 s */
    int64_t random_delay;           /* 0: start at most this much after the slot */
    int history;                    /* runs kept in the state, 20 */
    int max_queued;                 /* 10: slots waiting under "queue" */
    int on_error_skip;              /* 0: a failing document fails the run */
    int threads;                    /* textpipe run -j; 0: its default */
} job_policy;

typedef struct job_def {
    char *name;
    char *schedule;   /* as written */
    cron_expr cron;
    tz_zone *zone;    /* owned */
    char *pipeline;   /* a name, or an absolute path */
    input_kind input;
    char *input_path; /* the directory, or the JSONL file (absolute) */
    char *pattern;    /* glob for directory inputs ("*") */
    char *input_format; /* NULL (by file name), "text" or "jsonl" */
    int64_t min_age;  /* skip files modified less than this long ago */
    int max_inputs;   /* files per run, 1000 */
    char *output;     /* absolute path template */
    int enabled;
    job_policy policy;
} job_def;

typedef struct jobs_file {
    char *path;       /* as given */
    char *dir;        /* absolute directory of the file: relative paths start here */
    char *state_path; /* absolute, or NULL when not set in the file */
    char *log_path;   /* absolute, or NULL */
    job_def *jobs;
    size_t njobs;
} jobs_file;

/* Read and validate @p path.  Every problem goes to @p diags with
 * file:line:column and the JSON path; NULL when there was an error.
 * With @p rt, pipelines given by name must exist on its pipeline path
 * (nothing is loaded). */
jobs_file *jobs_load(const char *path, tp_runtime *rt, tp_diagnostics *diags);
void jobs_free(jobs_file *f);
const job_def *jobs_find(const jobs_file *f, const char *name);

/* The state file a jobs file uses unless told otherwise: "state" from the
 * file, else JOBS.json -> JOBS.state.json beside it.  malloc'd. */
char *jobs_default_state_path(const jobs_file *f);

/* The output path for a run at @p slot: {job}, {time}, {time:FORMAT},
 * {epoch} replaced.  Returns 0, or -1 when it does not fit. */
int job_output_path(const job_def *j, int64_t slot, char *buf, size_t size);

#endif
