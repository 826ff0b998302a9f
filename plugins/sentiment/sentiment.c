/* sentiment.c - the sentiment stage: VADER's scores on every sentence and
 * on the document, and the sentiment of the context about each entity.
 *
 * The rules live in vader.c (one unit of text), the word lists in
 * lexicon.c; this file reads the options, picks the units out of the
 * document and writes the attributes. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/output.h>
#include <textpipe/plugin.h>

#include "entity.h"
#include "lexicon.h"
#include "vader.h"

static const char *const document_modes[] = {"sentences", "whole", NULL};
static const char *const rule_sets[] = {"news", "vader", NULL};

static const tp_option options[] = {
    TP_OPTION_ENUM("document", "\"sentences\"", document_modes,
                   "How the document's score is made: sentences adds up the sentences' valences and scales the sum "
                   "by the document's length, so that long articles do not saturate to +-1; whole scores the text "
                   "as one unit, as VADER's polarity_scores() does. Without a sentences layer both score the whole "
                   "text."),
    TP_OPTION_ENUM("rules", "\"news\"", rule_sets,
                   "vader applies VADER's rules exactly (quirks included); news adds the rules for news text "
                   "described in docs/sentiment.md and the domain file."),
    TP_OPTION_STRING("lexicon", "\"vader_lexicon.tsv\"",
                     "The valence lexicon: a file name in the plugin's data folder, or a path (relative to the "
                     "pipeline file). Lines are token<TAB>valence."),
    TP_OPTION_STRING("emoji_lexicon", "\"emoji_lexicon.tsv\"",
                     "Emoji and their descriptions (emoji<TAB>description), replaced before scoring; \"\" for none."),
    TP_OPTION_STRING("domain", "\"news-domain.tsv\"",
                     "The domain file the news rules use (valences, hedges, reporting verbs); \"\" for none. "
                     "Ignored with rules=vader."),
    TP_OPTION_STRING("entity_words", "\"entity-words.tsv\"",
                     "What entity sentiment knows beyond the lexicons: verbs of praise, blame, winning, losing, harm "
                     "and help (who does what to whom) and words about people; \"\" for none."),
    TP_OPTION_END,
};

enum doc_mode { DOC_SENTENCES, DOC_WHOLE };

typedef struct sentiment_state {
    sent_model model;
    entity_words entity_words;
    vader_rules rules;
    enum doc_mode doc_mode;
} sentiment_state;

static void destroy(void *state)
{
    sentiment_state *st = state;
    if (!st)
        return;
    model_free(&st->model);
    ew_free(&st->entity_words);
    free(st);
}

typedef int (*load_fn)(sent_model *m, const char *path, tp_error *err);

/* The path of the data file that option @p option names (a file name is
 * looked up in the data folders, a path with a '/' is taken as is), or
 * NULL: *path stays NULL when the option is "" (no file). */
static int data_path(const tp_config *cfg, const char *option, char **path, tp_error *err)
{
    const char *name = tp_config_string(cfg, option);
    *path = NULL;
    if (!name || !*name)
        return TP_OK;
    *path = strchr(name, '/') ? tp_config_resolve_path(cfg, name, err) : tp_config_find_data(cfg, name, err);
    return *path ? TP_OK : err->status;
}

/* Load the data file that option @p option names: a file name is looked up
 * in the data folders, a path (with a '/') is taken as is. */
static int load(const tp_config *cfg, sent_model *m, const char *option, load_fn fn, tp_error *err)
{
    const char *name = tp_config_string(cfg, option);
    if (!name || !*name)
        return TP_OK;
    char *path = strchr(name, '/') ? tp_config_resolve_path(cfg, name, err) : tp_config_find_data(cfg, name, err);
    int rc = path ? fn(m, path, err) : err->status;
    free(path);
    if (rc != TP_OK)
        tp_error_prefix(err, "%s", tp_config_where(cfg, option));
    return rc;
}

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    sentiment_state *st = calloc(1, sizeof *st);
    if (!st)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    model_init(&st->model);
    st->doc_mode = strcmp(tp_config_string(cfg, "document"), "whole") == 0 ? DOC_WHOLE : DOC_SENTENCES;
    st->rules.news = strcmp(tp_config_string(cfg, "rules"), "news") == 0;
    const char *lexicon = tp_config_string(cfg, "lexicon");
    int rc = model_add_builtin(&st->model, err);
    if (rc == TP_OK && (!lexicon || !*lexicon))
        rc = tp_error_set(err, TP_ERR_INVALID, "%s: the lexicon must name a file (the default is vader_lexicon.tsv)",
                          tp_config_where(cfg, "lexicon"));
    if (rc == TP_OK)
        rc = load(cfg, &st->model, "lexicon", model_load_lexicon, err);
    if (rc == TP_OK)
        rc = load(cfg, &st->model, "emoji_lexicon", model_load_emoji, err);
    if (rc == TP_OK && st->rules.news)
        rc = load(cfg, &st->model, "domain", model_load_domain, err);
    ew_init(&st->entity_words);
    if (rc == TP_OK)
        rc = ew_add_grammar(&st->entity_words, err);
    if (rc == TP_OK) {
        char *path = NULL;
        rc = data_path(cfg, "entity_words", &path, err);
        if (rc == TP_OK && path)
            rc = ew_load(&st->entity_words, path, err);
        free(path);
        if (rc != TP_OK)
            tp_error_prefix(err, "%s", tp_config_where(cfg, "entity_words"));
    }
    if (rc == TP_OK)
        rc = vader_prepare(&st->model, &st->rules, err);
    if (rc != TP_OK) {
        destroy(st);
        return rc;
    }
    *state = st;
    return TP_OK;
}

