/* textpipe/pipeline.h - loading plugins and running pipelines (for programs).
 *
 *     tp_runtime *rt = tp_runtime_new(&err);
 *     tp_diagnostics *d = tp_diagnostics_new();
 *     tp_pipeline *p = tp_pipeline_open(rt, "news", d);  // name or path
 *     if (!p) { tp_diagnostics_print(d, stderr); ... }
 *     if (tp_pipeline_start(p, &err) != TP_OK) ...        // create() stages
 *     tp_pipeline_process(p, doc, &err);                  // any number of docs
 *     tp_pipeline_free(p); tp_diagnostics_free(d); tp_runtime_free(rt);
 *
 * A runtime holds the search paths and the loaded modules; modules stay
 * loaded until the process ends (never unloaded while something may still
 * point into them).  tp_pipeline_process() may be called from several
 * threads at once, each with its own document: stages whose plugin is not
 * TP_PLUGIN_THREAD_SAFE are run one document at a time.
 */
#ifndef TEXTPIPE_PIPELINE_H
#define TEXTPIPE_PIPELINE_H

#include <stdio.h>
#include <textpipe/error.h>
#include <textpipe/document.h>
#include <textpipe/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tp_runtime tp_runtime;
typedef struct tp_pipeline tp_pipeline;
typedef struct tp_diagnostics tp_diagnostics;

/* ------------------------------------------------------------------ */
/* Diagnostics: every problem found while reading a pipeline.          */

typedef enum tp_severity { TP_SEV_ERROR = 0, TP_SEV_WARNING = 1, TP_SEV_NOTE = 2 } tp_severity;

/** One problem.  line/column are 1-based, 0 when unknown; path is a JSON
 *  path such as "stages[2].options.form" ("" for the whole file). */
typedef struct tp_diag {
    tp_severity severity;
    const char *file;
    int line, column;
    const char *path;
    const char *message;
} tp_diag;

/** An empty list (NULL when out of memory). */
TP_API tp_diagnostics *tp_diagnostics_new(void);
/** Free the list and its entries (NULL is allowed). */
TP_API void tp_diagnostics_free(tp_diagnostics *d);
/** Number of entries, of all severities. */
TP_API size_t tp_diagnostics_count(const tp_diagnostics *d);
/** Number of errors (warnings and notes do not count). */
TP_API size_t tp_diagnostics_errors(const tp_diagnostics *d);
/** The i-th entry, in the order found, or NULL. */
TP_API const tp_diag *tp_diagnostics_get(const tp_diagnostics *d, size_t i);
/** Add one (programs that validate their own files use this too).
 *  Returns TP_ERR_NOMEM if it could not be stored. */
TP_API int tp_diagnostics_add(tp_diagnostics *d, tp_severity sev, const char *file, int line,
                              int column, const char *path, const char *fmt, ...) TP_PRINTF(7, 8);
/** Print all, one per line: "file:line:col: error: path: message". */
TP_API void tp_diagnostics_print(const tp_diagnostics *d, FILE *out);

/* ------------------------------------------------------------------ */
/* Runtime: search paths and loaded plugins.                           */

/** A runtime with an empty search path (add paths next); NULL on error. */
TP_API tp_runtime *tp_runtime_new(tp_error *err);
/** Free the runtime; free its pipelines first. */
TP_API void tp_runtime_free(tp_runtime *rt);

/** Append directories (a ':'-separated list) to the plugin search path.
 *  The path is searched in the order added. */
TP_API int tp_runtime_add_plugin_path(tp_runtime *rt, const char *dirs, tp_error *err);
/** Append roots to the data search path: plugin P's file F is looked up as
 *  ROOT/P/data/F. */
TP_API int tp_runtime_add_data_path(tp_runtime *rt, const char *dirs, tp_error *err);
/** Append directories where pipelines given by name are looked up. */
TP_API int tp_runtime_add_pipeline_path(tp_runtime *rt, const char *dirs, tp_error *err);
/** Add TEXTPIPE_PLUGIN_PATH, TEXTPIPE_DATA_PATH and TEXTPIPE_PIPELINE_PATH
 *  from the environment (each ':'-separated; unset ones are skipped). */
