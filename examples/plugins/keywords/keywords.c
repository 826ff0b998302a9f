/* keywords.c - an example textpipe plugin, built outside textpipe's tree.
 *
 * It reads the tokens that sentence-split made and stores the document's
 * most frequent content words in a document attribute "keywords":
 *   "keywords": [{"word": "embassy", "count": 4}, ...]
 *
 * Build it against an installed textpipe:
 *   cc -shared -fPIC -o keywords.so keywords.c $(pkg-config --cflags --libs textpipe)
 * and run it:
 *   textpipe run --plugin-path . -p keywords.json article.txt
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/plugin.h>

/* The option table: the core checks pipelines against it and `textpipe
 * describe keywords` prints it. */
static const tp_option options[] = {
    TP_OPTION_INT("count", "10", 1, 1000, "How many keywords to keep."),
    TP_OPTION_INT("min_length", "4", 1, 100, "Ignore words shorter than this (in bytes)."),
    TP_OPTION_LIST("stopwords", "[]", "More words to ignore, besides the built-in English ones."),
    TP_OPTION_END,
};

static const char *const builtin_stopwords[] = {
    "about", "after", "also", "been", "before", "being", "between", "both", "could", "does", "during", "each",
    "from", "have", "having", "here", "into", "itself", "just", "more", "most", "much", "must", "only", "other",
    "over", "said", "same", "says", "should", "since", "some", "such", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "under", "until", "very", "was", "were", "what", "when",
    "where", "which", "while", "will", "with", "would", "your", NULL};

/* The state create() builds; process() only reads it, so the plugin is
 * thread-safe. */
typedef struct keywords {
    long long count, min_length;
    char **stop;  /* lowercase, NULL-terminated */
} keywords;

static void destroy(void *state)
{
    keywords *k = state;
    if (!k)
        return;
    for (size_t i = 0; k->stop && k->stop[i]; i++)
        free(k->stop[i]);
    free(k->stop);
    free(k);
}

static char *lowercase_copy(const char *s, size_t len)
{
    char *c = malloc(len + 1);
    if (!c)
        return NULL;
    for (size_t i = 0; i < len; i++)
        c[i] = (char)tolower((unsigned char)s[i]);
    c[len] = '\0';
    return c;
}

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    keywords *k = calloc(1, sizeof *k);
    size_t extra = tp_config_list_size(cfg, "stopwords"), n = 0;
    while (builtin_stopwords[n])
        n++;
    if (k)
        k->stop = calloc(n + extra + 1, sizeof *k->stop);
    if (!k || !k->stop) {
        destroy(k);
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    }
    k->count = tp_config_int(cfg, "count");
    k->min_length = tp_config_int(cfg, "min_length");
    for (size_t i = 0; i < n + extra; i++) {
        const char *w = i < n ? builtin_stopwords[i] : tp_config_list_item(cfg, "stopwords", i - n);
        if (!(k->stop[i] = lowercase_copy(w, strlen(w)))) {
            destroy(k);
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        }
    }
    *state = k;
    return TP_OK;
}

typedef struct entry {
    char *word;
    long long count;
} entry;

static int by_count(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->word, y->word);
}

static int is_stopword(const keywords *k, const char *w)
{
    for (size_t i = 0; k->stop[i]; i++)
        if (strcmp(k->stop[i], w) == 0)
            return 1;
    return 0;
}

static int process(void *state, tp_doc *doc, tp_error *err)
{
    const keywords *k = state;
    tp_layer *tokens = tp_doc_layer(doc, "tokens");
    if (!tokens)
        return tp_error_set(err, TP_ERR_INVALID, "no tokens layer: run sentence-split before keywords");
    size_t len;
    const char *text = tp_layer_text(tokens, &len);
    const tp_span *spans = tp_layer_spans(tokens);
    size_t n = tp_layer_size(tokens), used = 0;
    /* A plain array is enough for an example; a real plugin would hash. */
    entry *counts = calloc(n ? n : 1, sizeof *counts);
    if (!counts)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    int rc = TP_OK;
    for (size_t i = 0; i < n && rc == TP_OK; i++) {
        const char *kind = tp_span_get_string(&spans[i], "kind", NULL);
        size_t wlen = spans[i].end - spans[i].start;
        if (!kind || strcmp(kind, "word") != 0 || (long long)wlen < k->min_length)
            continue;
        char *w = lowercase_copy(text + spans[i].start, wlen);
        if (!w) {
            rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
            break;
        }
        if (is_stopword(k, w)) {
            free(w);
            continue;
        }
        size_t j = 0;
        while (j < used && strcmp(counts[j].word, w) != 0)
            j++;
        if (j < used) {
            counts[j].count++;
            free(w);
        } else {
            counts[used++] = (entry){w, 1};
        }
    }
    json_t *list = rc == TP_OK ? json_array() : NULL;
    if (rc == TP_OK) {
        qsort(counts, used, sizeof *counts, by_count);
        for (size_t j = 0; list && j < used && (long long)j < k->count; j++)
            if (json_array_append_new(list, json_pack("{s:s,s:I}", "word", counts[j].word, "count", counts[j].count)))
                rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        if (!list)
            rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    }
    for (size_t j = 0; j < used; j++)
        free(counts[j].word);
    free(counts);
    if (rc != TP_OK) {
        json_decref(list);
        return rc;
    }
    /* The document takes over the reference to the list. */
    return tp_doc_set_attr(doc, "keywords", tp_value_json(list), err);
}

TEXTPIPE_PLUGIN(keywords,
    .name = "keywords",
    .version = "1.0",
    .license = "MIT",
    .description = "The document's most frequent content words, as a 'keywords' attribute.",
    .requires = TP_NAMES("tokens"),
    .provides = TP_NAMES("keywords"),
    .options = options,
    .flags = TP_PLUGIN_THREAD_SAFE,
    .create = create,
    .process = process,
    .destroy = destroy);
