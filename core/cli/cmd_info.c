/* cmd_info.c - `textpipe validate`, `textpipe plugins`, `textpipe describe`. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "locations.h"

/* Shared option parsing: --plugin-path, --help and --version. */
static int parse_simple(int argc, char **argv, const char **plugin_path, void (*usage)(FILE *))
{
    static const struct option longopts[] = {
        {"plugin-path", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'P') {
            *plugin_path = optarg;
        } else if (c == 'h') {
            usage(stdout);
            return -EXIT_OK - 1;
        } else if (c == 'V') {
            print_version();
            return -EXIT_OK - 1;
        } else {
            usage(stderr);
            return -EXIT_USAGE - 1;
        }
    }
    return optind;
}

static void join_names(const char *const *list, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; list && list[i] && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "," : "", list[i]);
    if (!buf[0])
        snprintf(buf, size, "-");
}

/* ------------------------------------------------------------ validate */

static void validate_usage(FILE *out)
{
    fprintf(out, "Usage: textpipe validate [--plugin-path DIRS] PIPELINE...\n"
                 "Check pipelines (names or paths) without running them: JSON syntax, keys, plugins,\n"
                 "options and stage order; then create each stage once, so missing data files show.\n"
                 "Every problem is listed as FILE:LINE:COLUMN: error: JSON.PATH: message.\n"
                 "Exit status: 0 all valid, 3 some invalid, 5 a stage failed to start, 2 usage.\n");
}

int cmd_validate(int argc, char **argv)
{
    const char *plugin_path = NULL;
    int first = parse_simple(argc, argv, &plugin_path, validate_usage);
    if (first < 0)
        return -first - 1;
    if (first >= argc) {
        validate_usage(stderr);
        return EXIT_USAGE;
    }
    tp_error err;
    tp_error_clear(&err);
    tp_runtime *rt = runtime_for_program(plugin_path, &err);
    if (!rt) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        return EXIT_FAILURE_OTHER;
    }
    int code = EXIT_OK;
    for (int i = first; i < argc; i++) {
        tp_diagnostics *d = tp_diagnostics_new();
        tp_pipeline *p = d ? tp_pipeline_open(rt, argv[i], d) : NULL;
        tp_diagnostics_print(d, stderr);
        if (!p) {
            fprintf(stderr, "%s: %s: invalid (%zu error%s)\n", cli_program, argv[i], tp_diagnostics_errors(d),
                    tp_diagnostics_errors(d) == 1 ? "" : "s");
            code = EXIT_PIPELINE;
        } else if (tp_pipeline_start(p, &err) != TP_OK) {
            fprintf(stderr, "%s: %s\n", cli_program, err.message);
            if (code == EXIT_OK)
                code = EXIT_STAGE;
        } else {
            printf("%s: ok: pipeline '%s' with %zu stage%s:", tp_pipeline_file(p), tp_pipeline_name(p),
                   tp_pipeline_stage_count(p), tp_pipeline_stage_count(p) == 1 ? "" : "s");
            for (size_t s = 0; s < tp_pipeline_stage_count(p); s++)
                printf(" %s", tp_pipeline_stage_id(p, s));
            printf("\n");
        }
        tp_pipeline_free(p);
        tp_diagnostics_free(d);
    }
    tp_runtime_free(rt);
    return code;
}

/* ------------------------------------------------------------- plugins */

static void plugins_usage(FILE *out)
{
    fprintf(out, "Usage: textpipe plugins [--plugin-path DIRS]\n"
                 "List the plugins on the plugin path: name, version, what each requires and\n"
                 "provides, and the file it is loaded from.  Search order: --plugin-path,\n"
                 "TEXTPIPE_PLUGIN_PATH, then the installed (or, uninstalled, the build tree's) plugins.\n");
}

typedef struct list_ctx {
    int broken;
} list_ctx;

static void print_plugin(void *user, const char *name, const char *where, const tp_plugin *p, const char *problem)
{
    list_ctx *ctx = user;
    if (!p) {
        ctx->broken++;
        printf("%-16s %-8s %s\n", name, "BROKEN", problem ? problem : "");
        return;
    }
    char req[256], prov[256];
    join_names(p->requires, req, sizeof req);
    join_names(p->provides, prov, sizeof prov);
    if (p->flags & TP_PLUGIN_MODIFIES_TEXT)
        snprintf(prov + strlen(prov), sizeof prov - strlen(prov), "%stext view", strcmp(prov, "-") ? "," : "");
    if (strncmp(prov, "-text", 5) == 0)
        memmove(prov, prov + 1, strlen(prov));
    printf("%-16s %-8s %-24s %-28s %s\n", name, p->version, req, prov, where ? where : "");
}

