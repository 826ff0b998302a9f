/* runner.c - see runner.h.
 *
 * Each worker thread takes the next document from the input (reading is
 * serialized under one lock, in order), runs the pipeline on it and renders
 * it into a slot of a ring of KEEP slots.  Whoever finishes the document the
 * output is waiting for writes it and every finished one after it.  A worker
 * may not read a document more than KEEP ahead of the output, which bounds
 * memory by the documents in flight, not by the input. */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "runner.h"

enum { SLOT_FREE = 0, SLOT_BUSY, SLOT_DONE };
/* Buffers larger than this are given back after use: one huge document
 * must not keep its memory for the rest of the run. */
enum { BUF_KEEP_MAX = 4 << 20 };

typedef struct slot {
    int state;
    int status;             /* TP_OK, or the failure's tp_status */
    int is_eof;             /* the input is over (no document) */
    tp_buf out;
    char error[TP_ERROR_MESSAGE_MAX + 256];
    const char *source;     /* for the failure summary */
    size_t line;
    int jsonl;
} slot;

typedef struct shared {
    const runner_config *cfg;
    runner_result *res;
    pthread_mutex_t lock;
    pthread_cond_t space;   /* a slot was freed */
    slot *slots;
    size_t keep;
    size_t next_read;       /* sequence number of the next document read */
    size_t next_write;      /* sequence number the output waits for */
    int input_over;         /* the last document has been read */
    int halted;             /* a failure in stop mode or a write error: write nothing more */
    int file;               /* index of the input being read */
    int opened;
    input_source src;
} shared;

/* With the lock held: open the next input when needed and read one
 * document into @p doc.  Returns 1, 0 at the very end, or <0 (err set). */
static int read_next(shared *sh, tp_doc *doc, tp_error *err, slot *s)
{
    const runner_config *cfg = sh->cfg;
    for (;;) {
        if (!sh->opened) {
            if (sh->file >= cfg->nfiles)
                return 0;
            const char *name = cfg->files[sh->file++];
            input_format fmt = cfg->input_format < 0 ? input_guess_format(name) : (input_format)cfg->input_format;
            int rc = input_open(&sh->src, name, fmt, err);
            s->source = name;
            s->line = 0;
            s->jsonl = 0;
            if (rc != TP_OK)
                return rc;
            sh->opened = 1;
        }
        int got = input_next(&sh->src, doc, cfg->utf8, err);
        s->source = sh->src.name;
        s->line = sh->src.lineno;
        s->jsonl = sh->src.format == INPUT_JSONL;
        if (got != 0)
            return got;
        input_close(&sh->src);
        sh->opened = 0;
    }
}

static void render(const runner_config *cfg, tp_doc *doc, slot *s)
{
    tp_error err;
    tp_error_clear(&err);
    tp_buf *b = &s->out;
    int rc;
    if (cfg->format == OUT_TEXT) {
        rc = tp_write_text(doc, &cfg->opts, b, &err);
    } else if (cfg->format == OUT_HTML) {
        rc = tp_write_html(doc, &cfg->opts, b, &err);
    } else {
        rc = tp_write_json(doc, &cfg->opts, b, &err);
        if (cfg->format == OUT_JSONL || !cfg->as_array)
            tp_buf_putc(b, '\n');
    }
    if (rc == TP_OK && b->failed)
        rc = tp_error_set(&err, TP_ERR_NOMEM, "out of memory while writing document '%s'", tp_doc_id(doc));
    if (rc != TP_OK) {
        s->status = rc;
        snprintf(s->error, sizeof s->error, "%s", err.message);
    }
}

static void note_failure(runner_result *res, const slot *s)
{
    res->failed++;
    size_t used = strlen(res->failures);
    if (used < sizeof res->failures - 64) {
        if (s->jsonl)
            snprintf(res->failures + used, sizeof res->failures - used, "%s%s:%zu", used ? ", " : "", s->source,
                     s->line);
        else
            snprintf(res->failures + used, sizeof res->failures - used, "%s%s", used ? ", " : "",
                     s->source ? s->source : "?");
    } else if (!strstr(res->failures, "...")) {
        strcat(res->failures, ", ...");
    }
}

static void halt(shared *sh, int exit_code)
{
    sh->res->exit_code = exit_code;
    sh->halted = 1;
    pthread_cond_broadcast(&sh->space);
}

