/* cmd_schedule.c - `textpipe schedule`: run pipelines on a schedule. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cli/cli.h"
#include "../cli/locations.h"
#include "cmd_schedule.h"
#include "cron.h"
#include "jobs.h"
#include "scheduler.h"
#include "state.h"
#include "timefmt.h"

static void schedule_usage(FILE *out)
{
    fprintf(out,
            "Usage: textpipe schedule COMMAND [OPTION]... JOBS.json [JOB]\n"
            "Run pipelines on schedules, as dependably as cron and systemd timers.\n"
            "\n"
            "Commands:\n"
            "  run JOBS.json           run the scheduler in the foreground until SIGTERM or SIGINT\n"
            "                          (SIGHUP reloads JOBS.json and reopens the log file)\n"
            "  check JOBS.json         validate the jobs file and the pipelines it uses\n"
            "  next JOBS.json          print the next run times, one ISO 8601 time per line\n"
            "        [-n N] [--from TIME] [--job NAME]\n"
            "  next --cron EXPR        the next times of one cron expression\n"
            "        [--tz ZONE] [--from TIME] [-n N]\n"
            "  list JOBS.json          each job's last run, its status and its next run\n"
            "  trigger JOBS.json JOB   run JOB now (through the running scheduler if there is one)\n"
            "\n"
            "Options:\n"
            "      --state FILE        the state file (default: \"state\" in JOBS.json, else\n"
            "                          JOBS.state.json beside it)\n"
            "      --log FILE          append the JSON event log to FILE (default: \"log\" in\n"
            "                          JOBS.json, else standard error)\n"
            "      --plugin-path DIRS  search these directories for plugins first (also for runs)\n"
            "      --stop-grace DUR    at SIGTERM, let runs finish for this long (default 30s)\n"
            "      --reset-state       if the state file is corrupt, move it aside and start afresh\n"
            "                          (every input not recorded elsewhere is processed again)\n"
            "  -n N                    how many times `next` prints (default 5)\n"
            "      --from TIME         `next` counts from TIME: 2024-03-10T01:30:00-05:00, a local\n"
            "                          2024-03-10 01:30, or @UNIXSECONDS (default: now)\n"
            "      --job NAME          `next` for one job only\n"
            "      --cron EXPR         `next` for a cron expression instead of a jobs file\n"
            "      --tz ZONE           the time zone of --cron (default: the machine's)\n"
            "  -h, --help              show this help\n"
            "      --version           show the version\n"
            "\n"
            "See docs/scheduling.md for the jobs file, the policies and their defaults.\n"
            "Exit status: 0 ok, 1 failure (state locked or corrupt), 2 usage, 3 invalid jobs file,\n"
            "5 the triggered run failed.\n");
}

typedef struct schedule_args {
    const char *state, *log, *plugin_path, *from, *job, *cron, *tz;
    int64_t stop_grace;
    int reset_state;
    int count;
    char **rest;
    int nrest;
} schedule_args;

static int parse_args(int argc, char **argv, schedule_args *a)
{
    static const struct option longopts[] = {
        {"state", required_argument, NULL, 'S'},   {"log", required_argument, NULL, 'L'},
        {"plugin-path", required_argument, NULL, 'P'}, {"stop-grace", required_argument, NULL, 'G'},
        {"reset-state", no_argument, NULL, 'R'},   {"from", required_argument, NULL, 'F'},
        {"job", required_argument, NULL, 'J'},     {"cron", required_argument, NULL, 'C'},
        {"tz", required_argument, NULL, 'Z'},      {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},       {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    a->stop_grace = DEFAULT_STOP_GRACE;
    a->count = 5;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        const char *why;
        char *end;
        switch (c) {
        case 'S': a->state = optarg; break;
        case 'L': a->log = optarg; break;
        case 'P': a->plugin_path = optarg; break;
        case 'G':
            if (duration_parse(optarg, &a->stop_grace, &why) != 0) {
                fprintf(stderr, "%s schedule: --stop-grace %s: %s\n", cli_program, optarg, why);
                return -EXIT_USAGE - 1;
            }
            break;
        case 'R': a->reset_state = 1; break;
        case 'F': a->from = optarg; break;
        case 'J': a->job = optarg; break;
        case 'C': a->cron = optarg; break;
        case 'Z': a->tz = optarg; break;
        case 'n': {
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 100000) {
                fprintf(stderr, "%s schedule: -n takes a number from 1 to 100000, not '%s'\n", cli_program, optarg);
                return -EXIT_USAGE - 1;
            }
            a->count = (int)n;
            break;
        }
        case 'h': schedule_usage(stdout); return -EXIT_OK - 1;
        case 'V': print_version(); return -EXIT_OK - 1;
        default: fprintf(stderr, "Try '%s schedule --help'.\n", cli_program); return -EXIT_USAGE - 1;
        }
    }
    a->rest = argv + optind;
    a->nrest = argc - optind;
    return 0;
}

static int need_args(const schedule_args *a, int n, const char *what)
{
    if (a->nrest == n)
        return 0;
    fprintf(stderr, "%s schedule: %s %s\nTry '%s schedule --help'.\n", cli_program,
            a->nrest < n ? "missing" : "too many arguments; expected", what, cli_program);
    return -1;
}

/* ------------------------------------------------------------ check */

