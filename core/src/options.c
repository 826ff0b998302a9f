/* options.c - one option table drives validation, defaults, `describe`
 * and what create() reads, so that they can never disagree. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options_internal.h"
#include "runtime_internal.h"
#include "suggest.h"
#include "util.h"

static const char *type_name(tp_option_type t)
{
    switch (t) {
    case TP_OPT_BOOL: return "a boolean (true or false)";
    case TP_OPT_INT: return "a whole number";
    case TP_OPT_NUMBER: return "a number";
    case TP_OPT_STRING: return "a string";
    case TP_OPT_ENUM: return "one of the listed strings";
    case TP_OPT_LIST: return "an array of strings";
    case TP_OPT_JSON: return "a JSON value";
    }
    return "?";
}

static const char *json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a whole number";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "?";
}

static size_t choices_count(const tp_option *o)
{
    size_t n = 0;
    while (o->choices && o->choices[n])
        n++;
    return n;
}

static void format_choices(const tp_option *o, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; o->choices && o->choices[i] && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", o->choices[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Check one value against its option.  Returns NULL when fine, else a
 * message in @p buf. */
static const char *check_value(const tp_option *o, const json_t *v, char *buf, size_t size)
{
    switch (o->type) {
    case TP_OPT_BOOL:
        if (!json_is_boolean(v))
            goto wrong_type;
        return NULL;
    case TP_OPT_INT:
    case TP_OPT_NUMBER: {
        if (o->type == TP_OPT_INT ? !json_is_integer(v) : !json_is_number(v))
            goto wrong_type;
        double d = json_number_value(v);
        if (o->has_range && (d < o->min || d > o->max)) {
            snprintf(buf, size, "%g is out of range: option '%s' takes %g to %g", d, o->name, o->min, o->max);
            return buf;
        }
        return NULL;
    }
    case TP_OPT_STRING:
        if (!json_is_string(v))
            goto wrong_type;
        return NULL;
    case TP_OPT_ENUM: {
        if (!json_is_string(v))
            goto wrong_type;
        const char *s = json_string_value(v);
        for (size_t i = 0; o->choices && o->choices[i]; i++)
            if (strcmp(s, o->choices[i]) == 0)
                return NULL;
        char list[512];
        format_choices(o, list, sizeof list);
        const char *near = suggest_closest(s, o->choices, choices_count(o));
        if (near)
            snprintf(buf, size, "\"%s\" is not a choice of option '%s'; did you mean \"%s\"? (choices: %s)", s,
                     o->name, near, list);
        else
            snprintf(buf, size, "\"%s\" is not a choice of option '%s' (choices: %s)", s, o->name, list);
        return buf;
    }
    case TP_OPT_LIST: {
        if (!json_is_array(v))
            goto wrong_type;
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (!json_is_string(json_array_get(v, i))) {
                snprintf(buf, size, "item %zu of option '%s' is %s; the option takes an array of strings", i,
                         o->name, json_kind(json_array_get(v, i)));
                return buf;
            }
        }
        return NULL;
    }
    case TP_OPT_JSON:
        return NULL;
    }
wrong_type:
    snprintf(buf, size, "option '%s' takes %s, not %s", o->name, type_name(o->type), json_kind(v));
    return buf;
}

int options_check_table(const tp_option *table, char *problem, size_t size)
{
    for (size_t i = 0; table && table[i].name; i++) {
        const tp_option *o = &table[i];
        if (!o->name[0] || o->type < TP_OPT_BOOL || o->type > TP_OPT_JSON || !o->doc) {
            snprintf(problem, size, "option %zu ('%s') needs a name, a known type and a doc string", i, o->name);
            return -1;
        }
        for (size_t k = 0; k < i; k++) {
            if (strcmp(table[k].name, o->name) == 0) {
                snprintf(problem, size, "option '%s' is declared twice", o->name);
                return -1;
            }
        }
        if (o->type == TP_OPT_ENUM && choices_count(o) == 0) {
            snprintf(problem, size, "enum option '%s' has no choices", o->name);
            return -1;
        }
        if (o->has_range && !(o->min <= o->max)) {
            snprintf(problem, size, "option '%s' has an empty range", o->name);
            return -1;
        }
        if (o->default_json) {
            json_error_t e;
            json_t *v = json_loads(o->default_json, JSON_DECODE_ANY, &e);
            char msg[512];
            const char *bad = v ? check_value(o, v, msg, sizeof msg) : e.text;
            json_decref(v);
            if (bad) {
                snprintf(problem, size, "the default of option '%s' (%s) is wrong: %s", o->name, o->default_json,
                         bad);
                return -1;
            }
        }
    }
    return 0;
}

size_t options_validate(const tp_plugin *plugin, const json_t *given, option_report_fn report, void *user)
{
    size_t problems = 0;
    const tp_option *table = plugin->options;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)given, key, v) {
        const tp_option *o = NULL;
        size_t n = 0;
        for (; table && table[n].name; n++)
            if (strcmp(table[n].name, key) == 0)
                o = &table[n];
        if (!o) {
            problems++;
            const char *names[256];
            size_t k = 0;
            for (; k < n && k < 256; k++)
                names[k] = table[k].name;
            const char *near = suggest_closest(key, names, k);
            char list[1024] = "";
            size_t used = 0;
            for (size_t j = 0; j < k && used < sizeof list; j++) {
                int w = snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", names[j]);
                if (w < 0)
                    break;
                used += (size_t)w;
            }
            if (near)
                report(user, key, 1, "plugin '%s' has no option '%s'; did you mean '%s'?", plugin->name, key, near);
            else if (k)
                report(user, key, 1, "plugin '%s' has no option '%s' (its options: %s)", plugin->name, key, list);
            else
                report(user, key, 1, "plugin '%s' takes no options", plugin->name);
            continue;
        }
        char msg[768];
        const char *bad = check_value(o, v, msg, sizeof msg);
        if (bad) {
            problems++;
            report(user, key, 0, "%s", bad);
        }
    }
    return problems;
}

