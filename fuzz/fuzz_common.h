/* fuzz_common.h - one runtime on the build tree's plugins for all runs. */
#ifndef TP_FUZZ_COMMON_H
#define TP_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include <textpipe/textpipe.h>

static inline tp_runtime *fuzz_runtime(void)
{
    static tp_runtime *rt;
    if (!rt) {
        tp_error err;
        rt = tp_runtime_new(&err);
        if (!rt || tp_runtime_add_plugin_path(rt, TP_ABS_BUILDDIR "/plugins", &err) ||
            tp_runtime_add_data_path(rt, TP_ABS_BUILDDIR "/plugins:" TP_ABS_SRCDIR "/plugins", &err)) {
            fprintf(stderr, "fuzz: no runtime: %s\n", err.message);
            abort();
        }
        tp_runtime_set_warning_stream(rt, NULL);
    }
    return rt;
}

#endif
