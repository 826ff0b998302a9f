/* document.c - documents: text views with offset maps, layers, attributes. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/plugin.h>

#include "document_internal.h"
#include "json_text.h"
#include "utf8.h"

enum { CP_BLOCK = 256 };

/* The less usual cases of functions that run per token: kept out of line,
 * so that the usual case needs no registers saved and restored. */
#if defined(__GNUC__)
#define COLD_PATH __attribute__((noinline, cold))
#else
#define COLD_PATH
#endif

static const tp_value *find_attr(const tp_attr *a, const char *key);
static int in_list(const char *const *list, const char *name);

tp_doc *tp_doc_new(void)
{
    tp_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    arena_init(&doc->mem);
    return doc;
}

/* Buffers of view 0 up to this size are reused by the next document. */
enum { TEXT_KEEP_MAX = 1 << 20 };

/* Keep view 0's buffer as the spare for the next document's text instead
 * of freeing it: streaming documents then stops allocating one buffer of
 * each document's size (and malloc stops consolidating its free lists for
 * it, which the many small JSON values freed per document make slow). */
static void keep_text(tp_doc *doc, char *text)
{
    if (doc->text_cap == 0 || doc->text_cap > TEXT_KEEP_MAX || doc->spare_cap >= doc->text_cap) {
        free(text);
    } else {
        free(doc->spare_text);
        doc->spare_text = text;
        doc->spare_cap = doc->text_cap;
    }
    doc->text_cap = 0;
}

/* A buffer of at least @p size bytes for view 0: the spare when it is big
 * enough.  Sets doc->text_cap; NULL when out of memory. */
static char *take_text_buffer(tp_doc *doc, size_t size)
{
    char *buf;
    if (doc->spare_text && doc->spare_cap >= size) {
        buf = doc->spare_text;
        doc->text_cap = doc->spare_cap;
    } else {
        free(doc->spare_text);
        buf = malloc(size);
        doc->text_cap = buf ? size : 0;
    }
    doc->spare_text = NULL;
    doc->spare_cap = 0;
    return buf;
}

void tp_doc_clear(tp_doc *doc)
{
    if (!doc)
        return;
    for (unsigned v = 0; v < doc->nviews; v++) {
        if (v == 0)
            keep_text(doc, doc->views[0].text);
        else
            free(doc->views[v].text);
        omap_free(&doc->views[v].map);
    }
    doc->nviews = 0;
    for (size_t i = 0; i < doc->nlayers; i++)
        free(doc->layers[i]->spans);
    doc->nlayers = 0;
    for (size_t i = 0; i < doc->nowned; i++)
        json_decref(doc->owned[i]);
    doc->nowned = 0;
    doc->nshared = 0;
    json_decref(doc->id_json);
    doc->id_json = NULL;
    doc->id_text = NULL;
    doc->attrs = NULL;
    doc->nkeys = 0;
    doc->scope = NULL;
    doc->ascii = 0;
    doc->replaced = 0;
    free(doc->cp_index);
    doc->cp_index = NULL;
    doc->cp_blocks = 0;
    arena_reset(&doc->mem);
}

void tp_doc_free(tp_doc *doc)
{
    if (!doc)
        return;
    tp_doc_clear(doc);
    free(doc->views);
    free(doc->layers);
    free(doc->owned);
    free(doc->shared);
    free(doc->keys);
    free(doc->spare_text);
    arena_free(&doc->mem);
    free(doc);
}

void doc_set_scope(tp_doc *doc, const stage_scope *scope)
{
    doc->scope = scope;
}

static int nomem(tp_error *err)
{
    return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
}

/* ---------------------------------------------------------------- text */

static int push_view(tp_doc *doc, char *text, size_t len, const offset_map *map, tp_error *err)
{
    if (doc->nviews == doc->cap_views) {
        unsigned cap = doc->cap_views ? doc->cap_views * 2 : 4;
        doc_view *v = realloc(doc->views, cap * sizeof *v);
        if (!v)
            return nomem(err);
        doc->views = v;
        doc->cap_views = cap;
    }
    doc_view *v = &doc->views[doc->nviews++];
    v->text = text;
    v->len = len;
    if (map)
        v->map = *map;
    else
        omap_init(&v->map);
    v->made_by = doc->scope ? doc->scope->label : NULL;
    return TP_OK;
}

/* Line (1-based) of byte offset @p off, for messages. */
static size_t line_of(const char *s, size_t off)
{
    size_t line = 1;
    /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): only invalid, so non-empty, text gets here */
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + off - p))) != NULL; p++)
        line++;
    return line;
}

