/* cmd_run.c - `textpipe run`: documents in, annotated documents out. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "locations.h"
#include "runner.h"

typedef struct run_options {
    const char *pipeline;
    const char *plugin_path;
    const char *output;
    int input_format;          /* -1: guess from the file name */
    int format;                /* -1: jsonl for JSON Lines input, else json */
    tp_utf8_policy utf8;
    int skip_errors;
    int threads;               /* -j; 0: the number of cores */
    char **layers;             /* NULL-terminated, or NULL for the default */
    char *layers_storage;
} run_options;

/* Output collected before a write call.  Static: stdio uses it until the
 * process exits (glibc ignores the size asked for without a buffer given). */
static char output_buffer[1 << 20];

static void run_usage(FILE *out)
{
    fprintf(out,
            "Usage: textpipe run [OPTION]... [FILE]...\n"
            "Run a pipeline over documents and print them annotated.\n"
            "\n"
            "FILE is a text file (one document, its id is the file name) or a JSON Lines file\n"
            "(one {\"id\": ..., \"text\": ...} per line).  No FILE, or -, reads standard input.\n"
            "\n"
            "  -p, --pipeline NAME|PATH  the pipeline to run (default: news); a name is looked\n"
            "                            up among installed pipelines, a path is read as is\n"
            "      --input-format FMT    text or jsonl (default: jsonl for *.jsonl, else text)\n"
            "  -f, --format FMT          json, jsonl, text or html (default: jsonl for JSON\n"
            "                            Lines input, else json); html is one self-contained\n"
            "                            page for the whole run\n"
            "  -o, --output FILE         write to FILE instead of standard output\n"
            "      --layers LIST         layers to write, comma-separated; 'all' for every\n"
            "                            layer (default: all but hidden ones such as tokens)\n"
            "      --tokens              also write the tokens layer\n"
            "      --invalid-utf8 MODE   strict (default: refuse, naming the byte offset) or\n"
            "                            replace (each bad sequence becomes U+FFFD)\n"
            "      --on-error MODE       stop (default: at the first bad document) or skip\n"
            "                            (go on, output every good document, list failures)\n"
            "  -j, --jobs N              process documents on N threads (default: one per\n"
            "                            core); the output is the same, in input order\n"
            "      --plugin-path DIRS    search these directories (':'-separated) for plugins\n"
            "                            first, before TEXTPIPE_PLUGIN_PATH and the installed ones\n"
            "  -h, --help                show this help\n"
            "      --version             show the version\n"
            "\n"
            "Offsets in the output are Unicode code points into \"text\", half-open.\n"
            "Exit status: 0 ok, 2 usage, 3 invalid pipeline, 4 input error, 5 stage failed,\n"
            "1 other (out of memory, output not written).\n");
}

