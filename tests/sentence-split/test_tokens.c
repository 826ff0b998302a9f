/* test_tokens.c - the tokens layer of sentence-split: what each kind of
 * text is cut into, the kind and norm attributes, and the layer's shape. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static tp_runtime *rt;
static tp_pipeline *plain;

static void setup(void)
{
    rt = harness_runtime();
    plain = harness_pipeline(rt, "{\"stages\": [{\"plugin\": \"sentence-split\"}]}");
}

static void teardown(void)
{
    tp_pipeline_free(plain);
    tp_runtime_free(rt);
}

/* The tokens of @p text through @p p, joined by spaces. */
static char *tokens_of(tp_pipeline *p, const char *text)
{
    tp_doc *doc = harness_run(p, text);
    char *s = harness_layer_texts(doc, "tokens", " ");
    tp_doc_free(doc);
    return s;
}

#define ASSERT_TOKENS(text, want)                    \
    do {                                             \
        char *got_ = tokens_of(plain, (text));       \
        ck_assert_str_eq(got_, (want));              \
        free(got_);                                  \
    } while (0)

/* "text/kind" or "text/kind=norm" for every token, joined by spaces. */
static char *described(tp_pipeline *p, const char *text)
{
    tp_doc *doc = harness_run(p, text);
    tp_layer *l = tp_doc_layer(doc, "tokens");
    ck_assert_ptr_nonnull(l);
    size_t len;
    const char *t = tp_layer_text(l, &len);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_append(&b, "", 0);
    for (size_t i = 0; i < tp_layer_size(l); i++) {
        const tp_span *s = &tp_layer_spans(l)[i];
        size_t kl, nl;
        const char *kind = tp_span_get_string(s, "kind", &kl);
        const char *norm = tp_span_get_string(s, "norm", &nl);
        ck_assert_ptr_nonnull(kind);
        tp_buf_printf(&b, "%s%.*s/%.*s", i ? " " : "", (int)(s->end - s->start), t + s->start, (int)kl, kind);
        if (norm)
            tp_buf_printf(&b, "=%.*s", (int)nl, norm);
    }
    tp_doc_free(doc);
    ck_assert(!b.failed);
    return b.data;
}

#define ASSERT_DESCRIBED(text, want)                 \
    do {                                             \
        char *got_ = described(plain, (text));       \
        ck_assert_str_eq(got_, (want));              \
        free(got_);                                  \
    } while (0)

START_TEST(words_and_punctuation)
{
    ASSERT_DESCRIBED("Rain fell, then stopped; fine!",
                     "Rain/word fell/word ,/punct then/word stopped/word ;/punct fine/word !/punct");
    ASSERT_TOKENS("Wait?! No!!", "Wait ?! No !!");
    ASSERT_TOKENS("(see [1] and {2})", "( see [ 1 ] and { 2 } )");
}
END_TEST

START_TEST(numbers)
{
    ASSERT_DESCRIBED("3.5 1,200 52-48 10:30 4,512.3 3/4",
                     "3.5/number 1,200/number 52-48/number 10:30/number 4,512.3/number 3/4/number");
    ASSERT_DESCRIBED("the 1990s, the '80s and the 21st", "the/word 1990s/number ,/punct the/word '80s/number "
                                                         "and/word the/word 21st/number");
    ASSERT_TOKENS("It fell to -5 and rose .5 points", "It fell to -5 and rose .5 points");
    /* a number then the sentence's period, not a decimal */
    ASSERT_TOKENS("It cost 12. Then", "It cost 12 . Then");
    /* units written against the number become their own word */
    ASSERT_TOKENS("a 5km run at 10am for $3bn", "a 5 km run at 10 am for $ 3 bn");
    /* digits with other letters are words */
    ASSERT_DESCRIBED("3D 4chan", "3D/word 4chan/word");
}
END_TEST

START_TEST(currency_and_symbols)
{
    ASSERT_DESCRIBED("$12.40 at 40°C", "$/symbol 12.40/number at/word 40/number °C/symbol");
    ASSERT_DESCRIBED("€20 or £3.50, up 5%", "€/symbol 20/number or/word £/symbol 3.50/number ,/punct up/word "
                                          "5/number %/symbol");
    ASSERT_DESCRIBED("US$5 + A$3", "US$/symbol 5/number +/symbol A$/symbol 3/number");
    ASSERT_TOKENS("AT&T and S&P rose", "AT&T and S&P rose");
}
END_TEST

