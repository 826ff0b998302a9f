/* runner.h - running a pipeline over a stream of documents, on one or
 * more threads, writing results in input order. */
#ifndef TP_RUNNER_H
#define TP_RUNNER_H

#include <stdio.h>

#include <textpipe/textpipe.h>

#include "input.h"

typedef enum output_format { OUT_JSON, OUT_JSONL, OUT_TEXT, OUT_HTML } output_format;

typedef struct runner_config {
    tp_pipeline *pipeline;
    char **files;              /* inputs; "-" is standard input */
    int nfiles;
    int input_format;          /* -1: guess from each file name */
    tp_utf8_policy utf8;
    int skip_errors;           /* --on-error skip */
    int threads;               /* worker threads, >= 1 */
    FILE *out;
    const char *out_name;      /* for messages */
    output_format format;
    int as_array;              /* -f json with several documents */
    tp_output_options opts;
} runner_config;

/* What happened, for the summary and the exit status. */
typedef struct runner_result {
    int exit_code;
    size_t written, failed;
    size_t duplicate_ids;      /* documents whose id an earlier one had */
    char failures[512];        /* "file:17, file:90, ..." */
} runner_result;

/* Run every document of every input.  Documents are written in input
 * order whatever the number of threads, so the output is the same byte
 * for byte; at most a bounded number of documents is in memory. */
void run_documents(const runner_config *cfg, runner_result *res);

#endif