/* {"compound","positive","negative","neutral"} as a document value: named
 * numbers, which the document copies into its own memory (no json_t per
 * sentence and entity).  @p buf holds the numbers until the value is set. */
static const char *const score_keys[4] = {"compound", "positive", "negative", "neutral"};

static tp_value scores_value(const sent_scores *s, double buf[4])
{
    buf[0] = s->compound;
    buf[1] = s->pos;
    buf[2] = s->neg;
    buf[3] = s->neu;
    return tp_value_numbers(score_keys, buf, 4);
}

/* Scores of one unit of text. */
static int score_unit(const sentiment_state *st, vader_work *w, const char *text, size_t len, sent_scores *out,
                      size_t *ntok, double *sum, tp_error *err)
{
    int rc = vader_analyze(&st->model, &st->rules, text, len, w, err);
    if (rc != TP_OK)
        return rc;
    double amp = vader_amplifier(w->excl, w->quest);
    *out = vader_scores(w, 0, w->n, amp, sum);
    /* the sum as VADER squashes it: with the punctuation emphasis */
    if (*sum > 0)
        *sum += amp;
    else if (*sum < 0)
        *sum -= amp;
    *ntok = w->n;
    return TP_OK;
}

/* The document's score from its sentences' (document=sentences).
 *
 * VADER adds the valences of a text and squashes the sum with
 * x / sqrt(x^2 + 15): the longer the text, the closer to +-1.  Here the sum
 * of the sentences' valences (each with its own punctuation emphasis) is
 * first scaled by the document's length N in tokens: unchanged up to
 * DOC_WINDOW tokens, divided by sqrt(N / DOC_WINDOW) up to DOC_LINEAR
 * tokens (a short text is read as a whole, and its evidence adds up), and
 * beyond that by N itself (a long article's score is the density of its
 * sentiment, so it does not saturate however long it is).  Both limits were
 * chosen on the even halves of VADER's rated sets (docs/sentiment.md).
 * positive/negative/neutral are the sentences' proportions averaged with
 * their numbers of tokens as weights. */
#define DOC_WINDOW 10.0
#define DOC_LINEAR 100.0

typedef struct doc_acc {
    double sum;             /* the sentences' valence sums */
    double pos, neg, neu;   /* token-weighted sums of the proportions */
    double tokens;
} doc_acc;

static void acc_add(doc_acc *a, const sent_scores *s, size_t ntok, double sum)
{
    double wgt = (double)ntok;
    a->sum += sum;
    a->pos += wgt * s->pos;
    a->neg += wgt * s->neg;
    a->neu += wgt * s->neu;
    a->tokens += wgt;
}

/* The length scale for a document of @p n tokens (continuous in n). */
static double length_scale(double n)
{
    if (n <= DOC_WINDOW)
        return 1.0;
    if (n <= DOC_LINEAR)
        return sqrt(DOC_WINDOW / n);
    return sqrt(DOC_WINDOW / DOC_LINEAR) * (DOC_LINEAR / n);
}

static sent_scores acc_result(const doc_acc *a)
{
    sent_scores s = {0, 0, 0, 0};
    if (a->tokens > 0) {
        s.compound = vader_round(vader_normalize(a->sum * length_scale(a->tokens)), 4);
        s.pos = vader_round(a->pos / a->tokens, 3);
        s.neg = vader_round(a->neg / a->tokens, 3);
        s.neu = vader_round(a->neu / a->tokens, 3);
    }
    return s;
}

/* ------------------------------------------------------------ entities */

/* One document's entities while it is processed. */
typedef struct entity_pass {
    entity_model model;
    entity_scratch scratch;
    tp_layer *layer;
    const char *text;      /* the layer's view */
    size_t len, n;
    unsigned char *done;   /* per entity: scored already */
    size_t *starts, *ends; /* scratch: the entities of one unit */
    uint32_t *people;      /* scratch: which person each is (entity_prepare), 0 if none */
    size_t *index;         /* scratch: each one's index in the layer */
    entity_agg *agg;
} entity_pass;

