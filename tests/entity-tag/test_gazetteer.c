/* test_gazetteer.c - the compiled word lists: folding, the table built in
 * memory and written out, prefix keys, and refusal of damaged files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "fold.h"
#include "gazetteer.h"

static char *folded(const char *s, int keep_case)
{
    size_t n = strlen(s);
    char *out = malloc(ET_FOLD_MAX(n) + 1);
    ck_assert_ptr_nonnull(out);
    out[et_fold(s, n, out, keep_case)] = '\0';
    return out;
}

#define FOLDS(in, keep, want)                                                                                  \
    do {                                                                                                       \
        char *f_ = folded(in, keep);                                                                           \
        ck_assert_msg(strcmp(f_, want) == 0, "fold(%s) = \"%s\", want \"%s\"", in, f_, want);                \
        free(f_);                                                                                              \
    } while (0)

START_TEST(fold_case_accents_and_punctuation)
{
    FOLDS("López Obrador", 0, "lopez obrador");
    FOLDS("LOPEZ  obrador", 0, "lopez obrador");
    FOLDS("U.S.", 0, "u s");
    FOLDS("Mexico’s", 0, "mexico s");
    FOLDS("al-Assad", 0, "al assad");
    FOLDS("Łódź Øresund Straße", 0, "lodz oresund strasse");
    FOLDS("  ...  ", 0, "");
    FOLDS("Bárcena", 1, "Barcena");
    FOLDS("ＡＢＣ", 0, "abc"); /* full-width letters: compatibility folding */
}
END_TEST

START_TEST(fold_token_by_token_equals_whole)
{
    /* what the tagger does: fold each token, join the non-empty ones with a space */
    const char *tokens[] = {"People", "’s", "Republic", "of", "China"};
    char joined[256] = "";
    for (size_t i = 0; i < 5; i++) {
        char *f = folded(tokens[i], 0);
        if (*f) {
            size_t used = strlen(joined);
            snprintf(joined + used, sizeof joined - used, "%s%s", *joined ? " " : "", f);
        }
        free(f);
    }
    char *whole = folded("People's Republic of China", 0);
    ck_assert_str_eq(joined, whole);
    free(whole);
}
END_TEST

static et_gaz build(void)
{
    et_builder *b = et_builder_new();
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(et_builder_add(b, "United States of America", 24, "United States", 13, ET_COUNTRY), 0);
    ck_assert_int_eq(et_builder_add(b, "US", 2, "United States", 13, ET_COUNTRY), 0);
    ck_assert_int_eq(et_builder_add(b, "us", 2, NULL, 0, ET_FUNCTION), 0);
    ck_assert_int_eq(et_builder_add(b, "Jordan", 6, NULL, 0, ET_COUNTRY), 0);
    ck_assert_int_eq(et_builder_add(b, "JORDAN", 6, NULL, 0, ET_SURNAME), 0);
    ck_assert_int_eq(et_builder_add(b, "--", 2, NULL, 0, ET_ORG), 1); /* folds to nothing */
    unsigned char *img;
    size_t size;
    ck_assert_int_eq(et_builder_image(b, &img, &size), 0);
    et_builder_free(b);
    et_gaz g;
    char msg[256];
    ck_assert_msg(et_gaz_adopt(&g, img, size, msg, sizeof msg) == 0, "%s", msg);
    return g;
}

static const et_entry *find(const et_gaz *g, const char *key)
{
    return et_gaz_find(g, et_hash_add(ET_HASH_INIT, key, strlen(key)), key, strlen(key));
}

START_TEST(table_merges_flags_and_keeps_names)
{
    et_gaz g = build();
    const et_entry *e = find(&g, "jordan");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->flags & ET_COUNTRY);
    ck_assert(e->flags & ET_SURNAME);
    size_t n;
    const char *form = et_gaz_str(&g, e->form, &n);
    ck_assert_str_eq(form, "Jordan"); /* the entity list's form, not the surname list's */
    e = find(&g, "us");
    ck_assert(e->flags & ET_FUNCTION && e->flags & ET_COUNTRY && e->flags & ET_ACRONYM);
    ck_assert_str_eq(et_gaz_str(&g, e->canon, NULL), "United States");
    ck_assert_ptr_null(find(&g, "canada"));
    et_gaz_close(&g);
}
END_TEST

