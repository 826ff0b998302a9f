/* runtime.c - search paths and plugin loading with libltdl.
 *
 * A plugin is named, never given as a path: the name is looked up in the
 * plugin path as NAME.la / NAME.so, or NAME/NAME.la in a build tree.  Its
 * descriptor is checked field by field before anything in it is used, and
 * the module then stays loaded for the life of the process. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <ltdl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <textpipe/pipeline.h>
#include <textpipe/version.h>

#include "runtime_internal.h"
#include "options_internal.h"
#include "util.h"

/* libltdl keeps global state and is not thread-safe. */
static pthread_mutex_t ltdl_lock = PTHREAD_MUTEX_INITIALIZER;

const char *tp_version(void)
{
    return PACKAGE_VERSION;
}

tp_runtime *tp_runtime_new(tp_error *err)
{
    tp_runtime *rt = calloc(1, sizeof *rt);
    if (!rt) {
        tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        return NULL;
    }
    pthread_mutex_lock(&ltdl_lock);
    int bad = lt_dlinit();
    pthread_mutex_unlock(&ltdl_lock);
    if (bad) {
        tp_error_set(err, TP_ERR_PLUGIN, "cannot initialise libltdl: %s", lt_dlerror());
        free(rt);
        return NULL;
    }
    pthread_mutex_init(&rt->lock, NULL);
    rt->warn = stderr;
    return rt;
}

void tp_runtime_free(tp_runtime *rt)
{
    if (!rt)
        return;
    /* Modules stay loaded on purpose (see plugin-guide.md): something may
     * still point into them, and valgrind keeps their symbols. */
    for (size_t i = 0; i < rt->nmods; i++) {
        free(rt->mods[i].name);
        free(rt->mods[i].path);
    }
    free(rt->mods);
    strlist_free(&rt->plugin_path);
    strlist_free(&rt->data_path);
    strlist_free(&rt->pipeline_path);
    strlist_free(&rt->warned_dirs);
    pthread_mutex_destroy(&rt->lock);
    free(rt);
}

void tp_runtime_set_warning_stream(tp_runtime *rt, FILE *out)
{
    rt->warn = out;
}

/* Append each directory not already on the list (the environment and the
 * build tree may name the same one). */
static int add_paths(strlist *l, const char *dirs, tp_error *err)
{
    strlist parts = {0};
    int rc = strlist_push_split(&parts, dirs);
    for (size_t i = 0; !rc && i < parts.n; i++)
        if (!strlist_contains(l, parts.items[i]))
            rc = strlist_push(l, parts.items[i], strlen(parts.items[i]));
    strlist_free(&parts);
    return rc ? tp_error_set(err, TP_ERR_NOMEM, "out of memory") : TP_OK;
}

int tp_runtime_add_plugin_path(tp_runtime *rt, const char *dirs, tp_error *err)
{
    return add_paths(&rt->plugin_path, dirs, err);
}

int tp_runtime_add_data_path(tp_runtime *rt, const char *dirs, tp_error *err)
{
    return add_paths(&rt->data_path, dirs, err);
}

int tp_runtime_add_pipeline_path(tp_runtime *rt, const char *dirs, tp_error *err)
{
    return add_paths(&rt->pipeline_path, dirs, err);
}

int tp_runtime_add_env_paths(tp_runtime *rt, tp_error *err)
{
    int rc = add_paths(&rt->plugin_path, getenv("TEXTPIPE_PLUGIN_PATH"), err);
    if (!rc)
        rc = add_paths(&rt->data_path, getenv("TEXTPIPE_DATA_PATH"), err);
    if (!rc)
        rc = add_paths(&rt->pipeline_path, getenv("TEXTPIPE_PIPELINE_PATH"), err);
    return rc;
}

int tp_runtime_add_installed_paths(tp_runtime *rt, tp_error *err)
{
    int rc = add_paths(&rt->plugin_path, TP_PKGLIBDIR, err);
    if (!rc)
        rc = add_paths(&rt->data_path, TP_PKGDATADIR "/plugins", err);
    if (!rc)
        rc = add_paths(&rt->pipeline_path, TP_PKGDATADIR "/pipelines", err);
    return rc;
}

int tp_runtime_add_default_paths(tp_runtime *rt, tp_error *err)
{
    int rc = tp_runtime_add_env_paths(rt, err);
    return rc ? rc : tp_runtime_add_installed_paths(rt, err);
}

