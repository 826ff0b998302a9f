/* harness.c - see harness.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

tp_runtime *harness_runtime(void)
{
    tp_error err;
    tp_runtime *rt = tp_runtime_new(&err);
    ck_assert_msg(rt != NULL, "tp_runtime_new: %s", err.message);
    ck_assert_int_eq(tp_runtime_add_env_paths(rt, &err), TP_OK);
    return rt;
}

tp_pipeline *harness_pipeline(tp_runtime *rt, const char *json)
{
    tp_diagnostics *d = tp_diagnostics_new();
    tp_pipeline *p = tp_pipeline_parse(rt, json, strlen(json), NULL, d);
    if (!p)
        tp_diagnostics_print(d, stderr);
    ck_assert_msg(p != NULL, "pipeline did not validate: %s", json);
    tp_diagnostics_free(d);
    tp_error err;
    tp_error_clear(&err);
    int rc = tp_pipeline_start(p, &err);
    ck_assert_msg(rc == TP_OK, "pipeline did not start: %s", err.message);
    return p;
}

tp_doc *harness_run(tp_pipeline *p, const char *text)
{
    tp_doc *doc = tp_doc_new();
    ck_assert_ptr_nonnull(doc);
    tp_error err;
    tp_error_clear(&err);
    ck_assert_int_eq(tp_doc_set_id(doc, "test", &err), TP_OK);
    int rc = tp_doc_set_text(doc, text, strlen(text), TP_UTF8_STRICT, &err);
    ck_assert_msg(rc == TP_OK, "set_text: %s", err.message);
    rc = tp_pipeline_process(p, doc, &err);
    ck_assert_msg(rc == TP_OK, "process: %s", err.message);
    return doc;
}

static char *join(const tp_doc *doc, const char *layer_name, const char *sep, int with_label)
{
    tp_layer *layer = tp_doc_layer(doc, layer_name);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_append(&b, "", 0);
    if (layer) {
        size_t len;
        const char *text = tp_layer_text(layer, &len);
        const tp_span *s = tp_layer_spans(layer);
        for (size_t i = 0; i < tp_layer_size(layer); i++) {
            if (i)
                tp_buf_append(&b, sep, strlen(sep));
            if (with_label && s[i].label)
                tp_buf_printf(&b, "%s:", s[i].label);
            tp_buf_append(&b, text + s[i].start, s[i].end - s[i].start);
        }
    }
    ck_assert(!b.failed);
    return b.data;
}

char *harness_layer_texts(const tp_doc *doc, const char *layer, const char *sep)
{
    return join(doc, layer, sep, 0);
}

char *harness_labeled_texts(const tp_doc *doc, const char *layer)
{
    return join(doc, layer, "|", 1);
}

const char *harness_srcpath(const char *rel)
{
    static char buf[4096];
    const char *src = getenv("TP_SRCDIR");
    snprintf(buf, sizeof buf, "%s/%s", src ? src : ".", rel);
    return buf;
}

int harness_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