static int repair_utf8(const char *text, size_t len, char **out, size_t *out_len, size_t *replaced)
{
    /* Each replacement grows 1..3 bad bytes into 3 bytes: at most 3x. */
    if (len > (SIZE_MAX - 1) / 3)
        return TP_ERR_NOMEM;
    char *o = malloc(len * 3 + 1);
    if (!o)
        return TP_ERR_NOMEM;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0, bad = 0;
    while (i < len) {
        size_t sub = 1;
        size_t k = utf8_sequence(s + i, len - i, &sub);
        if (k) {
            memcpy(o + n, s + i, k);
            n += k;
            i += k;
        } else {
            memcpy(o + n, "\xEF\xBF\xBD", 3);
            n += 3;
            i += sub;
            bad += sub;
        }
    }
    o[n] = '\0';
    *out = o;
    *out_len = n;
    *replaced = bad;
    return TP_OK;
}

int tp_doc_set_text(tp_doc *doc, const char *text, size_t len, tp_utf8_policy policy, tp_error *err)
{
    if (!doc || (!text && len))
        return tp_error_set(err, TP_ERR_INVALID, "tp_doc_set_text: no document or text");
    if (doc->nviews)
        return tp_error_set(err, TP_ERR_INVALID, "tp_doc_set_text: the document already has text; clear it first");
    if (len == SIZE_MAX)
        return nomem(err);
    size_t bad;
    const char *why;
    char *copy;
    size_t copy_len = len;
    if (utf8_check(text, len, &bad, &why)) {
        copy = take_text_buffer(doc, len + 1);
        if (!copy)
            return nomem(err);
        if (len)
            memcpy(copy, text, len);
        copy[len] = '\0';
    } else if (policy == TP_UTF8_REPLACE) {
        if (repair_utf8(text, len, &copy, &copy_len, &doc->replaced) != TP_OK)
            return nomem(err);
    } else {
        return tp_error_set(err, TP_ERR_INPUT, "invalid UTF-8 at byte offset %zu (line %zu): %s (byte 0x%02X)",
                            bad, line_of(text, bad), why, (unsigned char)text[bad]);
    }
    if (push_view(doc, copy, copy_len, NULL, err) != TP_OK) {
        free(copy);
        doc->text_cap = 0;
        return err ? err->status : TP_ERR_NOMEM;
    }
    /* NOLINTNEXTLINE(clang-analyzer-unix.Malloc): no leak: copy is the view push_view() stored */
    doc->ascii = utf8_is_ascii(copy, copy_len);
    return TP_OK;
}

int tp_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    return utf8_check(s, len, bad_offset, NULL);
}

int tp_doc_set_id(tp_doc *doc, const char *id, tp_error *err)
{
    json_t *j = json_string(id ? id : "");
    if (!j)
        return tp_error_set(err, TP_ERR_INPUT, "document id is not valid UTF-8");
    int rc = tp_doc_set_id_json(doc, j, err);
    json_decref(j);
    return rc;
}

int tp_doc_set_id_json(tp_doc *doc, json_t *id, tp_error *err)
{
    if (!id)
        return tp_error_set(err, TP_ERR_INVALID, "tp_doc_set_id_json: no id");
    char *text;
    if (json_is_string(id)) {
        text = arena_strndup(&doc->mem, json_string_value(id), json_string_length(id));
    } else {
        char *dump = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!dump)
            return nomem(err);
        text = arena_strndup(&doc->mem, dump, strlen(dump));
        free(dump);
    }
    if (!text)
        return nomem(err);
    json_decref(doc->id_json);
    doc->id_json = json_incref(id);
    doc->id_text = text;
    return TP_OK;
}

const char *tp_doc_id(const tp_doc *doc)
{
    return doc && doc->id_text ? doc->id_text : "";
}

json_t *tp_doc_id_json(const tp_doc *doc)
{
    return doc ? doc->id_json : NULL;
}

size_t tp_doc_replaced_bytes(const tp_doc *doc)
{
    return doc->replaced;
}

unsigned tp_doc_view_count(const tp_doc *doc)
{
    return doc->nviews;
}

const char *tp_doc_view_text(const tp_doc *doc, unsigned view, size_t *len)
{
    if (view >= doc->nviews) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = doc->views[view].len;
    return doc->views[view].text;
}

const char *tp_doc_text(const tp_doc *doc, size_t *len)
{
    if (doc->nviews == 0) {
        if (len)
            *len = 0;
        return "";
    }
    return tp_doc_view_text(doc, doc->nviews - 1, len);
}

int tp_doc_is_ascii(const tp_doc *doc)
{
    return doc->ascii;
}

size_t tp_doc_to_original(const tp_doc *doc, unsigned view, size_t offset, tp_edge edge)
{
    if (doc->nviews == 0)
        return 0;
    if (view >= doc->nviews)
        view = doc->nviews - 1;
    if (offset > doc->views[view].len)
        offset = doc->views[view].len;
    for (unsigned v = view; v > 0; v--)
        offset = omap_map(&doc->views[v].map, offset, edge);
    return offset;
}