static int cmd_check(const schedule_args *a)
{
    if (need_args(a, 1, "JOBS.json"))
        return EXIT_USAGE;
    tp_error err;
    tp_error_clear(&err);
    tp_runtime *rt = runtime_for_program(a->plugin_path, &err);
    tp_diagnostics *d = tp_diagnostics_new();
    if (!rt || !d) {
        fprintf(stderr, "%s: %s\n", cli_program, rt ? "out of memory" : err.message);
        tp_diagnostics_free(d);
        tp_runtime_free(rt);
        return EXIT_FAILURE_OTHER;
    }
    const char *path = a->rest[0];
    jobs_file *f = jobs_load(path, rt, d);
    for (size_t i = 0; f && i < f->njobs; i++) {
        const job_def *j = &f->jobs[i];
        char where[64];
        snprintf(where, sizeof where, "jobs[%zu].pipeline", i);
        tp_pipeline *p = tp_pipeline_open(rt, j->pipeline, d);
        if (!p)
            tp_diagnostics_add(d, TP_SEV_ERROR, path, 0, 0, where, "the pipeline '%s' of job '%s' is not valid (see above)",
                               j->pipeline, j->name);
        tp_pipeline_free(p);
        snprintf(where, sizeof where, "jobs[%zu].input", i);
        if (j->input == JOB_INPUT_DIR && access(j->input_path, R_OK | X_OK) != 0)
            tp_diagnostics_add(d, TP_SEV_WARNING, path, 0, 0, where, "cannot read the input directory %s (yet): %s",
                               j->input_path, strerror(errno));
    }
    tp_diagnostics_print(d, stderr);
    int code = EXIT_OK;
    if (!f || tp_diagnostics_errors(d)) {
        fprintf(stderr, "%s: %s: invalid (%zu error%s)\n", cli_program, path, tp_diagnostics_errors(d),
                tp_diagnostics_errors(d) == 1 ? "" : "s");
        code = EXIT_PIPELINE;
    } else {
        int64_t now = (int64_t)time(NULL);
        for (size_t i = 0; i < f->njobs; i++) {
            const job_def *j = &f->jobs[i];
            int64_t next;
            char iso[ISO_TIME_MAX];
            printf("%s: \"%s\" in %s, next %s%s\n", j->name, j->schedule, tz_name(j->zone),
                   cron_next(&j->cron, j->zone, now, &next) == 0 ? iso_format(j->zone, next, iso) : "never",
                   j->enabled ? "" : " (disabled)");
        }
        printf("%s: valid (%zu job%s)\n", path, f->njobs, f->njobs == 1 ? "" : "s");
    }
    jobs_free(f);
    tp_diagnostics_free(d);
    tp_runtime_free(rt);
    return code;
}

/* ------------------------------------------------------------ next */

