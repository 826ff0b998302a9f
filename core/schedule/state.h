/* state.h - the scheduler's memory between runs and restarts: per job the
 * last slot acted on, the inputs processed, the runs in progress (so a
 * crash can be recovered) and the recent history.
 *
 * One JSON file, replaced atomically (write a temporary file, fsync,
 * rename, fsync the directory), guarded by an exclusive flock on
 * STATE.lock so that two schedulers never share it.  A state file that does
 * not read back is reported with its position and left alone: resetting
 * it would process every input again. */
#ifndef TP_SCHED_STATE_H
#define TP_SCHED_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <jansson.h>

typedef struct sched_state {
    char *path;
    char *lock_path;
    int lock_fd;  /* -1 when opened read-only */
    json_t *root; /* {"version": 1, "jobs": {NAME: {...}}} */
} sched_state;

typedef enum state_status {
    STATE_OK = 0,
    STATE_LOCKED = -1,  /* another scheduler holds the lock */
    STATE_CORRUPT = -2, /* the file is not a valid state file */
    STATE_IO = -3       /* cannot read, write or lock */
} state_status;

/* Open the state at @p path (a missing file is an empty state).  With
 * @p lock, take the lock first (STATE_LOCKED if another process has it).
 * On failure the message in @p err says where and what to do. */
int state_open(sched_state *st, const char *path, int lock, char *err, size_t errlen);
/* Write the state atomically. */
int state_save(sched_state *st, char *err, size_t errlen);
/* Release the lock and free. */
void state_close(sched_state *st);

/* Move a corrupt state file aside to PATH.corrupt-TIMESTAMP; the new name
 * goes to @p moved_to. */
int state_move_aside(const char *path, char *moved_to, size_t size, char *err, size_t errlen);

/* The process holding the lock on the state at @p path, or 0. */
pid_t state_lock_holder(const char *path);

/* The job's object in the state (created when @p create). */
json_t *state_job(sched_state *st, const char *name, int create);

/* Helpers for integer fields: missing or wrong type gives @p dflt. */
int64_t json_int_or(const json_t *obj, const char *key, int64_t dflt);

/* Write @p data atomically to @p path (temporary file in the same
 * directory, fsync, rename, fsync the directory). */
int write_file_atomically(const char *path, const char *data, size_t len, char *err, size_t errlen);
/* fsync the directory that holds @p path. */
int fsync_parent_dir(const char *path);

#endif
