/* test_tokens.c - how entity-tag reads one token.  Tokens in ASCII take a
 * one-pass reader; every other token takes the general reader by code
 * points.  Both feed the same rules, so they must agree on the shape, the
 * folded key and its hash of every ASCII token.  tokens.c is included
 * here so that its static readers can be called directly. */
#include "tokens.c" /* NOLINT(bugprone-suspicious-include): on purpose, see above */

#include <stdio.h>

#include "harness.h"

/* The general reader's answer for @p s: shape, key (in @p out) and hash. */
static tok_form general(const char *s, size_t len, char *out)
{
    tok_form f;
    f.shape = shape_of(s, len);
    f.klen = (f.shape & S_WORD) ? et_fold(s, len, out, 0) : 0;
    f.hash = et_hash_add(ET_HASH_INIT, out, f.klen);
    return f;
}

/* Both readers read @p s the same way; returns the shape.  Check's
 * assertions are costly (each one marks a point), so a loop over many
 * tokens asserts only when they disagree. */
static uint16_t same_reading(const char *s, size_t len)
{
    char fast[ET_FOLD_MAX(16)], slow[ET_FOLD_MAX(16)];
    if (len > 16)
        ck_abort_msg("tokens of the test are at most 16 bytes");
    tok_form f;
    if (!read_ascii(s, len, fast, &f))
        ck_abort_msg("\"%.*s\" is ASCII", (int)len, s);
    tok_form g = general(s, len, slow);
    if (f.shape != g.shape)
        ck_abort_msg("\"%.*s\": shape %#x, want %#x", (int)len, s, f.shape, g.shape);
    if (f.klen != g.klen || memcmp(fast, slow, g.klen) != 0)
        ck_abort_msg("\"%.*s\": key \"%.*s\", want \"%.*s\"", (int)len, s, (int)f.klen, fast, (int)g.klen, slow);
    if (f.hash != g.hash)
        ck_abort_msg("\"%.*s\": hash differs", (int)len, s);
    return f.shape;
}

#define SHAPE(s) same_reading((s), strlen(s))

START_TEST(ascii_reader_gives_the_shapes_the_rules_use)
{
    ck_assert_uint_eq(SHAPE("Mexico"), S_WORD | S_CAP);
    ck_assert_uint_eq(SHAPE("said"), S_WORD | S_LOWER);
    ck_assert_uint_eq(SHAPE("IBM"), S_WORD | S_CAP | S_ALLCAPS);
    ck_assert_uint_eq(SHAPE("U.S."), S_WORD | S_CAP | S_ALLCAPS);
    ck_assert_uint_eq(SHAPE("F."), S_WORD | S_CAP | S_INITIAL);
    ck_assert_uint_eq(SHAPE("2013-2017"), S_WORD | S_DIGIT | S_HYPHEN);
    ck_assert_uint_eq(SHAPE("d'Ivoire"), S_WORD | S_CAP);
    ck_assert_uint_eq(SHAPE("al-Assad"), S_WORD | S_CAP | S_HYPHEN);
    ck_assert_uint_eq(SHAPE("long-Term"), S_WORD | S_LOWER | S_HYPHEN); /* no article: four letters */
    ck_assert_uint_eq(SHAPE("e-mail"), S_WORD | S_LOWER | S_HYPHEN);
    ck_assert_uint_eq(SHAPE("'s"), S_WORD | S_LOWER | S_POSS);
    ck_assert_uint_eq(SHAPE("'"), S_POSS);
    ck_assert_uint_eq(SHAPE("&"), 0);
    ck_assert_uint_eq(SHAPE("-"), S_HYPHEN);
    ck_assert_uint_eq(SHAPE("("), S_BREAK);
    ck_assert_uint_eq(SHAPE("..."), S_BREAK);
    ck_assert_uint_eq(SHAPE("--x--y--"), S_WORD | S_LOWER | S_HYPHEN);
}
END_TEST

START_TEST(ascii_reader_folds_like_the_lists)
{
    char out[64];
    tok_form f;
    ck_assert(read_ascii("..U.S.A..", 9, out, &f));
    ck_assert_uint_eq(f.klen, 5);
    ck_assert(memcmp(out, "u s a", 5) == 0);
    ck_assert(f.hash == et_hash_add(ET_HASH_INIT, "u s a", 5));
    ck_assert(read_ascii("AT&T", 4, out, &f));
    ck_assert_uint_eq(f.klen, 4);
    ck_assert(memcmp(out, "at t", 4) == 0);
    ck_assert(read_ascii("--", 2, out, &f));
    ck_assert_uint_eq(f.klen, 0);
    ck_assert(f.hash == ET_HASH_INIT);
}
END_TEST

/* Every token of up to four bytes over the bytes the rules look at. */
START_TEST(ascii_reader_equals_general_reader_on_all_short_tokens)
{
    static const char alphabet[] = "adlsxADSZ09-'.&/,(\" \t";
    const size_t n = sizeof alphabet - 1;
    char s[4];
    size_t count = 0;
    for (size_t len = 1; len <= 4; len++) {
        size_t total = 1;
        for (size_t k = 0; k < len; k++)
            total *= n;
        for (size_t code = 0; code < total; code++) {
            size_t c = code;
            for (size_t k = 0; k < len; k++, c /= n)
                s[k] = alphabet[c % n];
            same_reading(s, len);
            count++;
        }
    }
    ck_assert_uint_eq(count, 21 + 21 * 21 + 21 * 21 * 21 + 21 * 21 * 21 * 21);
}
END_TEST

START_TEST(other_characters_go_to_the_general_reader)
{
    char out[64];
    tok_form f;
    ck_assert(!read_ascii("México", strlen("México"), out, &f));
    ck_assert(!read_ascii("’s", strlen("’s"), out, &f));
    ck_assert(!read_ascii("d’Ivoire", strlen("d’Ivoire"), out, &f));
    ck_assert(!read_ascii("ab\xff", 3, out, &f)); /* not UTF-8 at all */
    /* and the general reader still reads them */
    read_token("d’Ivoire", strlen("d’Ivoire"), out, &f);
    ck_assert_uint_eq(f.shape, S_WORD | S_CAP);
    ck_assert_uint_eq(f.klen, 8);
    ck_assert(memcmp(out, "d ivoire", 8) == 0);
    read_token("México", strlen("México"), out, &f);
    ck_assert_uint_eq(f.shape, S_WORD | S_CAP);
    ck_assert(f.klen == 6 && memcmp(out, "mexico", 6) == 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("entity-tag tokens");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, ascii_reader_gives_the_shapes_the_rules_use);
    tcase_add_test(tc, ascii_reader_folds_like_the_lists);
    tcase_add_test(tc, ascii_reader_equals_general_reader_on_all_short_tokens);
    tcase_add_test(tc, other_characters_go_to_the_general_reader);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
