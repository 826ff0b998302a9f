/* test_sentences.c - the sentences layer of sentence-split: one test per
 * kind of boundary (or non-boundary), and the options. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The sentences of @p text through @p p, joined by " | ". */
static char *sentences_of(tp_pipeline *p, const char *text)
{
    tp_doc *doc = harness_run(p, text);
    char *s = harness_layer_texts(doc, "sentences", " | ");
    tp_doc_free(doc);
    return s;
}

#define ASSERT_SPLIT_WITH(p, text, want)             \
    do {                                             \
        char *got_ = sentences_of((p), (text));      \
        ck_assert_str_eq(got_, (want));              \
        free(got_);                                  \
    } while (0)
#define ASSERT_SPLIT(text, want) ASSERT_SPLIT_WITH(plain, text, want)

/* A pipeline with sentence-split options (a JSON object body). */
static tp_pipeline *with_options(const char *options)
{
    char json[2048];
    snprintf(json, sizeof json, "{\"stages\": [{\"plugin\": \"sentence-split\", \"options\": {%s}}]}", options);
    return harness_pipeline(rt, json);
}

START_TEST(final_punctuation)
{
    ASSERT_SPLIT("The dam held. Crews left.", "The dam held. | Crews left.");
    ASSERT_SPLIT("Who paid? Nobody knows!  Not even the mayor.", "Who paid? | Nobody knows! | Not even the mayor.");
    ASSERT_SPLIT("Really?! Yes.", "Really?! | Yes.");
    /* a lowercase word after ! is the same sentence */
    ASSERT_SPLIT("Shares of Jazzy! fell on Monday.", "Shares of Jazzy! fell on Monday.");
}
END_TEST

START_TEST(abbreviations_and_titles)
{
    ASSERT_SPLIT("Gov. Alvarez and Sen. Park met Prof. Eze on Elm St. near the park.",
                 "Gov. Alvarez and Sen. Park met Prof. Eze on Elm St. near the park.");
    /* an abbreviation ends a sentence when a typical first word follows */
    ASSERT_SPLIT("The firm is Hale Bros. It was founded in Ohio.",
                 "The firm is Hale Bros. | It was founded in Ohio.");
    ASSERT_SPLIT("Orders went to Hale Bros. Inc. last year.", "Orders went to Hale Bros. Inc. last year.");
    ASSERT_SPLIT("Hale Corp. (HALE) fell. Hale Corp. \"We grew,\" it said.",
                 "Hale Corp. (HALE) fell. | Hale Corp. | \"We grew,\" it said.");
    ASSERT_SPLIT("Troops left the U.K. The war was over.", "Troops left the U.K. | The war was over.");
    ASSERT_SPLIT("The U.S. Senate voted.", "The U.S. Senate voted.");
    /* a title never ends a sentence before a name */
    ASSERT_SPLIT("Talks with Mr. Quinn failed.", "Talks with Mr. Quinn failed.");
    ASSERT_SPLIT("See pp. 4-6 and No. 7.", "See pp. 4-6 and No. 7.");
    ASSERT_SPLIT("Rep. Dana Cole (R-N.H.) objected. Others agreed.",
                 "Rep. Dana Cole (R-N.H.) objected. | Others agreed.");
    /* state abbreviations only when capitalized */
    ASSERT_SPLIT("He lives in Cairo, Ill. with his sister. She was ill. Doctors came.",
                 "He lives in Cairo, Ill. with his sister. | She was ill. | Doctors came.");
}
END_TEST

START_TEST(extra_abbreviations_option)
{
    ASSERT_SPLIT("Tickets cost Rs. 500 each.", "Tickets cost Rs. | 500 each.");
    tp_pipeline *p = with_options("\"abbreviations\": [\"Rs.\"]");
    ASSERT_SPLIT_WITH(p, "Tickets cost Rs. 500 each.", "Tickets cost Rs. 500 each.");
    tp_pipeline_free(p);
}
END_TEST

