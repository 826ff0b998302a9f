/* test_state.c - the state file (atomic, locked, corruption refused and
 * kept) and input selection (new files once, changed files again, JSONL
 * lines once and only when complete). */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "inputs.h"
#include "jobs.h"
#include "state.h"

static char dir[PATH_MAX];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/tp-state-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static char *path_of(const char *name)
{
    static char bufs[4][PATH_MAX];
    static int next;
    char *p = bufs[next++ % 4];
    snprintf(p, PATH_MAX, "%s/%s", dir, name);
    return p;
}

static void put(const char *name, const char *text, const char *mode)
{
    FILE *f = fopen(path_of(name), mode);
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(save_and_reload)
{
    sched_state st;
    char err[1024];
    const char *p = path_of("s.json");
    ck_assert_int_eq(state_open(&st, p, 1, err, sizeof err), STATE_OK);
    json_t *job = state_job(&st, "news", 1);
    json_object_set_new(job, "last_slot", json_integer(1710054000));
    ck_assert_int_eq(state_save(&st, err, sizeof err), STATE_OK);
    state_close(&st);
    ck_assert_int_eq(access(path_of("s.json.lock"), F_OK), 0);
    ck_assert_int_eq(state_open(&st, p, 0, err, sizeof err), STATE_OK);
    ck_assert_int_eq(json_int_or(state_job(&st, "news", 0), "last_slot", 0), 1710054000);
    ck_assert_ptr_null(state_job(&st, "other", 0));
    state_close(&st);
    /* no temporary file is left behind */
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -q tmp", dir);
    ck_assert_int_ne(system(cmd), 0);
}
END_TEST

START_TEST(second_holder_is_refused)
{
    sched_state a, b;
    char err[1024];
    const char *p = path_of("s.json");
    ck_assert_int_eq(state_open(&a, p, 1, err, sizeof err), STATE_OK);
    ck_assert_int_eq(state_open(&b, p, 1, err, sizeof err), STATE_LOCKED);
    ck_assert_ptr_nonnull(strstr(err, "in use by another textpipe scheduler (pid"));
    ck_assert_ptr_nonnull(strstr(err, "--state"));
    ck_assert_int_eq(state_lock_holder(p), getpid());
    /* reading without the lock is allowed (schedule list) */
    ck_assert_int_eq(state_open(&b, p, 0, err, sizeof err), STATE_OK);
    state_close(&b);
    state_close(&a);
    ck_assert_int_eq(state_lock_holder(p), 0);
    ck_assert_int_eq(state_open(&b, p, 1, err, sizeof err), STATE_OK);
    state_close(&b);
}
END_TEST

START_TEST(corrupt_state_is_reported_and_kept)
{
    sched_state st;
    char err[1024];
    const char *p = path_of("s.json");
    put("s.json", "{\"version\": 1, \"jobs\": {\n  \"a\": {\"last_slot\": 12,,}\n}}\n", "w");
    ck_assert_int_eq(state_open(&st, p, 1, err, sizeof err), STATE_CORRUPT);
    ck_assert_msg(strstr(err, "s.json:2:") != NULL, "%s", err);
    ck_assert_ptr_nonnull(strstr(err, "left as it is"));
    ck_assert_ptr_nonnull(strstr(err, "--reset-state"));
    ck_assert_ptr_nonnull(strstr(slurp(p), "12,,")); /* untouched */
    /* valid JSON of the wrong shape */
    put("s.json", "{\"version\": 1, \"jobs\": {\"a\": {\"processed\": {\"/x\": {\"size\": \"big\"}}}}}", "w");
    ck_assert_int_eq(state_open(&st, p, 0, err, sizeof err), STATE_CORRUPT);
    ck_assert_msg(strstr(err, "jobs.a.processed[\"/x\"]") != NULL, "%s", err);
    put("s.json", "{\"version\": 7, \"jobs\": {}}", "w");
    ck_assert_int_eq(state_open(&st, p, 0, err, sizeof err), STATE_CORRUPT);
    ck_assert_ptr_nonnull(strstr(err, "version"));
    /* kept aside on request */
    char moved[PATH_MAX];
    ck_assert_int_eq(state_move_aside(p, moved, sizeof moved, err, sizeof err), 0);
    ck_assert_ptr_nonnull(strstr(moved, "s.json.corrupt-"));
    ck_assert_ptr_nonnull(strstr(slurp(moved), "\"version\": 7"));
    ck_assert_int_ne(access(p, F_OK), 0);
}
END_TEST

static job_def dir_job(const char *pattern)
{
    job_def j;
    memset(&j, 0, sizeof j);
    j.name = "t";
    j.input = JOB_INPUT_DIR;
    j.input_path = dir;
    j.pattern = (char *)pattern;
    j.max_inputs = 100;
    return j;
}

static int in_batch(const input_batch *b, const char *name)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(strrchr(b->files[i].path, '/') + 1, name) == 0)
            return 1;
    return 0;
}

static void mark(json_t *processed, const input_batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        json_object_set_new(processed, b->files[i].path,
                            json_pack("{s:I, s:I}", "size", (json_int_t)b->files[i].size, "mtime_ns",
                                      (json_int_t)b->files[i].mtime_ns));
}

static const char *claimed_name;
static int claimed(void *user, const char *path)
{
    (void)user;
    return claimed_name && strcmp(strrchr(path, '/') + 1, claimed_name) == 0;
}

