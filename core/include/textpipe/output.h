/* textpipe/output.h - writing documents as JSON or readable text.
 *
 * Writers append to a tp_buf so that threads can render documents
 * independently and a single writer can emit them in order.
 *
 * JSON schema (stable; the evaluation scorer reads it):
 *   {"id": ..., "text": original text,
 *    "normalized_text": newest view (only when a stage changed the text),
 *    "<layer>": [{"start", "end", "text", "label"?, "score"?, attrs...}],
 *    "<document attribute>": value, ...}
 * start/end are Unicode code point offsets into "text", half-open, so that
 * text[start:end] in Python is the span's text.
 */
#ifndef TEXTPIPE_OUTPUT_H
#define TEXTPIPE_OUTPUT_H

#include <stddef.h>
#include <textpipe/error.h>
#include <textpipe/document.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A growable byte buffer.  After an allocation failure `failed` is set
 *  and further appends do nothing, so a writer checks once at the end. */
typedef struct tp_buf {
    char *data;
    size_t len, cap;
    int failed;
} tp_buf;

/** Make @p b an empty buffer (no allocation yet). */
TP_API void tp_buf_init(tp_buf *b);
/** Free the buffer's memory; it is empty and usable again. */
TP_API void tp_buf_free(tp_buf *b);
/** Empty the buffer, keeping its memory. */
TP_API void tp_buf_reset(tp_buf *b);
/** Append @p len bytes (the buffer stays NUL-terminated). */
TP_API int tp_buf_append(tp_buf *b, const void *data, size_t len);
/** Append one byte. */
TP_API int tp_buf_putc(tp_buf *b, char c);
/** Append printf-style formatted text. */
TP_API int tp_buf_printf(tp_buf *b, const char *fmt, ...) TP_PRINTF(2, 3);
/** Append @p s as a JSON string literal (quotes included). */
TP_API int tp_buf_json_string(tp_buf *b, const char *s, size_t len);
/** Append a number the shortest way that reads back the same. */
TP_API int tp_buf_json_number(tp_buf *b, double d);
/** Append any JSON value (compact). */
TP_API int tp_buf_json_value(tp_buf *b, const json_t *value);

/** What to write. */
typedef struct tp_output_options {
    /** Layers to write, NULL-terminated; NULL means every layer not flagged
     *  TP_LAYER_HIDDEN.  In the list, "all" means every layer and "default"
     *  every layer not hidden ({"default", "tokens", NULL} adds tokens). */
    const char *const *layers;
    /** Indent the JSON (for one document on a terminal). */
    int pretty;
} tp_output_options;

/** Render @p doc as one JSON object (no trailing newline). */
TP_API int tp_write_json(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err);
/** Render @p doc as readable text: sentences, entities, attributes. */
TP_API int tp_write_text(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err);

/* An HTML report is one self-contained page (inline CSS, no scripts, no
 * network): tp_html_begin(), one tp_write_html() per document, then
 * tp_html_end(). */
/** The start of the page, up to the first document. */
TP_API int tp_html_begin(tp_buf *out, const char *title);
/** One document: its text with entities marked and labelled, sentences
 *  tinted and underlined by sentiment, and a table of entities grouped by
 *  canonical name with mention counts and average sentiment. */
TP_API int tp_write_html(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err);
/** The end of the page. */
TP_API int tp_html_end(tp_buf *out);

#ifdef __cplusplus
}
#endif
#endif
