/* output.c - documents as JSON (the stable schema in output.h) and as
 * readable text.  Offsets are turned into code points of the original. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <textpipe/output.h>

#include "buf_internal.h"
#include "document_internal.h"
#include "utf8.h"

static int wanted(const tp_layer *layer, const tp_output_options *opts)
{
    const char *const *list = opts ? opts->layers : NULL;
    if (!list)
        return !(layer->flags & TP_LAYER_HIDDEN);
    for (; *list; list++) {
        if (strcmp(*list, "all") == 0 || strcmp(*list, layer->name) == 0)
            return 1;
        if (strcmp(*list, "default") == 0 && !(layer->flags & TP_LAYER_HIDDEN))
            return 1;
    }
    return 0;
}

/* A span's extent in the original text: bytes and code points. */
typedef struct orig_extent {
    size_t byte_start, byte_end, cp_start, cp_end;
} orig_extent;

/* Spans come in text order, so code points are counted forward from the
 * last position asked for instead of from the start of a block. */
typedef struct cp_cursor {
    size_t byte, cp;
} cp_cursor;

static size_t cp_at(tp_doc *doc, cp_cursor *c, size_t byte)
{
    if (doc->ascii)
        return byte;
    if (byte < c->byte || byte - c->byte > 4096) {
        c->byte = byte;
        c->cp = tp_doc_codepoint(doc, byte);
        return c->cp;
    }
    c->cp += utf8_count(doc->views[0].text + c->byte, byte - c->byte);
    c->byte = byte;
    return c->cp;
}

static orig_extent extent_of(tp_doc *doc, const tp_layer *layer, const tp_span *s, cp_cursor *c)
{
    orig_extent e;
    e.byte_start = tp_doc_to_original(doc, layer->view, s->start, TP_EDGE_START);
    e.byte_end = tp_doc_to_original(doc, layer->view, s->end, TP_EDGE_END);
    if (e.byte_end < e.byte_start)
        e.byte_end = e.byte_start; /* an empty span next to a deletion */
    e.cp_start = cp_at(doc, c, e.byte_start);
    e.cp_end = e.byte_end == e.byte_start ? e.cp_start : cp_at(doc, c, e.byte_end);
    return e;
}

/* The keys of named numbers, rendered once per document: a stage gives
 * every sentence and entity the same keys (one static array), so the JSON
 * writer keeps the pieces ("{\"compound\":", ",\"positive\":", ...) of the
 * last array it met.  Equal pointers mean equal keys: the document keeps the
 * array itself, not a copy. */
enum { KEYS_MAX = 8, KEYS_TEXT = 256 };

typedef struct keys_cache {
    const char *const *keys; /* the array rendered; NULL when none */
    size_t n;
    unsigned short end[KEYS_MAX]; /* where each key's piece ends in text */
    char text[KEYS_TEXT];
} keys_cache;

/* Render @p keys into @p kc; 0 when they do not fit or need escaping (then
 * they are written the general way). */
static int cache_keys(keys_cache *kc, const char *const *keys, size_t n)
{
    size_t len = 0;
    kc->keys = NULL;
    if (n == 0 || n > KEYS_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        size_t klen = strlen(keys[i]);
        if (klen > KEYS_TEXT || len + klen + 4 > KEYS_TEXT)
            return 0;
        for (size_t k = 0; k < klen; k++) {
            unsigned char c = (unsigned char)keys[i][k];
            if (c < 0x20 || c == '"' || c == '\\')
                return 0;
        }
        kc->text[len++] = i ? ',' : '{';
        kc->text[len++] = '"';
        memcpy(kc->text + len, keys[i], klen);
        len += klen;
        kc->text[len++] = '"';
        kc->text[len++] = ':';
        kc->end[i] = (unsigned short)len;
    }
    kc->keys = keys;
    kc->n = n;
    return 1;
}