START_TEST(urls)
{
    ASSERT_DESCRIBED("See https://example.org/a/b?x=1.", "See/word https://example.org/a/b?x=1/url ./punct");
    ASSERT_DESCRIBED("(www.example.net)", "(/punct www.example.net/url )/punct");
    ASSERT_DESCRIBED("news at bbc.co.uk/news, or Gawker.com.",
                     "news/word at/word bbc.co.uk/news/url ,/punct or/word Gawker.com/url ./punct");
    /* a parenthesis the address opened stays in it */
    ASSERT_TOKENS("https://en.example.org/wiki/Foo_(bar) is it", "https://en.example.org/wiki/Foo_(bar) is it");
    /* a missing space is not a domain */
    ASSERT_TOKENS("the end.Then", "the end . Then");
}
END_TEST

START_TEST(emails_hashtags_mentions)
{
    ASSERT_DESCRIBED("Write to ann.lee+news@mail.example.com.",
                     "Write/word to/word ann.lee+news@mail.example.com/email ./punct");
    ASSERT_DESCRIBED("#Vote2024 @city_hall #1", "#Vote2024/hashtag @city_hall/mention #/symbol 1/number");
    /* an @ inside a word is not a mention */
    ASSERT_TOKENS("a@b", "a @ b");
}
END_TEST

START_TEST(abbreviations_kept_whole)
{
    ASSERT_TOKENS("Dr. Ortiz met U.S. and U.K. envoys at 3 p.m. today, e.g. Ms. Ito.",
                  "Dr. Ortiz met U.S. and U.K. envoys at 3 p.m. today , e.g. Ms. Ito .");
    ASSERT_TOKENS("A Ph.D. from St. Paul", "A Ph.D. from St. Paul");
    ASSERT_TOKENS("(R-N.H.)", "( R-N.H. )");
    /* numeric abbreviations only before a number */
    ASSERT_TOKENS("No. 5 but no. Fig. 2", "No. 5 but no . Fig. 2");
    /* an ellipsis is not an abbreviation's period */
    ASSERT_TOKENS("etc... then", "etc ... then");
}
END_TEST

START_TEST(contractions_and_possessives)
{
    ASSERT_DESCRIBED("don't", "do/word n't/word");
    ASSERT_DESCRIBED("can't won’t", "ca/word=can n't/word wo/word=will n’t/word=n't");
    ASSERT_DESCRIBED("Peru's Peru’s", "Peru/word 's/word Peru/word ’s/word='s");
    ASSERT_TOKENS("I'm sure we're done, they've said she'll and he'd go",
                  "I 'm sure we 're done , they 've said she 'll and he 'd go");
    ASSERT_TOKENS("the voters' choice", "the voters ' choice");
    /* apostrophes inside names stay */
    ASSERT_TOKENS("O'Neill's o'clock rock'n'roll", "O'Neill 's o'clock rock'n'roll");
}
END_TEST

START_TEST(contractions_kept_when_asked)
{
    tp_pipeline *p =
        harness_pipeline(rt, "{\"stages\": [{\"plugin\": \"sentence-split\", \"options\": {\"split_contractions\": false}}]}");
    char *got = tokens_of(p, "Peru's mayor didn't go.");
    ck_assert_str_eq(got, "Peru's mayor didn't go .");
    free(got);
    tp_pipeline_free(p);
}
END_TEST

START_TEST(hyphenated_words)
{
    ASSERT_DESCRIBED("a 14-year-old state-of-the-art COVID-19 test",
                     "a/word 14-year-old/word state-of-the-art/word COVID-19/word test/word");
    ASSERT_TOKENS("pre- and post-war -- a dash", "pre - and post-war -- a dash");
}
END_TEST

START_TEST(quotes_curly_and_straight)
{
    ASSERT_DESCRIBED("“Yes,” he said.", "“/punct=\" Yes/word ,/punct ”/punct=\" he/word said/word ./punct");
    ASSERT_DESCRIBED("\"No\" and 'maybe'", "\"/punct No/word \"/punct and/word '/punct maybe/word '/punct");
    ASSERT_DESCRIBED("‘Hi’", "‘/punct=' Hi/word ’/punct='");
    ASSERT_DESCRIBED("Wait…", "Wait/word …/punct=...");
}
END_TEST