START_TEST(extra_titles_option)
{
    ASSERT_SPLIT("The pilot was Sqn. Ldr. Okafor.", "The pilot was Sqn. | Ldr. | Okafor.");
    tp_pipeline *p = with_options("\"titles\": [\"Sqn\", \"Ldr\"]");
    ASSERT_SPLIT_WITH(p, "The pilot was Sqn. Ldr. Okafor.", "The pilot was Sqn. Ldr. Okafor.");
    tp_pipeline_free(p);
}
END_TEST

START_TEST(abbreviations_file_option)
{
    char path[] = "/tmp/tp-abbrev-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("# extra entries\nSqn title\nRs\n\nFol. numeric  # folio\n", f);
    fclose(f);
    char opts[256];
    snprintf(opts, sizeof opts, "\"abbreviations_file\": \"%s\"", path);
    tp_pipeline *p = with_options(opts);
    ASSERT_SPLIT_WITH(p, "Sqn. Adeyemi paid Rs. 40 for Fol. 3 of it.", "Sqn. Adeyemi paid Rs. 40 for Fol. 3 of it.");
    tp_pipeline_free(p);
    unlink(path);
}
END_TEST

START_TEST(abbreviations_file_errors_say_where)
{
    char path[] = "/tmp/tp-abbrev-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("Sqn title\nRs currency\n", f);
    fclose(f);
    char json[512];
    snprintf(json, sizeof json,
             "{\"stages\": [{\"plugin\": \"sentence-split\", \"options\": {\"abbreviations_file\": \"%s\"}}]}", path);
    tp_diagnostics *d = tp_diagnostics_new();
    tp_pipeline *p = tp_pipeline_parse(rt, json, strlen(json), NULL, d);
    ck_assert_ptr_nonnull(p);
    tp_error err;
    tp_error_clear(&err);
    ck_assert_int_ne(tp_pipeline_start(p, &err), TP_OK);
    char where[600];
    snprintf(where, sizeof where, "%s:2:4", path);
    ck_assert_msg(strstr(err.message, where) && strstr(err.message, "currency"), "%s", err.message);
    tp_pipeline_free(p);
    tp_diagnostics_free(d);
    unlink(path);

    /* a missing file */
    d = tp_diagnostics_new();
    const char *missing =
        "{\"stages\": [{\"plugin\": \"sentence-split\", \"options\": {\"abbreviations_file\": \"/nonexistent/abbr.txt\"}}]}";
    p = tp_pipeline_parse(rt, missing, strlen(missing), NULL, d);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_ne(tp_pipeline_start(p, &err), TP_OK);
    ck_assert_msg(strstr(err.message, "/nonexistent/abbr.txt"), "%s", err.message);
    tp_pipeline_free(p);
    tp_diagnostics_free(d);
}
END_TEST

START_TEST(builtin_list_can_be_turned_off)
{
    tp_pipeline *p = with_options("\"builtin_abbreviations\": false");
    ASSERT_SPLIT_WITH(p, "Ask Dr. Moss.", "Ask Dr. | Moss.");
    tp_pipeline_free(p);
}
END_TEST

START_TEST(initials)
{
    ASSERT_SPLIT("Ruth B. Ginsburg and T.S. Eliot were cited by E. M. Forster.",
                 "Ruth B. Ginsburg and T.S. Eliot were cited by E. M. Forster.");
    ASSERT_SPLIT("The novelist F. Scott Fitzgerald wrote it.", "The novelist F. Scott Fitzgerald wrote it.");
    /* a capital letter after a common noun ends the sentence */
    ASSERT_SPLIT("They chose plan B. Critics objected.", "They chose plan B. | Critics objected.");
    ASSERT_SPLIT("said agency spokesman K. Osei said. Talks resumed.",
                 "said agency spokesman K. Osei said. | Talks resumed.");
    /* the pronoun I, then a typical first word */
    ASSERT_SPLIT("It was her and I. Then we left.", "It was her and I. | Then we left.");
}
END_TEST

