/* textpipe/document.h - the document: text views, layers of spans, attributes.
 *
 * A document keeps its original text unchanged (view 0).  A stage that
 * changes the text (normalize) adds a new view together with an exact map
 * back to the view before it; later stages read the newest view.  Offsets are
 * bytes inside textpipe and always refer to the view a layer was made on;
 * tp_doc_to_original() and tp_doc_codepoint() turn them into offsets into the
 * original text, which is what the JSON output reports.
 *
 * Annotations live in named layers ("tokens", "sentences", "entities", ...)
 * of spans.  A span has start, end, an optional label, an optional score and
 * attributes.  The document itself has attributes too ("sentiment").
 *
 * Ownership: the document owns everything stored in it.  Strings passed in
 * are copied; json_t values passed in are consumed (their reference is taken
 * over, even on failure).  Pointers returned by getters stay valid until the
 * document is cleared, except that tp_layer_add() may move a layer's spans:
 * re-read tp_layer_spans() after adding.
 *
 * A document is used by one thread at a time.
 */
#ifndef TEXTPIPE_DOCUMENT_H
#define TEXTPIPE_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <textpipe/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tp_doc tp_doc;
typedef struct tp_layer tp_layer;
typedef struct tp_attr tp_attr;
typedef struct tp_view_builder tp_view_builder;

/** One annotation.  Offsets are bytes into the text of the layer's view. */
typedef struct tp_span {
    size_t start;       /**< first byte */
    size_t end;         /**< one past the last byte (half-open) */
    const char *label;  /**< e.g. "PERSON"; NULL when the span has none */
    double score;       /**< NAN when the span has none */
    tp_attr *attrs;     /**< private: read with tp_span_get() */
} tp_span;

/** Types of attribute values. */
typedef enum tp_value_type {
    TP_VALUE_STRING = 1,
    TP_VALUE_INT = 2,
    TP_VALUE_NUMBER = 3,
    TP_VALUE_BOOL = 4,
    TP_VALUE_JSON = 5, /**< any JSON value (object, array, ...) */
    /** Only when setting: a string with static storage (a literal, or data
     *  that outlives the document), stored without a copy.  It reads back as
     *  TP_VALUE_STRING. */
    TP_VALUE_STATIC_STRING = 6,
    /** Named numbers, written as a JSON object of numbers
     *  ({"compound": -0.3, "positive": 0.1, ...}).  Cheaper than a json_t:
     *  the numbers go into the document's memory, the keys (static strings,
     *  e.g. literals) are not copied. */
    TP_VALUE_NUMBERS = 7,
    /** JSON text: one value (an object, say), UTF-8, which the document
     *  copies into its memory and the JSON output writes as it is.  A
     *  plugin that renders a nested value itself (with the tp_buf_json_*
     *  functions of textpipe/output.h) saves building a json_t tree of many
     *  small allocations for every document.  The text is checked when set
     *  (TP_ERR_INVALID names the offending byte).  Read it back with
     *  json_loadb(); tp_value_get_number() does not look inside it.
     *  Since plugin ABI 1.1. */
    TP_VALUE_JSON_TEXT = 8
} tp_value_type;

/** An attribute value. Strings are UTF-8 with an explicit length. */
typedef struct tp_value {
    tp_value_type type;
    size_t len;  /**< length of u.s for strings and JSON text; count of u.nums */
    union {
        const char *s;
        long long i;
        double d;
        int b;
        json_t *json;
        struct {
            const char *const *keys;  /**< static strings */
            const double *values;
        } nums;
    } u;
} tp_value;

static inline tp_value tp_value_string(const char *s, size_t len)
{ tp_value v = {TP_VALUE_STRING, len, {0}}; v.u.s = s; return v; }
/** A string that lives as long as the plugin (a literal): no copy is made,
 *  which matters for attributes set on every token. */
static inline tp_value tp_value_static_string(const char *s, size_t len)
{ tp_value v = {TP_VALUE_STATIC_STRING, len, {0}}; v.u.s = s; return v; }
static inline tp_value tp_value_int(long long i)
{ tp_value v = {TP_VALUE_INT, 0, {0}}; v.u.i = i; return v; }
static inline tp_value tp_value_number(double d)
{ tp_value v = {TP_VALUE_NUMBER, 0, {0}}; v.u.d = d; return v; }
static inline tp_value tp_value_bool(int b)
{ tp_value v = {TP_VALUE_BOOL, 0, {0}}; v.u.b = b != 0; return v; }
/** @p n named numbers; @p keys must be static, @p values are copied. */
static inline tp_value tp_value_numbers(const char *const *keys, const double *values, size_t n)
{ tp_value v = {TP_VALUE_NUMBERS, n, {0}}; v.u.nums.keys = keys; v.u.nums.values = values; return v; }
/** @p len bytes of JSON text (one value), copied when stored. */
static inline tp_value tp_value_json_text(const char *text, size_t len)
{ tp_value v = {TP_VALUE_JSON_TEXT, len, {0}}; v.u.s = text; return v; }
/** The reference to @p json is consumed when the value is stored. */
static inline tp_value tp_value_json(json_t *json)
{ tp_value v = {TP_VALUE_JSON, 0, {0}}; v.u.json = json; return v; }