TP_API int tp_runtime_add_env_paths(tp_runtime *rt, tp_error *err);
/** Add the directories textpipe was installed into. */
TP_API int tp_runtime_add_installed_paths(tp_runtime *rt, tp_error *err);
/** Both of the above: the environment first, then the installed places. */
TP_API int tp_runtime_add_default_paths(tp_runtime *rt, tp_error *err);

/** Number of directories on the plugin path. */
TP_API size_t tp_runtime_plugin_path_size(const tp_runtime *rt);
/** The i-th plugin directory, in search order, or NULL. */
TP_API const char *tp_runtime_plugin_path_at(const tp_runtime *rt, size_t i);
/** Number of directories on the pipeline path. */
TP_API size_t tp_runtime_pipeline_path_size(const tp_runtime *rt);
/** The i-th pipeline directory, in search order, or NULL. */
TP_API const char *tp_runtime_pipeline_path_at(const tp_runtime *rt, size_t i);

/** Load the plugin named @p name (a name, never a path) and check its
 *  descriptor.  On success *where (if given) is the module's file. */
TP_API const tp_plugin *tp_runtime_load_plugin(tp_runtime *rt, const char *name,
                                               const char **where, tp_error *err);

/** Call @p fn for every module found on the plugin path, in path order
 *  (a name found twice: the first wins, later ones are reported as
 *  shadowed).  @p plugin is NULL and @p problem set when a module fails
 *  to load. */
typedef void (*tp_plugin_visit_fn)(void *user, const char *name, const char *where,
                                   const tp_plugin *plugin, const char *problem);
/** Visit every module on the plugin path (see tp_plugin_visit_fn). */
TP_API int tp_runtime_list_plugins(tp_runtime *rt, tp_plugin_visit_fn fn, void *user, tp_error *err);

/** Print a warning (to stderr) or keep quiet: warnings such as a plugin
 *  directory writable by others. */
TP_API void tp_runtime_set_warning_stream(tp_runtime *rt, FILE *out);

/* ------------------------------------------------------------------ */
/* Pipelines                                                           */

/** Read and validate the pipeline @p name_or_path (a name is looked up as
 *  NAME.json in the pipeline path; anything with a '/' or ending in .json
 *  is a path).  All problems go to @p diags; NULL if there was an error. */
TP_API tp_pipeline *tp_pipeline_open(tp_runtime *rt, const char *name_or_path, tp_diagnostics *diags);
/** The same from JSON text; @p filename is used in messages and to
 *  resolve relative paths in options (may be NULL). */
TP_API tp_pipeline *tp_pipeline_parse(tp_runtime *rt, const char *json, size_t len,
                                      const char *filename, tp_diagnostics *diags);
/** Run every stage's create(); on failure the message names the stage. */
TP_API int tp_pipeline_start(tp_pipeline *p, tp_error *err);
/** Run every stage on @p doc.  On failure the message names the stage and
 *  the document; the document keeps what earlier stages added. */
TP_API int tp_pipeline_process(tp_pipeline *p, tp_doc *doc, tp_error *err);
/** Run only stage @p i on @p doc (benchmarks and debugging: the caller
 *  runs the stages before it first). */
TP_API int tp_pipeline_process_stage(tp_pipeline *p, size_t i, tp_doc *doc, tp_error *err);
/** Destroy every created stage and free the pipeline (NULL allowed). */
TP_API void tp_pipeline_free(tp_pipeline *p);

/** The pipeline's "name" (or its file's base name). */
TP_API const char *tp_pipeline_name(const tp_pipeline *p);
/** The file it was read from, or NULL. */
TP_API const char *tp_pipeline_file(const tp_pipeline *p);
/** Number of stages. */
TP_API size_t tp_pipeline_stage_count(const tp_pipeline *p);
/** The plugin of stage @p i, or NULL. */
TP_API const tp_plugin *tp_pipeline_stage_plugin(const tp_pipeline *p, size_t i);
/** The id of stage @p i (its plugin's name unless the pipeline gave one). */
TP_API const char *tp_pipeline_stage_id(const tp_pipeline *p, size_t i);

#ifdef __cplusplus
}
#endif
#endif
