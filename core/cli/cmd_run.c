/* cmd_run.c - `textpipe run`: documents in, annotated documents out. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "locations.h"

typedef enum output_format { OUT_JSON, OUT_JSONL, OUT_TEXT } output_format;

typedef struct run_options {
    const char *pipeline;
    const char *plugin_path;
    const char *output;
    int input_format;          /* -1: guess from the file name */
    int format;                /* -1: jsonl for JSON Lines input, else json */
    tp_utf8_policy utf8;
    int skip_errors;
    char **layers;             /* NULL-terminated, or NULL for the default */
    char *layers_storage;
} run_options;

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
            "  -f, --format FMT          json, jsonl or text (default: jsonl for JSON Lines\n"
            "                            input, else json)\n"
            "  -o, --output FILE         write to FILE instead of standard output\n"
            "      --layers LIST         layers to write, comma-separated; 'all' for every\n"
            "                            layer (default: all but hidden ones such as tokens)\n"
            "      --tokens              also write the tokens layer\n"
            "      --invalid-utf8 MODE   strict (default: refuse, naming the byte offset) or\n"
            "                            replace (each bad sequence becomes U+FFFD)\n"
            "      --on-error MODE       stop (default: at the first bad document) or skip\n"
            "                            (go on, output every good document, list failures)\n"
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
    if (!o->layers || !o->layers_storage)
        return -1;
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

/* What a run has seen, for the summary in skip mode. */
typedef struct run_stats {
    size_t docs, failed;
    char failures[512];  /* "input.jsonl:17, input.jsonl:90, ..." */
    size_t failures_len;
} run_stats;

static void note_failure(run_stats *st, const input_source *src)
{
    st->failed++;
    if (st->failures_len < sizeof st->failures - 64) {
        int n = src->format == INPUT_JSONL
                    ? snprintf(st->failures + st->failures_len, sizeof st->failures - st->failures_len, "%s%s:%zu",
                               st->failures_len ? ", " : "", src->name, src->lineno)
                    : snprintf(st->failures + st->failures_len, sizeof st->failures - st->failures_len, "%s%s",
                               st->failures_len ? ", " : "", src->name);
        if (n > 0)
            st->failures_len += (size_t)n;
    } else if (!strstr(st->failures, "...")) {
        strcat(st->failures, ", ...");
    }
}

typedef struct writer {
    FILE *out;
    output_format format;
    int as_array;  /* -f json with several documents */
    size_t written;
    tp_output_options opts;
    tp_buf buf;
} writer;

static int write_doc(writer *w, tp_doc *doc, tp_error *err)
{
    tp_buf_reset(&w->buf);
    int rc;
    if (w->format == OUT_TEXT) {
        if (w->written)
            tp_buf_putc(&w->buf, '\n');
        rc = tp_write_text(doc, &w->opts, &w->buf, err);
    } else {
        if (w->as_array)
            tp_buf_append(&w->buf, w->written ? ",\n" : "[\n", 2);
        rc = tp_write_json(doc, &w->opts, &w->buf, err);
        if (w->format == OUT_JSONL || !w->as_array)
            tp_buf_putc(&w->buf, '\n');
    }
    if (rc == TP_OK && w->buf.failed)
        rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory while writing document '%s'", tp_doc_id(doc));
    if (rc != TP_OK)
        return rc;
    if (fwrite(w->buf.data, 1, w->buf.len, w->out) != w->buf.len)
        return tp_error_set(err, TP_ERR_IO, "cannot write the output: %s", strerror(errno));
    w->written++;
    return TP_OK;
}

static int finish_output(writer *w, const char *name, tp_error *err)
{
    if (w->as_array)
        fputs(w->written ? "\n]\n" : "[]\n", w->out);
    if (fflush(w->out) != 0 || ferror(w->out))
        return tp_error_set(err, TP_ERR_IO, "cannot write %s: %s", name, strerror(errno ? errno : EIO));
    return TP_OK;
}

static const char *utf8_hint(const tp_error *e)
{
    return strstr(e->message, "invalid UTF-8")
               ? "; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) or run with --invalid-utf8 replace"
               : "";
}