START_TEST(initial_period_is_its_own_token_at_the_end)
{
    tp_doc *doc = harness_run(plain, "They chose plan B. Critics objected.");
    char *toks = harness_layer_texts(doc, "tokens", " ");
    ck_assert_str_eq(toks, "They chose plan B . Critics objected .");
    free(toks);
    tp_doc_free(doc);
}
END_TEST

START_TEST(times_of_day)
{
    ASSERT_SPLIT("Polls closed at 8 p.m. Counting began at once.", "Polls closed at 8 p.m. | Counting began at once.");
    ASSERT_SPLIT("Polls closed at 8 p.m. on Tuesday.", "Polls closed at 8 p.m. on Tuesday.");
    ASSERT_SPLIT("By 7 a.m. Gov. Ruiz had voted.", "By 7 a.m. Gov. Ruiz had voted.");
    ASSERT_SPLIT("The count ended at 11 p.m. Ms. Haddad then spoke.",
                 "The count ended at 11 p.m. | Ms. Haddad then spoke.");
    ASSERT_SPLIT("It starts at 9 a.m. Eastern time.", "It starts at 9 a.m. Eastern time.");
    ASSERT_SPLIT("The hearing is at 10 a.m. Friday. Lawyers will attend.",
                 "The hearing is at 10 a.m. Friday. | Lawyers will attend.");
}
END_TEST

START_TEST(numbers_and_decimals)
{
    ASSERT_SPLIT("Inflation hit 3.5 percent. Rates rose 0.25 points.",
                 "Inflation hit 3.5 percent. | Rates rose 0.25 points.");
    ASSERT_SPLIT("The fare is $2.75. Passes cost more.", "The fare is $2.75. | Passes cost more.");
    ASSERT_SPLIT("Turnout was 61. 40 people abstained.", "Turnout was 61. | 40 people abstained.");
}
END_TEST

START_TEST(ellipses)
{
    ASSERT_SPLIT("She waited... Then the phone rang.", "She waited... | Then the phone rang.");
    ASSERT_SPLIT("We could ... perhaps ... wait.", "We could ... perhaps ... wait.");
    ASSERT_SPLIT("It never ended…. The band played on.", "It never ended…. | The band played on.");
    ASSERT_SPLIT("He said . . . I forget what.", "He said . . . I forget what.");
    ASSERT_SPLIT("The rest is lost . . . . Later pages survive.", "The rest is lost . . . . | Later pages survive.");
}
END_TEST

START_TEST(quotes_and_parentheses)
{
    ASSERT_SPLIT("\"Is it safe?\" she asked.", "\"Is it safe?\" she asked.");
    ASSERT_SPLIT("“Run!” he shouted. They ran.", "“Run!” he shouted. | They ran.");
    ASSERT_SPLIT("He said, “We won.” The crowd cheered.", "He said, “We won.” | The crowd cheered.");
    ASSERT_SPLIT("'It works.' Engineers agreed.", "'It works.' | Engineers agreed.");
    ASSERT_SPLIT("The vote passed. (Two members abstained.) Debate resumed.",
                 "The vote passed. | (Two members abstained.) | Debate resumed.");
    ASSERT_SPLIT("The plan (announced in May.) was dropped.", "The plan (announced in May.) was dropped.");
    /* a quoted question or cry, then who said it */
    ASSERT_SPLIT("\"Who pays?\" Council member Rita Gomez asked. Nobody knew.",
                 "\"Who pays?\" Council member Rita Gomez asked. | Nobody knew.");
    ASSERT_SPLIT("\"Who pays?\" The room fell silent.", "\"Who pays?\" | The room fell silent.");
    /* “ used as a closing mark */
    ASSERT_SPLIT("He said “enough.“ Talks ended.", "He said “enough.“ | Talks ended.");
}
END_TEST

