/* test_jobs.c - the jobs file: defaults, the forms of input, output
 * templates, and that every problem is reported with file:line:column,
 * the JSON path and what to do. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "jobs.h"

static char dir[PATH_MAX];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/tp-jobs-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static const char *write_file(const char *name, const char *text)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Load @p text as DIR/jobs.json; the diagnostics in *d. */
static jobs_file *load(const char *text, tp_diagnostics **d)
{
    static tp_runtime *rt;
    if (!rt)
        rt = harness_runtime();
    *d = tp_diagnostics_new();
    return jobs_load(write_file("jobs.json", text), rt, *d);
}

static void expect_diag(const tp_diagnostics *d, const char *path, int line, int column, const char *words)
{
    for (size_t i = 0; i < tp_diagnostics_count(d); i++) {
        const tp_diag *x = tp_diagnostics_get(d, i);
        if (strcmp(x->path, path) != 0 || !strstr(x->message, words))
            continue;
        ck_assert_msg(x->line == line && x->column == column, "%s: at %d:%d, expected %d:%d (%s)", path, x->line,
                      x->column, line, column, x->message);
        ck_assert_msg(strstr(x->file, "jobs.json") != NULL, "file %s", x->file);
        return;
    }
    tp_diagnostics_print(d, stderr);
    ck_abort_msg("no diagnostic at %s saying '%s'", path, words);
}

START_TEST(defaults_and_forms)
{
    write_file("my.json", "{\"name\": \"mine\", \"stages\": [{\"plugin\": \"normalize\"}]}");
    tp_diagnostics *d;
    jobs_file *f = load("{\"jobs\": [\n"
                        " {\"name\": \"a\", \"schedule\": \"*/5 * * * *\", \"pipeline\": \"clean\",\n"
                        "  \"input\": \"in/*.txt\", \"output\": \"out/{job}-{time}.jsonl\", \"timezone\": \"UTC\"},\n"
                        " {\"name\": \"b\", \"schedule\": \"@daily\", \"pipeline\": \"my.json\",\n"
                        "  \"input\": \"feed.jsonl\", \"output\": \"/abs/{time:%Y/%m/%d}.jsonl\"},\n"
                        " {\"name\": \"c\", \"schedule\": \"@hourly\", \"pipeline\": \"clean\",\n"
                        "  \"input\": {\"dir\": \"docs\", \"pattern\": \"*.md\", \"format\": \"text\", \"min_age\": "
                        "\"5s\", \"max_inputs\": 7},\n"
                        "  \"output\": \"{epoch}.jsonl\", \"concurrency\": \"queue\", \"timeout\": \"none\"}\n"
                        "], \"defaults\": {\"retries\": 5, \"timezone\": \"Europe/Berlin\"}}\n",
                        &d);
    if (!f)
        tp_diagnostics_print(d, stderr);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->njobs, 3);
    const job_def *a = jobs_find(f, "a"), *b = jobs_find(f, "b"), *c = jobs_find(f, "c");
    ck_assert_ptr_nonnull(a);
    /* the documented defaults */
    ck_assert_int_eq(a->policy.concurrency, CONC_FORBID);
    ck_assert_int_eq(a->policy.catchup, CATCHUP_LATEST);
    ck_assert_int_eq(a->policy.catchup_max, 10);
    ck_assert_int_eq(a->policy.starting_deadline, NO_LIMIT);
    ck_assert_int_eq(a->policy.timeout, 3600);
    ck_assert_int_eq(a->policy.kill_grace, 10);
    ck_assert_int_eq(a->policy.retries, 5); /* from "defaults" */
    ck_assert_int_eq(a->policy.retry_delay, 10);
    ck_assert_int_eq(a->policy.retry_delay_max, 300);
    ck_assert_int_eq(a->policy.random_delay, 0);
    ck_assert_int_eq(a->policy.history, 20);
    ck_assert_int_eq(a->policy.on_error_skip, 0);
    ck_assert(a->enabled);
    ck_assert_str_eq(tz_name(a->zone), "UTC"); /* the job's own beats the default */
    ck_assert_str_eq(tz_name(b->zone), "Europe/Berlin");
    /* input forms, relative to the jobs file */
    char expect[PATH_MAX];
    ck_assert_int_eq(a->input, JOB_INPUT_DIR);
    snprintf(expect, sizeof expect, "%s/in", dir);
    char real[PATH_MAX];
    ck_assert_ptr_nonnull(realpath(dir, real));
    snprintf(expect, sizeof expect, "%s/in", real);
    ck_assert_str_eq(a->input_path, expect);
    ck_assert_str_eq(a->pattern, "*.txt");
    ck_assert_int_eq(b->input, JOB_INPUT_JSONL);
    snprintf(expect, sizeof expect, "%s/feed.jsonl", real);
    ck_assert_str_eq(b->input_path, expect);
    snprintf(expect, sizeof expect, "%s/my.json", real);
    ck_assert_str_eq(b->pipeline, expect);
    ck_assert_str_eq(a->pipeline, "clean");
    ck_assert_str_eq(c->pattern, "*.md");
    ck_assert_str_eq(c->input_format, "text");
    ck_assert_int_eq(c->min_age, 5);
    ck_assert_int_eq(c->max_inputs, 7);
    ck_assert_int_eq(c->policy.concurrency, CONC_QUEUE);
    ck_assert_int_eq(c->policy.timeout, NO_LIMIT);
    /* output paths for a slot: 2024-03-10T07:00Z */
    char out[PATH_MAX];
    ck_assert_int_eq(job_output_path(a, 1710054000, out, sizeof out), 0);
    snprintf(expect, sizeof expect, "%s/out/a-20240310T070000+0000.jsonl", real);
    ck_assert_str_eq(out, expect);
    ck_assert_int_eq(job_output_path(b, 1710054000, out, sizeof out), 0);
    ck_assert_str_eq(out, "/abs/2024/03/10.jsonl");
    ck_assert_int_eq(job_output_path(c, 1710054000, out, sizeof out), 0);
    snprintf(expect, sizeof expect, "%s/1710054000.jsonl", real);
    ck_assert_str_eq(out, expect);
    char *state = jobs_default_state_path(f);
    snprintf(expect, sizeof expect, "%s/jobs.state.json", real);
    ck_assert_str_eq(state, expect);
    free(state);
    jobs_free(f);
    tp_diagnostics_free(d);
}
END_TEST

