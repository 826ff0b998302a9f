/* test_loader.c - loading plugins: the descriptor checks, search order,
 * failing stages, and what a stage may and may not write. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static tp_runtime *rt;

static void setup(void) { rt = harness_runtime(); }
static void teardown(void) { tp_runtime_free(rt); }

/* Loading @p name fails with a message containing @p needle. */
static void load_fails(const char *name, const char *needle)
{
    tp_error e;
    tp_error_clear(&e);
    ck_assert_ptr_null(tp_runtime_load_plugin(rt, name, NULL, &e));
    ck_assert_int_eq(e.status, TP_ERR_PLUGIN);
    ck_assert_msg(strstr(e.message, needle), "loading %s: '%s' lacks '%s'", name, e.message, needle);
}

START_TEST(bad_descriptors_are_refused_precisely)
{
    load_fails("bad-magic", "magic 0xDEADBEEF");
    load_fails("wrong-abi", "built for plugin ABI 99.0");
    load_fails("newer-minor", "newer than this textpipe's");
    load_fails("bad-size", "descriptor size 24");
    load_fails("no-symbol", "no symbol 'no_symbol_LTX_textpipe_plugin'");
    load_fails("name-mismatch", "calls itself 'someone-else'");
    load_fails("no-description", "has no description");
    load_fails("not-there", "no plugin named 'not-there'");
    load_fails("../words", "not a plugin name");
    load_fails("/tmp/words", "not a plugin name");
    load_fails("Words", "not a plugin name");
}
END_TEST

START_TEST(a_good_plugin_loads_from_the_build_tree)
{
    tp_error e;
    const char *where = NULL;
    const tp_plugin *p = tp_runtime_load_plugin(rt, "words", &where, &e);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p->name, "words");
    /* never a stale installed copy: the build tree's own module */
    const char *build = getenv("TP_BUILDDIR");
    ck_assert_ptr_nonnull(build);
    ck_assert_msg(strstr(where, build) == where, "loaded from %s", where);
    /* loading again gives the same descriptor */
    ck_assert_ptr_eq(tp_runtime_load_plugin(rt, "words", NULL, &e), p);
}
END_TEST

