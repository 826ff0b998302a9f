/* test_entity_tag.c - the entity-tag stage's rules, one test per rule, on
 * sentences written for these tests.  The toy tokenizer (toy-tokens.c)
 * provides tokens and sentences, so that a change in sentence-split cannot
 * make these fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

static tp_runtime *rt;

/* Each test gets its own runtime (a checked fixture runs inside the test). */
static void setup(void)
{
    rt = harness_runtime();
}

static void teardown(void)
{
    tp_runtime_free(rt);
    rt = NULL;
}

static tp_pipeline *pipeline_with(const char *options)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{\"name\": \"t\", \"stages\": [{\"plugin\": \"toy-tokens\"}, {\"plugin\": \"entity-tag\", "
             "\"options\": %s}]}",
             options);
    return harness_pipeline(rt, json);
}

/* "LABEL:text|LABEL:text" of the entities of @p text under @p options. */
static char *tag_with(const char *options, const char *text)
{
    tp_pipeline *p = pipeline_with(options);
    tp_doc *doc = harness_run(p, text);
    char *s = harness_labeled_texts(doc, "entities");
    tp_doc_free(doc);
    tp_pipeline_free(p);
    return s;
}

static char *tag(const char *text)
{
    return tag_with("{}", text);
}

#define EXPECT_WITH(options, text, want)                                                                       \
    do {                                                                                                       \
        char *got_ = tag_with((options), (text));                                                              \
        ck_assert_msg(strcmp(got_, (want)) == 0, "%s\n  want: %s\n  got:  %s", (text), (want), got_);        \
        free(got_);                                                                                            \
    } while (0)
#define EXPECT(text, want) EXPECT_WITH("{}", (text), (want))

/* The canonical names of the entities, "|"-joined. */
static char *canonicals(const char *text)
{
    tp_pipeline *p = pipeline_with("{}");
    tp_doc *doc = harness_run(p, text);
    tp_layer *l = tp_doc_layer(doc, "entities");
    ck_assert_ptr_nonnull(l);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_append(&b, "", 0);
    for (size_t i = 0; i < tp_layer_size(l); i++) {
        size_t n;
        const char *c = tp_span_get_string(&tp_layer_spans(l)[i], "canonical", &n);
        ck_assert_msg(c != NULL, "entity %zu has no canonical", i);
        if (i)
            tp_buf_append(&b, "|", 1);
        tp_buf_append(&b, c, n);
    }
    tp_doc_free(doc);
    tp_pipeline_free(p);
    return b.data;
}

START_TEST(lists_give_places_groups_and_organizations)
{
    EXPECT("Officials in Lima met envoys from Kenya and Portuguese diplomats at the World Bank.",
           "GPE:Lima|GPE:Kenya|NORP:Portuguese|ORG:World Bank");
    EXPECT("Ships crossed the Baltic Sea toward Latin American ports.", "LOC:Baltic Sea|NORP:Latin American");
}
END_TEST

START_TEST(possessive_is_left_out)
{
    EXPECT("Chile's president and Peru’s cabinet met.", "GPE:Chile|GPE:Peru");
}
END_TEST

START_TEST(person_names_from_first_names_and_surnames)
{
    EXPECT("Yesterday a court heard Margaret Oyelaran and Thomas Whitcombe.",
           "DATE:Yesterday|PERSON:Margaret Oyelaran|PERSON:Thomas Whitcombe");
}
END_TEST

START_TEST(titles_are_not_part_of_the_name)
{
    EXPECT("The bill was backed by Sen. Harriet Okonkwo and Vice President Daniel Ferraro.",
           "PERSON:Harriet Okonkwo|PERSON:Daniel Ferraro");
    EXPECT("Talks were led by Secretary of Foreign Affairs Lucia Ferreira.", "PERSON:Lucia Ferreira");
    EXPECT("A letter reached ex-President Tomas Albescu.", "PERSON:Tomas Albescu");
}
END_TEST