static int build_cp_index(tp_doc *doc)
{
    const doc_view *v = &doc->views[0];
    size_t blocks = v->len / CP_BLOCK + 1;
    size_t *idx = malloc(blocks * sizeof *idx);
    if (!idx)
        return -1;
    size_t count = 0;
    for (size_t k = 0; k < blocks; k++) {
        idx[k] = count;
        size_t from = k * CP_BLOCK;
        size_t n = v->len - from < CP_BLOCK ? v->len - from : CP_BLOCK;
        count += utf8_count(v->text + from, n);
    }
    doc->cp_index = idx;
    doc->cp_blocks = blocks;
    return 0;
}

size_t tp_doc_codepoint(tp_doc *doc, size_t byte)
{
    if (doc->nviews == 0)
        return 0;
    const doc_view *v = &doc->views[0];
    if (byte > v->len)
        byte = v->len;
    if (doc->ascii)
        return byte;
    if (!doc->cp_index && build_cp_index(doc) != 0)
        return utf8_count(v->text, byte); /* slow but right when memory is short */
    size_t k = byte / CP_BLOCK;
    return doc->cp_index[k] + utf8_count(v->text + k * CP_BLOCK, byte - k * CP_BLOCK);
}

/* ---------------------------------------------------------- view builder */

struct tp_view_builder {
    tp_doc *doc;
    const char *src;
    size_t src_len;
    size_t cursor;     /* how much of src is covered so far */
    char *out;
    size_t out_len, out_cap;
    offset_map map;
};

tp_view_builder *tp_view_begin(tp_doc *doc, tp_error *err)
{
    if (!doc || doc->nviews == 0) {
        tp_error_set(err, TP_ERR_INVALID, "tp_view_begin: the document has no text");
        return NULL;
    }
    if (doc->scope && !(doc->scope->flags & TP_PLUGIN_MODIFIES_TEXT)) {
        tp_error_set(err, TP_ERR_DENIED,
                     "%s may not change the text: its plugin does not declare TP_PLUGIN_MODIFIES_TEXT",
                     doc->scope->label);
        return NULL;
    }
    tp_view_builder *vb = calloc(1, sizeof *vb);
    if (!vb) {
        nomem(err);
        return NULL;
    }
    vb->doc = doc;
    vb->src = tp_doc_text(doc, &vb->src_len);
    omap_init(&vb->map);
    return vb;
}

static int vb_grow(tp_view_builder *vb, size_t more)
{
    if (vb->out_cap - vb->out_len > more)
        return 0;
    size_t cap = vb->out_cap ? vb->out_cap : vb->src_len + 16;
    while (cap - vb->out_len <= more) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    char *p = realloc(vb->out, cap);
    if (!p)
        return -1;
    vb->out = p;
    vb->out_cap = cap;
    return 0;
}

static int vb_check(tp_view_builder *vb, size_t src, size_t len, tp_error *err)
{
    if (src != vb->cursor)
        return tp_error_set(err, TP_ERR_INVALID,
                            "text view: pieces must cover the text in order; expected byte %zu, got %zu",
                            vb->cursor, src);
    if (len > vb->src_len - src)
        return tp_error_set(err, TP_ERR_INVALID, "text view: piece %zu+%zu runs past the end of the text (%zu bytes)",
                            src, len, vb->src_len);
    return TP_OK;
}

int tp_view_copy(tp_view_builder *vb, size_t src, size_t len, tp_error *err)
{
    int rc = vb_check(vb, src, len, err);
    if (rc)
        return rc;
    if (vb_grow(vb, len) || omap_push(&vb->map, len, len, 1))
        return nomem(err);
    memcpy(vb->out + vb->out_len, vb->src + src, len);
    vb->out_len += len;
    vb->cursor += len;
    return TP_OK;
}

int tp_view_replace(tp_view_builder *vb, size_t src, size_t len, const char *out, size_t out_len, tp_error *err)
{
    int rc = vb_check(vb, src, len, err);
    if (rc)
        return rc;
    if (!out && out_len)
        return tp_error_set(err, TP_ERR_INVALID, "text view: replacement text missing");
    int same = len == out_len && (len == 0 || memcmp(vb->src + src, out, len) == 0);
    if (vb_grow(vb, out_len) || omap_push(&vb->map, len, out_len, same))
        return nomem(err);
    if (out_len)
        memcpy(vb->out + vb->out_len, out, out_len);
    vb->out_len += out_len;
    vb->cursor += len;
    return TP_OK;
}

