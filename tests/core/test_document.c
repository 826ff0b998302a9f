/* test_document.c - documents through the public API: text and UTF-8
 * policy, views and offset maps, layers, attributes and the JSON output. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static tp_doc *doc_with(const char *text)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    ck_assert_int_eq(tp_doc_set_text(d, text, strlen(text), TP_UTF8_STRICT, &e), TP_OK);
    return d;
}

static char *to_json(tp_doc *d, const char *const *layers)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_error e;
    tp_output_options o = {layers, 0};
    ck_assert_int_eq(tp_write_json(d, &o, &b, &e), TP_OK);
    return b.data;
}

START_TEST(text_is_kept_and_strict_utf8_names_the_offset)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    const char bad[] = "line one\nbad \xC3( here";
    ck_assert_int_eq(tp_doc_set_text(d, bad, sizeof bad - 1, TP_UTF8_STRICT, &e), TP_ERR_INPUT);
    ck_assert_msg(strstr(e.message, "byte offset 13") && strstr(e.message, "line 2"), "%s", e.message);
    ck_assert_uint_eq(tp_doc_view_count(d), 0);
    /* replace: one U+FFFD per maximal subpart, offsets of the rest exact */
    ck_assert_int_eq(tp_doc_set_text(d, bad, sizeof bad - 1, TP_UTF8_REPLACE, &e), TP_OK);
    size_t len;
    const char *t = tp_doc_text(d, &len);
    ck_assert_str_eq(t, "line one\nbad \xEF\xBF\xBD( here");
    ck_assert_uint_eq(tp_doc_replaced_bytes(d), 1);
    tp_doc_free(d);
}
END_TEST

START_TEST(nul_bytes_and_empty_text_work)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    ck_assert_int_eq(tp_doc_set_text(d, "a\0b", 3, TP_UTF8_STRICT, &e), TP_OK);
    size_t len;
    tp_doc_text(d, &len);
    ck_assert_uint_eq(len, 3);
    char *j = to_json(d, NULL);
    ck_assert_msg(strstr(j, "\"text\":\"a\\u0000b\""), "%s", j);
    free(j);
    tp_doc_clear(d);
    ck_assert_int_eq(tp_doc_set_text(d, "", 0, TP_UTF8_STRICT, &e), TP_OK);
    j = to_json(d, NULL);
    ck_assert_str_eq(j, "{\"id\":null,\"text\":\"\"}");
    free(j);
    tp_doc_free(d);
}
END_TEST

START_TEST(views_map_back_to_the_original)
{
    /* "Caf\u00e9  \u201cok\u201d" -> "Cafe\u0301 \"ok\"" with three edits */
    const char *orig = "Caf\xC3\xA9  \xE2\x80\x9Cok\xE2\x80\x9D";
    tp_doc *d = doc_with(orig);
    tp_error e;
    tp_view_builder *vb = tp_view_begin(d, &e);
    ck_assert_ptr_nonnull(vb);
    ck_assert_int_eq(tp_view_copy(vb, 0, 3, &e), TP_OK);                      /* Caf */
    ck_assert_int_eq(tp_view_replace(vb, 3, 2, "e\xCC\x81", 3, &e), TP_OK);  /* é -> e + U+0301 */
    ck_assert_int_eq(tp_view_copy(vb, 5, 1, &e), TP_OK);                      /* space */
    ck_assert_int_eq(tp_view_replace(vb, 6, 1, "", 0, &e), TP_OK);            /* drop 2nd space */
    ck_assert_int_eq(tp_view_replace(vb, 7, 3, "\"", 1, &e), TP_OK);
    ck_assert_int_eq(tp_view_copy(vb, 10, 2, &e), TP_OK);
    ck_assert_int_eq(tp_view_replace(vb, 12, 3, "\"", 1, &e), TP_OK);
    ck_assert_int_eq(tp_view_commit(vb, &e), TP_OK);
    ck_assert_uint_eq(tp_doc_view_count(d), 2);
    size_t len;
    ck_assert_str_eq(tp_doc_text(d, &len), "Cafe\xCC\x81 \"ok\"");
    /* "ok" in the new view is bytes 8..10 -> original 10..12 */
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 8, TP_EDGE_START), 10);
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 10, TP_EDGE_END), 12);
    /* the folded quote before it maps to the whole curly quote */
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 7, TP_EDGE_START), 7);
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 8, TP_EDGE_END), 10);
    /* inside the decomposed e: start -> start of é, end -> end of é */
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 4, TP_EDGE_START), 3);
    ck_assert_uint_eq(tp_doc_to_original(d, 1, 4, TP_EDGE_END), 5);
    /* code points: original "Caf\u00e9  \u201cok" -> 'o' is code point 7 */
    ck_assert_uint_eq(tp_doc_codepoint(d, 10), 7);
    ck_assert_uint_eq(tp_doc_codepoint(d, strlen(orig)), 10);
    tp_doc_free(d);
}
END_TEST

