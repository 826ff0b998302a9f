/* sentence-split.c - the sentence-split stage: the `tokens` and `sentences`
 * layers over the newest text view.
 *
 * The work is done by tokenize.c (tokens with what the splitter needs to
 * know about them) and split.c (sentence boundaries over the tokens); this
 * file reads the options, builds the lexicon once, and writes the layers.
 * process() reads the options and the lexicon and borrows per-document
 * buffers from a small mutex-guarded pool: it is thread-safe. */
#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/plugin.h>

#include "lexicon.h"
#include "split.h"
#include "tokenize.h"

static const char *const newline_modes[] = {"auto", "always", "never", NULL};

static const tp_option options[] = {
    TP_OPTION_LIST("abbreviations", "[]",
                   "Extra abbreviations, with or without their final period (\"Univ\", \"approx.\", \"U.S.C\"): a "
                   "period after them does not end a sentence unless a typical first word (The, He, ...) follows."),
    TP_OPTION_LIST("titles", "[]",
                   "Extra titles written before names (\"Insp\", \"Cpt.\"): a period after them never ends a "
                   "sentence before a capitalized word."),
    TP_OPTION_STRING("abbreviations_file", NULL,
                     "A UTF-8 file of more abbreviations, one per line, optionally followed by its kind: "
                     "abbreviation (the default), title, numeric (only before a number: No. 5), unit (only after a "
                     "number: 5 ft.) or noend (never ends a sentence: e.g.). '#' starts a comment. A relative path "
                     "is taken from the pipeline file's folder."),
    TP_OPTION_BOOL("builtin_abbreviations", "true",
                   "Use the built-in English abbreviations and titles (Mr., Dr., Inc., Jan., U.S. states, ...)."),
    TP_OPTION_ENUM("newlines", "\"auto\"", newline_modes,
                   "What a single line break means. auto: it ends a sentence after a line that looks complete "
                   "(a headline, a dateline, a list item, a short line) but not inside wrapped prose; always: "
                   "every line is at most one sentence; never: it is a space. A blank line always ends a sentence."),
    TP_OPTION_INT("max_sentence_length", "2000", 0, 100000000,
                  "Longest sentence in characters: a longer one is cut at a semicolon, comma or colon (else between "
                  "words) so that later stages never get unbounded input. 0: no limit."),
    TP_OPTION_BOOL("split_contractions", "true",
                   "Split contractions and possessives: don't -> do n't, can't -> ca n't, Mexico's -> Mexico 's, "
                   "we're -> we 're."),
    TP_OPTION_BOOL("datelines", "true",
                   "End a sentence after a date that opens a paragraph and runs into the text "
                   "(\"Monday, May 4, 2015 Council members ...\")."),
    TP_OPTION_END,
};

/* Buffers for one document.  They are kept in a pool and reused, so that a
 * stream of documents costs no allocation (and no fresh pages) each. */
typedef struct work {
    ss_tokens toks;
    ss_sentences sents;
    struct work *next;
} work;

/* Buffers grown past this many tokens are freed after use, so that one huge
 * document does not pin its memory for the rest of the run. */
enum { WORK_KEEP_TOKENS = 1 << 18 };

typedef struct split_state {
    ss_lexicon *lex;
    ss_tokenize_options tok;
    ss_split_options split;
    pthread_mutex_t lock;  /* guards `idle`: process() runs on several threads */
    work *idle;
} split_state;

static void free_work(work *w)
{
    ss_tokens_free(&w->toks);
    ss_sentences_free(&w->sents);
    free(w);
}

static work *take_work(split_state *st)
{
    pthread_mutex_lock(&st->lock);
    work *w = st->idle;
    if (w)
        st->idle = w->next;
    pthread_mutex_unlock(&st->lock);
    return w ? w : calloc(1, sizeof *w);
}

static void give_back_work(split_state *st, work *w)
{
    if (w->toks.cap > WORK_KEEP_TOKENS) {
        free_work(w);
        return;
    }
    pthread_mutex_lock(&st->lock);
    w->next = st->idle;
    st->idle = w;
    pthread_mutex_unlock(&st->lock);
}

