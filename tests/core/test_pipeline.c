/* test_pipeline.c - the pipeline validator: each kind of error, where it is
 * reported, and that all of them are reported at once. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "harness.h"

static tp_runtime *rt;
static tp_diagnostics *diags;

static void setup(void)
{
    rt = harness_runtime();
    diags = tp_diagnostics_new();
}

static void teardown(void)
{
    tp_diagnostics_free(diags);
    tp_runtime_free(rt);
}

/* Parse @p json as file "p.json"; returns the pipeline or NULL. */
static tp_pipeline *parse(const char *json)
{
    return tp_pipeline_parse(rt, json, strlen(json), "p.json", diags);
}

/* The diagnostic at @p path whose message contains @p needle. */
static const tp_diag *find(const char *path, const char *needle)
{
    for (size_t i = 0; i < tp_diagnostics_count(diags); i++) {
        const tp_diag *d = tp_diagnostics_get(diags, i);
        if (strcmp(d->path, path) == 0 && strstr(d->message, needle))
            return d;
    }
    tp_diagnostics_print(diags, stderr);
    ck_abort_msg("no diagnostic at '%s' containing '%s'", path, needle);
    return NULL;
}

START_TEST(syntax_error_has_line_and_column)
{
    ck_assert_ptr_null(parse("{\n  \"stages\": [\n    {\"plugin\": \"words\",}\n  ]\n}"));
    ck_assert_uint_eq(tp_diagnostics_errors(diags), 1);
    const tp_diag *d = tp_diagnostics_get(diags, 0);
    ck_assert_str_eq(d->file, "p.json");
    ck_assert_int_eq(d->line, 3);
    ck_assert_int_gt(d->column, 20);
}
END_TEST

START_TEST(duplicate_keys_are_refused)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"words\", \"plugin\": \"words\"}]}"));
    ck_assert_msg(strstr(tp_diagnostics_get(diags, 0)->message, "duplicate"), "%s",
                  tp_diagnostics_get(diags, 0)->message);
}
END_TEST

START_TEST(unknown_keys_with_suggestions)
{
    ck_assert_ptr_null(parse("{\"name\": \"x\",\n \"stage\": []}"));
    const tp_diag *d = find("stage", "did you mean \"stages\"");
    ck_assert_int_eq(d->line, 2);
    ck_assert_int_eq(d->column, 2);
    find("", "has no \"stages\"");
}
END_TEST

START_TEST(stage_shape_errors)
{
    ck_assert_ptr_null(parse("{\"stages\": [42, {\"plugn\": \"words\"}, {\"plugin\": 7}, {\"plugin\": \"words\", "
                             "\"options\": []}]}"));
    find("stages[0]", "a stage is an object");
    find("stages[1].plugn", "did you mean \"plugin\"");
    find("stages[1]", "has no \"plugin\"");
    find("stages[2].plugin", "must be a string");
    find("stages[3].options", "must be an object");
}
END_TEST

START_TEST(unknown_plugin_lists_where_it_looked)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"nosuch\"}]}"));
    const tp_diag *d = find("stages[0].plugin", "no plugin named 'nosuch'");
    ck_assert_msg(strstr(d->message, "/tests/plugins"), "%s", d->message);
}
END_TEST

START_TEST(plugin_names_are_never_paths)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"../words\"}, {\"plugin\": \"/tmp/x\"}]}"));
    find("stages[0].plugin", "is not a plugin name");
    find("stages[1].plugin", "is not a plugin name");
}
END_TEST

START_TEST(options_checked_against_the_table)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"words\", \"options\": {"
                             "\"lenghts\": true, \"max_words\": 0, \"weight\": \"high\", \"mode\": \"fancey\", "
                             "\"stopwords\": [\"a\", 3], \"label\": false, \"colour\": 1}}]}"));
    find("stages[0].options.lenghts", "did you mean 'lengths'");
    find("stages[0].options.max_words", "out of range");
    find("stages[0].options.weight", "takes a number, not a string");
    find("stages[0].options.mode", "did you mean \"fancy\"");
    find("stages[0].options.stopwords", "item 1");
    find("stages[0].options.label", "takes a string");
    find("stages[0].options.colour", "has no option 'colour'");
    ck_assert_uint_eq(tp_diagnostics_errors(diags), 7);
}
END_TEST

