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
#include <stdint.h>
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
    uint64_t id_hash;       /* of the document's id, 0 when there is none */
    char id_text[64];       /* the id as JSON (strings quoted), cut, for the warning */
    int status;             /* TP_OK, or the failure's tp_status */
    int is_eof;             /* the input is over (no document) */
    tp_buf out;
    char error[TP_ERROR_MESSAGE_MAX + 256];
    const char *source;     /* for the failure summary */
    size_t line;
    int jsonl;
} slot;

/* Ids seen so far, to warn about repeats: 64-bit hashes with the line
 * (or input number) where each was first seen; 16 bytes a document. */
typedef struct id_table {
    uint64_t *hash;
    size_t *line;
    size_t cap, n;
} id_table;

typedef struct shared {
    const runner_config *cfg;
    id_table ids;
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

/* With the lock held: open the next input when needed and take its next
 * raw record.  Returns 1, 0 at the very end, or <0 (err set). */
static int read_next(shared *sh, input_record *rec, tp_error *err, slot *s)
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
        int got = input_read(&sh->src, rec, err);
        s->source = sh->src.name;
        s->line = rec->lineno;
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
        /* the list may fill the buffer (a long name): overwrite its end then */
        size_t at = used < sizeof res->failures - 6 ? used : sizeof res->failures - 6;
        memcpy(res->failures + at, ", ...", 6);
    }
}

static uint64_t hash_id(const char *kind, const char *s, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (const char *p = kind; *p; p++)
        h = (h ^ (unsigned char)*p) * UINT64_C(1099511628211);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
    return h ? h : 1;
}

/* Record @p h first seen at @p line; returns the earlier line when it was
 * seen before, else 0.  Out of memory: ids are no longer checked. */
static size_t id_seen(id_table *t, uint64_t h, size_t line)
{
    if (t->n * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        uint64_t *nh = calloc(cap, sizeof *nh);
        size_t *nl = calloc(cap, sizeof *nl);
        if (!nh || !nl) {
            free(nh);
            free(nl);
            return 0;
        }
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->hash[i])
                continue;
            size_t k = t->hash[i] & (cap - 1);
            while (nh[k])
                k = (k + 1) & (cap - 1);
            nh[k] = t->hash[i];
            nl[k] = t->line[i];
        }
        free(t->hash);
        free(t->line);
        t->hash = nh;
        t->line = nl;
        t->cap = cap;
    }
    size_t k = h & (t->cap - 1);
    while (t->hash[k]) {
        if (t->hash[k] == h)
            return t->line[k];
        k = (k + 1) & (t->cap - 1);
    }
    t->hash[k] = h;
    t->line[k] = line;
    t->n++;
    return 0;
}

/* With the lock held: warn when a written document repeats an id. */
static void check_id(shared *sh, const slot *s)
{
    if (!s->id_hash)
        return;
    size_t where = s->jsonl ? s->line : sh->res->written + 1;
    size_t first = id_seen(&sh->ids, s->id_hash, where ? where : 1);
    if (!first)
        return;
    if (++sh->res->duplicate_ids <= 10)
        fprintf(stderr,
                "%s: %s%s%zu: warning: id %s was already used by %s %zu; both are processed (give each document "
                "its own id to tell their results apart)\n",
                cli_program, s->source ? s->source : "", s->jsonl ? ":" : " #", where, s->id_text,
                s->jsonl ? "line" : "input", first);
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
                check_id(sh, s);
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
    input_record rec = {0};
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
        s->id_hash = 0;
        s->error[0] = '\0';
        tp_buf_reset(&s->out);
        tp_error err;
        tp_error_clear(&err);
        int got = read_next(sh, &rec, &err, s);
        if (got == 0) {
            s->is_eof = 1;
            sh->input_over = 1; /* nobody reads further; what is in flight finishes */
        }
        pthread_mutex_unlock(&sh->lock);

        if (got > 0) {
            /* decoding (JSON, UTF-8) runs here, outside the lock */
            int rc = input_decode(&rec, doc, cfg->utf8, &err);
            if (rc != TP_OK) {
                s->status = rc;
                snprintf(s->error, sizeof s->error, "%s%s", err.message, utf8_hint(err.message));
            } else if ((rc = tp_pipeline_process(cfg->pipeline, doc, &err)) == TP_OK) {
                render(cfg, doc, s);
                const char *id = tp_doc_id(doc);
                json_t *idj = tp_doc_id_json(doc);
                s->id_hash = idj ? hash_id(json_is_string(idj) ? "s" : "n", id, strlen(id)) : 0;
                snprintf(s->id_text, sizeof s->id_text, json_is_string(idj) ? "\"%s\"" : "%s", id);
            } else {
                s->status = rc;
                if (s->jsonl)
                    snprintf(s->error, sizeof s->error, "%s:%zu: %s", s->source, s->line, err.message);
                else
                    snprintf(s->error, sizeof s->error, "%s", err.message);
            }
            if (rec.cap > BUF_KEEP_MAX)
                input_record_free(&rec);
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
    input_record_free(&rec);
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
    free(sh.ids.hash);
    free(sh.ids.line);
    pthread_cond_destroy(&sh.space);
    pthread_mutex_destroy(&sh.lock);
}
