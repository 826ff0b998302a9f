/* locations.c - see locations.h.
 *
 * After `make`, ./textpipe runs from the build tree and must use the
 * plugins built there, not an older installed copy: libtool's wrapper runs
 * the real binary from BUILDDIR/.libs, which is how it is recognised.  The
 * installed binary lives elsewhere and uses the installed places. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "locations.h"

static int same_dir(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

int running_uninstalled(void)
{
    static int cached = -1;
    if (cached >= 0)
        return cached;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    cached = 0;
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            cached = same_dir(exe, TP_ABS_BUILDDIR "/.libs") || same_dir(exe, TP_ABS_BUILDDIR);
        }
    }
    return cached;
}

tp_runtime *runtime_for_program(const char *cli_plugin_path, tp_error *err)
{
    tp_runtime *rt = tp_runtime_new(err);
    if (!rt)
        return NULL;
    int rc = cli_plugin_path ? tp_runtime_add_plugin_path(rt, cli_plugin_path, err) : TP_OK;
    if (!rc)
        rc = tp_runtime_add_env_paths(rt, err);
    if (!rc && running_uninstalled()) {
        rc = tp_runtime_add_plugin_path(rt, TP_ABS_BUILDDIR "/plugins", err);
        if (!rc)
            rc = tp_runtime_add_data_path(rt, TP_ABS_BUILDDIR "/plugins:" TP_ABS_SRCDIR "/plugins", err);
        if (!rc)
            rc = tp_runtime_add_pipeline_path(rt, TP_ABS_SRCDIR "/pipelines", err);
    } else if (!rc) {
        rc = tp_runtime_add_installed_paths(rt, err);
    }
    if (rc) {
        tp_runtime_free(rt);
        return NULL;
    }
    return rt;
}