/* Run every document of one input through the pipeline. */
static int run_source(tp_pipeline *p, input_source *src, tp_doc *doc, writer *w, const run_options *o,
                      run_stats *st)
{
    for (;;) {
        tp_error err;
        tp_error_clear(&err);
        int got = input_next(src, doc, o->utf8, &err);
        if (got == 0)
            return EXIT_OK;
        int rc = got < 0 ? got : tp_pipeline_process(p, doc, &err);
        if (rc == TP_OK) {
            st->docs++;
            rc = write_doc(w, doc, &err);
            if (rc != TP_OK) {
                fprintf(stderr, "%s: %s\n", cli_program, err.message);
                return EXIT_FAILURE_OTHER;
            }
            continue;
        }
        if (got > 0 && src->format == INPUT_JSONL)
            fprintf(stderr, "%s: %s:%zu: %s\n", cli_program, src->name, src->lineno, err.message);
        else
            fprintf(stderr, "%s: %s%s\n", cli_program, err.message, utf8_hint(&err));
        if (rc == TP_ERR_IO || rc == TP_ERR_NOMEM || !o->skip_errors)
            return exit_code_for(rc);
        note_failure(st, src);
    }
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
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static const char *const in_formats[] = {"text", "jsonl", NULL};
    static const char *const out_formats[] = {"json", "jsonl", "text", NULL};
    static const char *const utf8_modes[] = {"strict", "replace", NULL};
    static const char *const error_modes[] = {"stop", "skip", NULL};
    run_options o = {.pipeline = "news", .input_format = -1, .format = -1};
    const char *layers_arg = NULL;
    int want_tokens = 0, c, code = EXIT_OK;
    optind = 0;
    while ((c = getopt_long(argc, argv, "p:f:o:h", longopts, NULL)) != -1) {
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
    tp_doc *doc = tp_doc_new();
    tp_pipeline *p = NULL;
    writer w = {0};
    tp_buf_init(&w.buf);
    if (!rt || !diags || !doc) {
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
    w.format = o.format < 0 ? (any_jsonl ? OUT_JSONL : OUT_JSON) : (output_format)o.format;
    w.as_array = w.format == OUT_JSON && (any_jsonl || nfiles > 1);
    w.opts.layers = (const char *const *)o.layers;
    w.opts.pretty = w.format == OUT_JSON;
    w.out = stdout;
    if (o.output && !(w.out = fopen(o.output, "wb"))) {
        fprintf(stderr, "%s: cannot create %s: %s\n", cli_program, o.output, strerror(errno));
        code = EXIT_FAILURE_OTHER;
        goto done;
    }
    run_stats st = {0};
    for (int i = 0; i < nfiles && code == EXIT_OK; i++) {
        input_format fmt = o.input_format < 0 ? input_guess_format(files[i]) : (input_format)o.input_format;
        input_source src;
        if (input_open(&src, files[i], fmt, &err) != TP_OK) {
            fprintf(stderr, "%s: %s\n", cli_program, err.message);
            if (!o.skip_errors) {
                code = EXIT_INPUT;
                break;
            }
            note_failure(&st, &src);
            continue;
        }
        code = run_source(p, &src, doc, &w, &o, &st);
        input_close(&src);
    }
    if (finish_output(&w, o.output ? o.output : "standard output", &err) != TP_OK) {
        fprintf(stderr, "%s: %s\n", cli_program, err.message);
        if (code == EXIT_OK)
            code = EXIT_FAILURE_OTHER;
    }
    if (st.failed)
        fprintf(stderr, "%s: %zu document%s failed and %s skipped (%s); %zu written\n", cli_program, st.failed,
                st.failed == 1 ? "" : "s", st.failed == 1 ? "was" : "were", st.failures, st.docs);
done:
    if (w.out && w.out != stdout)
        fclose(w.out);
    tp_buf_free(&w.buf);
    tp_doc_free(doc);
    tp_pipeline_free(p);
    tp_diagnostics_free(diags);
    tp_runtime_free(rt);
    free(o.layers);
    free(o.layers_storage);
    return code;
}
