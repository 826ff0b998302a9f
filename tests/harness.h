/* harness.h - helpers for Check tests that run plugins in-process.
 *
 * `make check` sets TEXTPIPE_PLUGIN_PATH, TEXTPIPE_DATA_PATH and
 * TEXTPIPE_PIPELINE_PATH to the build tree, so the runtime from
 * harness_runtime() loads the freshly built plugins (never installed ones). */
#ifndef TP_TEST_HARNESS_H
#define TP_TEST_HARNESS_H

#include <check.h>
#include <textpipe/textpipe.h>

/* A runtime on the build tree's paths (plus tests/plugins). Never NULL. */
tp_runtime *harness_runtime(void);

/* Parse and start a pipeline from JSON text; fails the test (printing the
 * diagnostics) if it is invalid or a stage fails to start. */
tp_pipeline *harness_pipeline(tp_runtime *rt, const char *json);

/* Run @p text through @p p; fails the test on error. Free with tp_doc_free. */
tp_doc *harness_run(tp_pipeline *p, const char *text);

/* The spans of @p layer as their text in the layer's view, joined by
 * @p sep ("" when the layer is missing).  malloc'd. */
char *harness_layer_texts(const tp_doc *doc, const char *layer, const char *sep);

/* A span's label-and-text pairs: "PERSON:Jorge Glas|GPE:Quito". malloc'd. */
char *harness_labeled_texts(const tp_doc *doc, const char *layer);

/* Path of a file in the source tree (from TP_SRCDIR). Static buffer. */
const char *harness_srcpath(const char *rel);

/* Run a Check suite; returns the process exit status. */
int harness_main(Suite *s);

#endif
