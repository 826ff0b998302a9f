/* sentence-split.c - the sentence-split stage: the `tokens` and `sentences`
 * layers over the newest text view.
 *
 * The work is done by tokenize.c (tokens with what the splitter needs to
 * know about them) and split.c (sentence boundaries over the tokens); this
 * file reads the options, builds the lexicon once, and writes the layers.
 * process() only reads the state: it is thread-safe. */
#include <config.h>

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
                   "(\"Monday, May 4, 2015 The council ...\")."),
    TP_OPTION_END,
};

typedef struct split_state {
    ss_lexicon *lex;
    ss_tokenize_options tok;
    ss_split_options split;
} split_state;

static void destroy(void *state)
{
    split_state *st = state;
    if (!st)
        return;
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
    if (!st || !(st->lex = ss_lexicon_new())) {
        free(st);
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

static const struct {
    const char *s;
    size_t len;
} kind_names[K_COUNT] = {
    {"word", 4}, {"number", 6}, {"punct", 5}, {"symbol", 6}, {"url", 3},
    {"email", 5}, {"hashtag", 7}, {"mention", 7}, {"emoji", 5},
};

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
    int rc = tp_span_set(layer, (size_t)k, "kind", tp_value_string(kind_names[kind].s, kind_names[kind].len), err);
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
    for (size_t i = 0; i < toks->n && !rc; i++) {
        const ss_token *t = &toks->v[i];
        if (t->flags & TF_DETACH) {
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
    const split_state *st = state;
    size_t len;
    const char *text = tp_doc_text(doc, &len);
    ss_tokens toks = {0};
    ss_sentences sents = {0};
    int rc = TP_OK;
    if (ss_tokenize(st->lex, &st->tok, text, len, &toks) || ss_split(st->lex, &st->split, text, &toks, &sents))
        rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory while splitting a text of %zu bytes", len);
    else
        rc = write_layers(doc, text, &toks, &sents, err);
    ss_tokens_free(&toks);
    ss_sentences_free(&sents);
    return rc;
}

TEXTPIPE_PLUGIN(sentence_split, .name = "sentence-split", .version = "1.0", .license = "MIT",
                .description = "Tokens (words, numbers, punctuation, URLs, e-mail addresses, hashtags, emoji; "
                               "contractions split) and sentences of news text, by rules for abbreviations, "
                               "initials, numbers, ellipses, quotes, lists, headlines and datelines.",
                .provides = TP_NAMES("tokens", "sentences"), .options = options, .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