START_TEST(view_builder_refuses_gaps_and_unchanged_views_are_dropped)
{
    tp_doc *d = doc_with("hello world");
    tp_error e;
    tp_view_builder *vb = tp_view_begin(d, &e);
    ck_assert_int_eq(tp_view_copy(vb, 0, 5, &e), TP_OK);
    ck_assert_int_eq(tp_view_copy(vb, 6, 5, &e), TP_ERR_INVALID); /* skipped byte 5 */
    ck_assert_msg(strstr(e.message, "expected byte 5"), "%s", e.message);
    ck_assert_int_eq(tp_view_commit(vb, &e), TP_ERR_INVALID);     /* does not cover the text */
    ck_assert_uint_eq(tp_doc_view_count(d), 1);
    vb = tp_view_begin(d, &e);
    ck_assert_int_eq(tp_view_replace(vb, 0, 11, "hello world", 11, &e), TP_OK);
    ck_assert_int_eq(tp_view_commit(vb, &e), TP_OK);
    ck_assert_uint_eq(tp_doc_view_count(d), 1); /* same text: no new view */
    vb = tp_view_begin(d, &e);
    ck_assert_int_eq(tp_view_replace(vb, 0, 11, "\xC3", 1, &e), TP_OK);
    ck_assert_int_eq(tp_view_commit(vb, &e), TP_ERR_INVALID); /* not UTF-8 */
    tp_doc_free(d);
}
END_TEST

START_TEST(layers_spans_and_attributes)
{
    tp_doc *d = doc_with("Jorge Glas said no.");
    tp_error e;
    tp_layer *l = tp_doc_add_layer(d, "entities", 0, &e);
    ck_assert_ptr_nonnull(l);
    ck_assert_ptr_null(tp_doc_add_layer(d, "entities", 0, &e));
    ck_assert_msg(strstr(e.message, "already exists"), "%s", e.message);
    ck_assert_int_eq(tp_layer_add(l, 0, 10, "PERSON", &e), 0);
    ck_assert_int_eq(tp_layer_add(l, 5, 30, "X", &e), -1); /* past the end */
    ck_assert_int_eq(tp_span_set(l, 0, "canonical", tp_value_string("Jorge Glas", 10), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 0, "mentions", tp_value_int(2), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 0, "canonical", tp_value_string("Glas", 4), &e), TP_OK); /* replaced */
    ck_assert_int_eq(tp_span_set(l, 0, "text", tp_value_int(1), &e), TP_ERR_INVALID);       /* reserved */
    ck_assert_int_eq(tp_layer_set_score(l, 0, 0.75, &e), TP_OK);
    json_t *obj = json_pack("{s:f}", "compound", -0.296);
    ck_assert_int_eq(tp_doc_set_attr(d, "sentiment", tp_value_json(obj), &e), TP_OK);
    ck_assert_int_eq(tp_doc_set_attr(d, "entities", tp_value_int(1), &e), TP_ERR_INVALID); /* a layer's name */
    const tp_span *s = tp_layer_spans(l);
    size_t n;
    ck_assert_str_eq(tp_span_get_string(s, "canonical", &n), "Glas");
    ck_assert_int_eq(tp_span_get(s, "mentions")->u.i, 2);
    ck_assert_ptr_null(tp_span_get(s, "missing"));
    char *j = to_json(d, NULL);
    ck_assert_str_eq(j, "{\"id\":null,\"text\":\"Jorge Glas said no.\",\"entities\":[{\"start\":0,\"end\":10,"
                        "\"text\":\"Jorge Glas\",\"label\":\"PERSON\",\"score\":0.75,\"canonical\":\"Glas\","
                        "\"mentions\":2}],\"sentiment\":{\"compound\":-0.296}}");
    free(j);
    tp_doc_free(d);
}
END_TEST