START_TEST(emoji_and_emoticons)
{
    ASSERT_DESCRIBED("Great 👍🏽 🇨🇦 👨‍👩‍👧 :) <3", "Great/word 👍🏽/emoji 🇨🇦/emoji 👨‍👩‍👧/emoji :)/emoji <3/emoji");
    /* a colon after a word is punctuation */
    ASSERT_DESCRIBED("Note:)", "Note/word :/punct )/punct");
}
END_TEST

START_TEST(layer_shape)
{
    const char *text = "  “Well,” said Dr. Lee — at 9:30 a.m. — “we’re 2.5% up!” 👍\n\nIt's https://x.example.com/. ";
    tp_doc *doc = harness_run(plain, text);
    tp_layer *l = tp_doc_layer(doc, "tokens");
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(tp_layer_flags(l) & TP_LAYER_HIDDEN, TP_LAYER_HIDDEN);
    const tp_span *s = tp_layer_spans(l);
    size_t prev_end = 0;
    for (size_t i = 0; i < tp_layer_size(l); i++) {
        ck_assert_uint_ge(s[i].start, prev_end);
        ck_assert_uint_gt(s[i].end, s[i].start);
        ck_assert_ptr_null(s[i].label);
        /* no white space inside a token's ends */
        ck_assert(text[s[i].start] != ' ' && text[s[i].end - 1] != ' ' && text[s[i].end - 1] != '\n');
        prev_end = s[i].end;
    }
    tp_doc_free(doc);
}
END_TEST

START_TEST(norm_only_when_different)
{
    tp_doc *doc = harness_run(plain, "isn't it");
    tp_layer *l = tp_doc_layer(doc, "tokens");
    ck_assert_uint_eq(tp_layer_size(l), 3);
    for (size_t i = 0; i < 3; i++)
        ck_assert_ptr_null(tp_span_get(&tp_layer_spans(l)[i], "norm"));
    tp_doc_free(doc);
}
END_TEST

START_TEST(empty_and_blank_text)
{
    tp_doc *doc = harness_run(plain, "");
    ck_assert_uint_eq(tp_layer_size(tp_doc_layer(doc, "tokens")), 0);
    ck_assert_uint_eq(tp_layer_size(tp_doc_layer(doc, "sentences")), 0);
    tp_doc_free(doc);
    doc = harness_run(plain, " \n\t \n");
    ck_assert_uint_eq(tp_layer_size(tp_doc_layer(doc, "tokens")), 0);
    ck_assert_uint_eq(tp_layer_size(tp_doc_layer(doc, "sentences")), 0);
    tp_doc_free(doc);
}
END_TEST

/* Tokens are made on the newest view: after normalize folded the quotes. */
START_TEST(tokens_follow_the_newest_view)
{
    tp_pipeline *p = harness_pipeline(
        rt, "{\"stages\": [{\"plugin\": \"normalize\", \"options\": {\"fold_punctuation\": true}},"
            " {\"plugin\": \"sentence-split\"}]}");
    tp_doc *doc = harness_run(p, "“Peru’s”");
    tp_layer *l = tp_doc_layer(doc, "tokens");
    ck_assert_uint_eq(tp_layer_view(l), tp_doc_view_count(doc) - 1);
    char *got = harness_layer_texts(doc, "tokens", " ");
    ck_assert_str_eq(got, "\" Peru 's \"");
    free(got);
    tp_doc_free(doc);
    tp_pipeline_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sentence-split tokens");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, words_and_punctuation);
    tcase_add_test(tc, numbers);
    tcase_add_test(tc, currency_and_symbols);
    tcase_add_test(tc, urls);
    tcase_add_test(tc, emails_hashtags_mentions);
    tcase_add_test(tc, abbreviations_kept_whole);
    tcase_add_test(tc, contractions_and_possessives);
    tcase_add_test(tc, contractions_kept_when_asked);
    tcase_add_test(tc, hyphenated_words);
    tcase_add_test(tc, quotes_curly_and_straight);
    tcase_add_test(tc, emoji_and_emoticons);
    tcase_add_test(tc, layer_shape);
    tcase_add_test(tc, norm_only_when_different);
    tcase_add_test(tc, empty_and_blank_text);
    tcase_add_test(tc, tokens_follow_the_newest_view);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