static int parse_from(const schedule_args *a, const tz_zone *z, int64_t *from)
{
    if (!a->from) {
        *from = (int64_t)time(NULL);
        return 0;
    }
    const char *why;
    if (iso_parse(a->from, z, from, &why) == 0)
        return 0;
    fprintf(stderr, "%s schedule: --from '%s': %s\n", cli_program, a->from, why);
    return -1;
}

static int next_for_cron(const schedule_args *a)
{
    if (need_args(a, 0, "(with --cron, no jobs file)"))
        return EXIT_USAGE;
    char zerr[512];
    tz_zone *z = tz_load(a->tz, zerr, sizeof zerr);
    if (!z) {
        fprintf(stderr, "%s schedule: --tz: %s\n", cli_program, zerr);
        return EXIT_USAGE;
    }
    cron_expr e;
    cron_error ce;
    int code = EXIT_OK;
    int64_t t;
    if (cron_parse(a->cron, &e, &ce) != 0) {
        fprintf(stderr, "%s schedule: invalid cron expression, column %d: %s\n  %s\n  %*s^\n", cli_program,
                ce.column, ce.message, a->cron, ce.column - 1, "");
        code = EXIT_PIPELINE;
    } else if (parse_from(a, z, &t) != 0) {
        code = EXIT_USAGE;
    } else {
        for (int i = 0; i < a->count; i++) {
            if (cron_next(&e, z, t, &t) != 0)
                break;
            char iso[ISO_TIME_MAX];
            printf("%s\n", iso_format(z, t, iso));
        }
    }
    tz_free(z);
    return code;
}

static int cmd_next(const schedule_args *a)
{
    if (a->cron)
        return next_for_cron(a);
    if (a->tz) {
        fprintf(stderr, "%s schedule: --tz goes with --cron; a job's time zone is in the jobs file\n", cli_program);
        return EXIT_USAGE;
    }
    if (need_args(a, 1, "JOBS.json (or --cron EXPR)"))
        return EXIT_USAGE;
    tp_diagnostics *d = tp_diagnostics_new();
    jobs_file *f = d ? jobs_load(a->rest[0], NULL, d) : NULL;
    tp_diagnostics_print(d, stderr);
    tp_diagnostics_free(d);
    if (!f)
        return EXIT_PIPELINE;
    if (a->job && !jobs_find(f, a->job)) {
        fprintf(stderr, "%s schedule: no job named '%s' in %s\n", cli_program, a->job, a->rest[0]);
        jobs_free(f);
        return EXIT_USAGE;
    }
    /* Each job's next times, merged in time order. */
    size_t n = f->njobs;
    int64_t *at = calloc(n, sizeof *at);
    int *left = calloc(n, sizeof *left);
    int code = EXIT_OK;
    if (!at || !left) {
        fprintf(stderr, "%s: out of memory\n", cli_program);
        code = EXIT_FAILURE_OTHER;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const job_def *j = &f->jobs[i];
        int64_t from;
        if ((a->job && strcmp(j->name, a->job) != 0) || (!a->job && !j->enabled)) {
            left[i] = 0;
            continue;
        }
        if (parse_from(a, j->zone, &from) != 0) {
            code = EXIT_USAGE;
            goto done;
        }
        left[i] = cron_next(&j->cron, j->zone, from, &at[i]) == 0 ? a->count : 0;
    }
    int with_names = !a->job && n > 1;
    for (int printed = 0; printed < a->count; printed++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (left[i] && (best == n || at[i] < at[best]))
                best = i;
        if (best == n)
            break;
        const job_def *j = &f->jobs[best];
        char iso[ISO_TIME_MAX];
        if (with_names)
            printf("%s %s\n", iso_format(j->zone, at[best], iso), j->name);
        else
            printf("%s\n", iso_format(j->zone, at[best], iso));
        left[best]--;
        if (left[best] && cron_next(&j->cron, j->zone, at[best], &at[best]) != 0)
            left[best] = 0;
    }
done:
    free(at);
    free(left);
    jobs_free(f);
    return code;
}

/* ------------------------------------------------------------ list */