void tp_view_abort(tp_view_builder *vb)
{
    if (!vb)
        return;
    free(vb->out);
    omap_free(&vb->map);
    free(vb);
}

int tp_view_commit(tp_view_builder *vb, tp_error *err)
{
    if (!vb)
        return tp_error_set(err, TP_ERR_INVALID, "tp_view_commit: no builder");
    int rc = TP_OK;
    if (vb->cursor != vb->src_len) {
        rc = tp_error_set(err, TP_ERR_INVALID, "text view covers bytes 0..%zu of %zu; cover the whole text",
                          vb->cursor, vb->src_len);
    } else if (vb->map.changed) {
        size_t bad;
        const char *why;
        if (vb_grow(vb, 1)) {
            rc = nomem(err);
        } else if (!utf8_check(vb->out, vb->out_len, &bad, &why)) {
            rc = tp_error_set(err, TP_ERR_INVALID, "the new text view is not valid UTF-8 at byte %zu: %s", bad, why);
        } else {
            vb->out[vb->out_len] = '\0';
            rc = push_view(vb->doc, vb->out, vb->out_len, &vb->map, err);
            if (rc == TP_OK) {
                free(vb);
                return TP_OK; /* text and map now belong to the view */
            }
        }
    }
    tp_view_abort(vb);
    return rc;
}

/* --------------------------------------------------------------- layers */

static int in_list(const char *const *list, const char *name)
{
    for (; list && *list; list++)
        if (strcmp(*list, name) == 0)
            return 1;
    return 0;
}

tp_layer *tp_doc_layer(const tp_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nlayers; i++)
        if (strcmp(doc->layers[i]->name, name) == 0)
            return doc->layers[i];
    return NULL;
}

size_t tp_doc_layer_count(const tp_doc *doc)
{
    return doc->nlayers;
}

tp_layer *tp_doc_layer_at(const tp_doc *doc, size_t i)
{
    return i < doc->nlayers ? doc->layers[i] : NULL;
}

tp_layer *tp_doc_add_layer(tp_doc *doc, const char *name, unsigned flags, tp_error *err)
{
    if (!doc || !name || !*name) {
        tp_error_set(err, TP_ERR_INVALID, "tp_doc_add_layer: a layer needs a name");
        return NULL;
    }
    if (doc->nviews == 0) {
        tp_error_set(err, TP_ERR_INVALID, "tp_doc_add_layer: the document has no text");
        return NULL;
    }
    const stage_scope *sc = doc->scope;
    if (sc && !in_list(sc->provides, name)) {
        tp_error_set(err, TP_ERR_DENIED,
                     "%s may not create layer '%s': it is not among its plugin's declared provides", sc->label, name);
        return NULL;
    }
    if (find_attr(doc->attrs, name) || strcmp(name, "id") == 0 || strcmp(name, "text") == 0 ||
        strcmp(name, "normalized_text") == 0) {
        tp_error_set(err, TP_ERR_INVALID, "'%s' cannot be a layer name: the output already has that key", name);
        return NULL;
    }
    tp_layer *old = tp_doc_layer(doc, name);
    if (old) {
        tp_error_set(err, TP_ERR_INVALID, "layer '%s' already exists (made by %s)", name,
                     old->owner_label ? old->owner_label : "the program");
        return NULL;
    }
    if (doc->nlayers == doc->cap_layers) {
        size_t cap = doc->cap_layers ? doc->cap_layers * 2 : 8;
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
        tp_layer **l = realloc(doc->layers, cap * sizeof *l);
        if (!l) {
            nomem(err);
            return NULL;
        }
        doc->layers = l;
        doc->cap_layers = cap;
    }
    tp_layer *layer = arena_alloc(&doc->mem, sizeof *layer);
    char *nm = arena_strndup(&doc->mem, name, strlen(name));
    if (!layer || !nm) {
        nomem(err);
        return NULL;
    }
    memset(layer, 0, sizeof *layer);
    layer->doc = doc;
    layer->name = nm;
    layer->flags = flags;
    layer->view = doc->nviews - 1;
    layer->owner = sc ? sc->index : -1;
    layer->owner_label = sc ? sc->label : NULL;
    doc->layers[doc->nlayers++] = layer;
    return layer;
}

const char *tp_layer_name(const tp_layer *layer) { return layer->name; }
unsigned tp_layer_flags(const tp_layer *layer) { return layer->flags; }
unsigned tp_layer_view(const tp_layer *layer) { return layer->view; }
tp_doc *tp_layer_doc(const tp_layer *layer) { return layer->doc; }
size_t tp_layer_size(const tp_layer *layer) { return layer->n; }
const tp_span *tp_layer_spans(const tp_layer *layer) { return layer->spans; }