size_t tp_runtime_plugin_path_size(const tp_runtime *rt) { return rt->plugin_path.n; }
const char *tp_runtime_plugin_path_at(const tp_runtime *rt, size_t i)
{
    return i < rt->plugin_path.n ? rt->plugin_path.items[i] : NULL;
}
size_t tp_runtime_pipeline_path_size(const tp_runtime *rt) { return rt->pipeline_path.n; }
const char *tp_runtime_pipeline_path_at(const tp_runtime *rt, size_t i)
{
    return i < rt->pipeline_path.n ? rt->pipeline_path.items[i] : NULL;
}

/* ----------------------------------------------------------- names */

int plugin_name_ok(const char *name)
{
    size_t n = 0;
    for (const char *p = name; *p; p++, n++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (n > 0 && (c == '-' || c == '_'));
        if (!ok || n >= 64)
            return 0;
    }
    return n > 0;
}

static int name_error(const char *name, tp_error *err)
{
    return tp_error_set(err, TP_ERR_PLUGIN,
                        "'%s' is not a plugin name: names are lowercase letters, digits, '-' and '_' "
                        "(never a path); put the module's directory on --plugin-path and give its name",
                        name);
}

/* ---------------------------------------------------------- finding */

/* Warn once per directory that others may write into: anyone who can
 * write there can make textpipe run their code. */
static void check_writable(tp_runtime *rt, const char *path)
{
    struct stat st;
    if (!rt->warn || stat(path, &st) != 0 || !(st.st_mode & S_IWOTH))
        return;
    if (strlist_contains(&rt->warned_dirs, path))
        return;
    strlist_push(&rt->warned_dirs, path, strlen(path));
    fprintf(rt->warn,
            "textpipe: warning: %s is writable by other users: anyone could place code there that textpipe "
            "loads; run 'chmod o-w %s'\n",
            path, path);
}

/* The module file for @p name in directory @p dir, or NULL: DIR/NAME.la,
 * DIR/NAME.so, or (a build tree) DIR/NAME/NAME.la and DIR/NAME/NAME.so. */
static char *module_in_dir(const char *dir, const char *name)
{
    static const char *const exts[] = {".la", ".so"};
    for (int sub = 0; sub <= 1; sub++) {
        for (size_t i = 0; i < 2; i++) {
            char buf[4096];
            int n = sub ? snprintf(buf, sizeof buf, "%s/%s/%s%s", dir, name, name, exts[i])
                        : snprintf(buf, sizeof buf, "%s/%s%s", dir, name, exts[i]);
            if (n > 0 && (size_t)n < sizeof buf && is_regular_file(buf))
                return strdup(buf);
        }
    }
    return NULL;
}

static void list_search_path(const tp_runtime *rt, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < rt->plugin_path.n && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", rt->plugin_path.items[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (rt->plugin_path.n == 0)
        snprintf(buf, size, "(the plugin path is empty)");
}

/* -------------------------------------------------------- checking */

/* Where each field ends in ABI 1.0: a descriptor smaller than this cannot
 * be a 1.x descriptor at all. */
#define TP_PLUGIN_SIZE_1_0 (offsetof(tp_plugin, reserved) + sizeof(((tp_plugin *)0)->reserved))

static int names_ok(const char *const *list)
{
    for (size_t i = 0; list && list[i]; i++)
        if (!list[i][0] || i > 256)
            return 0;
    return 1;
}