START_TEST(sort_and_find)
{
    tp_doc *d = doc_with("aa bb cc dd");
    tp_error e;
    tp_layer *l = tp_doc_add_layer(d, "w", 0, &e);
    tp_layer_add(l, 6, 8, NULL, &e);
    tp_layer_add(l, 0, 2, NULL, &e);
    tp_layer_add(l, 9, 11, NULL, &e);
    tp_layer_add(l, 3, 5, NULL, &e);
    tp_layer_sort(l);
    const tp_span *s = tp_layer_spans(l);
    ck_assert_uint_eq(s[0].start, 0);
    ck_assert_uint_eq(s[3].start, 9);
    ck_assert_uint_eq(tp_layer_find(l, 4), 1); /* bb (3..5) contains 4 */
    ck_assert_uint_eq(tp_layer_find(l, 5), 2); /* first span ending after 5 */
    ck_assert_uint_eq(tp_layer_find(l, 20), 4);
    tp_doc_free(d);
}
END_TEST

START_TEST(json_output_uses_code_points_of_the_original)
{
    /* 'é' is 2 bytes, the emoji 4: code points differ from bytes */
    const char *text = "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 ok";
    tp_doc *d = doc_with(text);
    tp_error e;
    tp_layer *l = tp_doc_add_layer(d, "tokens", TP_LAYER_HIDDEN, &e);
    tp_layer_add(l, 0, 5, NULL, &e);   /* été */
    tp_layer_add(l, 6, 10, NULL, &e);  /* emoji */
    tp_layer_add(l, 11, 13, NULL, &e); /* ok */
    char *j = to_json(d, NULL);
    ck_assert_msg(!strstr(j, "tokens"), "hidden layer written: %s", j);
    free(j);
    const char *const all[] = {"all", NULL};
    j = to_json(d, all);
    ck_assert_msg(strstr(j, "{\"start\":0,\"end\":3,\"text\":\"\xC3\xA9t\xC3\xA9\"}"), "%s", j);
    ck_assert_msg(strstr(j, "{\"start\":4,\"end\":5,\"text\":\"\xF0\x9F\x98\x80\"}"), "%s", j);
    ck_assert_msg(strstr(j, "{\"start\":6,\"end\":8,\"text\":\"ok\"}"), "%s", j);
    free(j);
    tp_doc_free(d);
}
END_TEST

START_TEST(json_numbers_and_escapes)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_json_number(&b, 0.4404);
    tp_buf_putc(&b, ' ');
    tp_buf_json_number(&b, 0.1 + 0.2);
    tp_buf_putc(&b, ' ');
    tp_buf_json_number(&b, NAN);
    tp_buf_putc(&b, ' ');
    tp_buf_json_string(&b, "q\"\\\n\t\x01", 6);
    ck_assert_str_eq(b.data, "0.4404 0.30000000000000004 null \"q\\\"\\\\\\n\\t\\u0001\"");
    tp_buf_free(&b);
}
END_TEST

START_TEST(json_numbers_read_back_exactly)
{
    const double values[] = {0.4404, -0.3612, 3, 0.5, 1e-7, 123456.789, 0.1 + 0.2, -0.0, 1e300, 2.5e-5, 0.001,
                             -999999.999999, 42.0, 1.0 / 3.0};
    const char *want[] = {"0.4404", "-0.3612", "3", "0.5", NULL, "123456.789", NULL, "-0", NULL, "0.000025",
                          "0.001", "-999999.999999", "42", NULL};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        tp_buf b;
        tp_buf_init(&b);
        tp_buf_json_number(&b, values[i]);
        ck_assert_msg(strtod(b.data, NULL) == values[i], "%.17g written as %s", values[i], b.data);
        if (want[i])
            ck_assert_str_eq(b.data, want[i]);
        tp_buf_free(&b);
    }
}
END_TEST