/* ------------------------------------------------------------------ */
/* Creating and filling documents (programs; plugins receive them).     */

/** What to do with invalid UTF-8 in tp_doc_set_text(). */
typedef enum tp_utf8_policy {
    TP_UTF8_STRICT = 0,  /**< refuse it: TP_ERR_INPUT naming the byte offset */
    TP_UTF8_REPLACE = 1  /**< replace each maximal invalid subpart by U+FFFD */
} tp_utf8_policy;

/** A new, empty document.  NULL when out of memory. */
TP_API tp_doc *tp_doc_new(void);
/** Free the document and all it holds (NULL is allowed). */
TP_API void tp_doc_free(tp_doc *doc);
/** Drop text, views, layers and attributes; keep memory for reuse. */
TP_API void tp_doc_clear(tp_doc *doc);

/** Set the original text (copied).  The document must be empty (new or
 *  cleared).  Invalid UTF-8 is refused or repaired as @p policy says. */
TP_API int tp_doc_set_text(tp_doc *doc, const char *text, size_t len,
                           tp_utf8_policy policy, tp_error *err);
/** True when @p s[0..len) is well-formed UTF-8 (no overlongs, surrogates
 *  or code points above U+10FFFF); else 0 with the offset of the first bad
 *  byte in *bad_offset (may be NULL). */
TP_API int tp_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/** Set the document id to a string (copied). */
TP_API int tp_doc_set_id(tp_doc *doc, const char *id, tp_error *err);
/** Set the document id to a JSON scalar (a new reference is taken). */
TP_API int tp_doc_set_id_json(tp_doc *doc, json_t *id, tp_error *err);
/** The id as text for messages ("" when unset). */
TP_API const char *tp_doc_id(const tp_doc *doc);
/** The id as JSON (NULL when unset). */
TP_API json_t *tp_doc_id_json(const tp_doc *doc);
/** How many bytes of invalid UTF-8 were replaced by tp_doc_set_text(). */
TP_API size_t tp_doc_replaced_bytes(const tp_doc *doc);

/* ------------------------------------------------------------------ */
/* Text views                                                           */

/** Number of views; 1 until a stage changes the text. */
TP_API unsigned tp_doc_view_count(const tp_doc *doc);
/** Text of the newest view, NUL-terminated (it may contain NUL bytes:
 *  use *len).  @p len may be NULL. */
TP_API const char *tp_doc_text(const tp_doc *doc, size_t *len);
/** Text of view @p view (0 is the original); NULL if out of range. */
TP_API const char *tp_doc_view_text(const tp_doc *doc, unsigned view, size_t *len);
/** True when the original text is pure ASCII (offsets in bytes equal
 *  offsets in code points). */
TP_API int tp_doc_is_ascii(const tp_doc *doc);

/** Which end of a span an offset is: a start maps to the first original
 *  byte it covers, an end to one past the last. */
typedef enum tp_edge { TP_EDGE_START = 0, TP_EDGE_END = 1 } tp_edge;

/** Map byte @p offset of view @p view back to a byte offset in the
 *  original text, through every view in between. */
TP_API size_t tp_doc_to_original(const tp_doc *doc, unsigned view, size_t offset, tp_edge edge);
/** Turn a byte offset of the original text into a code point offset. */
TP_API size_t tp_doc_codepoint(tp_doc *doc, size_t original_byte);

/** Start a new view built from the newest one.  Only a stage whose plugin
 *  has TP_PLUGIN_MODIFIES_TEXT may do this.  Build it with copy/replace
 *  calls that cover the newest text from start to end, in order; then
 *  commit (or abort). */
TP_API tp_view_builder *tp_view_begin(tp_doc *doc, tp_error *err);
/** Keep bytes [src, src+len) of the newest view unchanged. */
TP_API int tp_view_copy(tp_view_builder *vb, size_t src, size_t len, tp_error *err);
/** Replace bytes [src, src+len) of the newest view with @p out (out_len may
 *  be 0 to delete; len may be 0 to insert). */
TP_API int tp_view_replace(tp_view_builder *vb, size_t src, size_t len,
                           const char *out, size_t out_len, tp_error *err);
/** Finish: the calls must have covered the whole text.  If nothing changed,
 *  no view is added.  The builder is freed either way. */
TP_API int tp_view_commit(tp_view_builder *vb, tp_error *err);
/** Drop the builder without adding a view (NULL is allowed). */
TP_API void tp_view_abort(tp_view_builder *vb);

/* ------------------------------------------------------------------ */
/* Layers                                                               */

/** Layer flags. */
enum {
    /** Not written to the output unless asked for (tokens). */
    TP_LAYER_HIDDEN = 1u << 0
};

/** The layer named @p name, or NULL. */
TP_API tp_layer *tp_doc_layer(const tp_doc *doc, const char *name);
/** Number of layers. */
TP_API size_t tp_doc_layer_count(const tp_doc *doc);
/** The i-th layer in order of creation, or NULL. */
TP_API tp_layer *tp_doc_layer_at(const tp_doc *doc, size_t i);

