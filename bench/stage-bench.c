/* stage-bench.c - how fast each stage of a pipeline runs.
 *
 *   bench/stage-bench [-p PIPELINE] [--jsonl] [--repeat N] [--doc-bytes N] FILE
 *
 * Reads FILE (plain text, cut into documents of about --doc-bytes at
 * paragraph breaks; or JSON Lines with --jsonl), runs the pipeline over
 * every document and prints, per stage, the time spent and MB/s of input
 * text, then the JSON output's cost.  A program that prints figures, not
 * a test: run it on an idle machine. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <textpipe/textpipe.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct docs {
    char **text;
    size_t *len;
    size_t n, cap, bytes;
} docs;

static void add_doc(docs *d, const char *s, size_t len)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 1024;
        d->text = realloc(d->text, d->cap * sizeof *d->text);
        d->len = realloc(d->len, d->cap * sizeof *d->len);
        if (!d->text || !d->len) {
            fprintf(stderr, "stage-bench: out of memory\n");
            exit(1);
        }
    }
    d->text[d->n] = malloc(len + 1);
    if (!d->text[d->n]) {
        fprintf(stderr, "stage-bench: out of memory\n");
        exit(1);
    }
    memcpy(d->text[d->n], s, len);
    d->text[d->n][len] = '\0';
    d->len[d->n++] = len;
    d->bytes += len;
}

static void load(docs *d, const char *path, int jsonl, size_t doc_bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0;
    if (jsonl) {
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            json_t *o = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, NULL);
            json_t *t = json_object_get(o, "text");
            if (json_is_string(t))
                add_doc(d, json_string_value(t), json_string_length(t));
            json_decref(o);
        }
    } else {
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        char *all = malloc((size_t)size + 1);
        if (!all || fread(all, 1, (size_t)size, f) != (size_t)size) {
            fprintf(stderr, "stage-bench: cannot read %s\n", path);
            exit(2);
        }
        size_t pos = 0;
        while (pos < (size_t)size) {
            size_t end = pos + doc_bytes < (size_t)size ? pos + doc_bytes : (size_t)size;
            if (end < (size_t)size) {
                char *br = strstr(all + end, "\n\n");
                end = br ? (size_t)(br - all) + 2 : (size_t)size;
            }
            add_doc(d, all + pos, end - pos);
            pos = end;
        }
        free(all);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"pipeline", required_argument, NULL, 'p'}, {"jsonl", no_argument, NULL, 'j'},
        {"repeat", required_argument, NULL, 'r'},   {"doc-bytes", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    const char *pipeline = "news";
    int jsonl = 0, repeat = 1, c;
    size_t doc_bytes = (size_t)64 * 1024;
    while ((c = getopt_long(argc, argv, "p:r:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p': pipeline = optarg; break;
        case 'j': jsonl = 1; break;
        case 'r': repeat = (int)strtol(optarg, NULL, 10); repeat = repeat > 0 ? repeat : 1; break;
        case 'd': doc_bytes = (size_t)strtol(optarg, NULL, 10) ? (size_t)strtol(optarg, NULL, 10) : doc_bytes; break;
        default:
            fprintf(stderr, "usage: stage-bench [-p PIPELINE] [--jsonl] [--repeat N] [--doc-bytes N] FILE\n");
            return c == 'h' ? 0 : 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "usage: stage-bench [-p PIPELINE] [--jsonl] [--repeat N] [--doc-bytes N] FILE\n");
        return 2;
    }
    docs d = {0};
    load(&d, argv[optind], jsonl, doc_bytes);

    tp_error err;
    tp_runtime *rt = tp_runtime_new(&err);
    if (!rt || tp_runtime_add_default_paths(rt, &err)) {
        fprintf(stderr, "stage-bench: %s\n", err.message);
        exit(1); /* the system frees the rest */
    }
    tp_diagnostics *diags = tp_diagnostics_new();
    double t0 = now();
    tp_pipeline *p = tp_pipeline_open(rt, pipeline, diags);
    tp_diagnostics_print(diags, stderr);
    if (!p || tp_pipeline_start(p, &err)) {
        fprintf(stderr, "stage-bench: %s\n", p ? err.message : "invalid pipeline");
        exit(1);
    }
    double startup = now() - t0;
    size_t nst = tp_pipeline_stage_count(p);
    double *spent = calloc(nst + 1, sizeof *spent);
    tp_doc *doc = tp_doc_new();
    if (!spent || !doc) {
        fprintf(stderr, "stage-bench: out of memory\n");
        exit(1);
    }
    tp_buf out;
    tp_buf_init(&out);
    const char *const all_layers[] = {"default", NULL};
    tp_output_options oo = {all_layers, 0};
    for (int r = 0; r < repeat; r++) {
        for (size_t i = 0; i < d.n; i++) {
            tp_doc_clear(doc);
            if (tp_doc_set_text(doc, d.text[i], d.len[i], TP_UTF8_REPLACE, &err)) {
                fprintf(stderr, "stage-bench: %s\n", err.message);
                exit(1);
            }
            for (size_t s = 0; s < nst; s++) {
                double a = now();
                if (tp_pipeline_process_stage(p, s, doc, &err)) {
                    fprintf(stderr, "stage-bench: %s\n", err.message);
                    exit(1);
                }
                spent[s] += now() - a;
            }
            double a = now();
            tp_buf_reset(&out);
            tp_write_json(doc, &oo, &out, &err);
            spent[nst] += now() - a;
        }
    }
    double mb = (double)d.bytes * repeat / 1e6, total = 0;
    printf("input: %s, %zu documents, %.2f MB (x%d)\nstartup (load + create): %.1f ms\n", argv[optind], d.n,
           (double)d.bytes / 1e6, repeat, startup * 1e3);
    printf("%-20s %10s %10s\n", "stage", "seconds", "MB/s");
    for (size_t s = 0; s <= nst; s++) {
        total += spent[s];
        printf("%-20s %10.3f %10.1f\n", s < nst ? tp_pipeline_stage_id(p, s) : "(json output)", spent[s],
               spent[s] > 0 ? mb / spent[s] : 0.0);
    }
    printf("%-20s %10.3f %10.1f\n", "total", total, total > 0 ? mb / total : 0.0);
    tp_buf_free(&out);
    tp_doc_free(doc);
    free(spent);
    for (size_t i = 0; i < d.n; i++)
        free(d.text[i]);
    free(d.text);
    free(d.len);
    tp_pipeline_free(p);
    tp_diagnostics_free(diags);
    tp_runtime_free(rt);
    return 0;
}