const char *tp_layer_text(const tp_layer *layer, size_t *len)
{
    return tp_doc_view_text(layer->doc, layer->view, len);
}

/* Spans of a layer belong to the stage that made it. */
static int may_edit_layer(const tp_layer *layer, tp_error *err)
{
    const stage_scope *sc = layer->doc->scope;
    if (sc && layer->owner != sc->index)
        return tp_error_set(err, TP_ERR_DENIED, "%s may not add or change spans of layer '%s' (made by %s)",
                            sc->label, layer->name, layer->owner_label ? layer->owner_label : "the program");
    return TP_OK;
}

int tp_layer_reserve(tp_layer *layer, size_t n, tp_error *err)
{
    if (n <= layer->cap - layer->n)
        return TP_OK;
    if (n > SIZE_MAX / sizeof(tp_span) - layer->n)
        return nomem(err);
    size_t cap = layer->cap ? layer->cap : 16;
    while (cap < layer->n + n)
        cap = cap > SIZE_MAX / (2 * sizeof(tp_span)) ? layer->n + n : cap * 2;
    tp_span *s = realloc(layer->spans, cap * sizeof *s);
    if (!s)
        return nomem(err);
    layer->spans = s;
    layer->cap = cap;
    return TP_OK;
}

/* The usual case of adding a span, which needs no call: a stage adding to
 * its own layer, in range, with room reserved (sentence-split adds every
 * token so). */
static inline int plain_add(const tp_layer *layer, size_t start, size_t end)
{
    const tp_doc *doc = layer->doc;
    const stage_scope *sc = doc->scope;
    return !(sc && layer->owner != sc->index) && start <= end && end <= doc->views[layer->view].len &&
           layer->n < layer->cap;
}

/* Append a span to a layer that has room (every check done). */
static inline ptrdiff_t push_span(tp_layer *layer, size_t start, size_t end, const char *label, tp_attr *attrs)
{
    tp_span *s = &layer->spans[layer->n];
    s->start = start;
    s->end = end;
    s->label = label;
    s->score = NAN;
    s->attrs = attrs;
    return (ptrdiff_t)layer->n++;
}

/* tp_layer_add() with every check and case: a label to copy, room to make,
 * a span to refuse. */
COLD_PATH static ptrdiff_t layer_add_checked(tp_layer *layer, size_t start, size_t end, const char *label, tp_error *err)
{
    if (may_edit_layer(layer, err))
        return -1;
    size_t len = layer->doc->views[layer->view].len;
    if (start > end || end > len) {
        tp_error_set(err, TP_ERR_INVALID, "layer '%s': span %zu..%zu is outside the text (0..%zu)", layer->name, start,
                     end, len);
        return -1;
    }
    if (layer->n == layer->cap && tp_layer_reserve(layer, 1, err))
        return -1;
    const char *lab = NULL;
    if (label && !(lab = arena_strndup(&layer->doc->mem, label, strlen(label)))) {
        nomem(err);
        return -1;
    }
    return push_span(layer, start, end, lab, NULL);
}

ptrdiff_t tp_layer_add(tp_layer *layer, size_t start, size_t end, const char *label, tp_error *err)
{
    /* the usual case first, without the calls the others need */
    if (label || !plain_add(layer, start, end))
        return layer_add_checked(layer, start, end, label, err);
    return push_span(layer, start, end, NULL, NULL);
}

int tp_layer_set_score(tp_layer *layer, size_t i, double score, tp_error *err)
{
    int rc = may_edit_layer(layer, err);
    if (rc)
        return rc;
    if (i >= layer->n)
        return tp_error_set(err, TP_ERR_INVALID, "layer '%s' has no span %zu", layer->name, i);
    layer->spans[i].score = score;
    return TP_OK;
}

static int span_cmp(const void *a, const void *b)
{
    const tp_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return 0;
}

void tp_layer_sort(tp_layer *layer)
{
    /* Plugins normally add spans in order: skip the sort when they did. */
    for (size_t i = 1; i < layer->n; i++) {
        if (span_cmp(&layer->spans[i - 1], &layer->spans[i]) > 0) {
            qsort(layer->spans, layer->n, sizeof(tp_span), span_cmp);
            return;
        }
    }
}