START_TEST(directory_inputs_once)
{
    job_def j = dir_job("*.txt");
    json_t *processed = json_object();
    char err[512];
    input_batch b;
    put("a.txt", "one", "w");
    put("b.txt", "two", "w");
    put(".hidden.txt", "no", "w");
    put("c.md", "no", "w");
    ck_assert_int_eq(mkdir(path_of("d.txt"), 0755), 0); /* a directory, not a document */
    ck_assert_int_eq(inputs_scan_dir(&j, processed, claimed, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_uint_eq(b.n, 2);
    ck_assert(in_batch(&b, "a.txt") && in_batch(&b, "b.txt"));
    mark(processed, &b);
    input_batch_free(&b);
    /* nothing new */
    ck_assert_int_eq(inputs_scan_dir(&j, processed, claimed, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_uint_eq(b.n, 0);
    /* a changed file and a new one; a claimed one is left to its run */
    put("a.txt", " more", "a");
    put("e.txt", "new", "w");
    put("f.txt", "taken", "w");
    claimed_name = "f.txt";
    ck_assert_int_eq(inputs_scan_dir(&j, processed, claimed, NULL, time(NULL), &b, err, sizeof err), 0);
    claimed_name = NULL;
    ck_assert_uint_eq(b.n, 2);
    ck_assert(in_batch(&b, "a.txt") && in_batch(&b, "e.txt") && !in_batch(&b, "f.txt"));
    input_batch_free(&b);
    /* files that are gone are forgotten */
    unlink(path_of("b.txt"));
    ck_assert_int_eq(inputs_scan_dir(&j, processed, NULL, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_ptr_null(json_object_get(processed, path_of("b.txt")));
    ck_assert_ptr_nonnull(json_object_get(processed, path_of("a.txt")));
    input_batch_free(&b);
    /* at most max_inputs per run, the rest waits */
    j.max_inputs = 1;
    ck_assert_int_eq(inputs_scan_dir(&j, processed, NULL, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_uint_eq(b.n, 1);
    ck_assert_uint_eq(b.waiting, 2);
    input_batch_free(&b);
    /* too fresh files wait for min_age */
    j.max_inputs = 100;
    j.min_age = 3600;
    ck_assert_int_eq(inputs_scan_dir(&j, processed, NULL, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_uint_eq(b.n, 0);
    input_batch_free(&b);
    /* an unreadable directory is an error, and nothing is forgotten */
    j.input_path = "/nonexistent-dir";
    ck_assert_int_ne(inputs_scan_dir(&j, processed, NULL, NULL, time(NULL), &b, err, sizeof err), 0);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-dir"));
    ck_assert_ptr_nonnull(json_object_get(processed, path_of("a.txt")));
    json_decref(processed);
}
END_TEST

START_TEST(jsonl_lines_once)
{
    job_def j;
    memset(&j, 0, sizeof j);
    j.input = JOB_INPUT_JSONL;
    j.input_path = path_of("feed.jsonl");
    char err[512];
    input_batch b;
    /* not there yet: nothing to do */
    ck_assert_int_eq(inputs_scan_jsonl(&j, NULL, &b, err, sizeof err), 0);
    ck_assert_int_eq(b.lines, 0);
    put("feed.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c", "w");
    ck_assert_int_eq(inputs_scan_jsonl(&j, NULL, &b, err, sizeof err), 0);
    ck_assert_int_eq(b.lines, 2); /* the third is not complete */
    ck_assert_int_eq(b.from, 0);
    ck_assert_int_eq(b.to, 28);
    ck_assert_int_eq(b.first_line, 1);
    ck_assert_int_eq(inputs_copy_slice(j.input_path, b.from, b.to, path_of("slice"), err, sizeof err), 0);
    ck_assert_str_eq(slurp(path_of("slice")), "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
    json_t *st = json_pack("{s:I, s:I, s:I, s:I}", "dev", (json_int_t)b.dev, "ino", (json_int_t)b.ino, "offset",
                           (json_int_t)b.to, "line", (json_int_t)2);
    put("feed.jsonl", "\"}\n{\"text\": \"d\"}\n", "a");
    ck_assert_int_eq(inputs_scan_jsonl(&j, st, &b, err, sizeof err), 0);
    ck_assert_int_eq(b.lines, 2);
    ck_assert_int_eq(b.from, 28);
    ck_assert_int_eq(b.first_line, 3);
    ck_assert(!b.restarted);
    ck_assert_int_eq(inputs_copy_slice(j.input_path, b.from, b.to, path_of("slice"), err, sizeof err), 0);
    ck_assert_str_eq(slurp(path_of("slice")), "{\"text\": \"c\"}\n{\"text\": \"d\"}\n");
    /* replaced by a new file: read from the top */
    unlink(j.input_path);
    put("feed.jsonl", "{\"text\": \"new\"}\n", "w");
    ck_assert_int_eq(inputs_scan_jsonl(&j, st, &b, err, sizeof err), 0);
    ck_assert(b.restarted);
    ck_assert_int_eq(b.from, 0);
    ck_assert_int_eq(b.lines, 1);
    json_decref(st);
}
END_TEST

START_TEST(atomic_write)
{
    char err[256];
    const char *p = path_of("x");
    ck_assert_int_eq(write_file_atomically(p, "hello\n", 6, err, sizeof err), 0);
    ck_assert_str_eq(slurp(p), "hello\n");
    ck_assert_int_eq(write_file_atomically(p, "again\n", 6, err, sizeof err), 0);
    ck_assert_str_eq(slurp(p), "again\n");
    ck_assert_int_ne(write_file_atomically("/nonexistent-dir/x", "a", 1, err, sizeof err), 0);
    ck_assert_ptr_nonnull(strstr(err, "cannot create"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("state");
    TCase *t = tcase_create("state");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, save_and_reload);
    tcase_add_test(t, second_holder_is_refused);
    tcase_add_test(t, corrupt_state_is_reported_and_kept);
    tcase_add_test(t, directory_inputs_once);
    tcase_add_test(t, jsonl_lines_once);
    tcase_add_test(t, atomic_write);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