static int check_descriptor(const tp_plugin *d, const char *name, const char *path, tp_error *err)
{
    if (d->magic != TP_PLUGIN_MAGIC)
        return tp_error_set(err, TP_ERR_PLUGIN,
                            "%s: its descriptor has magic 0x%08X, not 0x%08X: the module is not a textpipe plugin or "
                            "is corrupt",
                            path, (unsigned)d->magic, (unsigned)TP_PLUGIN_MAGIC);
    if (d->abi_major != TP_ABI_MAJOR)
        return tp_error_set(err, TP_ERR_PLUGIN,
                            "%s: built for plugin ABI %u.%u, but this textpipe (%s) speaks ABI %d.%d: rebuild the "
                            "plugin against this textpipe's headers",
                            path, d->abi_major, d->abi_minor, PACKAGE_VERSION, TP_ABI_MAJOR, TP_ABI_MINOR);
    if (d->abi_minor > TP_ABI_MINOR)
        return tp_error_set(err, TP_ERR_PLUGIN,
                            "%s: built for plugin ABI %u.%u, newer than this textpipe's %d.%d: upgrade textpipe or "
                            "rebuild the plugin against this version",
                            path, d->abi_major, d->abi_minor, TP_ABI_MAJOR, TP_ABI_MINOR);
    if (d->struct_size < TP_PLUGIN_SIZE_1_0 ||
        (d->abi_minor == TP_ABI_MINOR && d->struct_size != sizeof(tp_plugin)))
        return tp_error_set(err, TP_ERR_PLUGIN,
                            "%s: descriptor size %u does not match ABI %u.%u (%zu bytes): the plugin was not built "
                            "with TEXTPIPE_PLUGIN() or with mismatched headers",
                            path, (unsigned)d->struct_size, d->abi_major, d->abi_minor, sizeof(tp_plugin));
    const char *missing = !d->name || !d->name[0]               ? "name"
                          : !d->version || !d->version[0]         ? "version"
                          : !d->license || !d->license[0]         ? "license"
                          : !d->description || !d->description[0] ? "description"
                          : !d->create                            ? "create"
                          : !d->process                           ? "process"
                          : !d->destroy                           ? "destroy"
                                                                  : NULL;
    if (missing)
        return tp_error_set(err, TP_ERR_PLUGIN, "%s: the descriptor has no %s; every plugin must set it", path,
                            missing);
    if (strcmp(d->name, name) != 0)
        return tp_error_set(err, TP_ERR_PLUGIN,
                            "%s: the module calls itself '%s' but was looked up as '%s': the file name and the "
                            "descriptor's name must agree",
                            path, d->name, name);
    if (!names_ok(d->requires) || !names_ok(d->provides) || !names_ok(d->uses))
        return tp_error_set(err, TP_ERR_PLUGIN, "%s: requires/provides/uses hold an empty name", path);
    char problem[512];
    if (options_check_table(d->options, problem, sizeof problem) != 0)
        return tp_error_set(err, TP_ERR_PLUGIN, "%s: bad option table: %s", path, problem);
    return TP_OK;
}

/* Open @p path and return its checked descriptor. */
static const tp_plugin *open_module(const char *path, const char *name, tp_error *err)
{
    pthread_mutex_lock(&ltdl_lock);
    lt_dladvise advise;
    lt_dlhandle h = NULL;
    if (!lt_dladvise_init(&advise) && !lt_dladvise_local(&advise))
        h = lt_dlopenadvise(path, advise);
    lt_dladvise_destroy(&advise);
    if (!h) {
        const char *why = lt_dlerror();
        tp_error_set(err, TP_ERR_PLUGIN, "%s: cannot load the module: %s", path, why ? why : "unknown reason");
        pthread_mutex_unlock(&ltdl_lock);
        return NULL;
    }
    /* lt_dlsym tries "<module>_LTX_textpipe_plugin" first, then the bare name. */
    const tp_plugin *d = lt_dlsym(h, "textpipe_plugin");
    if (!d) {
        char canon[80];
        size_t i = 0;
        for (; name[i] && i + 1 < sizeof canon; i++)
            canon[i] = (char)(name[i] == '-' ? '_' : name[i]);
        canon[i] = '\0';
        tp_error_set(err, TP_ERR_PLUGIN,
                     "%s: no symbol '%s_LTX_textpipe_plugin': the module is not a textpipe plugin (define its "
                     "descriptor with TEXTPIPE_PLUGIN(%s, ...))",
                     path, canon, canon);
        lt_dlclose(h);
        pthread_mutex_unlock(&ltdl_lock);
        return NULL;
    }
    pthread_mutex_unlock(&ltdl_lock);
    if (check_descriptor(d, name, path, err) != TP_OK) {
        pthread_mutex_lock(&ltdl_lock);
        lt_dlclose(h); /* nothing from it has been used */
        pthread_mutex_unlock(&ltdl_lock);
        return NULL;
    }
    return d;
}

