/* inputs.h - what a run processes: the files of an input directory not
 * yet processed successfully, or the lines appended to a JSONL file since
 * the last successful run.
 *
 * A file is identified by path, size and modification time: a file that
 * changes is processed again, one that stays is processed once.  A JSONL
 * file is read up to its last complete line, from the byte offset the
 * last successful run reached; when it is replaced (another inode) or
 * truncated, reading starts again from the top. */
#ifndef TP_SCHED_INPUTS_H
#define TP_SCHED_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "jobs.h"

typedef struct input_file {
    char *path;
    int64_t size, mtime_ns;
} input_file;

typedef struct input_batch {
    input_file *files;
    size_t n, cap;
    size_t waiting;          /* directory: new files left for a later run */
    int64_t from, to;        /* JSONL: the byte range of complete new lines */
    int64_t dev, ino;
    int64_t first_line, lines;
    int restarted;           /* JSONL: replaced or truncated, read from the top */
} input_batch;

/* Is @p path taken by a run in progress? */
typedef int (*input_claimed_fn)(void *user, const char *path);

/* The directory's new files, oldest first, at most j->max_inputs.
 * Records in @p processed (path -> {size, mtime_ns}) of files that are
 * gone are dropped, so the state does not grow without end. */
int inputs_scan_dir(const job_def *j, json_t *processed, input_claimed_fn claimed, void *user, int64_t now,
                    input_batch *b, char *err, size_t errlen);

/* The new complete lines of the JSONL input after @p jsonl_state
 * ({dev, ino, offset, line}; NULL for none). */
int inputs_scan_jsonl(const job_def *j, const json_t *jsonl_state, input_batch *b, char *err, size_t errlen);

/* Copy bytes [from, to) of @p src into a new file @p dst. */
int inputs_copy_slice(const char *src, int64_t from, int64_t to, const char *dst, char *err, size_t errlen);

void input_batch_free(input_batch *b);

#endif