START_TEST(named_numbers_value)
{
    tp_doc *d = doc_with("x");
    tp_error e;
    static const char *const keys[] = {"compound", "positive"};
    double v[2] = {-0.25, 0.125};
    ck_assert_int_eq(tp_doc_set_attr(d, "sentiment", tp_value_numbers(keys, v, 2), &e), TP_OK);
    /* cppcheck-suppress unreadVariable ; written to show the document keeps its own copy */
    v[0] = 99;
    double c = 0;
    ck_assert(tp_value_get_number(tp_doc_get_attr(d, "sentiment"), "compound", &c));
    ck_assert(c == -0.25);
    ck_assert(!tp_value_get_number(tp_doc_get_attr(d, "sentiment"), "missing", &c));
    char *j = to_json(d, NULL);
    ck_assert_str_eq(j, "{\"id\":null,\"text\":\"x\",\"sentiment\":{\"compound\":-0.25,\"positive\":0.125}}");
    free(j);
    double bad[1] = {NAN};
    ck_assert_int_eq(tp_doc_set_attr(d, "other", tp_value_numbers(keys, bad, 1), &e), TP_ERR_INVALID);
    tp_doc_free(d);
}
END_TEST

START_TEST(named_numbers_keys_written_each_way)
{
    /* the writer renders a key array once and reuses it; keys to escape,
     * many keys and alternating arrays are written as they always were */
    tp_doc *d = doc_with("ab");
    tp_error e;
    static const char *const two[] = {"x", "y"}, *const quoted[] = {"a\"b", "c"},
                             *const nine[] = {"k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"};
    double v[9] = {1, 0.5, -0.0, 3, 4, 5, 6, 7, 8};
    tp_layer *l = tp_doc_add_layer(d, "spans", 0, &e);
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(tp_layer_add(l, 0, 1, NULL, &e), (ptrdiff_t)i);
    ck_assert_int_eq(tp_span_set(l, 0, "n", tp_value_numbers(two, v, 2), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 1, "n", tp_value_numbers(quoted, v, 2), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 2, "n", tp_value_numbers(two, v + 1, 2), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 3, "n", tp_value_numbers(nine, v, 9), &e), TP_OK);
    ck_assert_int_eq(tp_doc_set_attr(d, "total", tp_value_numbers(two, v + 2, 1), &e), TP_OK);
    char *j = to_json(d, NULL);
    const char *span = "{\"start\":0,\"end\":1,\"text\":\"a\",\"n\":";
    char want[1024];
    snprintf(want, sizeof want,
             "{\"id\":null,\"text\":\"ab\",\"spans\":[%s{\"x\":1,\"y\":0.5}},%s{\"a\\\"b\":1,\"c\":0.5}},"
             "%s{\"x\":0.5,\"y\":-0}},%s{\"k1\":1,\"k2\":0.5,\"k3\":-0,\"k4\":3,\"k5\":4,\"k6\":5,\"k7\":6,"
             "\"k8\":7,\"k9\":8}}],\"total\":{\"x\":-0}}",
             span, span, span, span);
    ck_assert_str_eq(j, want);
    free(j);
    tp_doc_free(d);
}
END_TEST