START_TEST(nationality_title_and_name_split)
{
    EXPECT("Kenyan President Samuel Mwangi arrived late.", "NORP:Kenyan|PERSON:Samuel Mwangi");
}
END_TEST

START_TEST(title_before_an_unknown_name)
{
    EXPECT("Reporters waited for Mr. Zbrovsky outside.", "PERSON:Zbrovsky");
    EXPECT("The decision fell to president Okafor alone.", "PERSON:Okafor");
}
END_TEST

START_TEST(name_particles_stay_inside)
{
    EXPECT("The painting was sold by Pieter van der Weyden last year.",
           "PERSON:Pieter van der Weyden|DATE:last year");
    EXPECT("A statement from Hassan al-Tamimi followed.", "PERSON:Hassan al-Tamimi");
}
END_TEST

START_TEST(organization_heads_and_suffixes)
{
    EXPECT("Shares of Brightwater Holdings fell after Quillon Corp. reported losses.",
           "ORG:Brightwater Holdings|ORG:Quillon Corp.");
    EXPECT("The case went to the Regional Court of Appeals and the Ministry of Fisheries.",
           "ORG:Regional Court of Appeals|ORG:Ministry of Fisheries");
}
END_TEST

START_TEST(place_heads)
{
    EXPECT("Hikers climbed Mount Kessel above the Blackwater River.", "LOC:Mount Kessel|LOC:Blackwater River");
    EXPECT("Floods hit Harwick County again.", "GPE:Harwick County");
}
END_TEST

START_TEST(accents_and_case_do_not_matter_for_lists)
{
    /* Bogotá is listed with its accent; the text leaves it out */
    EXPECT("Flights to Bogota resumed.", "GPE:Bogota");
    EXPECT("Flights to Bogotá resumed.", "GPE:Bogotá");
}
END_TEST

START_TEST(sentence_initial_capitals)
{
    EXPECT("Police arrested two men.", "");
    EXPECT("Officials said nothing.", "");
    EXPECT("Will Parker called twice.", "PERSON:Will Parker");
}
END_TEST

START_TEST(headlines_in_capitals)
{
    EXPECT("PERU AND BOLIVIA SIGN TRADE DEAL", "GPE:PERU|GPE:BOLIVIA");
}
END_TEST

START_TEST(later_short_mention_takes_the_type)
{
    EXPECT("Marta Kowalczyk won the race. Kowalczyk thanked her fans.",
           "PERSON:Marta Kowalczyk|PERSON:Kowalczyk");
    /* a country name that is also a person's surname, once that person is known */
    EXPECT("Paula Jordan spoke first. Then Jordan left.", "PERSON:Paula Jordan|PERSON:Jordan");
}
END_TEST

START_TEST(canonical_groups_mentions)
{
    char *c = canonicals("Ana María Núñez Ortega arrived. Later Nunez Ortega spoke, and Núñez Ortega left.");
    ck_assert_str_eq(c, "Ana María Núñez Ortega|Ana María Núñez Ortega|Ana María Núñez Ortega");
    free(c);
    c = canonicals("Troops left the U.S. and Britain.");
    ck_assert_str_eq(c, "United States|United Kingdom");
    free(c);
}
END_TEST

START_TEST(well_known_people_alone)
{
    /* a headline gives no first name, and "Trump" is also an English word */
    EXPECT("Merkel meets Macron as Trump waits", "PERSON:Merkel|PERSON:Macron|PERSON:Trump");
    char *c = canonicals("Merkel meets Macron as Trump waits");
    ck_assert_str_eq(c, "Angela Merkel|Emmanuel Macron|Donald Trump");
    free(c);
    /* a listed surname ends another person's name, whose later mentions it then names */
    EXPECT("Michelle Obama spoke. Obama left.", "PERSON:Michelle Obama|PERSON:Obama");
    c = canonicals("Michelle Obama spoke. Obama left.");
    ck_assert_str_eq(c, "Michelle Obama|Michelle Obama");
    free(c);
    /* the title stays outside the name */
    EXPECT("Pope Francis spoke.", "PERSON:Francis");
}
END_TEST