/** Create an empty layer on the newest view.  Inside a stage, the name must
 *  be among the plugin's `provides` (TP_ERR_DENIED otherwise), and it must
 *  not exist yet. */
TP_API tp_layer *tp_doc_add_layer(tp_doc *doc, const char *name, unsigned flags, tp_error *err);

/** The layer's name. */
TP_API const char *tp_layer_name(const tp_layer *layer);
/** The TP_LAYER_* flags it was created with. */
TP_API unsigned tp_layer_flags(const tp_layer *layer);
/** The view the layer's offsets refer to. */
TP_API unsigned tp_layer_view(const tp_layer *layer);
/** The text of that view: read spans of this layer against it. */
TP_API const char *tp_layer_text(const tp_layer *layer, size_t *len);
/** The document the layer belongs to. */
TP_API tp_doc *tp_layer_doc(const tp_layer *layer);

/** Number of spans. */
TP_API size_t tp_layer_size(const tp_layer *layer);
/** The array of spans (valid until the next tp_layer_add on this layer). */
TP_API const tp_span *tp_layer_spans(const tp_layer *layer);
/** Make room for @p n more spans. */
TP_API int tp_layer_reserve(tp_layer *layer, size_t n, tp_error *err);
/** Add a span; @p label may be NULL (copied otherwise).  Returns the new
 *  span's index, or -1 with @p err set (bad offsets, no memory, denied). */
TP_API ptrdiff_t tp_layer_add(tp_layer *layer, size_t start, size_t end,
                              const char *label, tp_error *err);
/** Set the score of span @p i. */
TP_API int tp_layer_set_score(tp_layer *layer, size_t i, double score, tp_error *err);
/** Sort spans by start, longer first on ties (stable otherwise). */
TP_API void tp_layer_sort(tp_layer *layer);
/** Index of the first span whose end is after @p offset (binary search;
 *  the layer must be sorted and its spans must not overlap). */
TP_API size_t tp_layer_find(const tp_layer *layer, size_t offset);

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

/** Set attribute @p key of span @p i of @p layer (strings are copied, JSON
 *  consumed).  Inside a stage, a span of a layer made by another stage may
 *  only get keys among the plugin's `provides`. */
TP_API int tp_span_set(tp_layer *layer, size_t i, const char *key, tp_value value, tp_error *err);
/** An attribute many spans of @p doc can carry at no cost per span: make it
 *  once (a token's kind, say), then add each span that has it with
 *  tp_layer_add_shared().  @p key follows tp_span_set()'s rules and
 *  @p value is stored as tp_span_set() stores it.  It lives until the
 *  document is cleared.  NULL with @p err set when the key is reserved or
 *  memory is short.  Since plugin ABI 1.1. */
TP_API const tp_attr *tp_doc_shared_attr(tp_doc *doc, const char *key, tp_value value, tp_error *err);
/** tp_layer_add() of an unlabelled span that carries @p attr (from
 *  tp_doc_shared_attr() for this document) as its first attribute: what
 *  tp_layer_add() then tp_span_set() give, without an attribute made per
 *  span.  Attributes set on the span later are its own (the shared one is
 *  never changed through it).  Returns the new span's index, or -1 with
 *  @p err set (tp_layer_add()'s reasons, or @p attr is not this
 *  document's).  Since plugin ABI 1.1. */
TP_API ptrdiff_t tp_layer_add_shared(tp_layer *layer, size_t start, size_t end, const tp_attr *attr,
                                     tp_error *err);
/** The value of attribute @p key of a span, or NULL. */
TP_API const tp_value *tp_span_get(const tp_span *span, const char *key);

/** Set a document attribute (key must be among the stage's `provides`). */
TP_API int tp_doc_set_attr(tp_doc *doc, const char *key, tp_value value, tp_error *err);
/** A document attribute, or NULL. */
TP_API const tp_value *tp_doc_get_attr(const tp_doc *doc, const char *key);

/** Iterate attributes in the order they were first set:
 *  for (a = tp_span_attrs(span); a; a = tp_attr_next(a)) ...
 *  This gives a span's first attribute, or NULL. */
TP_API const tp_attr *tp_span_attrs(const tp_span *span);
/** The first document attribute, or NULL. */
TP_API const tp_attr *tp_doc_attrs(const tp_doc *doc);
/** The attribute after @p attr, or NULL. */
TP_API const tp_attr *tp_attr_next(const tp_attr *attr);
/** An attribute's key. */
TP_API const char *tp_attr_key(const tp_attr *attr);
/** An attribute's value. */
TP_API const tp_value *tp_attr_value(const tp_attr *attr);

/** The number called @p key in @p v: a TP_VALUE_NUMBERS entry or a member
 *  of a JSON object (or @p v itself when @p key is NULL and it is a
 *  number).  Returns 1 and sets *out when there is one, else 0. */
TP_API int tp_value_get_number(const tp_value *v, const char *key, double *out);

/* Convenience: read a string or a number attribute of a span. */
/** The string value of @p key, or NULL (also when it is not a string). */
TP_API const char *tp_span_get_string(const tp_span *span, const char *key, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