START_TEST(requires_must_come_earlier)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"count-words\"}]}"));
    find("stages[0].plugin", "add a stage with plugin 'words' before it");
    tp_diagnostics_free(diags);
    diags = tp_diagnostics_new();
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"count-words\"}, {\"plugin\": \"words\"}]}"));
    find("stages[0].plugin", "provides only later");
}
END_TEST

START_TEST(uses_later_is_a_warning)
{
    tp_pipeline *p = parse("{\"stages\": [{\"plugin\": \"words\"}, {\"plugin\": \"count-words\"}, "
                           "{\"plugin\": \"extras\"}]}");
    ck_assert_ptr_nonnull(p);
    const tp_diag *d = find("stages[1].plugin", "uses 'extras'");
    ck_assert_int_eq(d->severity, TP_SEV_WARNING);
    tp_pipeline_free(p);
}
END_TEST

START_TEST(ids_and_provides_are_unique)
{
    ck_assert_ptr_null(parse("{\"stages\": [{\"plugin\": \"words\"}, {\"plugin\": \"words\"}]}"));
    find("stages[1].plugin", "already used by stages[0]");
    find("stages[1].plugin", "already provides");
}
END_TEST

START_TEST(every_error_is_reported_at_once)
{
    ck_assert_ptr_null(parse("{\"nam\": 1, \"stages\": [{\"plugin\": \"nosuch\"}, {\"plugin\": \"words\", "
                             "\"options\": {\"mode\": \"x\"}}, {\"plugin\": \"count-words\", \"opts\": {}}]}"));
    ck_assert_uint_ge(tp_diagnostics_errors(diags), 4);
}
END_TEST

START_TEST(a_valid_pipeline_runs)
{
    tp_pipeline *p = parse("{\"name\": \"t\", \"stages\": [{\"plugin\": \"words\", \"options\": {\"lengths\": "
                           "true}}, {\"plugin\": \"count-words\"}]}");
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(tp_diagnostics_count(diags), 0);
    ck_assert_str_eq(tp_pipeline_name(p), "t");
    tp_error e;
    ck_assert_int_eq(tp_pipeline_start(p, &e), TP_OK);
    tp_doc *d = harness_run(p, "a tremendously long word");
    char *w = harness_layer_texts(d, "words", "|");
    ck_assert_str_eq(w, "a|tremendously|long|word");
    free(w);
    ck_assert_int_eq(tp_doc_get_attr(d, "word_count")->u.i, 4);
    const tp_span *s = tp_layer_spans(tp_doc_layer(d, "words"));
    ck_assert_int_eq(tp_span_get(&s[1], "length")->u.i, 12);
    ck_assert_int_eq(tp_span_get(&s[1], "long")->u.b, 1);
    ck_assert_ptr_null(tp_span_get(&s[0], "long"));
    tp_doc_free(d);
    tp_pipeline_free(p);
}
END_TEST

START_TEST(pipelines_by_name_and_missing_names)
{
    tp_pipeline *p = tp_pipeline_open(rt, "news", diags);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(tp_pipeline_name(p), "news");
    tp_pipeline_free(p);
    ck_assert_ptr_null(tp_pipeline_open(rt, "newz", diags));
    find("", "available: ");
    ck_assert_ptr_null(tp_pipeline_open(rt, "/no/such/file.json", diags));
    find("", "cannot read the pipeline file");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("validator");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, syntax_error_has_line_and_column);
    tcase_add_test(tc, duplicate_keys_are_refused);
    tcase_add_test(tc, unknown_keys_with_suggestions);
    tcase_add_test(tc, stage_shape_errors);
    tcase_add_test(tc, unknown_plugin_lists_where_it_looked);
    tcase_add_test(tc, plugin_names_are_never_paths);
    tcase_add_test(tc, options_checked_against_the_table);
    tcase_add_test(tc, requires_must_come_earlier);
    tcase_add_test(tc, uses_later_is_a_warning);
    tcase_add_test(tc, ids_and_provides_are_unique);
    tcase_add_test(tc, every_error_is_reported_at_once);
    tcase_add_test(tc, a_valid_pipeline_runs);
    tcase_add_test(tc, pipelines_by_name_and_missing_names);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
