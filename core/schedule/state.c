/* state.c - see state.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "state.h"

#define STATE_VERSION 1
#define STATE_FILE_MAX (256 << 20)

int64_t json_int_or(const json_t *obj, const char *key, int64_t dflt)
{
    json_t *v = json_object_get(obj, key);
    return json_is_integer(v) ? (int64_t)json_integer_value(v) : dflt;
}

int fsync_parent_dir(const char *path)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int write_file_atomically(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    char tmp[PATH_MAX];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
        snprintf(err, errlen, "%s: path too long", path);
        return -1;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", tmp, strerror(errno));
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(n < 0 ? errno : EIO));
            close(fd);
            unlink(tmp);
            return -1;
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        snprintf(err, errlen, "cannot write %s to disk: %s", tmp, strerror(errno));
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    if (fsync_parent_dir(path) != 0) {
        snprintf(err, errlen, "cannot sync the directory of %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

pid_t state_lock_holder(const char *path)
{
    char lock[PATH_MAX];
    snprintf(lock, sizeof lock, "%s.lock", path);
    int fd = open(lock, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    pid_t pid = 0;
    if (flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        char buf[32] = "";
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        if (n > 0) {
            buf[n] = '\0';
            pid = (pid_t)strtol(buf, NULL, 10); /* garbage gives 0: unknown */
        }
        if (pid <= 0)
            pid = -1; /* locked, holder unknown */
    }
    close(fd);
    return pid;
}

static int take_lock(sched_state *st, char *err, size_t errlen)
{
    st->lock_fd = open(st->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (st->lock_fd < 0) {
        snprintf(err, errlen, "cannot create the lock file %s: %s", st->lock_path, strerror(errno));
        return STATE_IO;
    }
    if (flock(st->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(st->lock_fd);
        st->lock_fd = -1;
        if (e == EWOULDBLOCK) {
            pid_t holder = state_lock_holder(st->path);
            char who[64] = "another process";
            if (holder > 0)
                snprintf(who, sizeof who, "another textpipe scheduler (pid %ld)", (long)holder);
            snprintf(err, errlen,
                     "the state file %s is in use by %s; stop it first, or give this scheduler its own state with "
                     "--state FILE",
                     st->path, who);
            return STATE_LOCKED;
        }
        snprintf(err, errlen, "cannot lock %s: %s", st->lock_path, strerror(e));
        return STATE_IO;
    }
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(st->lock_fd, 0) != 0 || pwrite(st->lock_fd, pid, (size_t)n, 0) != n) {
        /* the pid is only informative: go on */
    }
    return STATE_OK;
}

/* Check the shape of a state document; a message with the JSON path. */
static int check_shape(json_t *root, char *why, size_t size)
{
    if (!json_is_object(root)) {
        snprintf(why, size, "the top level is not an object");
        return -1;
    }
    json_t *v = json_object_get(root, "version");
    if (!json_is_integer(v) || json_integer_value(v) != STATE_VERSION) {
        snprintf(why, size, "version: expected %d", STATE_VERSION);
        return -1;
    }
    json_t *jobs = json_object_get(root, "jobs");
    if (!json_is_object(jobs)) {
        snprintf(why, size, "jobs: expected an object");
        return -1;
    }
    const char *name;
    json_t *job;
    json_object_foreach(jobs, name, job) {
        if (!json_is_object(job)) {
            snprintf(why, size, "jobs.%s: expected an object", name);
            return -1;
        }
        static const struct {
            const char *key;
            json_type type;
        } fields[] = {{"last_slot", JSON_INTEGER}, {"processed", JSON_OBJECT}, {"jsonl", JSON_OBJECT},
                      {"running", JSON_ARRAY},    {"history", JSON_ARRAY}};
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
            json_t *f = json_object_get(job, fields[i].key);
            if (f && json_typeof(f) != fields[i].type) {
                snprintf(why, size, "jobs.%s.%s: wrong type", name, fields[i].key);
                return -1;
            }
        }
        const char *path;
        json_t *rec;
        json_object_foreach(json_object_get(job, "processed"), path, rec) {
            if (!json_is_object(rec) || !json_is_integer(json_object_get(rec, "size")) ||
                !json_is_integer(json_object_get(rec, "mtime_ns"))) {
                snprintf(why, size, "jobs.%s.processed[\"%s\"]: expected {\"size\": N, \"mtime_ns\": N}", name, path);
                return -1;
            }
        }
        size_t i;
        json_array_foreach(json_object_get(job, "running"), i, rec) {
            if (!json_is_object(rec) || !json_is_integer(json_object_get(rec, "slot")) ||
                !json_is_string(json_object_get(rec, "output")) || !json_is_string(json_object_get(rec, "tmp"))) {
                snprintf(why, size, "jobs.%s.running[%zu]: expected a run with slot, output and tmp", name, i);
                return -1;
            }
        }
    }
    return 0;
}