static void entity_pass_free(entity_pass *e)
{
    free(e->done);
    free(e->starts);
    free(e->ends);
    free(e->people);
    free(e->index);
    entity_scratch_free(&e->scratch);
    entity_agg_free(e->agg);
}

static int entity_pass_init(entity_pass *e, const sentiment_state *st, tp_layer *layer, tp_error *err)
{
    memset(e, 0, sizeof *e);
    e->model.sent = &st->model;
    e->model.words = &st->entity_words;
    e->model.news = st->rules.news;
    e->layer = layer;
    e->text = tp_layer_text(layer, &e->len);
    e->n = tp_layer_size(layer);
    e->done = calloc(e->n + 1, 1);
    e->starts = malloc((e->n + 1) * sizeof *e->starts);
    e->ends = malloc((e->n + 1) * sizeof *e->ends);
    e->people = malloc((e->n + 1) * sizeof *e->people);
    e->index = malloc((e->n + 1) * sizeof *e->index);
    e->agg = entity_agg_new();
    if (!e->done || !e->starts || !e->ends || !e->people || !e->index || !e->agg) {
        entity_pass_free(e);
        memset(e, 0, sizeof *e);
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory for %zu entities", tp_layer_size(layer));
    }
    return TP_OK;
}

/* Which person the @p k -th entity of the unit is, sp[e->index[k]]: the
 * number of an entity among the PERSON_LOOKBACK before it with the same
 * canonical name, else k + 1 (a name or pronoun without one is a person of
 * its own).  A pronoun refers to someone named near it: looking farther
 * back would only make a unit of many names (a document without
 * sentences) quadratic. */
#define PERSON_LOOKBACK 64

static uint32_t person_number(const entity_pass *e, const tp_span *sp, size_t k)
{
    size_t len;
    const char *canon = tp_span_get_string(&sp[e->index[k]], "canonical", &len);
    for (size_t j = k > PERSON_LOOKBACK ? k - PERSON_LOOKBACK : 0; canon && j < k; j++) {
        size_t l2;
        const char *c2 = e->people[j] ? tp_span_get_string(&sp[e->index[j]], "canonical", &l2) : NULL;
        if (c2 && l2 == len && memcmp(c2, canon, len) == 0)
            return e->people[j];
    }
    return (uint32_t)(k + 1);
}

/* Score the entities that start within the analyzed unit at bytes
 * [ustart, uend) of the entities' view. */
static int score_entities(entity_pass *e, vader_work *w, size_t ustart, size_t uend, double amp, tp_error *err)
{
    const tp_span *sp = tp_layer_spans(e->layer);
    size_t first = tp_layer_find(e->layer, ustart), k = 0;
    for (size_t i = first; i < e->n && sp[i].start < uend; i++) {
        if (e->done[i] || sp[i].start < ustart)
            continue;
        e->starts[k] = sp[i].start - ustart;
        e->ends[k] = (sp[i].end < uend ? sp[i].end : uend) - ustart;
        e->index[k] = i;
        /* a person, or an entity of unknown kind */
        e->people[k] = !sp[i].label || strcmp(sp[i].label, "PERSON") == 0 ? person_number(e, sp, k) : 0;
        k++;
    }
    if (k == 0)
        return TP_OK;
    if (entity_prepare(&e->model, e->text + ustart, w, &e->scratch, e->starts, e->ends, e->people, k, err))
        return err->status;
    for (size_t i = first; i < e->n && sp[i].start < uend; i++) {
        if (e->done[i] || sp[i].start < ustart)
            continue;
        e->done[i] = 1;
        size_t end = sp[i].end < uend ? sp[i].end : uend;
        sent_scores s = entity_scores(w, &e->scratch, sp[i].start - ustart, end - ustart, amp);
        size_t clen;
        const char *canon = tp_span_get_string(&sp[i], "canonical", &clen);
        /* a pronoun that refers to no one named ("mention": "pronoun" and no
         * canonical name) has a sentiment but joins no one's aggregate */
        int aggregate = canon || !tp_span_get_string(&sp[i], "mention", NULL);
        if (!canon) { /* no canonical name: the mention's own text */
            canon = e->text + sp[i].start;
            clen = sp[i].end - sp[i].start;
        }
        double nums[4];
        if ((aggregate && entity_agg_add(e->agg, canon, clen, sp[i].label, &s, err)) ||
            tp_span_set(e->layer, i, "sentiment", scores_value(&s, nums), err))
            return err->status;
        sp = tp_layer_spans(e->layer);
    }
    return TP_OK;
}

/* Bytes [*from, *to) of the sentence-like stretch around [start, end): cut
 * after . ! ? followed by white space, at blank lines, or at most
 * CONTEXT_MAX bytes away.  For entities outside any sentence span. */