static int cmd_list(const schedule_args *a)
{
    if (need_args(a, 1, "JOBS.json"))
        return EXIT_USAGE;
    tp_diagnostics *d = tp_diagnostics_new();
    jobs_file *f = d ? jobs_load(a->rest[0], NULL, d) : NULL;
    tp_diagnostics_print(d, stderr);
    tp_diagnostics_free(d);
    if (!f)
        return EXIT_PIPELINE;
    char *state_path = a->state ? strdup(a->state) : jobs_default_state_path(f);
    sched_state st;
    char err[2048];
    int code = EXIT_OK;
    if (!state_path || state_open(&st, state_path, 0, err, sizeof err) != STATE_OK) {
        fprintf(stderr, "%s schedule: %s\n", cli_program, state_path ? err : "out of memory");
        free(state_path);
        jobs_free(f);
        return EXIT_FAILURE_OTHER;
    }
    int daemon_running = state_lock_holder(state_path) != 0;
    int64_t now = (int64_t)time(NULL);
    size_t width = 3;
    for (size_t i = 0; i < f->njobs; i++)
        if (strlen(f->jobs[i].name) > width)
            width = strlen(f->jobs[i].name);
    printf("%-*s  %-25s  %-11s  %s\n", (int)width, "JOB", "LAST RUN", "STATUS", "NEXT RUN");
    for (size_t i = 0; i < f->njobs; i++) {
        const job_def *j = &f->jobs[i];
        json_t *sj = state_job(&st, j->name, 0);
        json_t *hist = json_object_get(sj, "history");
        json_t *last = json_array_get(hist, json_array_size(hist) ? json_array_size(hist) - 1 : 0);
        char last_text[ISO_TIME_MAX] = "-", next_text[ISO_TIME_MAX] = "-";
        const char *status = "-";
        if (last) {
            iso_format(j->zone, json_int_or(last, "slot", 0), last_text);
            status = json_string_value(json_object_get(last, "status"));
        }
        if (json_array_size(json_object_get(sj, "running")))
            status = daemon_running ? "running" : "interrupted";
        int64_t after = json_int_or(sj, "last_slot", now);
        if (after < now)
            after = now;
        int64_t next;
        if (!j->enabled)
            snprintf(next_text, sizeof next_text, "disabled");
        else if (cron_next(&j->cron, j->zone, after, &next) == 0)
            iso_format(j->zone, next, next_text);
        printf("%-*s  %-25s  %-11s  %s\n", (int)width, j->name, last_text, status ? status : "-", next_text);
    }
    if (!daemon_running)
        printf("(no scheduler is running on %s)\n", state_path);
    state_close(&st);
    free(state_path);
    jobs_free(f);
    return code;
}

/* ------------------------------------------------------------ run, trigger */

static int cmd_daemon(const schedule_args *a, int trigger)
{
    if (need_args(a, trigger ? 2 : 1, trigger ? "JOBS.json JOB" : "JOBS.json"))
        return EXIT_USAGE;
    sched_options o = {
        .jobs_path = a->rest[0],
        .state_path = a->state,
        .log_path = a->log,
        .plugin_path = a->plugin_path,
        .stop_grace = a->stop_grace,
        .reset_state = a->reset_state,
        .trigger_job = trigger ? a->rest[1] : NULL,
    };
    return scheduler_main(&o);
}

int cmd_schedule(int argc, char **argv)
{
    if (argc < 2) {
        schedule_usage(stderr);
        return EXIT_USAGE;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
        schedule_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(sub, "--version") == 0) {
        print_version();
        return EXIT_OK;
    }
    schedule_args a;
    int rc = parse_args(argc - 1, argv + 1, &a);
    if (rc < 0)
        return -rc - 1;
    if (strcmp(sub, "run") == 0)
        return cmd_daemon(&a, 0);
    if (strcmp(sub, "trigger") == 0)
        return cmd_daemon(&a, 1);
    if (strcmp(sub, "check") == 0)
        return cmd_check(&a);
    if (strcmp(sub, "next") == 0)
        return cmd_next(&a);
    if (strcmp(sub, "list") == 0)
        return cmd_list(&a);
    fprintf(stderr, "%s schedule: unknown command '%s'; use run, check, next, list or trigger\n", cli_program, sub);
    return EXIT_USAGE;
}