const tp_plugin *tp_runtime_load_plugin(tp_runtime *rt, const char *name, const char **where, tp_error *err)
{
    if (!name || !plugin_name_ok(name)) {
        name_error(name ? name : "", err);
        return NULL;
    }
    pthread_mutex_lock(&rt->lock);
    for (size_t i = 0; i < rt->nmods; i++) {
        if (strcmp(rt->mods[i].name, name) == 0) {
            const tp_plugin *d = rt->mods[i].desc;
            if (where)
                *where = rt->mods[i].path;
            pthread_mutex_unlock(&rt->lock);
            return d;
        }
    }
    char *path = NULL;
    for (size_t i = 0; i < rt->plugin_path.n && !path; i++)
        path = module_in_dir(rt->plugin_path.items[i], name);
    const tp_plugin *d = NULL;
    if (!path) {
        char looked[2048];
        list_search_path(rt, looked, sizeof looked);
        tp_error_set(err, TP_ERR_PLUGIN,
                     "no plugin named '%s' (looked in: %s); see 'textpipe plugins' for those available, or add "
                     "a directory with --plugin-path",
                     name, looked);
    } else {
        char *dir = path_dirname(path);
        if (dir) {
            check_writable(rt, dir);
            free(dir);
        }
        check_writable(rt, path);
        d = open_module(path, name, err);
    }
    if (d) {
        if (rt->nmods == rt->capmods) {
            size_t cap = rt->capmods ? rt->capmods * 2 : 8;
            loaded_module *m = realloc(rt->mods, cap * sizeof *m);
            if (m) {
                rt->mods = m;
                rt->capmods = cap;
            }
        }
        char *nm = strdup(name);
        if (rt->nmods < rt->capmods && nm) {
            rt->mods[rt->nmods++] = (loaded_module){nm, path, d};
            if (where)
                *where = path;
            path = NULL;
        } else {
            free(nm);
            tp_error_set(err, TP_ERR_NOMEM, "out of memory");
            d = NULL;
        }
    }
    free(path);
    pthread_mutex_unlock(&rt->lock);
    return d;
}

const char *runtime_module_path(tp_runtime *rt, const tp_plugin *plugin)
{
    const char *p = NULL;
    pthread_mutex_lock(&rt->lock);
    for (size_t i = 0; i < rt->nmods; i++)
        if (rt->mods[i].desc == plugin)
            p = rt->mods[i].path;
    pthread_mutex_unlock(&rt->lock);
    return p;
}

/* ---------------------------------------------------------- listing */

/* Module names in one directory (NAME.la, NAME.so, NAME/NAME.la). */
static int names_in_dir(const char *dir, strlist *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        size_t len = strlen(n);
        char name[256];
        if (n[0] == '.' || len >= sizeof name)
            continue;
        if (len > 3 && (strcmp(n + len - 3, ".la") == 0 || strcmp(n + len - 3, ".so") == 0)) {
            memcpy(name, n, len - 3);
            name[len - 3] = '\0';
        } else {
            memcpy(name, n, len + 1);
            char *sub = path_join(dir, name);
            char *found = sub ? module_in_dir(sub, name) : NULL;
            int ok = found != NULL;
            free(sub);
            free(found);
            if (!ok)
                continue;
        }
        if (plugin_name_ok(name) && !strlist_contains(out, name) && strlist_push(out, name, strlen(name))) {
            closedir(d);
            return -1;
        }
    }
    closedir(d);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tp_runtime_list_plugins(tp_runtime *rt, tp_plugin_visit_fn fn, void *user, tp_error *err)
{
    strlist names = {0};
    for (size_t i = 0; i < rt->plugin_path.n; i++) {
        if (names_in_dir(rt->plugin_path.items[i], &names)) {
            strlist_free(&names);
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        }
    }
    if (names.n) /* qsort's array must not be NULL, even when empty */
        qsort(names.items, names.n, sizeof *names.items, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        tp_error e;
        tp_error_clear(&e);
        const char *where = NULL;
        const tp_plugin *p = tp_runtime_load_plugin(rt, names.items[i], &where, &e);
        fn(user, names.items[i], where, p, p ? NULL : e.message);
    }
    strlist_free(&names);
    return TP_OK;
}

/* Plugins on the path that provide @p what (for "did you forget a stage"
 * hints).  Returns a malloc'd ", "-joined list or NULL. */
char *runtime_providers_of(tp_runtime *rt, const char *what)
{
    strlist names = {0};
    for (size_t i = 0; i < rt->plugin_path.n; i++)
        names_in_dir(rt->plugin_path.items[i], &names);
    if (names.n) /* qsort's array must not be NULL, even when empty */
        qsort(names.items, names.n, sizeof *names.items, cmp_str);
    char *out = NULL;
    size_t len = 0;
    for (size_t i = 0; i < names.n; i++) {
        const tp_plugin *p = tp_runtime_load_plugin(rt, names.items[i], NULL, NULL);
        int hit = 0;
        for (const char *const *q = p ? p->provides : NULL; q && *q; q++)
            hit |= strcmp(*q, what) == 0;
        if (!hit)
            continue;
        size_t add = strlen(names.items[i]) + 4;
        char *o = realloc(out, len + add + 1);
        if (!o)
            break;
        out = o;
        len += (size_t)sprintf(out + len, "%s'%s'", len ? ", " : "", names.items[i]);
    }
    strlist_free(&names);
    return out;
}
