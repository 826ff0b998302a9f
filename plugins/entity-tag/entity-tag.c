/* entity-tag.c - the entity-tag stage: named entities (PERSON, ORG, GPE,
 * LOC, NORP) and dates, times, amounts of money and percentages, over the
 * tokens and sentences of sentence-split.  Each entity carries `canonical`,
 * the name that groups its mentions in the document.
 *
 * The word lists are compiled at build time (gazc) into entity-tag.gaz,
 * which create() maps; users add their own lists with the `gazetteers`
 * option.  The rules are in names.c, timex.c and coref.c (see tagger.h). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/plugin.h>

#include "tagger.h"

#define DATA_FILE "entity-tag.gaz"

static const tp_option options[] = {
    TP_OPTION_LIST("labels", "[\"PERSON\",\"ORG\",\"GPE\",\"LOC\",\"NORP\",\"DATE\",\"TIME\",\"MONEY\",\"PERCENT\"]",
                   "The entity labels to write, among PERSON, ORG, GPE, LOC, NORP, DATE, TIME, MONEY and "
                   "PERCENT."),
    TP_OPTION_JSON("gazetteers", "[]",
                   "Your own lists: an array of {\"label\": \"ORG\", \"file\": \"my-orgs.txt\"}.  A list has one "
                   "name a line (\"name\" or \"name<TAB>canonical name\"; # starts a comment); label is PERSON, "
                   "ORG, GPE, LOC, NORP, or NONE for names that must never be tagged.  Your entries win over the "
                   "built-in lists.  Relative paths are taken from the pipeline file's folder."),
    TP_OPTION_BOOL("case_sensitive", "false",
                   "Match list entries only with the capitals they are written with (\"Lima\" but not "
                   "\"LIMA\"); by default case is ignored, accents always are."),
    TP_OPTION_BOOL("pronouns", "false",
                   "Also tag he, she, him, his, her, hers, himself and herself as PERSON mentions, marked "
                   "\"mention\": \"pronoun\", each with the canonical name of the person named last before it "
                   "in its sentence or the two before whose first name or title does not say the other gender "
                   "(none: no canonical).  For sentiment toward people through their pronouns; off by default, "
                   "since pronouns are not names."),
    TP_OPTION_BOOL("guess_people", "false",
                   "Tag a capitalized word that stands alone and that no list or rule reads (\"Krongard "
                   "indicated\", \"the Cornyn plan\") as a PERSON: in news such a word is most often the surname "
                   "of someone the reader is expected to know.  More people found, at the cost of other "
                   "names taken for people; off by default, on in the people pipeline."),
    TP_OPTION_END,
};

static int parse_labels(const tp_config *cfg, unsigned *mask, tp_error *err)
{
    *mask = 0;
    size_t n = tp_config_list_size(cfg, "labels");
    for (size_t i = 0; i < n; i++) {
        const char *l = tp_config_list_item(cfg, "labels", i);
        int found = 0;
        for (int k = 1; k < L_COUNT; k++)
            if (strcmp(l, et_label_names[k]) == 0) {
                *mask |= 1u << k;
                found = 1;
            }
        if (!found)
            return tp_error_set(err, TP_ERR_INVALID,
                                "%s[%zu]: unknown label \"%s\"; use PERSON, ORG, GPE, LOC, NORP, DATE, TIME, MONEY "
                                "or PERCENT",
                                tp_config_where(cfg, "labels"), i, l);
    }
    return TP_OK;
}

static uint64_t user_flags(const char *label)
{
    static const struct { const char *name; uint64_t flags; } map[] = {
        {"PERSON", ET_PERSON}, {"ORG", ET_ORG},   {"GPE", ET_COUNTRY},
        {"LOC", ET_LOC},       {"NORP", ET_NORP}, {"NONE", ET_NOT_ENTITY}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(label, map[i].name) == 0)
            return map[i].flags | ET_USER;
    return 0;
}

/* Add one user list to @p b. */
static int load_user_list(et_builder *b, const char *path, const char *where, uint64_t flags, tp_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return tp_error_set(err, TP_ERR_IO, "%s: cannot open %s: %s", where, path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = TP_OK;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t lead = strspn(line, " \t");
        if ((size_t)n == lead || line[lead] == '#')
            continue;
        char *tab = memchr(line, '\t', (size_t)n);
        size_t len = tab ? (size_t)(tab - line) : (size_t)n;
        const char *canon = tab ? tab + 1 : NULL;
        size_t clen = tab ? (size_t)n - len - 1 : 0;
        int r = et_builder_add(b, line, len, canon, clen, flags);
        if (r < 0) {
            rc = tp_error_set(err, TP_ERR_NOMEM, "%s:%ld: out of memory", path, lineno);
            break;
        }
        if (r == 1) {
            rc = tp_error_set(err, TP_ERR_INPUT,
                              "%s:%ld:1: the entry has no letter or digit; write one name a line (%s)", path,
                              lineno, where);
            break;
        }
    }
    if (rc == TP_OK && ferror(f))
        rc = tp_error_set(err, TP_ERR_IO, "%s: read error: %s", path, strerror(errno));
    free(line);
    fclose(f);
    return rc;
}

