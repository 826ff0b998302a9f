/* pipeline.c - reading, validating and running pipeline definitions.
 *
 * Validation runs to the end and reports every problem it finds, each with
 * file:line:column and JSON path, before anything is created or run. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/pipeline.h>

#include "document_internal.h"
#include "json_locate.h"
#include "options_internal.h"
#include "runtime_internal.h"
#include "suggest.h"
#include "util.h"

enum { PIPELINE_FILE_MAX = 16 * 1024 * 1024 };

typedef struct stage {
    char *id;
    char *label;               /* "stages[1] (sentence-split)" */
    const tp_plugin *plugin;
    const char *module_path;
    json_t *given;             /* options as written (borrowed from root) */
    tp_config cfg;
    char *options_path;
    void *state;
    int created;
    stage_scope scope;
    pthread_mutex_t lock;      /* serializes process() of unsafe plugins */
} stage;

struct tp_pipeline {
    tp_runtime *rt;
    char *name, *description, *file;
    json_t *root;
    stage *stages;
    size_t n;
    int started;
};

/* ------------------------------------------------------- reporting */

typedef struct reporter {
    tp_diagnostics *diags;
    const char *file;   /* for messages; may be "" */
    const char *text;   /* the JSON text, for positions */
    size_t len;
} reporter;

/* Report at the value (or key) reached by a path of up to 4 segments. */
static void vreport(reporter *r, tp_severity sev, const json_path_seg *segs, size_t depth, int at_key,
                    const char *fmt, va_list ap) TP_PRINTF(6, 0);
static void vreport(reporter *r, tp_severity sev, const json_path_seg *segs, size_t depth, int at_key,
                    const char *fmt, va_list ap)
{
    char path[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < depth && used < sizeof path; i++) {
        int n = segs[i].key ? snprintf(path + used, sizeof path - used, "%s%s", i ? "." : "", segs[i].key)
                            : snprintf(path + used, sizeof path - used, "[%zu]", segs[i].index);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    int line = 0, col = 0;
    if (r->text)
        json_locate(r->text, r->len, segs, depth, at_key, &line, &col);
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    tp_diagnostics_add(r->diags, sev, r->file, line, col, path, "%s", msg);
}

static void report(reporter *r, tp_severity sev, const json_path_seg *segs, size_t depth, int at_key,
                   const char *fmt, ...) TP_PRINTF(6, 7);
static void report(reporter *r, tp_severity sev, const json_path_seg *segs, size_t depth, int at_key,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, sev, segs, depth, at_key, fmt, ap);
    va_end(ap);
}

/* Unknown keys of an object, with a suggestion. */
static void check_keys(reporter *r, const json_t *obj, const char *const *allowed, json_path_seg *segs,
                       size_t depth, const char *what)
{
    const char *key;
    json_t *v;
    size_t n = 0;
    while (allowed[n])
        n++;
    json_object_foreach((json_t *)obj, key, v) {
        int ok = 0;
        for (size_t i = 0; i < n; i++)
            ok |= strcmp(key, allowed[i]) == 0;
        if (ok)
            continue;
        segs[depth] = (json_path_seg){key, 0};
        const char *near = suggest_closest(key, allowed, n);
        char list[256] = "";
        size_t used = 0;
        for (size_t i = 0; i < n && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "", allowed[i]);
        if (near)
            report(r, TP_SEV_ERROR, segs, depth + 1, 1, "unknown key \"%s\" in %s; did you mean \"%s\"?", key, what,
                   near);
        else
            report(r, TP_SEV_ERROR, segs, depth + 1, 1, "unknown key \"%s\" in %s (allowed: %s)", key, what, list);
    }
}

/* ------------------------------------------------------ validation */

typedef struct opt_report_ctx {
    reporter *r;
    size_t stage;
} opt_report_ctx;

static void report_option(void *user, const char *name, int at_key, const char *fmt, ...) TP_PRINTF(4, 5);
static void report_option(void *user, const char *name, int at_key, const char *fmt, ...)
{
    opt_report_ctx *c = user;
    json_path_seg segs[4] = {{"stages", 0}, {NULL, c->stage}, {"options", 0}, {name, 0}};
    va_list ap;
    va_start(ap, fmt);
    vreport(c->r, TP_SEV_ERROR, segs, 4, at_key, fmt, ap);
    va_end(ap);
}