static void value_json(tp_buf *out, const tp_value *v, keys_cache *kc)
{
    if (v->type == TP_VALUE_NUMBERS && kc &&
        ((kc->keys == v->u.nums.keys && kc->n == v->len) || cache_keys(kc, v->u.nums.keys, v->len))) {
        size_t from = 0;
        for (size_t i = 0; i < v->len; i++) {
            buf_put(out, kc->text + from, kc->end[i] - from);
            buf_json_number(out, v->u.nums.values[i]);
            from = kc->end[i];
        }
        buf_putc(out, '}');
        return;
    }
    switch (v->type) {
    case TP_VALUE_STRING: buf_json_string(out, v->u.s, v->len); break;
    case TP_VALUE_INT: tp_buf_printf(out, "%lld", v->u.i); break;
    case TP_VALUE_NUMBER: buf_json_number(out, v->u.d); break;
    case TP_VALUE_BOOL: buf_put(out, v->u.b ? "true" : "false", v->u.b ? 4 : 5); break;
    case TP_VALUE_JSON: tp_buf_json_value(out, v->u.json); break;
    case TP_VALUE_JSON_TEXT: buf_put(out, v->u.s, v->len); break; /* checked when set */
    case TP_VALUE_NUMBERS:
        buf_putc(out, '{');
        for (size_t i = 0; i < v->len; i++) {
            if (i)
                buf_putc(out, ',');
            buf_json_cstring(out, v->u.nums.keys[i]);
            buf_putc(out, ':');
            buf_json_number(out, v->u.nums.values[i]);
        }
        buf_putc(out, '}');
        break;
    default: buf_put(out, "null", 4);
    }
}

static void key_json(tp_buf *out, const char *key, int pretty)
{
    buf_json_cstring(out, key);
    if (pretty)
        buf_put(out, ": ", 2);
    else
        buf_putc(out, ':');
}

/* A key the writer itself names, given already quoted with its colon
 * ("\"start\":"): nothing to measure or escape. */
#define FIXED_KEY(out, quoted, pretty) fixed_key(out, quoted, sizeof(quoted) - 1, pretty)

static void fixed_key(tp_buf *out, const char *quoted, size_t len, int pretty)
{
    buf_put(out, quoted, len);
    if (pretty)
        buf_putc(out, ' ');
}

static void span_json(tp_buf *out, tp_doc *doc, const tp_layer *layer, const tp_span *s, int pretty, cp_cursor *c,
                      keys_cache *kc)
{
    const doc_view *orig = &doc->views[0];
    orig_extent e = extent_of(doc, layer, s, c);
    const char *sep = pretty ? ", " : ",";
    const size_t seplen = pretty ? 2 : 1;
    buf_putc(out, '{');
    FIXED_KEY(out, "\"start\":", pretty);
    buf_uint(out, e.cp_start);
    buf_put(out, sep, seplen);
    FIXED_KEY(out, "\"end\":", pretty);
    buf_uint(out, e.cp_end);
    buf_put(out, sep, seplen);
    FIXED_KEY(out, "\"text\":", pretty);
    buf_json_string(out, orig->text + e.byte_start, e.byte_end - e.byte_start);
    if (s->label) {
        buf_put(out, sep, seplen);
        FIXED_KEY(out, "\"label\":", pretty);
        buf_json_cstring(out, s->label);
    }
    if (!isnan(s->score)) {
        buf_put(out, sep, seplen);
        FIXED_KEY(out, "\"score\":", pretty);
        buf_json_number(out, s->score);
    }
    for (const tp_attr *a = s->attrs; a; a = a->next) {
        buf_put(out, sep, seplen);
        key_json(out, a->key, pretty);
        value_json(out, &a->value, kc);
    }
    buf_putc(out, '}');
}