START_TEST(json_text_value)
{
    tp_doc *d = doc_with("x");
    tp_error e;
    char text[] = "{\"A\": {\"n\": [1, -2.5e3, true, null, \"\\u00e9\\n\"]}}";
    ck_assert_int_eq(tp_doc_set_attr(d, "agg", tp_value_json_text(text, strlen(text)), &e), TP_OK);
    /* cppcheck-suppress unreadVariable ; written to show the document keeps its own copy */
    text[2] = 'B';
    const tp_value *v = tp_doc_get_attr(d, "agg");
    ck_assert_int_eq(v->type, TP_VALUE_JSON_TEXT);
    ck_assert_int_eq(v->len, strlen(text));
    ck_assert_int_eq(v->u.s[2], 'A');
    char *j = to_json(d, NULL);
    ck_assert_str_eq(j, "{\"id\":null,\"text\":\"x\",\"agg\":{\"A\": {\"n\": [1, -2.5e3, true, null, "
                        "\"\\u00e9\\n\"]}}}");
    free(j);
    /* refused, naming the byte: not JSON, two values, bad UTF-8, too deep */
    static const char *const bad[] = {"{\"a\":}", "1 2", "[01]", "\"\xC3\"", "{\"a\" 1}", "tru", ""};
    static const size_t at[] = {5, 2, 2, 1, 5, 3, 0};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_int_eq(tp_doc_set_attr(d, "other", tp_value_json_text(bad[i], strlen(bad[i])), &e),
                         TP_ERR_INVALID);
        char where[32];
        snprintf(where, sizeof where, "at byte %zu ", at[i]);
        ck_assert_msg(strstr(e.message, where), "%s: %s", bad[i], e.message);
    }
    char deep[200];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    ck_assert_int_eq(tp_doc_set_attr(d, "other", tp_value_json_text(deep, sizeof deep), &e), TP_ERR_INVALID);
    ck_assert_ptr_null(tp_doc_get_attr(d, "other"));
    tp_doc_free(d);
}
END_TEST

START_TEST(shared_attribute_spans)
{
    tp_doc *d = doc_with("a b c"), *other = doc_with("x");
    tp_error e;
    tp_layer *l = tp_doc_add_layer(d, "tokens", 0, &e);
    const tp_attr *word = tp_doc_shared_attr(d, "kind", tp_value_static_string("word", 4), &e);
    ck_assert_ptr_nonnull(word);
    ck_assert_ptr_null(tp_doc_shared_attr(d, "start", tp_value_int(1), &e)); /* the output's own key */
    ck_assert_int_eq(e.status, TP_ERR_INVALID);
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(tp_layer_add_shared(l, 2 * i, 2 * i + 1, word, &e), (ptrdiff_t)i);
    ck_assert_int_eq(tp_layer_add_shared(l, 4, 9, word, &e), -1); /* past the end */
    /* another document's attribute is refused, by name */
    const tp_attr *foreign = tp_doc_shared_attr(other, "kind", tp_value_int(1), &e);
    ck_assert_int_eq(tp_layer_add_shared(l, 0, 1, foreign, &e), -1);
    ck_assert_msg(strstr(e.message, "tp_doc_shared_attr"), "%s", e.message);
    /* a span's own changes leave the others alone */
    ck_assert_int_eq(tp_span_set(l, 1, "norm", tp_value_string("B", 1), &e), TP_OK);
    ck_assert_int_eq(tp_span_set(l, 2, "kind", tp_value_static_string("name", 4), &e), TP_OK);
    const tp_span *s = tp_layer_spans(l);
    ck_assert_str_eq(tp_span_get_string(&s[0], "kind", NULL), "word");
    ck_assert_ptr_null(tp_span_get(&s[0], "norm"));
    ck_assert_str_eq(tp_span_get_string(&s[1], "kind", NULL), "word");
    ck_assert_str_eq(tp_span_get_string(&s[1], "norm", NULL), "B");
    ck_assert_str_eq(tp_span_get_string(&s[2], "kind", NULL), "name");
    ck_assert_ptr_eq(tp_span_attrs(&s[0]), word);
    char *j = to_json(d, NULL);
    ck_assert_str_eq(j, "{\"id\":null,\"text\":\"a b c\",\"tokens\":["
                        "{\"start\":0,\"end\":1,\"text\":\"a\",\"kind\":\"word\"},"
                        "{\"start\":2,\"end\":3,\"text\":\"b\",\"kind\":\"word\",\"norm\":\"B\"},"
                        "{\"start\":4,\"end\":5,\"text\":\"c\",\"kind\":\"name\"}]}");
    free(j);
    /* a document shares a few values, not one per span */
    size_t made = 1; /* word */
    while (tp_doc_shared_attr(d, "n", tp_value_int((long long)made), &e))
        made++;
    ck_assert_msg(strstr(e.message, "at most 256"), "%s", e.message);
    ck_assert_int_eq(made, 256);
    /* clearing ends the attribute's life: a stale one is refused */
    tp_doc_clear(d);
    ck_assert_int_eq(tp_doc_set_text(d, "a", 1, TP_UTF8_STRICT, &e), TP_OK);
    l = tp_doc_add_layer(d, "tokens", 0, &e);
    ck_assert_int_eq(tp_layer_add_shared(l, 0, 1, word, &e), -1);
    tp_doc_free(other);
    tp_doc_free(d);
}
END_TEST

