/* inputs.c - see inputs.h. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "state.h"

void input_batch_free(input_batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->files[i].path);
    free(b->files);
    memset(b, 0, sizeof *b);
}

static int64_t mtime_ns(const struct stat *sb)
{
    return (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
}

static int push_file(input_batch *b, const char *path, const struct stat *sb)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        input_file *f = realloc(b->files, cap * sizeof *f);
        if (!f)
            return -1;
        b->files = f;
        b->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return -1;
    b->files[b->n++] = (input_file){copy, (int64_t)sb->st_size, mtime_ns(sb)};
    /* cppcheck-suppress memleak ; copy is kept in b->files (cppcheck misses the compound literal) */
    return 0;
}

static int older_first(const void *a, const void *b)
{
    const input_file *x = a, *y = b;
    if (x->mtime_ns != y->mtime_ns)
        return x->mtime_ns < y->mtime_ns ? -1 : 1;
    return strcmp(x->path, y->path);
}

int inputs_scan_dir(const job_def *j, json_t *processed, input_claimed_fn claimed, void *user, int64_t now,
                    input_batch *b, char *err, size_t errlen)
{
    memset(b, 0, sizeof *b);
    DIR *d = opendir(j->input_path);
    if (!d) {
        snprintf(err, errlen, "cannot read the input directory %s: %s", j->input_path, strerror(errno));
        return -1;
    }
    json_t *seen = json_object();
    if (!seen) {
        closedir(d);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        /* FNM_PERIOD: hidden files (such as other tools' temporary files)
         * are matched only by a pattern that starts with '.' */
        if (fnmatch(j->pattern, de->d_name, FNM_PERIOD) != 0)
            continue;
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", j->input_path, de->d_name) >= sizeof path)
            continue;
        struct stat sb;
        if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        json_object_set_new(seen, path, json_true());
        json_t *rec = json_object_get(processed, path);
        if (rec && json_int_or(rec, "size", -1) == (int64_t)sb.st_size &&
            json_int_or(rec, "mtime_ns", -1) == mtime_ns(&sb))
            continue;
        if (claimed && claimed(user, path))
            continue;
        if (j->min_age > 0 && sb.st_mtim.tv_sec > now - j->min_age)
            continue; /* maybe still being written */
        if (push_file(b, path, &sb) != 0) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
            break;
        }
        errno = 0;
    }
    if (rc == 0 && errno != 0) {
        snprintf(err, errlen, "cannot read the input directory %s: %s", j->input_path, strerror(errno));
        rc = -1;
    }
    closedir(d);
    if (rc == 0) {
        /* Forget files that are gone (only after a complete listing). */
        const char *path;
        json_t *rec;
        void *tmp;
        json_object_foreach_safe(processed, tmp, path, rec) {
            if (!json_object_get(seen, path))
                json_object_del(processed, path);
        }
        if (b->n > 1)
            qsort(b->files, b->n, sizeof *b->files, older_first);
        if (b->n > (size_t)j->max_inputs) {
            for (size_t i = (size_t)j->max_inputs; i < b->n; i++)
                free(b->files[i].path);
            b->waiting = b->n - (size_t)j->max_inputs;
            b->n = (size_t)j->max_inputs;
        }
    } else {
        input_batch_free(b);
    }
    json_decref(seen);
    return rc;
}

int inputs_scan_jsonl(const job_def *j, const json_t *jsonl_state, input_batch *b, char *err, size_t errlen)
{
    memset(b, 0, sizeof *b);
    int fd = open(j->input_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0; /* nothing has arrived yet */
        snprintf(err, errlen, "cannot read the input %s: %s", j->input_path, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "the input %s is not a regular file", j->input_path);
        close(fd);
        return -1;
    }
    b->dev = (int64_t)sb.st_dev;
    b->ino = (int64_t)sb.st_ino;
    int64_t offset = json_int_or(jsonl_state, "offset", 0);
    int64_t line = json_int_or(jsonl_state, "line", 0);
    if (jsonl_state && (json_int_or(jsonl_state, "dev", -1) != b->dev || json_int_or(jsonl_state, "ino", -1) != b->ino ||
                        offset > (int64_t)sb.st_size)) {
        b->restarted = offset > 0;
        offset = 0;
        line = 0;
    }
    b->from = b->to = offset;
    b->first_line = line + 1;
    char buf[1 << 16];
    int64_t pos = offset;
    while (pos < (int64_t)sb.st_size) {
        size_t want = sizeof buf;
        if ((int64_t)want > (int64_t)sb.st_size - pos)
            want = (size_t)((int64_t)sb.st_size - pos);
        ssize_t n = pread(fd, buf, want, pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, errlen, "cannot read the input %s: %s", j->input_path, strerror(errno));
            close(fd);
            return -1;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] == '\n') {
                b->lines++;
                b->to = pos + i + 1; /* a line counts once it is complete */
            }
        pos += n;
    }
    close(fd);
    return 0;
}

int inputs_copy_slice(const char *src, int64_t from, int64_t to, const char *dst, char *err, size_t errlen)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        snprintf(err, errlen, "cannot read %s: %s", src, strerror(errno));
        return -1;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) {
        snprintf(err, errlen, "cannot create %s: %s", dst, strerror(errno));
        close(in);
        return -1;
    }
    char buf[1 << 16];
    int rc = 0;
    for (int64_t pos = from; pos < to && rc == 0;) {
        size_t want = sizeof buf;
        if ((int64_t)want > to - pos)
            want = (size_t)(to - pos);
        ssize_t n = pread(in, buf, want, pos);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(err, errlen, "cannot read %s: %s", src, n < 0 ? strerror(errno) : "it became shorter");
            rc = -1;
            break;
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                snprintf(err, errlen, "cannot write %s: %s", dst, strerror(w < 0 ? errno : EIO));
                rc = -1;
                break;
            }
            done += w;
        }
        pos += n;
    }
    close(in);
    if (close(out) != 0 && rc == 0) {
        snprintf(err, errlen, "cannot write %s: %s", dst, strerror(errno));
        rc = -1;
    }
    if (rc)
        unlink(dst);
    return rc;
}