static int in_names(const char *const *list, const char *name)
{
    for (; list && *list; list++)
        if (strcmp(*list, name) == 0)
            return 1;
    return 0;
}

/* Check the order of requires/provides/uses across stages. */
static void check_dependencies(tp_pipeline *p, reporter *r)
{
    for (size_t i = 0; i < p->n; i++) {
        const tp_plugin *pl = p->stages[i].plugin;
        if (!pl)
            continue;
        json_path_seg segs[3] = {{"stages", 0}, {NULL, i}, {"plugin", 0}};
        for (const char *const *q = pl->requires; q && *q; q++) {
            size_t before = SIZE_MAX, after = SIZE_MAX;
            for (size_t k = 0; k < p->n; k++) {
                if (!p->stages[k].plugin || !in_names(p->stages[k].plugin->provides, *q))
                    continue;
                if (k < i && before == SIZE_MAX)
                    before = k;
                if (k > i && after == SIZE_MAX)
                    after = k;
            }
            if (before != SIZE_MAX)
                continue;
            if (after != SIZE_MAX) {
                report(r, TP_SEV_ERROR, segs, 3, 0,
                       "%s requires '%s', which %s provides only later; move that stage before this one",
                       p->stages[i].label, *q, p->stages[after].label);
            } else {
                char *who = runtime_providers_of(p->rt, *q);
                if (who)
                    report(r, TP_SEV_ERROR, segs, 3, 0,
                           "%s requires '%s', which no earlier stage provides; add a stage with plugin %s before it",
                           p->stages[i].label, *q, who);
                else
                    report(r, TP_SEV_ERROR, segs, 3, 0,
                           "%s requires '%s', which no earlier stage provides, and no plugin on the plugin path "
                           "provides it",
                           p->stages[i].label, *q);
                free(who);
            }
        }
        for (const char *const *q = pl->provides; q && *q; q++) {
            for (size_t k = 0; k < i; k++) {
                if (p->stages[k].plugin && in_names(p->stages[k].plugin->provides, *q)) {
                    report(r, TP_SEV_ERROR, segs, 3, 0,
                           "%s provides '%s', which %s already provides; a layer or attribute is made once",
                           p->stages[i].label, *q, p->stages[k].label);
                    break;
                }
            }
        }
        for (const char *const *q = pl->uses; q && *q; q++) {
            for (size_t k = i + 1; k < p->n; k++) {
                if (p->stages[k].plugin && in_names(p->stages[k].plugin->provides, *q)) {
                    report(r, TP_SEV_WARNING, segs, 3, 0,
                           "%s uses '%s' when present, but %s provides it only later; move that stage before this "
                           "one to use it",
                           p->stages[i].label, *q, p->stages[k].label);
                    break;
                }
            }
        }
    }
}

static char *format_label(size_t i, const char *id, const char *plugin)
{
    char buf[256];
    if (id && plugin && strcmp(id, plugin) != 0)
        snprintf(buf, sizeof buf, "stages[%zu] ('%s', plugin %s)", i, id, plugin);
    else
        snprintf(buf, sizeof buf, "stages[%zu] (%s)", i, plugin ? plugin : "?");
    return strdup(buf);
}