static int load_user_gazetteers(const tp_config *cfg, et_gaz *user, tp_error *err)
{
    const json_t *g = tp_config_json(cfg, "gazetteers");
    const char *where = tp_config_where(cfg, "gazetteers");
    if (!g || (json_is_array(g) && json_array_size(g) == 0))
        return TP_OK;
    if (!json_is_array(g) && !json_is_object(g))
        return tp_error_set(err, TP_ERR_INVALID,
                            "%s: expected an array of {\"label\": \"ORG\", \"file\": \"my-orgs.txt\"}", where);
    et_builder *b = et_builder_new();
    if (!b)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    int rc = TP_OK;
    size_t n = json_is_array(g) ? json_array_size(g) : 1;
    for (size_t i = 0; i < n && rc == TP_OK; i++) {
        const json_t *item = json_is_array(g) ? json_array_get(g, i) : g;
        char at[1024];
        snprintf(at, sizeof at, json_is_array(g) ? "%s[%zu]" : "%s", where, i);
        const json_t *label = json_object_get(item, "label"), *file = json_object_get(item, "file");
        if (!json_is_object(item) || !json_is_string(label) || !json_is_string(file)) {
            rc = tp_error_set(err, TP_ERR_INVALID,
                              "%s: expected {\"label\": \"ORG\", \"file\": \"my-orgs.txt\"} with both keys strings",
                              at);
            break;
        }
        const char *extra = NULL;
        json_t *v;
        const char *key;
        json_object_foreach((json_t *)item, key, v) if (strcmp(key, "label") != 0 && strcmp(key, "file") != 0)
            extra = key;
        if (extra) {
            rc = tp_error_set(err, TP_ERR_INVALID, "%s.%s: unknown key; a list has only \"label\" and \"file\"",
                              at, extra);
            break;
        }
        uint64_t flags = user_flags(json_string_value(label));
        if (!flags) {
            rc = tp_error_set(err, TP_ERR_INVALID,
                              "%s.label: unknown label \"%s\"; use PERSON, ORG, GPE, LOC, NORP or NONE", at,
                              json_string_value(label));
            break;
        }
        char *path = tp_config_resolve_path(cfg, json_string_value(file), err);
        if (!path) {
            rc = err->status ? err->status : TP_ERR_NOMEM;
            break;
        }
        rc = load_user_list(b, path, at, flags, err);
        free(path);
    }
    unsigned char *img = NULL;
    size_t size = 0;
    if (rc == TP_OK && et_builder_image(b, &img, &size) != 0)
        rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    et_builder_free(b);
    if (rc == TP_OK) {
        char msg[512];
        if (et_gaz_adopt(user, img, size, msg, sizeof msg) != 0)
            rc = tp_error_set(err, TP_ERR_DATA, "%s", msg);
    }
    return rc;
}

