/* options_internal.h - option tables: checking plugins' tables, checking
 * a stage's options against them, and the tp_config handed to create(). */
#ifndef TP_OPTIONS_INTERNAL_H
#define TP_OPTIONS_INTERNAL_H

#include <jansson.h>

#include <textpipe/pipeline.h>

/* Check a plugin's own table (names, types, defaults, ranges).  Returns 0,
 * or -1 with a description of the first defect. */
int options_check_table(const tp_option *table, char *problem, size_t size);

/* Reports one problem with the option at JSON path "...options.NAME". */
typedef void (*option_report_fn)(void *user, const char *name, int at_key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Check @p given (a JSON object, may be NULL) against @p table, reporting
 * every problem.  Returns the number of problems. */
size_t options_validate(const tp_plugin *plugin, const json_t *given, option_report_fn report, void *user);

/* Given options merged over the defaults (a new object), or NULL. */
json_t *options_resolve(const tp_option *table, const json_t *given);

/* The config passed to create(). */
struct tp_config {
    const tp_plugin *plugin;
    tp_runtime *rt;
    const char *module_path;
    const char *stage_id;
    const char *pipeline_file;  /* may be NULL */
    const char *options_path;   /* "stages[2].options" */
    json_t *values;             /* resolved options */
    char where[1024];           /* scratch for tp_config_where() */
};

#endif