START_TEST(acronym_after_a_name)
{
    char *got = tag("The Agency for Coastal Safety (ACS) warned ships. ACS said more.");
    ck_assert_str_eq(got, "ORG:Agency for Coastal Safety|ORG:ACS|ORG:ACS");
    free(got);
    char *c = canonicals("The Agency for Coastal Safety (ACS) warned ships. ACS said more.");
    ck_assert_str_eq(c, "Agency for Coastal Safety|Agency for Coastal Safety|Agency for Coastal Safety");
    free(c);
}
END_TEST

START_TEST(context_makes_a_person)
{
    EXPECT("The plan was drafted by Vantreska, who chairs the panel.", "PERSON:Vantreska");
    EXPECT("Later that day, Oduya, 47, was released.", "PERSON:Oduya");
    EXPECT("It works, Drobnik explained.", "PERSON:Drobnik");
}
END_TEST

START_TEST(dates_and_times)
{
    EXPECT("He served between 2013 and 2017 and resigned on Friday.",
           "DATE:between 2013 and 2017|DATE:Friday");
    EXPECT("The vote is this week, the count tonight.", "DATE:this week|TIME:tonight");
    EXPECT("It opened on March 3, 2021 at 10:30 a.m.", "DATE:March 3, 2021|TIME:10:30 a.m.");
    EXPECT("Prices rose two years ago.", "DATE:two years ago");
}
END_TEST

START_TEST(money_and_percent)
{
    EXPECT("The deal is worth $4.5 million, up 12% from 200 euros and 30 percent more.",
           "MONEY:$4.5 million|PERCENT:12%|MONEY:200 euros|PERCENT:30 percent");
}
END_TEST

/* Currency signs, and tokens that start like one but are none. */
START_TEST(currency_signs)
{
    EXPECT("It cost C$ 6 then A$ 7 and R$ 8.", "MONEY:C$ 6|MONEY:A$ 7|MONEY:R$ 8");
    EXPECT("It cost S$ 11 and $ 12.", "MONEY:S$ 11|MONEY:$ 12");
    EXPECT("It cost €13 then £14 then ¥15 and ₹16.", "MONEY:€13|MONEY:£14|MONEY:¥15|MONEY:₹16");
    EXPECT("It cost ₩17 then ₽18 then ₺19, ₴20 and ₦21.",
           "MONEY:₩17|MONEY:₽18|MONEY:₺19|MONEY:₴20|MONEY:₦21");
    /* capitals and quotes that start like a sign */
    EXPECT("Sales in 24 Units rose “25” times.", "");
}
END_TEST

/* The word sets (number words, relative words) against words just like them. */
START_TEST(number_and_relative_words)
{
    EXPECT("Three weeks ago, a dozen years later, many years earlier.", "DATE:Three weeks ago|DATE:dozen years later");
    EXPECT("They met several days ago and a few months later.", "DATE:several days ago|DATE:few months later");
    EXPECT("It grew 40 percent in the past five days.", "PERCENT:40 percent|DATE:the past five days");
    EXPECT("In the following month and the current year.", "DATE:the following month|DATE:the current year");
    EXPECT("It is the thirteenth week of the presently quiet year.", "");
}
END_TEST

START_TEST(acronyms_and_brands)
{
    EXPECT("Engineers at ZQX and StreamLoop agreed.", "ORG:ZQX|ORG:StreamLoop");
    EXPECT("The CEO appeared on TV.", "");
}
END_TEST

START_TEST(quoted_titles_are_works)
{
    EXPECT("She sang \"Golden Harbor Lights\" at the show.", "");
}
END_TEST

START_TEST(option_labels)
{
    char *got = tag_with("{\"labels\": [\"PERSON\", \"DATE\"]}", "Margaret Oyelaran flew to Lima on Friday.");
    ck_assert_str_eq(got, "PERSON:Margaret Oyelaran|DATE:Friday");
    free(got);
}
END_TEST

