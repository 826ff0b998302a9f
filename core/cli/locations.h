/* locations.h - where the program finds plugins, data and pipelines. */
#ifndef TP_LOCATIONS_H
#define TP_LOCATIONS_H

#include <textpipe/pipeline.h>

/* 1 when this program runs from its build tree (uninstalled). */
int running_uninstalled(void);

/* A runtime with the search path in order: @p cli_plugin_path (may be
 * NULL), the environment, then the build tree or the installed places. */
tp_runtime *runtime_for_program(const char *cli_plugin_path, tp_error *err);

#endif