static void check_stage(tp_pipeline *p, reporter *r, size_t i, json_t *st)
{
    stage *s = &p->stages[i];
    json_path_seg segs[4] = {{"stages", 0}, {NULL, i}, {NULL, 0}, {NULL, 0}};
    if (!json_is_object(st)) {
        report(r, TP_SEV_ERROR, segs, 2, 0, "a stage is an object such as {\"plugin\": \"normalize\"}");
        return;
    }
    static const char *const keys[] = {"plugin", "id", "options", NULL};
    check_keys(r, st, keys, segs, 2, "a stage");

    json_t *plugin = json_object_get(st, "plugin");
    segs[2].key = "plugin";
    const char *pname = NULL;
    if (!plugin)
        report(r, TP_SEV_ERROR, segs, 2, 0, "the stage has no \"plugin\"; name the plugin to run");
    else if (!json_is_string(plugin))
        report(r, TP_SEV_ERROR, segs, 3, 0, "\"plugin\" must be a string naming a plugin");
    else
        pname = json_string_value(plugin);

    json_t *id = json_object_get(st, "id");
    segs[2].key = "id";
    if (id && (!json_is_string(id) || !plugin_name_ok(json_string_value(id))))
        report(r, TP_SEV_ERROR, segs, 3, 0,
               "\"id\" must be a string of lowercase letters, digits, '-' and '_'");
    else if (id)
        s->id = strdup(json_string_value(id));
    else if (pname)
        s->id = strdup(pname);

    s->label = format_label(i, s->id, pname);

    json_t *opts = json_object_get(st, "options");
    segs[2].key = "options";
    if (opts && !json_is_object(opts)) {
        report(r, TP_SEV_ERROR, segs, 3, 0, "\"options\" must be an object of option names and values");
        opts = NULL;
    }
    s->given = opts;

    if (pname) {
        tp_error e;
        tp_error_clear(&e);
        s->plugin = tp_runtime_load_plugin(p->rt, pname, &s->module_path, &e);
        segs[2].key = "plugin";
        if (!s->plugin) {
            report(r, TP_SEV_ERROR, segs, 3, 0, "%s", e.message);
        } else if (opts) {
            opt_report_ctx c = {r, i};
            options_validate(s->plugin, opts, report_option, &c);
        }
    }
    char path[64];
    snprintf(path, sizeof path, "stages[%zu].options", i);
    s->options_path = strdup(path);
}

static void check_root(tp_pipeline *p, reporter *r)
{
    json_path_seg segs[4];
    json_t *root = p->root;
    if (!json_is_object(root)) {
        report(r, TP_SEV_ERROR, segs, 0, 0,
               "a pipeline is a JSON object: {\"name\": ..., \"stages\": [{\"plugin\": ...}, ...]}");
        return;
    }
    static const char *const keys[] = {"name", "description", "stages", NULL};
    check_keys(r, root, keys, segs, 0, "the pipeline");

    json_t *name = json_object_get(root, "name");
    segs[0] = (json_path_seg){"name", 0};
    if (name && !json_is_string(name))
        report(r, TP_SEV_ERROR, segs, 1, 0, "\"name\" must be a string");
    else if (name)
        p->name = strdup(json_string_value(name));

    json_t *desc = json_object_get(root, "description");
    segs[0] = (json_path_seg){"description", 0};
    if (desc && !json_is_string(desc))
        report(r, TP_SEV_ERROR, segs, 1, 0, "\"description\" must be a string");
    else if (desc)
        p->description = strdup(json_string_value(desc));

    json_t *stages = json_object_get(root, "stages");
    segs[0] = (json_path_seg){"stages", 0};
    if (!stages) {
        report(r, TP_SEV_ERROR, segs, 0, 0, "the pipeline has no \"stages\": add an array of stages");
        return;
    }
    if (!json_is_array(stages) || json_array_size(stages) == 0) {
        report(r, TP_SEV_ERROR, segs, 1, 0, "\"stages\" must be a non-empty array of stages");
        return;
    }
    p->n = json_array_size(stages);
    p->stages = calloc(p->n, sizeof *p->stages);
    if (!p->stages) {
        p->n = 0;
        tp_diagnostics_add(r->diags, TP_SEV_ERROR, r->file, 0, 0, "", "out of memory");
        return;
    }
    for (size_t i = 0; i < p->n; i++)
        pthread_mutex_init(&p->stages[i].lock, NULL);
    for (size_t i = 0; i < p->n; i++)
        check_stage(p, r, i, json_array_get(stages, i));

    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < i && p->stages[i].id; k++) {
            if (p->stages[k].id && strcmp(p->stages[i].id, p->stages[k].id) == 0) {
                json_path_seg s2[3] = {{"stages", 0}, {NULL, i}, {"plugin", 0}};
                report(r, TP_SEV_ERROR, s2, 3, 0,
                       "stage id '%s' is already used by stages[%zu]; give one of them a distinct \"id\"",
                       p->stages[i].id, k);
                break;
            }
        }
    }
    check_dependencies(p, r);
}