#define CONTEXT_MAX 2000

static void context_around(const char *t, size_t len, size_t start, size_t end, size_t *from, size_t *to)
{
    size_t a = start;
    while (a > 0 && start - a < CONTEXT_MAX) {
        char c = t[a - 1];
        if ((c == ' ' || c == '\n' || c == '\t') && a >= 2 &&
            (t[a - 2] == '.' || t[a - 2] == '!' || t[a - 2] == '?' || t[a - 2] == '\n'))
            break;
        a--;
    }
    size_t b = end;
    while (b < len && b - end < CONTEXT_MAX) {
        char c = t[b];
        if ((c == '.' || c == '!' || c == '?' || c == '\n') && (b + 1 == len || t[b + 1] == ' ' || t[b + 1] == '\n')) {
            b++;
            break;
        }
        b++;
    }
    while (b < len && (t[b] & 0xC0) == 0x80) /* never cut a character */
        b++;
    while (a > 0 && (t[a] & 0xC0) == 0x80)
        a--;
    *from = a;
    *to = b;
}

/* ------------------------------------------------------------ process */

static int process(void *state, tp_doc *doc, tp_error *err)
{
    const sentiment_state *st = state;
    vader_work w;
    vader_work_init(&w);
    entity_pass ents;
    memset(&ents, 0, sizeof ents);
    int rc = TP_OK;
    sent_scores s;
    size_t ntok;
    doc_acc acc = {0, 0, 0, 0, 0};
    double sum;
    double nums[4];

    tp_layer *sentences = tp_doc_layer(doc, "sentences");
    tp_layer *entities = tp_doc_layer(doc, "entities");
    if (entities)
        rc = entity_pass_init(&ents, st, entities, err);
    int same_view = sentences && entities && tp_layer_view(sentences) == tp_layer_view(entities);

    if (sentences && rc == TP_OK) {
        size_t len;
        const char *text = tp_layer_text(sentences, &len);
        size_t n = tp_layer_size(sentences);
        for (size_t i = 0; i < n && rc == TP_OK; i++) {
            const tp_span *sp = &tp_layer_spans(sentences)[i];
            size_t from = sp->start, to = sp->end;
            rc = score_unit(st, &w, text + from, to - from, &s, &ntok, &sum, err);
            if (rc != TP_OK)
                break;
            acc_add(&acc, &s, ntok, sum);
            rc = tp_span_set(sentences, i, "sentiment", scores_value(&s, nums), err);
            if (rc == TP_OK && same_view)
                rc = score_entities(&ents, &w, from, to, vader_amplifier(w.excl, w.quest), err);
        }
    }
    /* Entities no sentence holds (or all of them without sentences). */
    for (size_t i = 0; entities && rc == TP_OK && i < ents.n; i++) {
        if (ents.done[i])
            continue;
        const tp_span *sp = &tp_layer_spans(entities)[i];
        size_t from, to;
        context_around(ents.text, ents.len, sp->start, sp->end, &from, &to);
        rc = vader_analyze(&st->model, &st->rules, ents.text + from, to - from, &w, err);
        if (rc == TP_OK)
            rc = score_entities(&ents, &w, from, to, vader_amplifier(w.excl, w.quest), err);
    }
    if (rc == TP_OK) {
        if (st->doc_mode == DOC_SENTENCES && sentences) {
            s = acc_result(&acc);
        } else {
            size_t len;
            const char *text = tp_doc_text(doc, &len);
            rc = score_unit(st, &w, text, len, &s, &ntok, &sum, err);
        }
    }
    if (rc == TP_OK)
        rc = tp_doc_set_attr(doc, "sentiment", scores_value(&s, nums), err);
    if (rc == TP_OK && entities) {
        tp_buf agg;
        tp_buf_init(&agg);
        rc = entity_agg_render(ents.agg, &agg) == TP_OK
                 ? tp_doc_set_attr(doc, "entity_sentiment", tp_value_json_text(agg.data, agg.len), err)
                 : tp_error_set(err, TP_ERR_NOMEM, "out of memory writing the sentiment of %zu entities", ents.n);
        tp_buf_free(&agg);
    }
    entity_pass_free(&ents);
    vader_work_free(&w);
    return rc;
}

TEXTPIPE_PLUGIN(sentiment, .name = "sentiment", .version = "1.0", .license = "MIT",
                .description = "VADER sentiment on sentences and documents, tuned for news; sentiment toward "
                               "each entity.",
                .uses = TP_NAMES("sentences", "entities"), .provides = TP_NAMES("sentiment", "entity_sentiment"),
                .options = options, .flags = TP_PLUGIN_THREAD_SAFE, .create = create, .process = process,
                .destroy = destroy);
