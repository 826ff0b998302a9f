/* scheduler.h - the scheduler: decides which slots run under the job's
 * policies, starts each run as a child `textpipe run`, watches its time,
 * publishes its output, records it, and recovers after a crash.
 *
 * `textpipe schedule run` drives it as a daemon; `textpipe schedule
 * trigger` drives the same code for one manual run. */
#ifndef TP_SCHED_SCHEDULER_H
#define TP_SCHED_SCHEDULER_H

#include <stdint.h>

typedef struct sched_options {
    const char *jobs_path;
    const char *state_path;  /* NULL: from the jobs file */
    const char *log_path;    /* NULL: from the jobs file, else standard error */
    const char *plugin_path; /* passed to the runs (may be NULL) */
    int64_t stop_grace;      /* seconds to let runs finish at SIGTERM */
    int reset_state;         /* move a corrupt state aside and start afresh */
    const char *trigger_job; /* run this job once now, then return */
} sched_options;

#define DEFAULT_STOP_GRACE 30

/* Exit codes. */
enum {
    SCHED_EXIT_OK = 0,
    SCHED_EXIT_FAILURE = 1,  /* state locked, corrupt or unwritable */
    SCHED_EXIT_INVALID = 3,  /* the jobs file is not valid */
    SCHED_EXIT_RUN_FAILED = 5
};

/* Run until SIGTERM/SIGINT (daemon) or until the triggered run is over.
 * Returns an exit code. */
int scheduler_main(const sched_options *o);

#endif