START_TEST(lists)
{
    ASSERT_SPLIT("1. Pack water 2. Charge phones 3. Leave early",
                 "1. Pack water | 2. Charge phones | 3. Leave early");
    ASSERT_SPLIT("1) Pack water. 2) Leave early.", "1) Pack water. | 2) Leave early.");
    ASSERT_SPLIT("a. Red b. Green c. Blue", "a. Red | b. Green | c. Blue");
    ASSERT_SPLIT("• Roads closed • Schools shut", "• Roads closed | • Schools shut");
    ASSERT_SPLIT("Bring:\n- water\n- a torch\n- spare batteries", "Bring: | - water | - a torch | - spare batteries");
    /* a number that is not the next item does not start one */
    ASSERT_SPLIT("1. Pack 5 boxes. 2. Leave", "1. Pack 5 boxes. | 2. Leave");
}
END_TEST

START_TEST(headlines_and_datelines)
{
    ASSERT_SPLIT("Storm hits coast\n\nHundreds were evacuated on Monday.",
                 "Storm hits coast | Hundreds were evacuated on Monday.");
    ASSERT_SPLIT("Floods close schools\nDistrict officials said every school in the valley would stay closed until the "
                 "water went down.",
                 "Floods close schools | District officials said every school in the valley would stay closed until "
                 "the water went down.");
    ASSERT_SPLIT("Wednesday, June 4, 2014 The council met again.", "Wednesday, June 4, 2014 | The council met again.");
    ASSERT_SPLIT("On Wednesday, June 4, 2014 the council met.", "On Wednesday, June 4, 2014 the council met.");
    ASSERT_SPLIT("Wednesday, June 4, 2014 Council members met again.",
                 "Wednesday, June 4, 2014 | Council members met again.");
    tp_pipeline *p = with_options("\"datelines\": false");
    ASSERT_SPLIT_WITH(p, "Wednesday, June 4, 2014 Council members met again.",
                      "Wednesday, June 4, 2014 Council members met again.");
    tp_pipeline_free(p);
}
END_TEST

START_TEST(credit_lines_and_captions)
{
    ASSERT_SPLIT("A flooded street in Leeds Image: City Council.", "A flooded street in Leeds | Image: City Council.");
    ASSERT_SPLIT("Results by district In the north, turnout fell.",
                 "Results by district | In the north, turnout fell.");
    ASSERT_SPLIT("She starred in Lost In Space.", "She starred in Lost In Space.");
}
END_TEST

START_TEST(line_breaks_auto)
{
    /* wrapped prose: a line break inside a sentence */
    ASSERT_SPLIT("The committee met on Tuesday to discuss\nthe budget for the coming year.",
                 "The committee met on Tuesday to discuss\nthe budget for the coming year.");
    /* lines without final punctuation: each is a unit */
    ASSERT_SPLIT("apples\npears and plums\nfigs\n", "apples | pears and plums | figs");
}
END_TEST

START_TEST(line_breaks_always_and_never)
{
    const char *text = "The committee met on Tuesday to discuss the budget\nFor the coming year it wants more.";
    tp_pipeline *always = with_options("\"newlines\": \"always\"");
    tp_pipeline *never = with_options("\"newlines\": \"never\"");
    ASSERT_SPLIT_WITH(always, text,
                      "The committee met on Tuesday to discuss the budget | For the coming year it wants more.");
    ASSERT_SPLIT_WITH(never, text, "The committee met on Tuesday to discuss the budget\nFor the coming year it wants more.");
    /* a blank line ends a sentence whatever the option */
    ASSERT_SPLIT_WITH(never, "one\n\ntwo", "one | two");
    tp_pipeline_free(always);
    tp_pipeline_free(never);
}
END_TEST

START_TEST(missing_spaces)
{
    ASSERT_SPLIT("The bill passed.Opponents vowed to appeal.", "The bill passed. | Opponents vowed to appeal.");
    ASSERT_SPLIT("It sold 2,000.Buyers queued.", "It sold 2,000. | Buyers queued.");
    ASSERT_SPLIT("Visit example.com today.", "Visit example.com today.");
}
END_TEST