START_TEST(syntax_errors_have_positions)
{
    tp_diagnostics *d;
    ck_assert_ptr_null(load("{\"jobs\": [\n  {\"name\": \"a\",}\n]}\n", &d));
    ck_assert_uint_eq(tp_diagnostics_errors(d), 1);
    const tp_diag *x = tp_diagnostics_get(d, 0);
    ck_assert_int_eq(x->line, 2);
    ck_assert_ptr_nonnull(strstr(x->message, "not valid JSON"));
    tp_diagnostics_free(d);
    /* duplicate keys are refused, not silently merged */
    ck_assert_ptr_null(load("{\"jobs\": [{\"name\": \"a\", \"name\": \"b\"}]}", &d));
    ck_assert_ptr_nonnull(strstr(tp_diagnostics_get(d, 0)->message, "duplicate"));
    tp_diagnostics_free(d);
}
END_TEST

static const char *const bad_file =
    "{\n"
    "  \"jobs\": [\n"
    "    {\n"
    "      \"name\": \"one\",\n"
    "      \"schedule\": \"0 25 * * *\",\n"
    "      \"pipeline\": \"clean\",\n"
    "      \"input\": \"in/*.txt\",\n"
    "      \"output\": \"out/{job}.jsonl\",\n"
    "      \"scheduel\": 1,\n"
    "      \"timezone\": \"Mars/Olympus_Mons\",\n"
    "      \"concurrency\": \"sometimes\",\n"
    "      \"timeout\": \"5 minutes\",\n"
    "      \"retries\": -1\n"
    "    },\n"
    "    {\n"
    "      \"name\": \"two\",\n"
    "      \"schedule\": \"0 0 30 2 *\",\n"
    "      \"pipeline\": \"no-such-pipeline\",\n"
    "      \"input\": \"feed.jsonl\",\n"
    "      \"output\": \"out/{job}-{time:%Y}-{when}.jsonl\",\n"
    "      \"concurrency\": \"allow\"\n"
    "    },\n"
    "    {\n"
    "      \"name\": \"one\",\n"
    "      \"schedule\": \"@hourly\",\n"
    "      \"pipeline\": \"clean\",\n"
    "      \"input\": \"in\",\n"
    "      \"output\": \"out/{time:%Y-%m-%d}.jsonl\"\n"
    "    },\n"
    "    {\"schedule\": \"* * *\"}\n"
    "  ],\n"
    "  \"defaults\": {\"random_delay\": \"2m\", \"starting_deadline\": \"1m\"},\n"
    "  \"stat\": \"x\"\n"
    "}\n";