START_TEST(search_path_order_first_wins)
{
    /* a copy of "words" in a directory earlier on the path shadows the
     * build tree's; a module of another name placed as words.so is refused */
    char dir[] = "/tmp/tp-loader-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char cmd[1024], expect[512];
    snprintf(cmd, sizeof cmd, "cp %s/tests/plugins/.libs/words.so %s/words.so && cp %s/tests/plugins/.libs/extras.so %s/count-words.so",
             getenv("TP_BUILDDIR"), dir, getenv("TP_BUILDDIR"), dir);
    ck_assert_int_eq(system(cmd), 0);
    tp_runtime *r2 = tp_runtime_new(NULL);
    tp_error e;
    tp_runtime_add_plugin_path(r2, dir, &e);
    tp_runtime_add_env_paths(r2, &e);
    const char *where = NULL;
    ck_assert_ptr_nonnull(tp_runtime_load_plugin(r2, "words", &where, &e));
    snprintf(expect, sizeof expect, "%s/words.so", dir);
    ck_assert_str_eq(where, expect);
    ck_assert_ptr_null(tp_runtime_load_plugin(r2, "count-words", NULL, &e));
    ck_assert_msg(strstr(e.message, dir) && strstr(e.message, "no symbol 'count_words_LTX_textpipe_plugin'"), "%s",
                  e.message);
    tp_runtime_free(r2);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(world_writable_plugin_directory_warns)
{
    char dir[] = "/tmp/tp-loader-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(chmod(dir, 0777), 0);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/tests/plugins/.libs/extras.so %s/extras.so", getenv("TP_BUILDDIR"), dir);
    ck_assert_int_eq(system(cmd), 0);
    char log[] = "/tmp/tp-warn-XXXXXX";
    int fd = mkstemp(log);
    FILE *warn = fdopen(fd, "w+");
    tp_runtime *r2 = tp_runtime_new(NULL);
    tp_runtime_set_warning_stream(r2, warn);
    tp_error e;
    tp_runtime_add_plugin_path(r2, dir, &e);
    ck_assert_ptr_nonnull(tp_runtime_load_plugin(r2, "extras", NULL, &e));
    fflush(warn);
    rewind(warn);
    char text[1024] = "";
    size_t n = fread(text, 1, sizeof text - 1, warn);
    text[n] = '\0';
    ck_assert_msg(strstr(text, "writable by other users") && strstr(text, dir), "warning: %s", text);
    fclose(warn);
    unlink(log);
    tp_runtime_free(r2);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(failing_create_names_the_stage)
{
    const char *json = "{\"stages\": [{\"plugin\": \"words\"}, {\"plugin\": \"fail-create\"}]}";
    tp_diagnostics *d = tp_diagnostics_new();
    tp_pipeline *p = tp_pipeline_parse(rt, json, strlen(json), "f.json", d);
    ck_assert_ptr_nonnull(p);
    tp_error e;
    ck_assert_int_eq(tp_pipeline_start(p, &e), TP_ERR_STAGE);
    ck_assert_msg(strstr(e.message, "f.json: stages[1] (fail-create): create failed: cannot open lexicon.txt"),
                  "%s", e.message);
    tp_pipeline_free(p); /* destroys the stage that was created */
    tp_diagnostics_free(d);
}
END_TEST

START_TEST(failing_process_names_stage_and_document)
{
    tp_pipeline *p = harness_pipeline(rt, "{\"stages\": [{\"plugin\": \"words\"}, {\"plugin\": \"fail-process\"}]}");
    tp_doc *d = tp_doc_new();
    tp_error e;
    tp_doc_set_text(d, "please FAIL now", 15, TP_UTF8_STRICT, &e);
    tp_doc_set_id(d, "doc-7", &e);
    ck_assert_int_eq(tp_pipeline_process(p, d, &e), TP_ERR_STAGE);
    ck_assert_msg(strstr(e.message, "stages[1] (fail-process) failed on document 'doc-7': the text asks me to fail"),
                  "%s", e.message);
    /* what the earlier stage made is kept */
    ck_assert_ptr_nonnull(tp_doc_layer(d, "words"));
    tp_doc_free(d);
    tp_pipeline_free(p);
}
END_TEST

static void undeclared(const char *text, const char *needle)
{
    tp_pipeline *p = harness_pipeline(rt, "{\"stages\": [{\"plugin\": \"undeclared-layer\"}]}");
    tp_doc *d = tp_doc_new();
    tp_error e;
    tp_doc_set_text(d, text, strlen(text), TP_UTF8_STRICT, &e);
    int rc = tp_pipeline_process(p, d, &e);
    if (needle) {
        ck_assert_int_eq(rc, TP_ERR_STAGE);
        ck_assert_msg(strstr(e.message, needle), "%s", e.message);
    } else {
        ck_assert_int_eq(rc, TP_OK);
    }
    tp_doc_free(d);
    tp_pipeline_free(p);
}

START_TEST(stages_write_only_what_they_declare)
{
    undeclared("L: a layer", "may not create layer 'secret'");
    undeclared("A: an attribute", "may not set document attribute 'secret'");
    undeclared("V: a view", "may not change the text");
    undeclared("declared", NULL);
}
END_TEST

static void visit(void *u, const char *name, const char *where, const tp_plugin *p, const char *problem)
{
    int *c = u;
    (void)name;
    (void)where;
    if (p)
        c[0]++;
    else {
        ck_assert_ptr_nonnull(problem);
        c[1]++;
    }
}

START_TEST(listing_reports_broken_modules)
{
    /* every test module is visited; the broken ones carry their problem */
    struct { int good, bad; } counts = {0, 0};
    tp_error e;
    ck_assert_int_eq(tp_runtime_list_plugins(rt, visit, &counts, &e), TP_OK);
    ck_assert_int_ge(counts.good, 6);  /* normalize, words, count-words, extras, fail-* ... */
    ck_assert_int_ge(counts.bad, 7);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("all");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, bad_descriptors_are_refused_precisely);
    tcase_add_test(tc, a_good_plugin_loads_from_the_build_tree);
    tcase_add_test(tc, search_path_order_first_wins);
    tcase_add_test(tc, world_writable_plugin_directory_warns);
    tcase_add_test(tc, failing_create_names_the_stage);
    tcase_add_test(tc, failing_process_names_stage_and_document);
    tcase_add_test(tc, stages_write_only_what_they_declare);
    tcase_add_test(tc, listing_reports_broken_modules);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
