/* eventlog.h - the scheduler's log: one JSON object per line and event,
 * {"time": "...Z", "event": "...", "job": "...", ...}, to standard error
 * (journald adds its own time stamps and keeps it) or appended to a file
 * that is reopened on SIGHUP for log rotation.  Also the systemd
 * readiness protocol (sd_notify), spoken without libsystemd. */
#ifndef TP_SCHED_EVENTLOG_H
#define TP_SCHED_EVENTLOG_H

#include <stddef.h>

#include <jansson.h>

typedef struct eventlog {
    int fd;
    char *path; /* NULL: standard error */
} eventlog;

/* Log to @p path (appending; NULL for standard error). */
int eventlog_open(eventlog *l, const char *path, char *err, size_t errlen);
/* Reopen the file (after rotation); standard error stays. */
int eventlog_reopen(eventlog *l, char *err, size_t errlen);
void eventlog_close(eventlog *l);

/* Write one event; @p fields (may be NULL) is consumed.  Each line is
 * written with a single write(2), so lines from several processes
 * appending to one file do not interleave. */
void eventlog_write(eventlog *l, const char *event, const char *job, json_t *fields);

/* Tell systemd (Type=notify) something: "READY=1", "RELOADING=1",
 * "STOPPING=1".  Does nothing outside systemd. */
void notify_service_manager(const char *state);

#endif