START_TEST(table_has_prefix_keys)
{
    et_gaz g = build();
    const et_entry *e = find(&g, "united states");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->flags & ET_PREFIX);
    ck_assert(!(e->flags & ET_COUNTRY)); /* only a prefix here */
    e = find(&g, "united states of america");
    ck_assert(e->flags & ET_COUNTRY);
    ck_assert(!(e->flags & ET_PREFIX));
    et_gaz_close(&g);
}
END_TEST

static uint64_t small_flags(const et_gaz *g, const char *key)
{
    return et_gaz_small_flags(g, et_hash_add(ET_HASH_INIT, key, strlen(key)));
}

/* The small table's flags-only lookup gives what its slot lookup gives. */
START_TEST(small_table_flags)
{
    et_gaz g = build();
    const char *keys[] = {"us", "jordan", "united states", "canada", "", "the"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        uint64_t h = et_hash_add(ET_HASH_INIT, keys[i], strlen(keys[i]));
        const et_slot *s = et_gaz_small_slot(&g, h);
        ck_assert_msg(et_gaz_small_flags(&g, h) == (s ? s->flags : 0), "small table flags of \"%s\"", keys[i]);
    }
    ck_assert(small_flags(&g, "us") & ET_FUNCTION);  /* a function word: in the small table */
    ck_assert(small_flags(&g, "jordan") == 0);       /* a name only: not there */
    ck_assert(small_flags(&g, "canada") == 0);       /* in no list */
    et_gaz_close(&g);
}
END_TEST

static char *temp_file(const unsigned char *data, size_t n)
{
    char *path = strdup("/tmp/et-gaz.XXXXXX");
    ck_assert_ptr_nonnull(path);
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
    return path;
}

START_TEST(file_round_trip_and_damage)
{
    et_builder *b = et_builder_new();
    ck_assert_int_eq(et_builder_add(b, "Quito", 5, NULL, 0, ET_CITY), 0);
    unsigned char *img;
    size_t size;
    ck_assert_int_eq(et_builder_image(b, &img, &size), 0);
    et_builder_free(b);

    char *path = temp_file(img, size);
    et_gaz g;
    char msg[512];
    ck_assert_msg(et_gaz_open(&g, path, msg, sizeof msg) == 0, "%s", msg);
    ck_assert(find(&g, "quito")->flags & ET_CITY);
    et_gaz_close(&g);
    unlink(path);
    free(path);

    /* truncated */
    path = temp_file(img, size - 8);
    ck_assert_int_ne(et_gaz_open(&g, path, msg, sizeof msg), 0);
    ck_assert_msg(strstr(msg, path) && strstr(msg, "rebuild"), "%s", msg);
    unlink(path);
    free(path);

    /* not a gazetteer at all */
    img[0] = 'X';
    path = temp_file(img, size);
    ck_assert_int_ne(et_gaz_open(&g, path, msg, sizeof msg), 0);
    ck_assert_msg(strstr(msg, "magic"), "%s", msg);
    unlink(path);
    free(path);
    free(img);

    ck_assert_int_ne(et_gaz_open(&g, "/nonexistent/entity-tag.gaz", msg, sizeof msg), 0);
    ck_assert_msg(strstr(msg, "/nonexistent/entity-tag.gaz"), "%s", msg);
}
END_TEST

START_TEST(flag_names_parse)
{
    const char *bad = NULL;
    size_t bad_len = 0;
    ck_assert(et_flags_parse("COUNTRY,CITY", &bad, &bad_len) == (ET_COUNTRY | ET_CITY));
    ck_assert(et_flags_parse("COUNTRY,TOWN", &bad, &bad_len) == 0);
    ck_assert_int_eq((int)bad_len, 4);
    ck_assert(strncmp(bad, "TOWN", 4) == 0);
    ck_assert_str_eq(et_flag_name(0), "PERSON");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("entity-tag gazetteer");
    TCase *tc = tcase_create("gazetteer");
    tcase_add_test(tc, fold_case_accents_and_punctuation);
    tcase_add_test(tc, fold_token_by_token_equals_whole);
    tcase_add_test(tc, table_merges_flags_and_keeps_names);
    tcase_add_test(tc, table_has_prefix_keys);
    tcase_add_test(tc, small_table_flags);
    tcase_add_test(tc, file_round_trip_and_damage);
    tcase_add_test(tc, flag_names_parse);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