START_TEST(every_problem_is_listed_where_it_is)
{
    tp_diagnostics *d;
    ck_assert_ptr_null(load(bad_file, &d));
    /* inside the string: the quote is at column 19, "25" starts 3 further */
    expect_diag(d, "jobs[0].schedule", 5, 22, "hour field: 25 is out of range 0-23");
    expect_diag(d, "jobs[0].scheduel", 9, 7, "did you mean \"schedule\"");
    expect_diag(d, "jobs[0].timezone", 10, 19, "unknown time zone 'Mars/Olympus_Mons'");
    expect_diag(d, "jobs[0].concurrency", 11, 22, "\"forbid\", \"allow\", \"replace\", \"queue\"");
    expect_diag(d, "jobs[0].timeout", 12, 18, "unknown unit");
    expect_diag(d, "jobs[0].retries", 13, 18, "whole number from 0 to 100");
    expect_diag(d, "jobs[0].output", 8, 17, "must contain {time}");
    expect_diag(d, "jobs[1].schedule", 17, 24, "never fires");
    expect_diag(d, "jobs[1].pipeline", 18, 19, "no pipeline named \"no-such-pipeline\"");
    expect_diag(d, "jobs[1].output", 20, 38, "unknown placeholder {when}");
    expect_diag(d, "jobs[1].concurrency", 21, 22, "JSONL input is read in order");
    expect_diag(d, "jobs[2].name", 24, 15, "second job named \"one\"");
    expect_diag(d, "jobs[2].output", 28, 17, "would both write");
    expect_diag(d, "jobs[3]", 30, 5, "no \"name\"");
    expect_diag(d, "jobs[3].schedule", 30, 24, "too few fields");
    expect_diag(d, "jobs[3]", 30, 5, "no \"pipeline\"");
    expect_diag(d, "defaults.random_delay", 32, 32, "shorter than starting_deadline");
    expect_diag(d, "stat", 33, 3, "did you mean \"state\"");
    /* a problem in "defaults" is reported once, not once per job */
    size_t n = 0;
    for (size_t i = 0; i < tp_diagnostics_count(d); i++)
        n += strcmp(tp_diagnostics_get(d, i)->path, "defaults.random_delay") == 0;
    ck_assert_uint_eq(n, 1);
    tp_diagnostics_free(d);
}
END_TEST

START_TEST(jobs_must_be_there)
{
    tp_diagnostics *d;
    ck_assert_ptr_null(load("{\"jobs\": []}", &d));
    expect_diag(d, "jobs", 1, 10, "non-empty array");
    tp_diagnostics_free(d);
    ck_assert_ptr_null(load("[]", &d));
    ck_assert_ptr_nonnull(strstr(tp_diagnostics_get(d, 0)->message, "is an object"));
    tp_diagnostics_free(d);
    ck_assert_ptr_null(load("{}", &d));
    ck_assert_ptr_nonnull(strstr(tp_diagnostics_get(d, 0)->message, "no \"jobs\""));
    tp_diagnostics_free(d);
    d = tp_diagnostics_new();
    ck_assert_ptr_null(jobs_load("/nonexistent/jobs.json", NULL, d));
    ck_assert_ptr_nonnull(strstr(tp_diagnostics_get(d, 0)->message, "cannot read"));
    tp_diagnostics_free(d);
}
END_TEST

START_TEST(input_object_checks)
{
    tp_diagnostics *d;
    ck_assert_ptr_null(load("{\"jobs\": [{\"name\": \"x\", \"schedule\": \"@hourly\", \"pipeline\": \"clean\",\n"
                            "\"output\": \"{time}.jsonl\", \"input\": {\"dir\": \"a\", \"jsonl\": \"b.jsonl\"}}]}",
                            &d));
    expect_diag(d, "jobs[0].input", 2, 36, "exactly one of");
    tp_diagnostics_free(d);
    ck_assert_ptr_null(load("{\"jobs\": [{\"name\": \"x\", \"schedule\": \"@hourly\", \"pipeline\": \"clean\",\n"
                            "\"output\": \"{time}.jsonl\", \"input\": {\"dir\": \"a\", \"pattern\": \"x/*.txt\", "
                            "\"max_inputs\": 0}}]}",
                            &d));
    expect_diag(d, "jobs[0].input.pattern", 2, 60, "cannot contain '/'");
    expect_diag(d, "jobs[0].input.max_inputs", 2, 85, "whole number from 1");
    tp_diagnostics_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jobs");
    TCase *t = tcase_create("jobs");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, defaults_and_forms);
    tcase_add_test(t, syntax_errors_have_positions);
    tcase_add_test(t, every_problem_is_listed_where_it_is);
    tcase_add_test(t, jobs_must_be_there);
    tcase_add_test(t, input_object_checks);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
