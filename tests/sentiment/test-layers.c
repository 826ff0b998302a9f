/* test-layers.c - a test-only stage that stands in for sentence-split and
 * entity-tag, so that the sentiment stage can be tested on sentences and
 * entities without them:
 *   - "sentences": cut after . ! or ? followed by white space (trimmed);
 *   - "entities": every whole-word occurrence of the strings given in the
 *     option "entities" ([{"text", "label", "canonical", "mention"}...]),
 *     with the attribute canonical (the text when not given; none when it
 *     is null) and the attribute mention when given (entity-tag's
 *     pronouns are {"mention": "pronoun"}).
 * Never installed. */
#include <stdlib.h>
#include <string.h>

#include <textpipe/plugin.h>

static const tp_option options[] = {
    TP_OPTION_BOOL("sentences", "true", "Make a sentences layer."),
    TP_OPTION_JSON("entities", NULL, "Entities to tag: [{\"text\", \"label\", \"canonical\", \"mention\"}]."),
    TP_OPTION_END,
};

typedef struct layers_state {
    int sentences;
    json_t *entities;
} layers_state;

static int create(const tp_config *c, void **s, tp_error *e)
{
    layers_state *st = calloc(1, sizeof *st);
    if (!st)
        return tp_error_set(e, TP_ERR_NOMEM, "out of memory");
    st->sentences = tp_config_bool(c, "sentences");
    const json_t *ents = tp_config_json(c, "entities");
    if (ents && !json_is_array(ents)) {
        free(st);
        return tp_error_set(e, TP_ERR_INVALID, "%s: give an array", tp_config_where(c, "entities"));
    }
    st->entities = ents ? json_incref((json_t *)ents) : NULL;
    *s = st;
    return TP_OK;
}

static void destroy(void *s)
{
    layers_state *st = s;
    json_decref(st->entities);
    free(st);
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static int is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80);
}

static int add_sentence(tp_layer *l, const char *t, size_t b, size_t e, tp_error *err)
{
    while (b < e && is_space(t[b]))
        b++;
    while (e > b && is_space(t[e - 1]))
        e--;
    return e > b && tp_layer_add(l, b, e, NULL, err) < 0 ? err->status : TP_OK;
}

static int sentences(tp_doc *d, tp_error *err)
{
    size_t len;
    const char *t = tp_doc_text(d, &len);
    tp_layer *l = tp_doc_add_layer(d, "sentences", 0, err);
    if (!l)
        return err->status;
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] != '.' && t[i] != '!' && t[i] != '?')
            continue;
        size_t j = i;
        while (j < len && (t[j] == '.' || t[j] == '!' || t[j] == '?' || t[j] == '"' || t[j] == ')'))
            j++;
        if (j < len && !is_space(t[j]))
            continue;
        if (add_sentence(l, t, from, j, err))
            return err->status;
        from = i = j;
    }
    return add_sentence(l, t, from, len, err);
}

static int entities(layers_state *st, tp_doc *d, tp_error *err)
{
    size_t len;
    const char *t = tp_doc_text(d, &len);
    tp_layer *l = tp_doc_add_layer(d, "entities", 0, err);
    if (!l)
        return err->status;
    size_t i;
    json_t *ent;
    json_array_foreach(st->entities, i, ent) {
        const char *text = json_string_value(json_object_get(ent, "text"));
        const char *label = json_string_value(json_object_get(ent, "label"));
        const char *canon = json_string_value(json_object_get(ent, "canonical"));
        const char *mention = json_string_value(json_object_get(ent, "mention"));
        int no_canon = json_is_null(json_object_get(ent, "canonical"));
        if (!text || !*text)
            return tp_error_set(err, TP_ERR_INVALID, "entities[%zu]: no text", i);
        size_t n = strlen(text);
        for (const char *p = t; (p = strstr(p, text)) != NULL; p += n) {
            size_t at = (size_t)(p - t);
            if ((at > 0 && is_word(t[at - 1])) || (at + n < len && is_word(t[at + n])))
                continue;
            ptrdiff_t k = tp_layer_add(l, at, at + n, label ? label : "PERSON", err);
            if (k < 0)
                return err->status;
            const char *c = canon ? canon : text;
            if ((!no_canon && tp_span_set(l, (size_t)k, "canonical", tp_value_string(c, strlen(c)), err)) ||
                (mention && tp_span_set(l, (size_t)k, "mention", tp_value_string(mention, strlen(mention)), err)))
                return err->status;
        }
    }
    tp_layer_sort(l);
    return TP_OK;
}

static int process(void *s, tp_doc *d, tp_error *e)
{
    layers_state *st = s;
    if (st->sentences && sentences(d, e))
        return e->status;
    if (st->entities && entities(st, d, e))
        return e->status;
    return TP_OK;
}

TEXTPIPE_PLUGIN(test_layers, .name = "test-layers", .version = "1", .license = "MIT",
                .description = "test: naive sentences and listed entities for the sentiment tests",
                .provides = TP_NAMES("sentences", "entities"), .options = options,
                .flags = TP_PLUGIN_THREAD_SAFE, .create = create, .process = process, .destroy = destroy);