int cmd_plugins(int argc, char **argv)
{
    const char *plugin_path = NULL;
    int first = parse_simple(argc, argv, &plugin_path, plugins_usage);
    if (first < 0)
        return -first - 1;
    tp_error err;
    tp_error_clear(&err);
    tp_runtime *rt = runtime_for_program(plugin_path, &err);
    if (!rt) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        return EXIT_FAILURE_OTHER;
    }
    printf("%-16s %-8s %-24s %-28s %s\n", "NAME", "VERSION", "REQUIRES", "PROVIDES", "LOADED FROM");
    list_ctx ctx = {0};
    tp_runtime_list_plugins(rt, print_plugin, &ctx, &err);
    printf("\nsearched: ");
    for (size_t i = 0; i < tp_runtime_plugin_path_size(rt); i++)
        printf("%s%s", i ? ":" : "", tp_runtime_plugin_path_at(rt, i));
    printf("\n");
    tp_runtime_free(rt);
    return ctx.broken ? EXIT_PIPELINE : EXIT_OK;
}

/* ------------------------------------------------------------ describe */

static void describe_usage(FILE *out)
{
    fprintf(out, "Usage: textpipe describe [--plugin-path DIRS] PLUGIN\n"
                 "Show a plugin's description, what it requires and provides, and every option\n"
                 "with its type, default and documentation.\n");
}

static void print_type(const tp_option *o)
{
    static const char *const names[] = {"", "boolean", "integer", "number", "string", "one of", "list of strings",
                                        "JSON"};
    printf("%s", names[o->type]);
    if (o->type == TP_OPT_ENUM)
        for (size_t i = 0; o->choices && o->choices[i]; i++)
            printf("%s %s", i ? "," : "", o->choices[i]);
    if (o->has_range)
        printf(", %g to %g", o->min, o->max);
}

/* Print @p text wrapped at 76 columns with @p indent spaces. */
static void print_wrapped(const char *text, int indent)
{
    int col = indent;
    printf("%*s", indent, "");
    while (*text) {
        const char *sp = strchr(text, ' ');
        int wlen = sp ? (int)(sp - text) : (int)strlen(text);
        if (col > indent && col + 1 + wlen > 78) {
            printf("\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            putchar(' ');
            col++;
        }
        printf("%.*s", wlen, text);
        col += wlen;
        text += wlen;
        while (*text == ' ')
            text++;
    }
    putchar('\n');
}

int cmd_describe(int argc, char **argv)
{
    const char *plugin_path = NULL;
    int first = parse_simple(argc, argv, &plugin_path, describe_usage);
    if (first < 0)
        return -first - 1;
    if (first != argc - 1) {
        describe_usage(stderr);
        return EXIT_USAGE;
    }
    tp_error err;
    tp_error_clear(&err);
    tp_runtime *rt = runtime_for_program(plugin_path, &err);
    if (!rt) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        return EXIT_FAILURE_OTHER;
    }
    const char *where = NULL;
    const tp_plugin *p = tp_runtime_load_plugin(rt, argv[first], &where, &err);
    if (!p) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        tp_runtime_free(rt);
        return EXIT_PIPELINE;
    }
    char req[256], prov[256], uses[256];
    join_names(p->requires, req, sizeof req);
    join_names(p->provides, prov, sizeof prov);
    join_names(p->uses, uses, sizeof uses);
    printf("%s %s (%s)\n", p->name, p->version, p->license);
    print_wrapped(p->description, 2);
    printf("\n  loaded from: %s\n  requires:    %s\n  provides:    %s%s\n", where, req, prov,
           (p->flags & TP_PLUGIN_MODIFIES_TEXT) ? " (and a new text view)" : "");
    if (p->uses && p->uses[0])
        printf("  uses:        %s (when an earlier stage provides it)\n", uses);
    printf("  threads:     %s\n", (p->flags & TP_PLUGIN_THREAD_SAFE) ? "process() is thread-safe"
                                                                     : "runs one document at a time");
    printf("\nOptions:\n");
    if (!p->options || !p->options[0].name)
        printf("  (none)\n");
    for (const tp_option *o = p->options; o && o->name; o++) {
        printf("  %s (", o->name);
        print_type(o);
        if (o->default_json)
            printf("; default %s)\n", o->default_json);
        else
            printf("; no default)\n");
        print_wrapped(o->doc, 6);
    }
    tp_runtime_free(rt);
    return EXIT_OK;
}