static void destroy(void *state)
{
    split_state *st = state;
    if (!st)
        return;
    while (st->idle) {
        work *w = st->idle;
        st->idle = w->next;
        free_work(w);
    }
    pthread_mutex_destroy(&st->lock);
    ss_lexicon_free(st->lex);
    free(st);
}

static int add_option_list(split_state *st, const tp_config *cfg, const char *name, unsigned flags, tp_error *err)
{
    size_t n = tp_config_list_size(cfg, name);
    for (size_t i = 0; i < n; i++) {
        const char *w = tp_config_list_item(cfg, name, i);
        size_t len = strlen(w);
        for (size_t k = 0; k < len; k++) {
            if (w[k] == ' ' || w[k] == '\t' || w[k] == '\n') {
                return tp_error_set(err, TP_ERR_INVALID, "%s[%zu]: '%s' contains white space: give one word per item",
                                    tp_config_where(cfg, name), i, w);
            }
        }
        int rc = ss_lexicon_add(st->lex, w, len, flags, err);
        if (rc) {
            tp_error_prefix(err, "%s[%zu]", tp_config_where(cfg, name), i);
            return rc;
        }
    }
    return TP_OK;
}

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    split_state *st = calloc(1, sizeof *st);
    if (!st)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    if (pthread_mutex_init(&st->lock, NULL)) {
        free(st);
        return tp_error_set(err, TP_ERR_NOMEM, "cannot create a mutex");
    }
    if (!(st->lex = ss_lexicon_new())) {
        destroy(st);
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    }
    int rc = ss_lexicon_add_english(st->lex, tp_config_bool(cfg, "builtin_abbreviations"), err);
    if (!rc)
        rc = add_option_list(st, cfg, "abbreviations", LX_ABBR, err);
    if (!rc)
        rc = add_option_list(st, cfg, "titles", LX_ABBR | LX_TITLE, err);
    const char *file = tp_config_string(cfg, "abbreviations_file");
    if (!rc && file) {
        char *path = tp_config_resolve_path(cfg, file, err);
        if (!path) {
            rc = err->status ? err->status : TP_ERR_IO;
        } else {
            rc = ss_lexicon_load_file(st->lex, path, err);
            if (rc)
                tp_error_prefix(err, "%s", tp_config_where(cfg, "abbreviations_file"));
            free(path);
        }
    }
    if (rc) {
        destroy(st);
        return rc;
    }
    const char *mode = tp_config_string(cfg, "newlines");
    st->split.newlines = strcmp(mode, "always") == 0 ? NL_ALWAYS : strcmp(mode, "never") == 0 ? NL_NEVER : NL_AUTO;
    st->split.max_length = (size_t)tp_config_int(cfg, "max_sentence_length");
    st->split.datelines = tp_config_bool(cfg, "datelines");
    st->tok.split_contractions = tp_config_bool(cfg, "split_contractions");
    *state = st;
    return TP_OK;
}

/* The `kind` values, built once and static (stored without a copy): a value
 * made on the stack for every token
 * costs a store-forwarding stall per call. */
#define KIND(word) {TP_VALUE_STATIC_STRING, sizeof(word) - 1, {.s = (word)}}
static const tp_value kind_values[K_COUNT] = {
    KIND("word"), KIND("number"), KIND("punct"), KIND("symbol"), KIND("url"),
    KIND("email"), KIND("hashtag"), KIND("mention"), KIND("emoji"),
};
#undef KIND

/* Scratch space for normalized forms: on the stack unless one is long. */
typedef struct scratch {
    char *buf;
    size_t cap;
    char stack[256];
} scratch;