START_TEST(addresses_at_the_end)
{
    ASSERT_SPLIT("Mail tips@paper.example.org. We read all.", "Mail tips@paper.example.org. | We read all.");
    ASSERT_SPLIT("Read https://paper.example.org/x.html. It explains.",
                 "Read https://paper.example.org/x.html. | It explains.");
}
END_TEST

START_TEST(max_sentence_length)
{
    tp_pipeline *p = with_options("\"max_sentence_length\": 40");
    const char *text = "The river rose all night, the levee held until dawn; then it broke, and the town flooded.";
    tp_doc *doc = harness_run(p, text);
    tp_layer *l = tp_doc_layer(doc, "sentences");
    ck_assert_uint_ge(tp_layer_size(l), 3);
    const tp_span *s = tp_layer_spans(l);
    for (size_t i = 0; i < tp_layer_size(l); i++)
        ck_assert_uint_le(s[i].end - s[i].start, 40);
    char *got = harness_layer_texts(doc, "sentences", " | ");
    ck_assert_str_eq(got, "The river rose all night, | the levee held until dawn; | then it broke, and the town "
                          "flooded.");
    free(got);
    tp_doc_free(doc);
    tp_pipeline_free(p);
    /* 0: no limit */
    p = with_options("\"max_sentence_length\": 0");
    ASSERT_SPLIT_WITH(p, text, text);
    tp_pipeline_free(p);
}
END_TEST

START_TEST(sentences_are_trimmed_and_ordered)
{
    const char *text = "  First one.   Second one?\n\n  \"Third,\" he said.  \n";
    tp_doc *doc = harness_run(plain, text);
    tp_layer *l = tp_doc_layer(doc, "sentences");
    ck_assert_uint_eq(tp_layer_size(l), 3);
    ck_assert_uint_eq(tp_layer_flags(l) & TP_LAYER_HIDDEN, 0);
    const tp_span *s = tp_layer_spans(l);
    size_t prev = 0;
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_ge(s[i].start, prev);
        ck_assert(text[s[i].start] != ' ' && text[s[i].end - 1] != ' ' && text[s[i].end - 1] != '\n');
        prev = s[i].end;
    }
    tp_doc_free(doc);
}
END_TEST

/* Many documents through one pipeline: buffers are reused, results equal. */
START_TEST(documents_are_independent)
{
    for (int r = 0; r < 50; r++) {
        ASSERT_SPLIT("One. Two.", "One. | Two.");
        ASSERT_SPLIT("A much longer text, to grow the buffers. It has three sentences. Really.",
                     "A much longer text, to grow the buffers. | It has three sentences. | Really.");
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sentence-split sentences");
    TCase *tc = tcase_create("sentences");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, final_punctuation);
    tcase_add_test(tc, abbreviations_and_titles);
    tcase_add_test(tc, extra_abbreviations_option);
    tcase_add_test(tc, extra_titles_option);
    tcase_add_test(tc, abbreviations_file_option);
    tcase_add_test(tc, abbreviations_file_errors_say_where);
    tcase_add_test(tc, builtin_list_can_be_turned_off);
    tcase_add_test(tc, initials);
    tcase_add_test(tc, initial_period_is_its_own_token_at_the_end);
    tcase_add_test(tc, times_of_day);
    tcase_add_test(tc, numbers_and_decimals);
    tcase_add_test(tc, ellipses);
    tcase_add_test(tc, quotes_and_parentheses);
    tcase_add_test(tc, lists);
    tcase_add_test(tc, headlines_and_datelines);
    tcase_add_test(tc, credit_lines_and_captions);
    tcase_add_test(tc, line_breaks_auto);
    tcase_add_test(tc, line_breaks_always_and_never);
    tcase_add_test(tc, missing_spaces);
    tcase_add_test(tc, addresses_at_the_end);
    tcase_add_test(tc, max_sentence_length);
    tcase_add_test(tc, sentences_are_trimmed_and_ordered);
    tcase_add_test(tc, documents_are_independent);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return harness_main(suite());
}
