/* test_html.c - the HTML report: marks, labels, sentence tints, the
 * entity table, escaping, and well-formed nesting whatever the spans. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "harness.h"

static json_t *senti(double c)
{
    return json_pack("{s:f,s:f,s:f,s:f}", "compound", c, "positive", 0.1, "negative", 0.1, "neutral", 0.8);
}

/* Tags open and close in order (no scripts, no stray elements). */
static void assert_nested(const char *html)
{
    const char *stack[64];
    int depth = 0;
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        if (p[1] == '!' )
            continue;
        int closing = p[1] == '/';
        const char *name = p + 1 + closing;
        size_t n = strcspn(name, " >");
        if ((n == 4 && strncmp(name, "meta", 4) == 0))
            continue;
        ck_assert_msg(strncmp(name, "script", 6) != 0, "a script element");
        if (closing) {
            ck_assert_msg(depth > 0, "closing </%.*s> with nothing open", (int)n, name);
            depth--;
            ck_assert_msg(strncmp(stack[depth], name, n) == 0 && strcspn(stack[depth], " >") == n,
                          "</%.*s> closes <%.*s>", (int)n, name, (int)strcspn(stack[depth], " >"), stack[depth]);
        } else {
            ck_assert_int_lt(depth, 64);
            stack[depth++] = name;
        }
    }
    ck_assert_int_eq(depth, 0);
}

static char *render(tp_doc *d)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_error e;
    ck_assert_int_eq(tp_html_begin(&b, "report <1>"), TP_OK);
    ck_assert_int_eq(tp_write_html(d, NULL, &b, &e), TP_OK);
    ck_assert_int_eq(tp_html_end(&b), TP_OK);
    return b.data;
}

START_TEST(entities_sentences_and_table)
{
    const char *text = "Mexico & Ecuador <clash>. Glas was arrested in Quito. Mexico protested.";
    tp_doc *d = tp_doc_new();
    tp_error e;
    tp_doc_set_text(d, text, strlen(text), TP_UTF8_STRICT, &e);
    tp_doc_set_id(d, "doc\"1", &e);
    tp_layer *s = tp_doc_add_layer(d, "sentences", 0, &e);
    tp_layer_add(s, 0, 25, NULL, &e);
    tp_layer_add(s, 26, 53, NULL, &e);
    tp_layer_add(s, 54, 71, NULL, &e);
    tp_span_set(s, 0, "sentiment", tp_value_json(senti(-0.6)), &e);
    tp_span_set(s, 1, "sentiment", tp_value_json(senti(0.0)), &e);
    tp_span_set(s, 2, "sentiment", tp_value_json(senti(0.4)), &e);
    tp_layer *en = tp_doc_add_layer(d, "entities", 0, &e);
    struct { size_t a, b; const char *label; double c; } ents[] = {
        {0, 6, "GPE", -0.5}, {9, 16, "GPE", -0.5}, {26, 30, "PERSON", -0.3}, {47, 52, "GPE", 0.0},
        {54, 60, "GPE", 0.4}};
    for (size_t i = 0; i < 5; i++) {
        tp_layer_add(en, ents[i].a, ents[i].b, ents[i].label, &e);
        tp_span_set(en, i, "canonical", tp_value_string(text + ents[i].a, ents[i].b - ents[i].a), &e);
        tp_span_set(en, i, "sentiment", tp_value_json(senti(ents[i].c)), &e);
    }
    tp_doc_set_attr(d, "sentiment", tp_value_json(senti(-0.1)), &e);
    char *html = render(d);
    assert_nested(html);
    ck_assert_msg(strstr(html, "<title>report &lt;1&gt;</title>"), "title escaped");
    ck_assert_msg(strstr(html, "id=\"doc-") && strstr(html, ">doc&quot;1</h2>"), "id escaped");
    ck_assert_msg(strstr(html, "<mark class=\"ent\" data-label=\"GPE\""), "entity mark");
    ck_assert_msg(strstr(html, ">Mexico<span class=\"lbl\">GPE</span></mark> &amp; <mark"), "label written out");
    ck_assert_msg(strstr(html, "&lt;clash&gt;."), "text escaped");
    ck_assert_msg(strstr(html, "<span class=\"sent neg\""), "negative sentence");
    ck_assert_msg(strstr(html, "<span class=\"sent pos\""), "positive sentence");
    ck_assert_msg(strstr(html, "title=\"sentence sentiment -0.60 (negative)\""), "score in words");
    ck_assert_msg(strstr(html, "<td>Mexico</td><td class=\"type\"><span class=\"chip\" style=\"background-color:#fdd48e\" "
                               "aria-hidden=\"true\"></span>GPE</td><td class=\"num\">2</td><td class=\"num\">-0.05 "
                               "<small>(neutral)</small></td>"),
                  "Mexico grouped: 2 mentions, average of -0.5 and 0.4");
    ck_assert_msg(strstr(html, "document sentiment -0.10 (negative)"), "document sentiment");
    ck_assert_msg(!strstr(html, "http://") && !strstr(html, "https://"), "nothing fetched");
    free(html);
    tp_doc_free(d);
}
END_TEST

START_TEST(overlapping_and_crossing_spans_stay_well_formed)
{
    const char *text = "aaa bbb ccc ddd eee";
    tp_doc *d = tp_doc_new();
    tp_error e;
    tp_doc_set_text(d, text, strlen(text), TP_UTF8_STRICT, &e);
    tp_layer *s = tp_doc_add_layer(d, "sentences", 0, &e);
    tp_layer_add(s, 0, 7, NULL, &e);
    tp_layer_add(s, 4, 11, NULL, &e);  /* overlaps the first */
    tp_layer_add(s, 12, 19, NULL, &e);
    tp_layer *en = tp_doc_add_layer(d, "entities", 0, &e);
    tp_layer_add(en, 4, 15, "ORG", &e); /* crosses sentence boundaries */
    tp_layer_add(en, 5, 6, "PERSON", &e); /* inside another entity */
    tp_layer_add(en, 16, 16, "DATE", &e); /* empty */
    tp_layer_add(en, 16, 19, "DATE", &e);
    char *html = render(d);
    assert_nested(html);
    /* every character of the text is still there, once */
    ck_assert_msg(strstr(html, "aaa "), "%s", html);
    ck_assert_msg(strstr(html, "eee<span class=\"lbl\">DATE</span></mark>"), "%s", html);
    free(html);
    tp_doc_free(d);
}
END_TEST

START_TEST(plain_document_without_layers)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    tp_doc_set_text(d, "just text\nand a line", 20, TP_UTF8_STRICT, &e);
    char *html = render(d);
    assert_nested(html);
    ck_assert_msg(strstr(html, "<article class=\"text\">just text\nand a line</article>"), "%s", html);
    ck_assert_msg(strstr(html, "No entities."), "empty table");
    free(html);
    tp_doc_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("all");
    tcase_add_test(tc, entities_sentences_and_table);
    tcase_add_test(tc, overlapping_and_crossing_spans_stay_well_formed);
    tcase_add_test(tc, plain_document_without_layers);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
