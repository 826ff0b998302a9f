/* fuzz_stage.c - libFuzzer target: a pipeline (FUZZ_PIPELINE, set when
 * compiling) over arbitrary bytes as a document's text, with invalid UTF-8
 * replaced, then the JSON, text and HTML writers.  Built once per stage. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/textpipe.h>

#include "fuzz_common.h"

#ifndef FUZZ_STRICT
#define FUZZ_STRICT 0
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tp_pipeline *pipeline(void)
{
    static tp_pipeline *p;
    if (!p) {
        tp_diagnostics *d = tp_diagnostics_new();
        const char *json = FUZZ_PIPELINE;
        tp_error err;
        p = tp_pipeline_parse(fuzz_runtime(), json, strlen(json), NULL, d);
        if (!p || tp_pipeline_start(p, &err) != TP_OK) {
            tp_diagnostics_print(d, stderr);
            fprintf(stderr, "fuzz_stage: cannot start %s\n", json);
            abort();
        }
        tp_diagnostics_free(d);
    }
    return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tp_pipeline *p = pipeline();
    tp_doc *doc = tp_doc_new();
    tp_error err;
    tp_buf out;
    tp_buf_init(&out);
    if (!doc || tp_doc_set_text(doc, (const char *)data, size, TP_UTF8_REPLACE, &err) != TP_OK)
        abort();
    tp_doc_set_id(doc, "fuzz", &err);
    /* a stage may refuse a document (an error), but must not crash; under
     * FUZZ_STRICT only for its size or memory: text that is valid UTF-8
     * must come through (a stage that built an attribute the core refuses,
     * such as bad JSON text, shows up here) */
    int rc = tp_pipeline_process(p, doc, &err);
    if (FUZZ_STRICT && rc != TP_OK && rc != TP_ERR_INPUT && rc != TP_ERR_NOMEM) {
        fprintf(stderr, "fuzz_stage: %s refused a valid document: %s\n", FUZZ_PIPELINE, err.message);
        abort();
    }
    if (rc == TP_OK) {
        const char *const all[] = {"all", NULL};
        tp_output_options o = {all, 1};
        if (tp_write_json(doc, &o, &out, &err) != TP_OK || tp_write_text(doc, &o, &out, &err) != TP_OK ||
            tp_write_html(doc, &o, &out, &err) != TP_OK)
            abort();
    }
    tp_buf_free(&out);
    tp_doc_free(doc);
    return 0;
}