static void destroy(void *state)
{
    et_tagger *t = state;
    if (!t)
        return;
    et_gaz_close(&t->builtin);
    et_gaz_close(&t->user);
    free(t);
}

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    et_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    int rc = parse_labels(cfg, &t->labels, err);
    t->case_sensitive = tp_config_bool(cfg, "case_sensitive");
    t->pronouns = tp_config_bool(cfg, "pronouns");
    t->guess_people = tp_config_bool(cfg, "guess_people");
    if (rc == TP_OK && (et_timex_words(&t->words) != 0 || et_pronoun_words(&t->words) != 0))
        rc = tp_error_set(err, TP_ERR_INVALID, "entity-tag: the rules' word sets do not fit in %d slots: raise "
                          "ET_WORDS_SLOTS in tagger.h", ET_WORDS_SLOTS);
    if (rc == TP_OK) {
        char *path = tp_config_find_data(cfg, DATA_FILE, err);
        if (!path) {
            rc = err->status ? err->status : TP_ERR_DATA;
        } else {
            char msg[512];
            if (et_gaz_open(&t->builtin, path, msg, sizeof msg) != 0)
                rc = tp_error_set(err, TP_ERR_DATA, "%s", msg);
            free(path);
        }
    }
    if (rc == TP_OK)
        rc = load_user_gazetteers(cfg, &t->user, err);
    if (rc != TP_OK) {
        destroy(t);
        return rc;
    }
    *state = t;
    return TP_OK;
}

/* The text of tokens [a, b) with white space runs squashed to one space. */
static const char *squashed(const et_doc *d, size_t a, size_t b, char **buf, size_t *cap, size_t *len)
{
    size_t s = d->tok[a].start, e = d->tok[b - 1].end;
    if (!*buf || e - s + 1 > *cap) {
        char *p = realloc(*buf, e - s + 64);
        if (!p)
            return NULL;
        *buf = p;
        *cap = e - s + 64;
    }
    size_t n = 0;
    int space = 0;
    for (size_t i = s; i < e; i++) {
        char c = d->text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && n)
            (*buf)[n++] = ' ';
        space = 0;
        (*buf)[n++] = c;
    }
    *len = n;
    return *buf;
}

/* A pronoun at token @p i as a PERSON mention; @p person is the layer
 * index of the person it refers to (-1: none), whose canonical name it
 * takes. */
static int add_pronoun(tp_layer *layer, const et_doc *d, size_t i, ptrdiff_t person, tp_error *err)
{
    ptrdiff_t k = tp_layer_add(layer, d->tok[i].start, d->tok[i].end, et_label_names[L_PERSON], err);
    if (k < 0 || tp_span_set(layer, (size_t)k, "mention", tp_value_string("pronoun", 7), err) != TP_OK)
        return err->status ? err->status : TP_ERR_NOMEM;
    size_t clen;
    /* the person's canonical name lives in the document's memory: it stays
     * where it is while the layer grows */
    const char *canon = person >= 0 ? tp_span_get_string(&tp_layer_spans(layer)[person], "canonical", &clen) : NULL;
    if (canon && tp_span_set(layer, (size_t)k, "canonical", tp_value_string(canon, clen), err) != TP_OK)
        return err->status ? err->status : TP_ERR_NOMEM;
    return TP_OK;
}

/* The people a pronoun may refer to: the last RECENT_PEOPLE written. */
#define RECENT_PEOPLE 8

/* Spans go into the layer in order of their start: the candidates (sorted,
 * an overlapping later one dropped) and, with the `pronouns` option, the
 * pronouns between them. */
typedef struct layer_writer {
    const et_doc *d;
    tp_layer *layer;
    size_t last_end;       /* end of the last span written */
    size_t next_tok;       /* tokens before it were looked at for pronouns */
    size_t sentence;       /* sentence of next_tok (or before it) */
    struct recent_person {
        ptrdiff_t k;       /* layer index */
        size_t sentence;
        int gender;        /* ET_FEMININE, ET_MASCULINE or 0 */
    } people[RECENT_PEOPLE]; /* a ring, people[npeople % RECENT_PEOPLE] the next */
    size_t npeople;
} layer_writer;

/* The layer index of the person a pronoun of @p gender in the writer's
 * sentence refers to: the latest one near enough whose gender does not
 * contradict it; -1 for none. */
static ptrdiff_t antecedent(const layer_writer *w, int gender)
{
    for (size_t n = 0; n < w->npeople && n < RECENT_PEOPLE; n++) {
        const struct recent_person *p = &w->people[(w->npeople - 1 - n) % RECENT_PEOPLE];
        if (!et_antecedent_near(w->sentence, p->sentence))
            break;
        if (!p->gender || p->gender == gender)
            return p->k;
    }
    return -1;
}