/* Add one token span with its kind (and normalized form). */
static int add_token(tp_layer *layer, const char *text, const ss_token *t, size_t end, int kind, int with_norm,
                     scratch *sc, tp_error *err)
{
    ptrdiff_t k = tp_layer_add(layer, t->start, end, NULL, err);
    if (k < 0)
        return err->status;
    int rc = tp_span_set(layer, (size_t)k, "kind", kind_values[kind], err);
    if (rc || !with_norm || t->norm == N_NONE)
        return rc;
    size_t len = ss_token_norm(text, t, sc->buf, sc->cap);
    if (len == (size_t)-1)
        return TP_OK;
    if (len > sc->cap) {
        char *nb = sc->buf == sc->stack ? malloc(len) : realloc(sc->buf, len);
        if (!nb)
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        sc->buf = nb;
        sc->cap = len;
        len = ss_token_norm(text, t, sc->buf, sc->cap);
    }
    if (len == end - t->start && memcmp(sc->buf, text + t->start, len) == 0)
        return TP_OK;
    return tp_span_set(layer, (size_t)k, "norm", tp_value_string(sc->buf, len), err);
}

static int write_layers(tp_doc *doc, const char *text, const ss_tokens *toks, const ss_sentences *sents,
                        tp_error *err)
{
    tp_layer *tl = tp_doc_add_layer(doc, "tokens", TP_LAYER_HIDDEN, err);
    if (!tl)
        return err->status;
    size_t extra = 0;
    for (size_t i = 0; i < toks->n; i++)
        extra += (toks->v[i].flags & TF_DETACH) != 0;
    int rc = tp_layer_reserve(tl, toks->n + extra, err);
    scratch sc;
    sc.buf = sc.stack;
    sc.cap = sizeof sc.stack;
    /* each kind made once per document, as the document's shared attribute */
    const tp_attr *kinds[K_COUNT] = {NULL};
    for (size_t i = 0; i < toks->n && !rc; i++) {
        const ss_token *t = &toks->v[i];
        if (!(t->flags & TF_DETACH) && t->norm == N_NONE) {
            /* the common case, kept tight: a span that shares its kind */
            if ((!kinds[t->kind] && !(kinds[t->kind] = tp_doc_shared_attr(doc, "kind", kind_values[t->kind], err))) ||
                tp_layer_add_shared(tl, t->start, t->end, kinds[t->kind], err) < 0)
                rc = err->status;
        } else if (t->flags & TF_DETACH) {
            /* the word, then its period as a token of its own */
            rc = add_token(tl, text, t, t->end - 1, t->kind, 1, &sc, err);
            ss_token dot = *t;
            dot.start = t->end - 1;
            dot.norm = N_NONE;
            dot.flags = 0;
            if (!rc)
                rc = add_token(tl, text, &dot, t->end, K_PUNCT, 0, &sc, err);
        } else {
            rc = add_token(tl, text, t, t->end, t->kind, 1, &sc, err);
        }
    }
    if (sc.buf != sc.stack)
        free(sc.buf);
    if (rc)
        return rc;
    tp_layer *sl = tp_doc_add_layer(doc, "sentences", 0, err);
    if (!sl)
        return err->status;
    if ((rc = tp_layer_reserve(sl, sents->n, err)))
        return rc;
    for (size_t i = 0; i < sents->n; i++) {
        const ss_sentence *s = &sents->v[i];
        if (tp_layer_add(sl, toks->v[s->first].start, toks->v[s->last].end, NULL, err) < 0)
            return err->status;
    }
    return TP_OK;
}

static int process(void *state, tp_doc *doc, tp_error *err)
{
    split_state *st = state;
    size_t len;
    const char *text = tp_doc_text(doc, &len);
    work *w = take_work(st);
    if (!w)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    int rc;
    if (ss_tokenize(st->lex, &st->tok, text, len, &w->toks) || ss_split(st->lex, &st->split, text, &w->toks, &w->sents))
        rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory while splitting a text of %zu bytes", len);
    else
        rc = write_layers(doc, text, &w->toks, &w->sents, err);
    give_back_work(st, w);
    return rc;
}

TEXTPIPE_PLUGIN(sentence_split, .name = "sentence-split", .version = "1.0", .license = "MIT",
                .description = "Tokens (words, numbers, punctuation, URLs, e-mail addresses, hashtags, emoji; "
                               "contractions split) and sentences of news text, by rules for abbreviations, "
                               "initials, numbers, ellipses, quotes, lists, headlines and datelines.",
                .provides = TP_NAMES("tokens", "sentences"), .options = options, .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