START_TEST(json_escapes_anywhere_in_long_strings)
{
    /* the writer skips eight bytes at a time: put each special byte at
     * every position of a long string and check it is still escaped */
    const char specials[] = {'"', '\\', '\n', '\x01', '\x1f'};
    const char *escaped[] = {"\\\"", "\\\\", "\\n", "\\u0001", "\\u001f"};
    for (size_t k = 0; k < sizeof specials; k++) {
        for (size_t pos = 0; pos < 24; pos++) {
            char in[25];
            memset(in, 'a', 24);
            in[24] = '\0';
            in[pos] = specials[k];
            tp_buf b;
            tp_buf_init(&b);
            tp_buf_json_string(&b, in, 24);
            char want[64];
            snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)pos, in, escaped[k], (int)(23 - pos), in + pos + 1);
            ck_assert_msg(strcmp(b.data, want) == 0, "byte 0x%02x at %zu: %s", (unsigned char)specials[k], pos, b.data);
            tp_buf_free(&b);
        }
    }
    /* bytes of multi-byte characters are never escaped */
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_json_string(&b, "\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80\xC3\xA9\xE2\x80\x9C", 14);
    ck_assert_str_eq(b.data, "\"\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80\xC3\xA9\xE2\x80\x9C\"");
    tp_buf_free(&b);
}
END_TEST

START_TEST(cleared_document_is_reusable)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    for (int round = 0; round < 3; round++) {
        char text[64];
        snprintf(text, sizeof text, "round %d text", round);
        ck_assert_int_eq(tp_doc_set_text(d, text, strlen(text), TP_UTF8_STRICT, &e), TP_OK);
        ck_assert_int_eq(tp_doc_set_id(d, "x", &e), TP_OK);
        tp_layer *l = tp_doc_add_layer(d, "w", 0, &e);
        ck_assert_ptr_nonnull(l);
        ck_assert_int_eq(tp_layer_add(l, 0, 5, "L", &e), 0);
        ck_assert_int_eq(tp_doc_set_attr(d, "n", tp_value_json(json_integer(round)), &e), TP_OK);
        ck_assert_uint_eq(tp_doc_layer_count(d), 1);
        tp_doc_clear(d);
        ck_assert_uint_eq(tp_doc_layer_count(d), 0);
        ck_assert_ptr_null(tp_doc_get_attr(d, "n"));
    }
    tp_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("document");
    TCase *tc = tcase_create("all");
    tcase_add_test(tc, text_is_kept_and_strict_utf8_names_the_offset);
    tcase_add_test(tc, nul_bytes_and_empty_text_work);
    tcase_add_test(tc, views_map_back_to_the_original);
    tcase_add_test(tc, view_builder_refuses_gaps_and_unchanged_views_are_dropped);
    tcase_add_test(tc, layers_spans_and_attributes);
    tcase_add_test(tc, sort_and_find);
    tcase_add_test(tc, json_output_uses_code_points_of_the_original);
    tcase_add_test(tc, json_numbers_and_escapes);
    tcase_add_test(tc, json_escapes_anywhere_in_long_strings);
    tcase_add_test(tc, json_numbers_read_back_exactly);
    tcase_add_test(tc, named_numbers_value);
    tcase_add_test(tc, named_numbers_keys_written_each_way);
    tcase_add_test(tc, json_text_value);
    tcase_add_test(tc, shared_attribute_spans);
    tcase_add_test(tc, cleared_document_is_reusable);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
