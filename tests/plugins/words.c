/* A tiny stage for tests: provides a "words" layer (runs of non-spaces)
 * and, when the option is set, tags every word with its length. */
#include <stdlib.h>
#include <textpipe/plugin.h>

static const char *const modes[] = {"plain", "fancy", NULL};
static const tp_option options[] = {
    TP_OPTION_BOOL("lengths", "false", "Add a length attribute to each word."),
    TP_OPTION_INT("max_words", "1000", 1, 100000, "Stop after this many words."),
    TP_OPTION_NUMBER("weight", "0.5", 0, 1, "A number between 0 and 1."),
    TP_OPTION_STRING("label", "\"W\"", "Label of each word."),
    TP_OPTION_ENUM("mode", "\"plain\"", modes, "plain or fancy."),
    TP_OPTION_LIST("stopwords", "[]", "Words to leave out."),
    TP_OPTION_JSON("extra", NULL, "Anything."),
    TP_OPTION_END,
};

typedef struct { int lengths; long long max; const char *label; } words_state;

static int create(const tp_config *c, void **s, tp_error *e)
{
    words_state *st = malloc(sizeof *st);
    if (!st)
        return tp_error_set(e, TP_ERR_NOMEM, "out of memory");
    st->lengths = tp_config_bool(c, "lengths");
    st->max = tp_config_int(c, "max_words");
    st->label = tp_config_string(c, "label");
    *s = st;
    return TP_OK;
}

static int process(void *s, tp_doc *d, tp_error *e)
{
    words_state *st = s;
    size_t len;
    const char *t = tp_doc_text(d, &len);
    tp_layer *l = tp_doc_add_layer(d, "words", 0, e);
    if (!l)
        return e->status;
    size_t i = 0;
    long long n = 0;
    while (i < len && n < st->max) {
        while (i < len && (t[i] == ' ' || t[i] == '\n'))
            i++;
        size_t b = i;
        while (i < len && t[i] != ' ' && t[i] != '\n')
            i++;
        if (i > b) {
            ptrdiff_t k = tp_layer_add(l, b, i, st->label, e);
            if (k < 0)
                return e->status;
            if (st->lengths && tp_span_set(l, (size_t)k, "length", tp_value_int((long long)(i - b)), e))
                return e->status;
            n++;
        }
    }
    return TP_OK;
}

static void destroy(void *s) { free(s); }

TEXTPIPE_PLUGIN(words, .name = "words", .version = "1", .license = "MIT",
                .description = "test: splits at spaces into a words layer", .provides = TP_NAMES("words"),
                .options = options, .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