static int parse_layers(run_options *o, const char *list, int add_tokens)
{
    size_t cap = 4;
    for (const char *p = list ? list : ""; *p; p++)
        cap += *p == ',';
    free(o->layers);
    free(o->layers_storage);
    o->layers = calloc(cap, sizeof *o->layers);
    o->layers_storage = strdup(list ? list : "default");
    if (!o->layers || !o->layers_storage) {
        free(o->layers); /* the caller exits at once */
        free(o->layers_storage);
        o->layers = NULL;
        o->layers_storage = NULL;
        return -1;
    }
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(o->layers_storage, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (*t)
            o->layers[n++] = t;
    if (add_tokens)
        o->layers[n++] = "tokens";
    o->layers[n] = NULL;
    return 0;
}

static int choose(const char *arg, const char *what, const char *const *choices)
{
    for (int i = 0; choices[i]; i++)
        if (strcmp(arg, choices[i]) == 0)
            return i;
    fprintf(stderr, "%s run: %s must be one of", cli_program, what);
    for (int i = 0; choices[i]; i++)
        fprintf(stderr, "%s %s", i ? "," : "", choices[i]);
    fprintf(stderr, ", not '%s'\n", arg);
    return -1;
}

int cmd_run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"pipeline", required_argument, NULL, 'p'},
        {"input-format", required_argument, NULL, 'I'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"layers", required_argument, NULL, 'L'},
        {"tokens", no_argument, NULL, 'T'},
        {"invalid-utf8", required_argument, NULL, 'U'},
        {"on-error", required_argument, NULL, 'E'},
        {"plugin-path", required_argument, NULL, 'P'},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static const char *const in_formats[] = {"text", "jsonl", NULL};
    static const char *const out_formats[] = {"json", "jsonl", "text", "html", NULL};
    static const char *const utf8_modes[] = {"strict", "replace", NULL};
    static const char *const error_modes[] = {"stop", "skip", NULL};
    run_options o = {.pipeline = "news", .input_format = -1, .format = -1};
    const char *layers_arg = NULL;
    int want_tokens = 0, c, code = EXIT_OK;
    optind = 0;
    while ((c = getopt_long(argc, argv, "p:f:o:j:h", longopts, NULL)) != -1) {
        int k = 0;
        switch (c) {
        case 'p': o.pipeline = optarg; break;
        case 'I': k = o.input_format = choose(optarg, "--input-format", in_formats); break;
        case 'f': k = o.format = choose(optarg, "--format", out_formats); break;
        case 'o': o.output = optarg; break;
        case 'L': layers_arg = optarg; break;
        case 'T': want_tokens = 1; break;
        case 'U': k = choose(optarg, "--invalid-utf8", utf8_modes); o.utf8 = k == 1 ? TP_UTF8_REPLACE : TP_UTF8_STRICT; break;
        case 'E': k = choose(optarg, "--on-error", error_modes); o.skip_errors = k == 1; break;
        case 'P': o.plugin_path = optarg; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1024) {
                fprintf(stderr, "%s run: -j takes a number of threads from 1 to 1024, not '%s'\n", cli_program, optarg);
                return EXIT_USAGE;
            }
            o.threads = (int)n;
            break;
        }
        case 'h': run_usage(stdout); return EXIT_OK;
        case 'V': print_version(); return EXIT_OK;
        default: fprintf(stderr, "Try '%s run --help'.\n", cli_program); return EXIT_USAGE;
        }
        if (k < 0)
            return EXIT_USAGE;
    }
    if ((layers_arg || want_tokens) && parse_layers(&o, layers_arg, want_tokens)) {
        fprintf(stderr, "%s: out of memory\n", cli_program);
        return EXIT_FAILURE_OTHER;
    }
    char **files = argv + optind;
    int nfiles = argc - optind;
    static char *stdin_only[] = {"-", NULL};
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    int any_jsonl = 0;
    for (int i = 0; i < nfiles; i++)
        any_jsonl |= (o.input_format < 0 ? input_guess_format(files[i]) : (input_format)o.input_format) == INPUT_JSONL;

    tp_error err;
    tp_error_clear(&err);
    tp_runtime *rt = runtime_for_program(o.plugin_path, &err);
    tp_diagnostics *diags = tp_diagnostics_new();
    tp_pipeline *p = NULL;
    FILE *out = stdout;
    if (!rt || !diags) {
        fprintf(stderr, "%s: %s\n", cli_program, rt ? "out of memory" : err.message);
        code = EXIT_FAILURE_OTHER;
        goto done;
    }
    p = tp_pipeline_open(rt, o.pipeline, diags);
    tp_diagnostics_print(diags, stderr);
    if (!p) {
        code = EXIT_PIPELINE;
        goto done;
    }
    if (tp_pipeline_start(p, &err) != TP_OK) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        code = exit_code_for(err.status);
        goto done;
    }
    if (o.output && !(out = fopen(o.output, "wb"))) {
        fprintf(stderr, "%s: cannot create %s: %s\n", cli_program, o.output, strerror(errno));
        code = EXIT_FAILURE_OTHER;
        goto done;
    }
    /* Documents go out in few large writes: with stdio's default buffer (a
     * page) a run over a news corpus made two write calls per document.  A
     * terminal keeps its line buffering, to show results as they come; if
     * setvbuf() fails, the default buffer does the same work more slowly. */
    if (!isatty(fileno(out)))
        (void)setvbuf(out, output_buffer, _IOFBF, sizeof output_buffer);
    runner_config rc = {
        .pipeline = p,
        .files = files,
        .nfiles = nfiles,
        .input_format = o.input_format,
        .utf8 = o.utf8,
        .skip_errors = o.skip_errors,
        .threads = o.threads > 0 ? o.threads : (int)sysconf(_SC_NPROCESSORS_ONLN),
        .out = out,
        .out_name = o.output ? o.output : "standard output",
        .format = o.format < 0 ? (any_jsonl ? OUT_JSONL : OUT_JSON) : (output_format)o.format,
    };
    rc.as_array = rc.format == OUT_JSON && (any_jsonl || nfiles > 1);
    rc.opts.layers = (const char *const *)o.layers;
    rc.opts.pretty = rc.format == OUT_JSON;
    if (rc.format == OUT_HTML) {
        char title[512];
        snprintf(title, sizeof title, "textpipe: %s (pipeline %s)", nfiles == 1 ? files[0] : "several inputs",
                 tp_pipeline_name(p));
        tp_buf head;
        tp_buf_init(&head);
        tp_html_begin(&head, title);
        if (head.failed || fwrite(head.data, 1, head.len, out) != head.len) {
            fprintf(stderr, "%s: cannot write %s\n", cli_program, rc.out_name);
            tp_buf_free(&head);
            code = EXIT_FAILURE_OTHER;
            goto done;
        }
        tp_buf_free(&head);
    }
    runner_result res;
    run_documents(&rc, &res);
    if (rc.format == OUT_HTML) {
        tp_buf tail;
        tp_buf_init(&tail);
        tp_html_end(&tail);
        if (!tail.failed)
            fwrite(tail.data, 1, tail.len, out);
        tp_buf_free(&tail);
    }
    code = res.exit_code;
    if (rc.as_array && code == EXIT_OK)
        fputs(res.written ? "\n]\n" : "[]\n", out);
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cli_program, rc.out_name, strerror(errno ? errno : EIO));
        if (code == EXIT_OK)
            code = EXIT_FAILURE_OTHER;
    }
    if (res.duplicate_ids > 10)
        fprintf(stderr, "%s: warning: %zu documents in all repeated an earlier id\n", cli_program, res.duplicate_ids);
    if (res.failed)
        fprintf(stderr, "%s: %zu document%s failed and %s skipped (%s); %zu written\n", cli_program, res.failed,
                res.failed == 1 ? "" : "s", res.failed == 1 ? "was" : "were", res.failures, res.written);
done:
    if (out && out != stdout && fclose(out) != 0 && code == EXIT_OK) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cli_program, o.output, strerror(errno));
        code = EXIT_FAILURE_OTHER;
    }
    tp_pipeline_free(p);
    tp_diagnostics_free(diags);
    tp_runtime_free(rt);
    free(o.layers);
    free(o.layers_storage);
    return code;
}