static char *basename_no_ext(const char *file)
{
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    size_t len = strlen(b);
    if (len > 5 && strcmp(b + len - 5, ".json") == 0)
        len -= 5;
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, b, len);
        out[len] = '\0';
    }
    return out;
}

tp_pipeline *tp_pipeline_parse(tp_runtime *rt, const char *json, size_t len, const char *filename,
                               tp_diagnostics *diags)
{
    tp_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, filename, 0, 0, "", "out of memory");
        return NULL;
    }
    p->rt = rt;
    p->file = filename ? strdup(filename) : NULL;
    reporter r = {diags, filename ? filename : "", json, len};
    size_t errors_before = tp_diagnostics_errors(diags);

    json_error_t e;
    p->root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &e);
    if (!p->root) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, r.file, e.line, e.column, "", "%s; fix the JSON syntax", e.text);
        tp_pipeline_free(p);
        return NULL;
    }
    check_root(p, &r);
    if (!p->name && filename)
        p->name = basename_no_ext(filename);
    if (!p->name)
        p->name = strdup("pipeline");
    if (tp_diagnostics_errors(diags) > errors_before || !p->name) {
        tp_pipeline_free(p);
        return NULL;
    }
    for (size_t i = 0; i < p->n; i++) {
        stage *s = &p->stages[i];
        s->scope = (stage_scope){(int)i, s->label, s->plugin->provides, s->plugin->flags};
    }
    return p;
}

/* Pipeline names available on the pipeline path, for the "not found" hint. */
static void list_pipelines(tp_runtime *rt, char *buf, size_t size);

tp_pipeline *tp_pipeline_open(tp_runtime *rt, const char *name_or_path, tp_diagnostics *diags)
{
    size_t nlen = strlen(name_or_path);
    int is_path = strchr(name_or_path, '/') != NULL || (nlen > 5 && strcmp(name_or_path + nlen - 5, ".json") == 0);
    char *file = NULL;
    if (is_path) {
        file = strdup(name_or_path);
    } else {
        for (size_t i = 0; i < rt->pipeline_path.n && !file; i++) {
            char buf[4096];
            snprintf(buf, sizeof buf, "%s/%s.json", rt->pipeline_path.items[i], name_or_path);
            if (is_regular_file(buf))
                file = strdup(buf);
        }
        if (!file) {
            char avail[1024];
            list_pipelines(rt, avail, sizeof avail);
            tp_diagnostics_add(diags, TP_SEV_ERROR, "", 0, 0, "",
                               "no pipeline named '%s' (available: %s); give a name from that list or a path to a "
                               "pipeline file",
                               name_or_path, avail);
            return NULL;
        }
    }
    if (!file) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, name_or_path, 0, 0, "", "out of memory");
        return NULL;
    }
    char *text;
    size_t len;
    int rc = read_whole_file(file, PIPELINE_FILE_MAX, &text, &len);
    if (rc) {
        tp_diagnostics_add(diags, TP_SEV_ERROR, file, 0, 0, "", "cannot read the pipeline file: %s%s",
                           rc == EFBIG ? "larger than 16 MiB" : strerror(rc),
                           rc == ENOENT ? "; check the path, or give a pipeline name" : "");
        free(file);
        return NULL;
    }
    tp_pipeline *p = tp_pipeline_parse(rt, text, len, file, diags);
    free(text);
    free(file);
    return p;
}

static void list_pipelines(tp_runtime *rt, char *buf, size_t size)
{
    strlist names = {0};
    for (size_t i = 0; i < rt->pipeline_path.n; i++) {
        DIR *d = opendir(rt->pipeline_path.items[i]);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) {
                char nm[256];
                snprintf(nm, sizeof nm, "%.*s", (int)(len - 5), e->d_name);
                if (!strlist_contains(&names, nm))
                    strlist_push(&names, nm, strlen(nm));
            }
        }
        if (d)
            closedir(d);
    }
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < names.n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", names.items[i]);
    if (!names.n)
        snprintf(buf, size, "none on the pipeline path");
    strlist_free(&names);
}