/* The folder write_list() puts its files in: made on first use. */
static char list_dir[256];

static char *write_list(const char *name, const char *content)
{
    char *dir = list_dir;
    if (!dir[0]) {
        snprintf(dir, sizeof list_dir, "%s/et-test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        ck_assert_ptr_nonnull(mkdtemp(dir));
    }
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(content, f);
    fclose(f);
    return path;
}

/* Remove and free a file of write_list(), and its folder once it is empty
 * (a test run leaves nothing in TMPDIR). */
static void drop_list(char *path)
{
    ck_assert_int_eq(unlink(path), 0);
    free(path);
    if (list_dir[0] && rmdir(list_dir) == 0)
        list_dir[0] = '\0';
}

START_TEST(option_user_gazetteers)
{
    char *orgs = write_list("orgs.txt", "# my organizations\nzorblax dynamics\tZorblax Dynamics Ltd\n");
    char *none = write_list("none.txt", "Kenya\n");
    char opts[1024];
    snprintf(opts, sizeof opts,
             "{\"gazetteers\": [{\"label\": \"ORG\", \"file\": \"%s\"}, {\"label\": \"NONE\", \"file\": \"%s\"}]}",
             orgs, none);
    char *got = tag_with(opts, "Engineers from Zorblax Dynamics flew to Kenya and Lima.");
    ck_assert_str_eq(got, "ORG:Zorblax Dynamics|GPE:Lima");
    free(got);
    tp_pipeline *p = pipeline_with(opts);
    tp_doc *doc = harness_run(p, "Zorblax Dynamics grew.");
    tp_layer *l = tp_doc_layer(doc, "entities");
    ck_assert_uint_eq(tp_layer_size(l), 1);
    ck_assert_str_eq(tp_span_get_string(&tp_layer_spans(l)[0], "canonical", NULL), "Zorblax Dynamics Ltd");
    tp_doc_free(doc);
    tp_pipeline_free(p);
    drop_list(orgs);
    drop_list(none);
}
END_TEST

START_TEST(option_case_sensitive)
{
    char *got = tag_with("{\"case_sensitive\": true}", "Flights to LIMA and Lima resumed.");
    ck_assert_str_eq(got, "GPE:Lima");
    free(got);
    got = tag("Flights to LIMA and Lima resumed.");
    ck_assert_str_eq(got, "GPE:LIMA|GPE:Lima");
    free(got);
}
END_TEST

/* "text>canonical" of each span with a "mention" attribute ("-" for no
 * canonical), "|"-joined; asserts that each is a PERSON "pronoun". */
static char *pronoun_referents(const char *text)
{
    tp_pipeline *p = pipeline_with("{\"pronouns\": true}");
    tp_doc *doc = harness_run(p, text);
    tp_layer *l = tp_doc_layer(doc, "entities");
    ck_assert_ptr_nonnull(l);
    size_t len;
    const char *t = tp_layer_text(l, &len);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_append(&b, "", 0);
    for (size_t i = 0; i < tp_layer_size(l); i++) {
        const tp_span *s = &tp_layer_spans(l)[i];
        const char *kind = tp_span_get_string(s, "mention", NULL);
        if (!kind)
            continue;
        ck_assert_str_eq(kind, "pronoun");
        ck_assert_str_eq(s->label, "PERSON");
        size_t n;
        const char *c = tp_span_get_string(s, "canonical", &n);
        if (b.len)
            tp_buf_append(&b, "|", 1);
        tp_buf_append(&b, t + s->start, s->end - s->start);
        tp_buf_append(&b, ">", 1);
        tp_buf_append(&b, c ? c : "-", c ? n : 1);
    }
    tp_doc_free(doc);
    tp_pipeline_free(p);
    return b.data;
}

#define EXPECT_REFERENTS(text, want)                                                                           \
    do {                                                                                                       \
        char *got_ = pronoun_referents(text);                                                                  \
        ck_assert_msg(strcmp(got_, (want)) == 0, "%s\n  want: %s\n  got:  %s", (text), (want), got_);        \
        free(got_);                                                                                            \
    } while (0)

START_TEST(option_pronouns)
{
    const char *text = "Margaret Oyelaran flew to Lima. She said her trip went well, and Oyelaran thanked him.";
    /* off by default: pronouns are not names */
    EXPECT(text, "PERSON:Margaret Oyelaran|GPE:Lima|PERSON:Oyelaran");
    char *got = tag_with("{\"pronouns\": true}", text);
    ck_assert_str_eq(got, "PERSON:Margaret Oyelaran|GPE:Lima|PERSON:She|PERSON:her|PERSON:Oyelaran|PERSON:him");
    free(got);
    /* each refers to the person named last before it whose first name or
     * title does not say the other gender */
    EXPECT_REFERENTS("Margaret Oyelaran met Tomas Brandt. He thanked her, and Oyelaran praised HIM.",
                     "He>Tomas Brandt|her>Margaret Oyelaran|HIM>Tomas Brandt");
    EXPECT_REFERENTS("Mrs. Okafor met Mr Quillan. She spoke first, then he did.", "She>Okafor|he>Quillan");
    /* a name that tells no gender ("Kim" is given to girls and boys) takes either */
    EXPECT_REFERENTS("Tomas Brandt met Kim Oyelaran. She spoke, then he did.", "She>Kim Oyelaran|he>Kim Oyelaran");
    /* nobody named before, or only three sentences back: no referent */
    EXPECT_REFERENTS("He left. Margaret Oyelaran stayed. It rained. It snowed. Then she went home.", "He>-|she>-");
    EXPECT_REFERENTS("Margaret Oyelaran stayed. It rained. Then she went home herself.",
                     "she>Margaret Oyelaran|herself>Margaret Oyelaran");
    /* without PERSON among the labels there are no pronoun mentions either */
    got = tag_with("{\"pronouns\": true, \"labels\": [\"GPE\"]}", text);
    ck_assert_str_eq(got, "GPE:Lima");
    free(got);
    /* words that merely contain a pronoun are not one */
    got = tag_with("{\"pronouns\": true}", "Hershey and Shell heard the herald.");
    ck_assert_msg(strstr(got, "PERSON:her") == NULL && strstr(got, "PERSON:he") == NULL, "%s", got);
    free(got);
}
END_TEST

START_TEST(option_guess_people)
{
    const char *on = "{\"guess_people\": true}";
    const char *text = "Zbrelnik approved it. The deal pleased Zbrelnik, and then the Zbrelnik plan failed.";
    /* off by default: a word no list or rule knows may be anything */
    EXPECT(text, "");
    EXPECT_WITH(on, text, "PERSON:Zbrelnik|PERSON:Zbrelnik|PERSON:Zbrelnik");
    /* not what is shaped like something else: capitals, an acronym's plural,
     * a digit, "the" before a function word */
    EXPECT_WITH(on, "It pleased ZBRELNIK, ZBLs, Zbrelnik2 and the Zbrelnik of old.", "");
    /* nor, at a sentence's start, a common word (though also a surname), a plural or an adverb */
    EXPECT_WITH(on, "Police left. Zbrelniks stayed. Zbrelnikly, it rained.", "");
    /* the known rules still come first: a place after "in" stays one */
    EXPECT_WITH(on, "Talks in Wexley pleased Zbrelnik.", "GPE:Wexley|PERSON:Zbrelnik");
}
END_TEST

/* Start a pipeline that must fail; return the error message (static). */
static const char *start_error(const char *options)
{
    static char msg[TP_ERROR_MESSAGE_MAX];
    char json[2048];
    snprintf(json, sizeof json,
             "{\"name\": \"t\", \"stages\": [{\"plugin\": \"toy-tokens\"}, {\"plugin\": \"entity-tag\", "
             "\"options\": %s}]}",
             options);
    tp_diagnostics *diags = tp_diagnostics_new();
    tp_pipeline *p = tp_pipeline_parse(rt, json, strlen(json), "t.json", diags);
    ck_assert_msg(p != NULL, "the pipeline itself should parse");
    tp_error err;
    tp_error_clear(&err);
    ck_assert_int_ne(tp_pipeline_start(p, &err), TP_OK);
    snprintf(msg, sizeof msg, "%s", err.message);
    tp_pipeline_free(p);
    tp_diagnostics_free(diags);
    return msg;
}

START_TEST(option_errors_say_where)
{
    const char *m = start_error("{\"labels\": [\"PERSON\", \"PEOPLE\"]}");
    ck_assert_msg(strstr(m, "labels") && strstr(m, "PEOPLE"), "%s", m);
    m = start_error("{\"gazetteers\": [{\"label\": \"ORG\", \"file\": \"/nonexistent/x.txt\"}]}");
    ck_assert_msg(strstr(m, "/nonexistent/x.txt") && strstr(m, "gazetteers[0]"), "%s", m);
    m = start_error("{\"gazetteers\": [{\"label\": \"COMPANY\", \"file\": \"x.txt\"}]}");
    ck_assert_msg(strstr(m, "gazetteers[0].label") && strstr(m, "COMPANY"), "%s", m);
    m = start_error("{\"gazetteers\": [{\"label\": \"ORG\", \"path\": \"x.txt\"}]}");
    ck_assert_msg(strstr(m, "gazetteers[0]"), "%s", m);
    char *bad = write_list("bad.txt", "Good Name\n---\n");
    char opts[512];
    snprintf(opts, sizeof opts, "{\"gazetteers\": [{\"label\": \"ORG\", \"file\": \"%s\"}]}", bad);
    m = start_error(opts);
    ck_assert_msg(strstr(m, ":2:") != NULL, "line number expected: %s", m);
    drop_list(bad);
}
END_TEST

START_TEST(empty_and_plain_documents)
{
    EXPECT("", "");
    EXPECT("nothing to see here at all", "");
    EXPECT("...", "");
}
END_TEST

START_TEST(spans_are_ordered_and_disjoint)
{
    tp_pipeline *p = pipeline_with("{}");
    tp_doc *doc = harness_run(p, "On Friday, Kenyan President Samuel Mwangi told CNN in Lima that Mwangi and "
                                 "the World Bank agreed on $3 billion, 5% of GDP, between 2019 and 2021.");
    tp_layer *l = tp_doc_layer(doc, "entities");
    ck_assert_uint_ge(tp_layer_size(l), 8);
    const tp_span *s = tp_layer_spans(l);
    for (size_t i = 1; i < tp_layer_size(l); i++)
        ck_assert_msg(s[i].start >= s[i - 1].end, "span %zu overlaps the one before", i);
    tp_doc_free(doc);
    tp_pipeline_free(p);
}
END_TEST

/* Tokens made by hand through the public API, as another tokenizer might
 * make them: entity-tag must only rely on the contract of docs/plugin-guide.md. */
static tp_doc *doc_with_tokens(const char *text, const size_t (*tok)[2], size_t n)
{
    tp_error err;
    tp_doc *doc = tp_doc_new();
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(tp_doc_set_text(doc, text, strlen(text), TP_UTF8_STRICT, &err), TP_OK);
    tp_layer *tl = tp_doc_add_layer(doc, "tokens", TP_LAYER_HIDDEN, &err);
    tp_layer *sl = tp_doc_add_layer(doc, "sentences", 0, &err);
    ck_assert_ptr_nonnull(tl);
    ck_assert_ptr_nonnull(sl);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_ge(tp_layer_add(tl, tok[i][0], tok[i][1], NULL, &err), 0);
    ck_assert_int_ge(tp_layer_add(sl, 0, strlen(text), NULL, &err), 0);
    return doc;
}

static char *run_entity_tag_only(tp_doc *doc)
{
    tp_pipeline *p = pipeline_with("{}");
    tp_error err;
    tp_error_clear(&err);
    /* stage 1 is entity-tag: run it alone on the hand-made layers */
    ck_assert_msg(tp_pipeline_process_stage(p, 1, doc, &err) == TP_OK, "%s", err.message);
    char *s = harness_labeled_texts(doc, "entities");
    tp_pipeline_free(p);
    return s;
}

START_TEST(hand_made_tokens)
{
    /* "Chile's" left whole, "Peru" and "." separate */
    const char *text = "Troops left Chile's north and Peru.";
    const size_t tok[][2] = {{0, 6}, {7, 11}, {12, 19}, {20, 25}, {26, 29}, {30, 34}, {34, 35}};
    tp_doc *doc = doc_with_tokens(text, tok, 7);
    char *got = run_entity_tag_only(doc);
    ck_assert_str_eq(got, "GPE:Peru");
    free(got);
    tp_doc_free(doc);
}
END_TEST

START_TEST(tokens_against_the_contract_are_skipped)
{
    /* an overlapping token and an empty one: no crash, no overlapping entities */
    const char *text = "Margaret Oyelaran met Lima officials.";
    const size_t tok[][2] = {{0, 8}, {9, 17}, {5, 12}, {18, 21}, {22, 22}, {22, 26}, {27, 36}, {36, 37}};
    tp_doc *doc = doc_with_tokens(text, tok, 8);
    char *got = run_entity_tag_only(doc);
    ck_assert_str_eq(got, "PERSON:Margaret Oyelaran|GPE:Lima");
    free(got);
    tp_doc_free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("entity-tag");
    TCase *tc = tcase_create("rules");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, lists_give_places_groups_and_organizations);
    tcase_add_test(tc, possessive_is_left_out);
    tcase_add_test(tc, person_names_from_first_names_and_surnames);
    tcase_add_test(tc, titles_are_not_part_of_the_name);
    tcase_add_test(tc, well_known_people_alone);
    tcase_add_test(tc, nationality_title_and_name_split);
    tcase_add_test(tc, title_before_an_unknown_name);
    tcase_add_test(tc, name_particles_stay_inside);
    tcase_add_test(tc, organization_heads_and_suffixes);
    tcase_add_test(tc, place_heads);
    tcase_add_test(tc, accents_and_case_do_not_matter_for_lists);
    tcase_add_test(tc, sentence_initial_capitals);
    tcase_add_test(tc, headlines_in_capitals);
    tcase_add_test(tc, later_short_mention_takes_the_type);
    tcase_add_test(tc, canonical_groups_mentions);
    tcase_add_test(tc, acronym_after_a_name);
    tcase_add_test(tc, context_makes_a_person);
    tcase_add_test(tc, dates_and_times);
    tcase_add_test(tc, money_and_percent);
    tcase_add_test(tc, currency_signs);
    tcase_add_test(tc, number_and_relative_words);
    tcase_add_test(tc, acronyms_and_brands);
    tcase_add_test(tc, quoted_titles_are_works);
    suite_add_tcase(s, tc);
    TCase *opt = tcase_create("options");
    tcase_add_checked_fixture(opt, setup, teardown);
    tcase_add_test(opt, option_labels);
    tcase_add_test(opt, option_user_gazetteers);
    tcase_add_test(opt, option_case_sensitive);
    tcase_add_test(opt, option_pronouns);
    tcase_add_test(opt, option_guess_people);
    tcase_add_test(opt, option_errors_say_where);
    tcase_add_test(opt, empty_and_plain_documents);
    tcase_add_test(opt, spans_are_ordered_and_disjoint);
    tcase_add_test(opt, hand_made_tokens);
    tcase_add_test(opt, tokens_against_the_contract_are_skipped);
    suite_add_tcase(s, opt);
    return harness_main(s);
}