int state_open(sched_state *st, const char *path, int lock, char *err, size_t errlen)
{
    memset(st, 0, sizeof *st);
    st->lock_fd = -1;
    st->path = strdup(path);
    size_t n = strlen(path) + 6;
    st->lock_path = malloc(n);
    if (!st->path || !st->lock_path) {
        snprintf(err, errlen, "out of memory");
        state_close(st);
        return STATE_IO;
    }
    snprintf(st->lock_path, n, "%s.lock", path);
    if (lock) {
        int rc = take_lock(st, err, errlen);
        if (rc) {
            state_close(st);
            return rc;
        }
    }
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno != ENOENT) {
            snprintf(err, errlen, "cannot read the state file %s: %s", path, strerror(errno));
            state_close(st);
            return STATE_IO;
        }
        st->root = json_pack("{s:i, s:{}}", "version", STATE_VERSION, "jobs");
        if (!st->root) {
            snprintf(err, errlen, "out of memory");
            state_close(st);
            return STATE_IO;
        }
        return STATE_OK;
    }
    if (sb.st_size > STATE_FILE_MAX) {
        snprintf(err, errlen, "the state file %s is larger than %d MB: not a state file this scheduler wrote", path,
                 STATE_FILE_MAX >> 20);
        state_close(st);
        return STATE_CORRUPT;
    }
    json_error_t je;
    st->root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    char why[512];
    if (!st->root) {
        if (access(path, R_OK) != 0) {
            snprintf(err, errlen, "cannot read the state file %s: %s", path, strerror(errno));
            state_close(st);
            return STATE_IO;
        }
        snprintf(err, errlen,
                 "%s:%d:%d: the state file is corrupt: %s; it was left as it is.  Repair it, or start with "
                 "--reset-state to move it aside (every input not recorded elsewhere will then be processed again)",
                 path, je.line, je.column, je.text);
        state_close(st);
        return STATE_CORRUPT;
    }
    if (check_shape(st->root, why, sizeof why) != 0) {
        snprintf(err, errlen,
                 "%s: the state file is corrupt: %s; it was left as it is.  Repair it, or start with --reset-state to "
                 "move it aside (every input not recorded elsewhere will then be processed again)",
                 path, why);
        state_close(st);
        return STATE_CORRUPT;
    }
    return STATE_OK;
}

int state_save(sched_state *st, char *err, size_t errlen)
{
    char *text = json_dumps(st->root, JSON_INDENT(1) | JSON_COMPACT | JSON_REAL_PRECISION(6));
    if (!text) {
        snprintf(err, errlen, "out of memory while saving the state");
        return STATE_IO;
    }
    size_t len = strlen(text);
    char *with_nl = realloc(text, len + 2);
    if (!with_nl) {
        free(text);
        snprintf(err, errlen, "out of memory while saving the state");
        return STATE_IO;
    }
    with_nl[len++] = '\n';
    with_nl[len] = '\0';
    int rc = write_file_atomically(st->path, with_nl, len, err, errlen);
    free(with_nl);
    return rc ? STATE_IO : STATE_OK;
}

void state_close(sched_state *st)
{
    if (st->lock_fd >= 0)
        close(st->lock_fd); /* releases the flock */
    st->lock_fd = -1;
    json_decref(st->root);
    free(st->path);
    free(st->lock_path);
    st->root = NULL;
    st->path = st->lock_path = NULL;
}

int state_move_aside(const char *path, char *moved_to, size_t size, char *err, size_t errlen)
{
    cal_time t;
    cal_time_from_seconds((int64_t)time(NULL), &t);
    snprintf(moved_to, size, "%s.corrupt-%04lld%02d%02dT%02d%02d%02dZ", path, (long long)t.year, t.month, t.day,
             t.hour, t.minute, t.second);
    if (rename(path, moved_to) != 0) {
        snprintf(err, errlen, "cannot move %s to %s: %s", path, moved_to, strerror(errno));
        return -1;
    }
    fsync_parent_dir(path);
    return 0;
}

json_t *state_job(sched_state *st, const char *name, int create)
{
    json_t *jobs = json_object_get(st->root, "jobs");
    json_t *job = json_object_get(jobs, name);
    if (job || !create)
        return job;
    job = json_object();
    if (!job || json_object_set_new(jobs, name, job) != 0)
        return NULL;
    return job;
}