/* ---------------------------------------------------------- running */

int tp_pipeline_start(tp_pipeline *p, tp_error *err)
{
    if (p->started)
        return TP_OK;
    for (size_t i = 0; i < p->n; i++) {
        stage *s = &p->stages[i];
        s->cfg.plugin = s->plugin;
        s->cfg.rt = p->rt;
        s->cfg.module_path = s->module_path;
        s->cfg.stage_id = s->id;
        s->cfg.pipeline_file = p->file;
        s->cfg.options_path = s->options_path;
        s->cfg.values = options_resolve(s->plugin->options, s->given);
        if (!s->cfg.values)
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        tp_error e;
        tp_error_clear(&e);
        int rc = s->plugin->create(&s->cfg, &s->state, &e);
        if (rc != TP_OK) {
            return tp_error_set(err, rc == TP_ERR_NOMEM ? TP_ERR_NOMEM : TP_ERR_STAGE, "%s%s%s: create failed: %s",
                                p->file ? p->file : "", p->file ? ": " : "", s->label,
                                e.message[0] ? e.message : tp_status_name(rc));
        }
        s->created = 1;
    }
    p->started = 1;
    return TP_OK;
}

int tp_pipeline_process_stage(tp_pipeline *p, size_t i, tp_doc *doc, tp_error *err)
{
    if (!p->started)
        return tp_error_set(err, TP_ERR_INVALID, "tp_pipeline_process: call tp_pipeline_start first");
    if (i >= p->n)
        return tp_error_set(err, TP_ERR_INVALID, "the pipeline has no stage %zu", i);
    if (tp_doc_view_count(doc) == 0)
        return tp_error_set(err, TP_ERR_INVALID, "tp_pipeline_process: the document has no text");
    stage *s = &p->stages[i];
    int safe = (s->plugin->flags & TP_PLUGIN_THREAD_SAFE) != 0;
    tp_error e;
    tp_error_clear(&e);
    doc_set_scope(doc, &s->scope);
    if (!safe)
        pthread_mutex_lock(&s->lock);
    int rc = s->plugin->process(s->state, doc, &e);
    if (!safe)
        pthread_mutex_unlock(&s->lock);
    doc_set_scope(doc, NULL);
    if (rc != TP_OK)
        return tp_error_set(err, rc == TP_ERR_NOMEM ? TP_ERR_NOMEM : TP_ERR_STAGE, "%s failed on document '%s': %s",
                            s->label, tp_doc_id(doc), e.message[0] ? e.message : tp_status_name(rc));
    return TP_OK;
}

int tp_pipeline_process(tp_pipeline *p, tp_doc *doc, tp_error *err)
{
    for (size_t i = 0; i < p->n; i++) {
        int rc = tp_pipeline_process_stage(p, i, doc, err);
        if (rc != TP_OK)
            return rc;
    }
    return p->n ? TP_OK : tp_error_set(err, TP_ERR_INVALID, "the pipeline has no stages");
}

void tp_pipeline_free(tp_pipeline *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        stage *s = &p->stages[i];
        if (s->created)
            s->plugin->destroy(s->state);
        json_decref(s->cfg.values);
        free(s->id);
        free(s->label);
        free(s->options_path);
        pthread_mutex_destroy(&s->lock);
    }
    free(p->stages);
    json_decref(p->root);
    free(p->name);
    free(p->description);
    free(p->file);
    free(p);
}

const char *tp_pipeline_name(const tp_pipeline *p) { return p->name; }
const char *tp_pipeline_file(const tp_pipeline *p) { return p->file; }
size_t tp_pipeline_stage_count(const tp_pipeline *p) { return p->n; }
const tp_plugin *tp_pipeline_stage_plugin(const tp_pipeline *p, size_t i)
{
    return i < p->n ? p->stages[i].plugin : NULL;
}
const char *tp_pipeline_stage_id(const tp_pipeline *p, size_t i)
{
    return i < p->n ? p->stages[i].id : NULL;
}
