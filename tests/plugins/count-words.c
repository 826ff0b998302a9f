/* A stage for tests that requires "words" and uses "extras" when present:
 * sets a document attribute word_count and a "long" flag on long words. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e)
{
    (void)s;
    tp_layer *w = tp_doc_layer(d, "words");
    if (!w)
        return tp_error_set(e, TP_ERR_INVALID, "no words layer");
    for (size_t i = 0; i < tp_layer_size(w); i++) {
        const tp_span *sp = &tp_layer_spans(w)[i];
        if (sp->end - sp->start > 6 && tp_span_set(w, i, "long", tp_value_bool(1), e))
            return e->status;
    }
    return tp_doc_set_attr(d, "word_count", tp_value_int((long long)tp_layer_size(w)), e);
}
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(count_words, .name = "count-words", .version = "1", .license = "MIT",
                .description = "test: counts words", .requires = TP_NAMES("words"),
                .provides = TP_NAMES("word_count", "long"), .uses = TP_NAMES("extras"),
                .create = create, .process = process, .destroy = destroy);