/* The pronouns among tokens [w->next_tok, until). */
static int write_pronouns(layer_writer *w, size_t until, tp_error *err)
{
    const et_doc *d = w->d;
    for (; w->next_tok < until; w->next_tok++) {
        size_t i = w->next_tok;
        int gender = et_pronoun_gender(d, i);
        if (!gender || d->tok[i].start < w->last_end)
            continue;
        w->sentence = et_sentence_of(d, i, w->sentence);
        if (add_pronoun(w->layer, d, i, antecedent(w, gender), err) != TP_OK)
            return err->status;
        w->last_end = d->tok[i].end;
    }
    return TP_OK;
}

static int write_layer(et_doc *d, tp_doc *doc, tp_error *err)
{
    tp_layer *layer = tp_doc_add_layer(doc, "entities", 0, err);
    if (!layer)
        return err->status;
    if (tp_layer_reserve(layer, d->ncand, err) != TP_OK)
        return err->status;
    int pronouns = d->t->pronouns && (d->t->labels & (1u << L_PERSON));
    layer_writer w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.layer = layer;
    char *buf = NULL;
    size_t cap = 0;
    int rc = TP_OK;
    for (size_t i = 0; i < d->ncand && rc == TP_OK; i++) {
        const et_cand *c = &d->cand[i];
        if (c->label == L_NONE || !(d->t->labels & (1u << c->label)))
            continue;
        if (pronouns && (rc = write_pronouns(&w, c->a, err)) != TP_OK)
            break;
        size_t start = d->tok[c->a].start, end = d->tok[c->b - 1].end;
        if (start < w.last_end)
            continue; /* the earlier, longer one stays */
        /* the user's own canonical name wins; then the full name coref found */
        const et_cand *ref = c->canon_ref >= 0 && !(c->gaz == &d->t->user && c->canon) ? &d->cand[c->canon_ref] : c;
        const char *canon;
        size_t clen = 0;
        canon = ref->gaz && ref->canon ? et_gaz_str(ref->gaz, ref->canon, &clen) : NULL;
        if (!canon && !(canon = squashed(d, ref->a, ref->b, &buf, &cap, &clen)))
            rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        if (rc != TP_OK)
            break;
        ptrdiff_t k = tp_layer_add(layer, start, end, et_label_names[c->label], err);
        if (k < 0 || tp_span_set(layer, (size_t)k, "canonical", tp_value_string(canon, clen), err) != TP_OK)
            rc = err->status ? err->status : TP_ERR_NOMEM;
        w.last_end = end;
        if (pronouns && c->label == L_PERSON && rc == TP_OK) {
            struct recent_person *p = &w.people[w.npeople++ % RECENT_PEOPLE];
            p->k = k;
            p->sentence = w.sentence = et_sentence_of(d, c->a, w.sentence);
            /* the full name coref found tells more than a surname alone */
            p->gender = et_person_gender(d, c->canon_ref >= 0 ? &d->cand[c->canon_ref] : c);
            if (!p->gender && c->canon_ref >= 0)
                p->gender = et_person_gender(d, c);
        }
        if (w.next_tok < c->b)
            w.next_tok = c->b;
    }
    if (rc == TP_OK && pronouns)
        rc = write_pronouns(&w, d->ntok, err);
    free(buf);
    return rc;
}

static int process(void *state, tp_doc *doc, tp_error *err)
{
    const et_tagger *t = state;
    et_doc d;
    int rc = et_doc_load(&d, t, doc, err);
    if (rc != TP_OK)
        return rc;
    if (et_find_names(&d) != 0 || et_find_timex(&d) != 0 || et_resolve(&d) != 0)
        rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory while tagging %zu tokens", d.ntok);
    if (rc == TP_OK)
        rc = write_layer(&d, doc, err);
    et_doc_free(&d);
    return rc;
}

TEXTPIPE_PLUGIN(entity_tag, .name = "entity-tag", .version = "1.0", .license = "MIT",
                .description = "Named entities (PERSON, ORG, GPE, LOC, NORP), dates, times, money and percentages "
                               "from word lists and context rules, with a canonical name per entity.",
                .requires = TP_NAMES("tokens", "sentences"), .provides = TP_NAMES("entities"),
                .options = options, .flags = TP_PLUGIN_THREAD_SAFE, .create = create, .process = process,
                .destroy = destroy);