/* With the lock held: write out every finished slot the output waits for. */
static void flush_ready(shared *sh)
{
    const runner_config *cfg = sh->cfg;
    runner_result *res = sh->res;
    for (;;) {
        slot *s = &sh->slots[sh->next_write % sh->keep];
        if (s->state != SLOT_DONE)
            return;
        if (sh->halted || s->is_eof) {
            /* after a stop: dropped on purpose, the failure was reported */
        } else if (s->status == TP_OK) {
            const char *sep = !res->written ? (cfg->as_array ? "[\n" : "")
                              : cfg->as_array ? ",\n" : cfg->format == OUT_TEXT ? "\n" : "";
            if (fputs(sep, cfg->out) < 0 || fwrite(s->out.data, 1, s->out.len, cfg->out) != s->out.len) {
                fprintf(stderr, "%s: cannot write %s: %s\n", cli_program, cfg->out_name, strerror(errno));
                halt(sh, EXIT_FAILURE_OTHER);
            } else {
                res->written++;
            }
        } else {
            fprintf(stderr, "%s: %s\n", cli_program, s->error);
            if (s->status == TP_ERR_IO || s->status == TP_ERR_NOMEM || !cfg->skip_errors)
                halt(sh, exit_code_for(s->status));
            else
                note_failure(res, s);
        }
        s->state = SLOT_FREE;
        s->is_eof = 0;
        if (s->out.cap > BUF_KEEP_MAX)
            tp_buf_free(&s->out);
        sh->next_write++;
        pthread_cond_broadcast(&sh->space);
    }
}

static const char *utf8_hint(const char *msg)
{
    return strstr(msg, "invalid UTF-8")
               ? "; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) or run with --invalid-utf8 replace"
               : "";
}

static void *worker(void *arg)
{
    shared *sh = arg;
    const runner_config *cfg = sh->cfg;
    tp_doc *doc = tp_doc_new();
    pthread_mutex_lock(&sh->lock);
    if (!doc) {
        fprintf(stderr, "%s: out of memory\n", cli_program);
        halt(sh, EXIT_FAILURE_OTHER);
    }
    while (!sh->input_over && !sh->halted) {
        if (sh->next_read - sh->next_write >= sh->keep) {
            pthread_cond_wait(&sh->space, &sh->lock);
            continue;
        }
        size_t seq = sh->next_read++;
        slot *s = &sh->slots[seq % sh->keep];
        s->state = SLOT_BUSY;
        s->status = TP_OK;
        s->error[0] = '\0';
        tp_buf_reset(&s->out);
        tp_error err;
        tp_error_clear(&err);
        int got = read_next(sh, doc, &err, s);
        if (got == 0) {
            s->is_eof = 1;
            sh->input_over = 1; /* nobody reads further; what is in flight finishes */
        }
        pthread_mutex_unlock(&sh->lock);

        if (got > 0) {
            int rc = tp_pipeline_process(cfg->pipeline, doc, &err);
            if (rc == TP_OK) {
                render(cfg, doc, s);
            } else {
                s->status = rc;
                if (s->jsonl)
                    snprintf(s->error, sizeof s->error, "%s:%zu: %s", s->source, s->line, err.message);
                else
                    snprintf(s->error, sizeof s->error, "%s", err.message);
            }
        } else if (got < 0) {
            s->status = got;
            snprintf(s->error, sizeof s->error, "%s%s", err.message, utf8_hint(err.message));
        }
        pthread_mutex_lock(&sh->lock);
        s->state = SLOT_DONE;
        flush_ready(sh);
    }
    pthread_cond_broadcast(&sh->space);
    pthread_mutex_unlock(&sh->lock);
    tp_doc_free(doc);
    return NULL;
}

void run_documents(const runner_config *cfg, runner_result *res)
{
    memset(res, 0, sizeof *res);
    shared sh;
    memset(&sh, 0, sizeof sh);
    sh.cfg = cfg;
    sh.res = res;
    int threads = cfg->threads > 0 ? cfg->threads : 1;
    sh.keep = (size_t)threads * 4 + 4;
    sh.slots = calloc(sh.keep, sizeof *sh.slots);
    if (!sh.slots) {
        fprintf(stderr, "%s: out of memory\n", cli_program);
        res->exit_code = EXIT_FAILURE_OTHER;
        return;
    }
    for (size_t i = 0; i < sh.keep; i++)
        tp_buf_init(&sh.slots[i].out);
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.space, NULL);

    /* The calling thread is worker 0: with -j 1 nothing else runs. */
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    int started = 0;
    for (int i = 1; tids && i < threads; i++) {
        if (pthread_create(&tids[i], NULL, worker, &sh) != 0)
            break;
        started++;
    }
    worker(&sh);
    for (int i = 1; i <= started; i++)
        pthread_join(tids[i], NULL);
    free(tids);

    /* A run that stopped early may leave finished slots unwritten: the
     * failure that stopped it was reported; they are dropped on purpose. */
    if (sh.opened)
        input_close(&sh.src);
    for (size_t i = 0; i < sh.keep; i++)
        tp_buf_free(&sh.slots[i].out);
    free(sh.slots);
    pthread_cond_destroy(&sh.space);
    pthread_mutex_destroy(&sh.lock);
}