size_t tp_layer_find(const tp_layer *layer, size_t offset)
{
    size_t lo = 0, hi = layer->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (layer->spans[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ----------------------------------------------------------- attributes */

/* Copy @p src into *dst: strings into the arena, JSON kept for release on
 * clear.  *dst is only written on success; a JSON reference is consumed
 * either way. */
COLD_PATH static int store_value(tp_doc *doc, tp_value *dst, const tp_value *src, tp_error *err)
{
    tp_value v = *src;
    switch (src->type) {
    case TP_VALUE_STRING:
        if (!src->u.s && src->len)
            return tp_error_set(err, TP_ERR_INVALID, "string attribute without text");
        if (!(v.u.s = arena_strndup(&doc->mem, src->u.s ? src->u.s : "", src->len)))
            return nomem(err);
        break;
    case TP_VALUE_STATIC_STRING:
        if (!src->u.s && src->len)
            return tp_error_set(err, TP_ERR_INVALID, "string attribute without text");
        v.type = TP_VALUE_STRING;
        if (!v.u.s)
            v.u.s = "";
        break;
    case TP_VALUE_JSON:
        if (!src->u.json)
            return tp_error_set(err, TP_ERR_INVALID, "JSON attribute without a value");
        if (doc->nowned == doc->cap_owned) {
            size_t cap = doc->cap_owned ? doc->cap_owned * 2 : 16;
            /* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
            json_t **o = realloc(doc->owned, cap * sizeof *o);
            if (!o) {
                json_decref(src->u.json);
                return nomem(err);
            }
            doc->owned = o;
            doc->cap_owned = cap;
        }
        doc->owned[doc->nowned++] = src->u.json;
        break;
    case TP_VALUE_NUMBERS: {
        if (src->len && (!src->u.nums.keys || !src->u.nums.values))
            return tp_error_set(err, TP_ERR_INVALID, "numbers attribute without keys or values");
        double *copy = arena_alloc(&doc->mem, (src->len ? src->len : 1) * sizeof *copy);
        if (!copy)
            return nomem(err);
        for (size_t i = 0; i < src->len; i++) {
            if (!src->u.nums.keys[i] || !isfinite(src->u.nums.values[i]))
                return tp_error_set(err, TP_ERR_INVALID, "numbers attribute: entry %zu has no key or is not finite", i);
            copy[i] = src->u.nums.values[i];
        }
        v.u.nums.values = copy;
        break;
    }
    case TP_VALUE_JSON_TEXT: {
        size_t bad;
        const char *why;
        if (!src->u.s)
            return tp_error_set(err, TP_ERR_INVALID, "JSON text attribute without text");
        if (!json_text_check(src->u.s, src->len, &bad, &why) || !utf8_check(src->u.s, src->len, &bad, &why))
            return tp_error_set(err, TP_ERR_INVALID,
                                "JSON text attribute is not one JSON value: at byte %zu of %zu: %s; render it with "
                                "the tp_buf_json_* functions",
                                bad, src->len, why);
        if (!(v.u.s = arena_strndup(&doc->mem, src->u.s, src->len)))
            return nomem(err);
        break;
    }
    case TP_VALUE_INT:
        break;
    case TP_VALUE_BOOL:
        v.u.b = src->u.b != 0;
        break;
    case TP_VALUE_NUMBER:
        if (!isfinite(src->u.d))
            return tp_error_set(err, TP_ERR_INVALID, "number attribute is not finite");
        break;
    default:
        return tp_error_set(err, TP_ERR_INVALID, "unknown attribute type %d", (int)src->type);
    }
    *dst = v;
    return TP_OK;
}

/* The document's copy of @p key when the caller's pointer is not known
 * yet, made on first use.  NULL when out of memory. */
COLD_PATH static const char *intern_new_key(tp_doc *doc, const char *key)
{
    const char *interned = NULL;
    for (size_t i = 0; i < doc->nkeys && !interned; i++)
        if (strcmp(doc->keys[i].interned, key) == 0)
            interned = doc->keys[i].interned;
    if (!interned && !(interned = arena_strndup(&doc->mem, key, strlen(key))))
        return NULL;
    if (doc->nkeys == doc->cap_keys) {
        size_t cap = doc->cap_keys ? doc->cap_keys * 2 : 16;
        key_alias *k = realloc(doc->keys, cap * sizeof *k);
        if (!k)
            return interned; /* still right, only slower next time */
        doc->keys = k;
        doc->cap_keys = cap;
    }
    doc->keys[doc->nkeys++] = (key_alias){key, interned};
    return interned;
}

/* The document's copy of @p key.  NULL when out of memory. */
static inline const char *intern_key(tp_doc *doc, const char *key)
{
    for (size_t i = 0; i < doc->nkeys; i++)
        if (doc->keys[i].caller == key)
            return doc->keys[i].interned;
    return intern_new_key(doc, key);
}

/* Shared attributes (tp_doc_shared_attr) head the attribute lists of many
 * spans, always alone (next is NULL): a span that gets another attribute,
 * or a new value for the shared one, first gets its own copy. */
static inline int is_shared(const tp_doc *doc, const tp_attr *a)
{
    /* (addresses as integers: below the block wraps around to a large value) */
    return (uintptr_t)a - (uintptr_t)doc->shared < doc->nshared * sizeof *a;
}

COLD_PATH static int unshare(tp_doc *doc, tp_attr **head)
{
    tp_attr *copy = arena_alloc(&doc->mem, sizeof *copy);
    if (!copy)
        return -1;
    *copy = **head; /* the value's memory is the document's either way */
    *head = copy;
    return 0;
}

/* Set @p key in the list at *head: replace in place, else append (so that
 * output keeps the order in which attributes were first set).  This runs
 * for every token of a document: the value comes by pointer, and a static
 * string (the usual per-token value) is stored without a call. */
static int set_attr(tp_doc *doc, tp_attr **head, const char *key, const tp_value *value, tp_error *err)
{
    if (*head && is_shared(doc, *head) && unshare(doc, head)) {
        if (value->type == TP_VALUE_JSON)
            json_decref(value->u.json);
        return nomem(err);
    }
    const char *k = intern_key(doc, key);
    tp_attr **link = head;
    tp_attr *a = NULL;
    if (k) {
        while (*link && (*link)->key != k) /* interned: equal keys are the same pointer */
            link = &(*link)->next;
        a = *link;
        if (!a && (a = arena_alloc(&doc->mem, sizeof *a)) != NULL) {
            a->key = k;
            a->next = NULL;
        }
    }
    if (!a) {
        if (value->type == TP_VALUE_JSON)
            json_decref(value->u.json);
        return nomem(err);
    }
    if (value->type == TP_VALUE_STATIC_STRING && value->u.s) {
        /* what store_value() does with it, inline: a token's kind, say */
        a->value = *value;
        a->value.type = TP_VALUE_STRING;
    } else {
        int rc = store_value(doc, &a->value, value, err);
        if (rc)
            return rc;
    }
    *link = a; /* (already so when replacing) */
    return TP_OK;
}

static void drop_value(tp_value *v)
{
    if (v->type == TP_VALUE_JSON)
        json_decref(v->u.json);
}

/* Keys the JSON output writes itself: an attribute may not take them. */
/* Keys the JSON output writes itself (start, end, text, label, score): an
 * attribute may not take them.  Told by the first letter first, since most
 * keys differ there ("sentiment" is compared with two keys, not five). */
static int is_span_reserved(const char *key)
{
    switch (key[0]) {
    case 's': return strcmp(key, "start") == 0 || strcmp(key, "score") == 0;
    case 'e': return strcmp(key, "end") == 0;
    case 't': return strcmp(key, "text") == 0;
    case 'l': return strcmp(key, "label") == 0;
    default: return 0;
    }
}
static const char *const doc_reserved[] = {"id", "text", "normalized_text", NULL};

int tp_span_set(tp_layer *layer, size_t i, const char *key, tp_value value, tp_error *err)
{
    if (!key || !*key || is_span_reserved(key)) {
        drop_value(&value);
        return tp_error_set(err, TP_ERR_INVALID, "'%s' cannot be a span attribute: the output writes %s itself",
                            key ? key : "", key && *key ? "that key" : "unnamed keys");
    }
    const stage_scope *sc = layer->doc->scope;
    if (sc && layer->owner != sc->index && !in_list(sc->provides, key)) {
        drop_value(&value);
        return tp_error_set(err, TP_ERR_DENIED,
                            "%s may not set attribute '%s' on layer '%s': '%s' is not among its plugin's provides",
                            sc->label, key, layer->name, key);
    }
    if (i >= layer->n) {
        drop_value(&value);
        return tp_error_set(err, TP_ERR_INVALID, "layer '%s' has no span %zu", layer->name, i);
    }
    return set_attr(layer->doc, &layer->spans[i].attrs, key, &value, err);
}

/* Shared attributes per document: a few values (a token's kinds) are what
 * they are for; a fixed block keeps is_shared() a single comparison. */
enum { SHARED_MAX = 256 };

const tp_attr *tp_doc_shared_attr(tp_doc *doc, const char *key, tp_value value, tp_error *err)
{
    if (!doc || !key || !*key || is_span_reserved(key)) {
        drop_value(&value);
        tp_error_set(err, TP_ERR_INVALID, "'%s' cannot be a span attribute: the output writes %s itself",
                     key ? key : "", key && *key ? "that key" : "unnamed keys");
        return NULL;
    }
    if (doc->nshared == SHARED_MAX) {
        drop_value(&value);
        tp_error_set(err, TP_ERR_INVALID,
                     "tp_doc_shared_attr: a document holds at most %d shared attributes; share the few values "
                     "many spans have, and set the others with tp_span_set()",
                     SHARED_MAX);
        return NULL;
    }
    if (!doc->shared && !(doc->shared = malloc(SHARED_MAX * sizeof *doc->shared))) {
        drop_value(&value);
        nomem(err);
        return NULL;
    }
    tp_attr *a = &doc->shared[doc->nshared];
    const char *k = intern_key(doc, key);
    if (!k) {
        drop_value(&value);
        nomem(err);
        return NULL;
    }
    if (store_value(doc, &a->value, &value, err) != TP_OK) /* (it releases a JSON value itself) */
        return NULL;
    a->key = k;
    a->next = NULL; /* alone, always: see unshare() */
    doc->nshared++;
    return a;
}

/* tp_layer_add_shared() when the usual case does not hold: the checks of
 * tp_layer_add() with their messages, or an attribute of another document. */
COLD_PATH static ptrdiff_t layer_add_shared_checked(tp_layer *layer, size_t start, size_t end, const tp_attr *attr,
                                                    tp_error *err)
{
    if (!attr || !is_shared(layer->doc, attr)) {
        tp_error_set(err, TP_ERR_INVALID,
                     "layer '%s': the shared attribute was not made by tp_doc_shared_attr() for this document "
                     "since it was last cleared",
                     layer->name);
        return -1;
    }
    ptrdiff_t k = layer_add_checked(layer, start, end, NULL, err);
    if (k >= 0)
        layer->spans[k].attrs = (tp_attr *)attr;
    return k;
}

ptrdiff_t tp_layer_add_shared(tp_layer *layer, size_t start, size_t end, const tp_attr *attr, tp_error *err)
{
    /* as tp_layer_add()'s usual case, plus the attribute's origin */
    if (!plain_add(layer, start, end) || !is_shared(layer->doc, attr))
        return layer_add_shared_checked(layer, start, end, attr, err);
    /* read-only through spans: set_attr() copies it before a change */
    return push_span(layer, start, end, NULL, (tp_attr *)attr);
}

static const tp_value *find_attr(const tp_attr *a, const char *key)
{
    for (; a; a = a->next)
        if (a->key == key || strcmp(a->key, key) == 0)
            return &a->value;
    return NULL;
}

const tp_value *tp_span_get(const tp_span *span, const char *key)
{
    return find_attr(span->attrs, key);
}

const char *tp_span_get_string(const tp_span *span, const char *key, size_t *len)
{
    const tp_value *v = find_attr(span->attrs, key);
    if (!v || v->type != TP_VALUE_STRING)
        return NULL;
    if (len)
        *len = v->len;
    return v->u.s;
}

int tp_doc_set_attr(tp_doc *doc, const char *key, tp_value value, tp_error *err)
{
    if (!key || !*key || in_list(doc_reserved, key) || tp_doc_layer(doc, key)) {
        drop_value(&value);
        return tp_error_set(err, TP_ERR_INVALID, "'%s' cannot be a document attribute: it is %s", key ? key : "",
                            key && *key && !in_list(doc_reserved, key) ? "the name of a layer" : "a key the output writes itself");
    }
    const stage_scope *sc = doc->scope;
    if (sc && !in_list(sc->provides, key)) {
        drop_value(&value);
        return tp_error_set(err, TP_ERR_DENIED,
                            "%s may not set document attribute '%s': it is not among its plugin's provides",
                            sc->label, key);
    }
    return set_attr(doc, &doc->attrs, key, &value, err);
}

const tp_value *tp_doc_get_attr(const tp_doc *doc, const char *key)
{
    return find_attr(doc->attrs, key);
}

int tp_value_get_number(const tp_value *v, const char *key, double *out)
{
    if (!v)
        return 0;
    if (!key) {
        if (v->type == TP_VALUE_NUMBER || v->type == TP_VALUE_INT) {
            *out = v->type == TP_VALUE_NUMBER ? v->u.d : (double)v->u.i;
            return 1;
        }
        return 0;
    }
    if (v->type == TP_VALUE_NUMBERS) {
        for (size_t i = 0; i < v->len; i++) {
            if (strcmp(v->u.nums.keys[i], key) == 0) {
                *out = v->u.nums.values[i];
                return 1;
            }
        }
        return 0;
    }
    if (v->type == TP_VALUE_JSON && json_is_object(v->u.json)) {
        json_t *m = json_object_get(v->u.json, key);
        if (json_is_number(m)) {
            *out = json_number_value(m);
            return 1;
        }
    }
    return 0;
}

const tp_attr *tp_span_attrs(const tp_span *span) { return span->attrs; }
const tp_attr *tp_doc_attrs(const tp_doc *doc) { return doc->attrs; }
const tp_attr *tp_attr_next(const tp_attr *attr) { return attr->next; }
const char *tp_attr_key(const tp_attr *attr) { return attr->key; }
const tp_value *tp_attr_value(const tp_attr *attr) { return &attr->value; }
