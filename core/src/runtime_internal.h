/* runtime_internal.h - the runtime's representation (internal). */
#ifndef TP_RUNTIME_INTERNAL_H
#define TP_RUNTIME_INTERNAL_H

#include <pthread.h>
#include <stdio.h>

#include <textpipe/pipeline.h>

#include "util.h"

typedef struct loaded_module {
    char *name;
    char *path;
    const tp_plugin *desc;
} loaded_module;

struct tp_runtime {
    strlist plugin_path, data_path, pipeline_path;
    strlist warned_dirs;
    loaded_module *mods;
    size_t nmods, capmods;
    FILE *warn;
    pthread_mutex_t lock;  /* guards mods and warned_dirs */
};

int plugin_name_ok(const char *name);
/* The file a loaded descriptor came from, or NULL. */
const char *runtime_module_path(tp_runtime *rt, const tp_plugin *plugin);
/* "'a', 'b'": plugins on the path that provide @p what; malloc'd or NULL. */
char *runtime_providers_of(tp_runtime *rt, const char *what);

#endif