int tp_write_json(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err)
{
    if (doc->nviews == 0)
        return tp_error_set(err, TP_ERR_INVALID, "tp_write_json: the document has no text");
    int pretty = opts && opts->pretty;
    keys_cache kc;
    kc.keys = NULL;
    const char *nl = pretty ? "\n  " : "";
    const size_t nllen = pretty ? 3 : 0;
    size_t start_len = out->len;
    buf_putc(out, '{');
    buf_put(out, nl, nllen);
    FIXED_KEY(out, "\"id\":", pretty);
    if (doc->id_json)
        tp_buf_json_value(out, doc->id_json);
    else
        buf_put(out, "null", 4);

    buf_putc(out, ',');
    buf_put(out, nl, nllen);
    FIXED_KEY(out, "\"text\":", pretty);
    buf_json_string(out, doc->views[0].text, doc->views[0].len);
    if (doc->nviews > 1) {
        size_t len;
        const char *t = tp_doc_text(doc, &len);
        buf_putc(out, ',');
        buf_put(out, nl, nllen);
        FIXED_KEY(out, "\"normalized_text\":", pretty);
        buf_json_string(out, t, len);
    }
    for (size_t i = 0; i < doc->nlayers; i++) {
        const tp_layer *layer = doc->layers[i];
        if (!wanted(layer, opts))
            continue;
        buf_putc(out, ',');
        buf_put(out, nl, nllen);
        key_json(out, layer->name, pretty);
        buf_putc(out, '[');
        cp_cursor c = {0, 0};
        for (size_t k = 0; k < layer->n; k++) {
            if (k)
                buf_putc(out, ',');
            if (pretty)
                buf_put(out, "\n    ", 5);
            span_json(out, doc, layer, &layer->spans[k], pretty, &c, &kc);
        }
        if (pretty && layer->n)
            buf_put(out, "\n  ", 3);
        buf_putc(out, ']');
    }
    for (const tp_attr *a = doc->attrs; a; a = a->next) {
        buf_putc(out, ',');
        buf_put(out, nl, nllen);
        key_json(out, a->key, pretty);
        value_json(out, &a->value, &kc);
    }
    if (pretty)
        buf_putc(out, '\n');
    buf_putc(out, '}');
    if (out->failed) {
        out->len = start_len;
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory while writing document '%s'", tp_doc_id(doc));
    }
    return TP_OK;
}

/* ------------------------------------------------------------ text form */

/* A span's text on one line: line breaks and tabs shown as spaces, long
 * texts cut at a character boundary. */
static void one_line(tp_buf *out, const char *s, size_t len, size_t max)
{
    size_t cut = len;
    if (len > max) {
        cut = max;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    for (size_t i = 0; i < cut; i++) {
        char c = s[i];
        buf_putc(out, (char)((c == '\n' || c == '\r' || c == '\t') ? ' ' : c));
    }
    if (cut < len)
        buf_put(out, "\xE2\x80\xA6", 3); /* … */
}

static void value_text(tp_buf *out, const tp_value *v)
{
    double c;
    if (v->type == TP_VALUE_STRING) {
        one_line(out, v->u.s, v->len, 60);
    } else if ((v->type == TP_VALUE_JSON || v->type == TP_VALUE_NUMBERS) && tp_value_get_number(v, "compound", &c)) {
        /* sentiment-like objects: the headline number is enough here */
        buf_put(out, "compound=", 9);
        buf_json_number(out, c);
    } else {
        value_json(out, v, NULL);
    }
}

int tp_write_text(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err)
{
    if (doc->nviews == 0)
        return tp_error_set(err, TP_ERR_INVALID, "tp_write_text: the document has no text");
    size_t start_len = out->len;
    const doc_view *orig = &doc->views[0];
    tp_buf_printf(out, "== %s (%zu characters", doc->id_text ? doc->id_text : "(no id)",
                  tp_doc_codepoint(doc, orig->len));
    if (doc->nviews > 1)
        tp_buf_printf(out, ", text normalized");
    tp_buf_printf(out, ")\n");
    for (size_t i = 0; i < doc->nlayers; i++) {
        const tp_layer *layer = doc->layers[i];
        if (!wanted(layer, opts))
            continue;
        tp_buf_printf(out, "\n%s (%zu)\n", layer->name, layer->n);
        cp_cursor c = {0, 0};
        for (size_t k = 0; k < layer->n; k++) {
            const tp_span *s = &layer->spans[k];
            orig_extent e = extent_of(doc, layer, s, &c);
            tp_buf_printf(out, "  %5zu-%-5zu ", e.cp_start, e.cp_end);
            if (s->label)
                tp_buf_printf(out, "%-8s ", s->label);
            one_line(out, orig->text + e.byte_start, e.byte_end - e.byte_start, 160);
            for (const tp_attr *a = s->attrs; a; a = a->next) {
                tp_buf_printf(out, "  [%s: ", a->key);
                value_text(out, &a->value);
                buf_putc(out, ']');
            }
            buf_putc(out, '\n');
        }
    }
    if (doc->attrs)
        buf_putc(out, '\n');
    for (const tp_attr *a = doc->attrs; a; a = a->next) {
        tp_buf_printf(out, "%s: ", a->key);
        value_json(out, &a->value, NULL);
        buf_putc(out, '\n');
    }
    if (out->failed) {
        out->len = start_len;
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory while writing document '%s'", tp_doc_id(doc));
    }
    return TP_OK;
}