json_t *options_resolve(const tp_option *table, const json_t *given)
{
    json_t *out = json_object();
    if (!out)
        return NULL;
    for (size_t i = 0; table && table[i].name; i++) {
        const tp_option *o = &table[i];
        json_t *v = given ? json_object_get(given, o->name) : NULL;
        if (v) {
            v = json_incref(v);
        } else if (o->default_json) {
            v = json_loads(o->default_json, JSON_DECODE_ANY, NULL);
            if (!v) {
                json_decref(out);
                return NULL;
            }
        } else {
            continue;
        }
        if (json_object_set_new(out, o->name, v)) {
            json_decref(out);
            return NULL;
        }
    }
    return out;
}

/* ------------------------------------------------------ tp_config API */

int tp_config_has(const tp_config *cfg, const char *name)
{
    return json_object_get(cfg->values, name) != NULL;
}

int tp_config_bool(const tp_config *cfg, const char *name)
{
    return json_is_true(json_object_get(cfg->values, name));
}

long long tp_config_int(const tp_config *cfg, const char *name)
{
    const json_t *v = json_object_get(cfg->values, name);
    return json_is_integer(v) ? (long long)json_integer_value(v) : (long long)json_number_value(v);
}

double tp_config_number(const tp_config *cfg, const char *name)
{
    return json_number_value(json_object_get(cfg->values, name));
}

const char *tp_config_string(const tp_config *cfg, const char *name)
{
    return json_string_value(json_object_get(cfg->values, name));
}

size_t tp_config_list_size(const tp_config *cfg, const char *name)
{
    return json_array_size(json_object_get(cfg->values, name));
}

const char *tp_config_list_item(const tp_config *cfg, const char *name, size_t i)
{
    return json_string_value(json_array_get(json_object_get(cfg->values, name), i));
}

const json_t *tp_config_json(const tp_config *cfg, const char *name)
{
    return json_object_get(cfg->values, name);
}

const char *tp_config_where(const tp_config *c, const char *name)
{
    tp_config *cfg = (tp_config *)c; /* the scratch buffer only */
    snprintf(cfg->where, sizeof cfg->where, "%s%s%s.%s", cfg->pipeline_file ? cfg->pipeline_file : "",
             cfg->pipeline_file ? ": " : "", cfg->options_path, name);
    return cfg->where;
}

const char *tp_config_stage_id(const tp_config *cfg)
{
    return cfg->stage_id;
}

char *tp_config_find_data(const tp_config *cfg, const char *file, tp_error *err)
{
    const char *plugin = cfg->plugin->name;
    strlist tried = {0};
    char *found = NULL;
    char buf[4096];
    /* 1. data roots: TEXTPIPE_DATA_PATH and the program's own places */
    for (size_t i = 0; cfg->rt && i < cfg->rt->data_path.n && !found; i++) {
        snprintf(buf, sizeof buf, "%s/%s/data/%s", cfg->rt->data_path.items[i], plugin, file);
        if (is_regular_file(buf))
            found = strdup(buf);
        else
            strlist_push(&tried, buf, strlen(buf));
    }
    /* 2. next to the module: DIR/data (DIR named after the plugin) or
     *    DIR/PLUGIN/data, for plugins kept outside the standard places */
    if (!found && cfg->module_path) {
        char *dir = path_dirname(cfg->module_path);
        if (dir) {
            const char *base = strrchr(dir, '/');
            base = base ? base + 1 : dir;
            if (strcmp(base, plugin) == 0)
                snprintf(buf, sizeof buf, "%s/data/%s", dir, file);
            else
                snprintf(buf, sizeof buf, "%s/%s/data/%s", dir, plugin, file);
            if (is_regular_file(buf))
                found = strdup(buf);
            else
                strlist_push(&tried, buf, strlen(buf));
            free(dir);
        }
    }
    if (!found) {
        char list[2048] = "";
        size_t used = 0;
        for (size_t i = 0; i < tried.n && used < sizeof list; i++) {
            int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", tried.items[i]);
            if (n < 0)
                break;
            used += (size_t)n;
        }
        tp_error_set(err, TP_ERR_DATA,
                     "data file '%s' of plugin '%s' not found (looked at: %s); reinstall textpipe or set "
                     "TEXTPIPE_DATA_PATH",
                     file, plugin, tried.n ? list : "nowhere: no data path");
    }
    strlist_free(&tried);
    return found;
}

char *tp_config_resolve_path(const tp_config *cfg, const char *path, tp_error *err)
{
    char *out;
    if (path[0] == '/' || !cfg->pipeline_file) {
        out = strdup(path);
    } else {
        char *dir = path_dirname(cfg->pipeline_file);
        out = dir ? path_join(dir, path) : NULL;
        free(dir);
    }
    if (!out)
        tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    return out;
}
