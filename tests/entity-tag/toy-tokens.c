/* toy-tokens.c - a small tokenizer and sentence splitter for the
 * entity-tag tests, so that they test entity-tag's rules and not another
 * stage's tokenization.  It keeps to the layer contract of
 * docs/plugin-guide.md (tokens in order without overlap) and tokenizes as
 * sentence-split does: possessives split off ("Mexico’s" -> "Mexico"
 * "’s"), abbreviations and initials kept whole ("U.S.", "Sen.", "F."),
 * hyphenated words whole; a sentence ends after . ! ? (and the quotes
 * that close it) and at every line break. */
#include <stdlib.h>
#include <string.h>
#include <textpipe/plugin.h>

static const char *const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Inc", "Corp", "Co",
    "Ltd", "Jr", "Sr", "Prof", "Rev", "Mt", "vs", "etc", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No",
    NULL};

typedef struct cut { size_t start, end; } cut;

static int add(tp_layer *l, size_t s, size_t e, tp_error *err)
{
    return e > s && tp_layer_add(l, s, e, NULL, err) < 0 ? -1 : 0;
}

static int utf8_at(const char *t, size_t i, size_t n, const char *c)
{
    size_t l = strlen(c);
    return i + l <= n && memcmp(t + i, c, l) == 0;
}

/* Length of an opening or closing punctuation character at t[i], or 0. */
static size_t punct_len(const char *t, size_t i, size_t n, int closing)
{
    static const char *const open[] = {"“", "‘", "«", "—", "–", "\"", "'", "(", "[", NULL};
    static const char *const close[] = {"”", "’", "»", "—", "\"", "'", ")", "]", ",", ";", ":", "!", "?", NULL};
    const char *const *set = closing ? close : open;
    for (int k = 0; set[k]; k++)
        if (utf8_at(t, i, n, set[k]))
            return strlen(set[k]);
    return 0;
}

static int is_abbreviation(const char *t, size_t s, size_t e)
{
    /* e is just past the final '.' */
    size_t n = e - 1 - s;
    if (n == 1 && t[s] >= 'A' && t[s] <= 'Z')
        return 1;
    if (memchr(t + s, '.', n))
        return 1; /* U.S., a.m. */
    for (int k = 0; abbreviations[k]; k++)
        if (strlen(abbreviations[k]) == n && memcmp(t + s, abbreviations[k], n) == 0)
            return 1;
    return 0;
}

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    (void)cfg;
    (void)err;
    *state = NULL;
    return TP_OK;
}

static void destroy(void *state)
{
    (void)state;
}

static int process(void *state, tp_doc *doc, tp_error *err)
{
    (void)state;
    size_t n;
    const char *t = tp_doc_text(doc, &n);
    tp_layer *tok = tp_doc_add_layer(doc, "tokens", TP_LAYER_HIDDEN, err);
    if (!tok)
        return err->status;
    size_t i = 0;
    while (i < n) {
        while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r'))
            i++;
        size_t s = i;
        while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != '\t' && t[i] != '\r')
            i++;
        size_t e = i, p;
        while (s < e && (p = punct_len(t, s, e, 0))) {
            if (add(tok, s, s + p, err))
                return err->status;
            s += p;
        }
        /* closing punctuation, kept in order */
        cut tail[16];
        int nt = 0;
        for (;;) {
            if (nt == 16 || e <= s)
                break;
            size_t q = 0;
            for (size_t k = 1; k <= 3 && k <= e - s && !q; k++)
                if (punct_len(t, e - k, e, 1) == k)
                    q = k;
            if (!q && t[e - 1] == '.' && !is_abbreviation(t, s, e))
                q = 1;
            if (!q && t[e - 1] == '%' && e - s > 1)
                q = 1;
            if (!q)
                break;
            tail[nt++] = (cut){e - q, e};
            e -= q;
        }
        if (e > s && t[s] == '$' && e - s > 1 && add(tok, s, s + 1, err) == 0)
            s++;
        /* possessive 's or ’s */
        size_t poss = 0;
        if (e - s > 2 && t[e - 1] == 's' && t[e - 2] == '\'')
            poss = 2;
        else if (e - s > 4 && t[e - 1] == 's' && utf8_at(t, e - 4, e, "’"))
            poss = 4;
        if (add(tok, s, e - poss, err) || (poss && add(tok, e - poss, e, err)))
            return err->status;
        while (nt > 0) {
            nt--;
            if (add(tok, tail[nt].start, tail[nt].end, err))
                return err->status;
        }
    }
    tp_layer *sl = tp_doc_add_layer(doc, "sentences", 0, err);
    if (!sl)
        return err->status;
    size_t count = tp_layer_size(tok);
    const tp_span *sp = tp_layer_spans(tok);
    size_t first = 0;
    for (size_t k = 0; k < count; k++) {
        const char *w = t + sp[k].start;
        size_t wl = sp[k].end - sp[k].start;
        int end = wl == 1 && (w[0] == '.' || w[0] == '!' || w[0] == '?');
        while (end && k + 1 < count && punct_len(t, sp[k + 1].start, sp[k + 1].end, 1) &&
               sp[k + 1].start == sp[k].end && t[sp[k + 1].start] != ',')
            k++;
        int line = k + 1 < count && memchr(t + sp[k].end, '\n', sp[k + 1].start - sp[k].end);
        if (end || line || k + 1 == count) {
            if (tp_layer_add(sl, sp[first].start, sp[k].end, NULL, err) < 0)
                return err->status;
            first = k + 1;
        }
    }
    return TP_OK;
}

TEXTPIPE_PLUGIN(toy_tokens, .name = "toy-tokens", .version = "1", .license = "MIT",
                .description = "test: a small tokenizer and splitter for the entity-tag tests",
                .provides = TP_NAMES("tokens", "sentences"), .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
