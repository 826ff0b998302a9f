/* test_internals.c - the core's internal building blocks: UTF-8 checks,
 * offset maps, "did you mean", JSON positions. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_locate.h"
#include "offset_map.h"
#include "suggest.h"
#include "utf8.h"

START_TEST(utf8_accepts_well_formed)
{
    const char *ok[] = {"", "plain ascii", "caf\xC3\xA9", "\xE2\x80\x9Cquote\xE2\x80\x9D", "\xF0\x9F\x98\x80",
                        "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEF\xBF\xBD"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        ck_assert_msg(utf8_check(ok[i], strlen(ok[i]), NULL, NULL), "case %zu", i);
}
END_TEST

START_TEST(utf8_rejects_ill_formed_with_offset_and_reason)
{
    struct { const char *s; size_t off; const char *why; } bad[] = {
        {"ab\x80", 2, "continuation byte without a lead"},
        {"x\xC0\xAF", 1, "never occurs"},           /* overlong '/' */
        {"\xE0\x80\xAF", 0, "overlong"},
        {"ok\xED\xA0\x80", 2, "surrogate"},
        {"\xF4\x90\x80\x80", 0, "above U+10FFFF"},
        {"abc\xE2\x82", 3, "cut short"},
        {"\xF5\x80\x80\x80", 0, "never occurs"},
        {"a\xC3(", 1, "not followed"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t off = 99;
        const char *why = NULL;
        ck_assert_msg(!utf8_check(bad[i].s, strlen(bad[i].s), &off, &why), "case %zu accepted", i);
        ck_assert_uint_eq(off, bad[i].off);
        ck_assert_msg(strstr(why, bad[i].why), "case %zu: reason '%s'", i, why);
    }
}
END_TEST

START_TEST(utf8_maximal_subparts)
{
    size_t sub = 0;
    /* E2 82 followed by ASCII: one maximal subpart of 2 bytes */
    ck_assert_uint_eq(utf8_sequence((const unsigned char *)"\xE2\x82x", 3, &sub), 0);
    ck_assert_uint_eq(sub, 2);
    /* ED A0: the lead alone is the subpart (A0 is out of range after ED) */
    ck_assert_uint_eq(utf8_sequence((const unsigned char *)"\xED\xA0\x80", 3, &sub), 0);
    ck_assert_uint_eq(sub, 1);
}
END_TEST

START_TEST(utf8_counts_code_points)
{
    const char *s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80 long enough to use the word loop";
    ck_assert_uint_eq(utf8_count(s, strlen(s)), 4 + strlen(" long enough to use the word loop"));
    ck_assert(utf8_is_ascii("hello world, this is ascii", 26));
    ck_assert(!utf8_is_ascii("hello w\xC3\xB6rld", 13));
}
END_TEST

/* source "abXcdYYe" -> derived "abcdZe": copy ab, delete X, copy cd,
 * replace YY by Z, copy e, then insert "!" at the end. */
static void build_map(offset_map *m)
{
    omap_init(m);
    ck_assert_int_eq(omap_push(m, 2, 2, 1), 0);
    ck_assert_int_eq(omap_push(m, 1, 0, 0), 0);
    ck_assert_int_eq(omap_push(m, 2, 2, 1), 0);
    ck_assert_int_eq(omap_push(m, 2, 1, 0), 0);
    ck_assert_int_eq(omap_push(m, 1, 1, 1), 0);
    ck_assert_int_eq(omap_push(m, 0, 1, 0), 0);
}

START_TEST(offset_map_maps_starts_and_ends)
{
    offset_map m;
    build_map(&m);
    ck_assert_uint_eq(m.dst_total, 7);
    ck_assert_uint_eq(m.src_total, 8);
    /* derived: a0 b1 c2 d3 Z4 e5 !6 ; source: a0 b1 X2 c3 d4 Y5 Y6 e7 */
    ck_assert_uint_eq(omap_map(&m, 0, 0), 0);
    ck_assert_uint_eq(omap_map(&m, 2, 0), 3); /* 'c' starts after the deleted X */
    ck_assert_uint_eq(omap_map(&m, 2, 1), 2); /* "ab" ends before the deleted X */
    ck_assert_uint_eq(omap_map(&m, 4, 0), 5); /* Z starts where YY started */
    ck_assert_uint_eq(omap_map(&m, 5, 1), 7); /* Z ends where YY ended */
    ck_assert_uint_eq(omap_map(&m, 6, 0), 8); /* the insertion maps to its place */
    ck_assert_uint_eq(omap_map(&m, 7, 1), 8);
    omap_free(&m);
}
END_TEST

START_TEST(offset_map_merges_copies)
{
    offset_map m;
    omap_init(&m);
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(omap_push(&m, 3, 3, 1), 0);
    ck_assert_uint_eq(m.n, 1);
    ck_assert(!m.changed);
    ck_assert_uint_eq(omap_map(&m, 150, 0), 150);
    omap_free(&m);
}
END_TEST

START_TEST(suggest_finds_typos_only)
{
    const char *names[] = {"form", "collapse_whitespace", "case_fold", "fold_punctuation"};
    ck_assert_str_eq(suggest_closest("from", names, 4), "form");
    ck_assert_str_eq(suggest_closest("colapse_whitespace", names, 4), "collapse_whitespace");
    ck_assert_str_eq(suggest_closest("case_flod", names, 4), "case_fold");
    ck_assert_ptr_null(suggest_closest("xyz", names, 4));
    ck_assert_ptr_null(suggest_closest("banana", names, 4));
    ck_assert_uint_eq(edit_distance("abc", "abc", 2), 0);
    ck_assert_uint_eq(edit_distance("abc", "acb", 2), 1);
    ck_assert_uint_eq(edit_distance("abc", "xyzw", 2), 3);
}
END_TEST

START_TEST(json_locate_finds_values_and_keys)
{
    const char *text = "{\n  \"name\": \"x\",\n  \"stages\": [\n    {\"plugin\": \"a\"},\n"
                       "    {\"plugin\": \"b\", \"options\": {\"form\": \"NFX\"}}\n  ]\n}\n";
    json_path_seg p1[] = {{"stages", 0}, {NULL, 1}, {"options", 0}, {"form", 0}};
    int line = 0, col = 0;
    ck_assert(json_locate(text, strlen(text), p1, 4, 0, &line, &col));
    ck_assert_int_eq(line, 5);
    ck_assert_int_eq(col, 41);
    ck_assert(json_locate(text, strlen(text), p1, 4, 1, &line, &col));
    ck_assert_int_eq(col, 33);
    json_path_seg p2[] = {{"stages", 0}, {NULL, 0}, {"plugin", 0}};
    ck_assert(json_locate(text, strlen(text), p2, 3, 0, &line, &col));
    ck_assert_int_eq(line, 4);
    ck_assert_int_eq(col, 16);
    json_path_seg p3[] = {{"stages", 0}, {NULL, 7}};
    ck_assert(!json_locate(text, strlen(text), p3, 2, 0, &line, &col));
}
END_TEST

START_TEST(json_locate_moves_on_over_stray_bytes)
{
    /* a NUL and a bracket that closes nothing once made the scanner stand
     * still (found by fuzz_pipeline): it must end, and find what follows */
    static const char nul[] = "{\"stages\":[{\"plugin\":\"x\"},9\0],\"nam\":1}";
    json_path_seg key[] = {{"nam", 0}};
    int line = 0, col = 0;
    ck_assert(json_locate(nul, sizeof nul - 1, key, 1, 1, &line, &col));
    ck_assert_int_eq(col, 31);
    const char *stray = "{\"a\":[1}],\"b\":2}";
    json_path_seg b[] = {{"b", 0}};
    json_locate(stray, strlen(stray), b, 1, 0, &line, &col); /* any answer, but an answer */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("internals");
    TCase *tc = tcase_create("all");
    tcase_add_test(tc, utf8_accepts_well_formed);
    tcase_add_test(tc, utf8_rejects_ill_formed_with_offset_and_reason);
    tcase_add_test(tc, utf8_maximal_subparts);
    tcase_add_test(tc, utf8_counts_code_points);
    tcase_add_test(tc, offset_map_maps_starts_and_ends);
    tcase_add_test(tc, offset_map_merges_copies);
    tcase_add_test(tc, suggest_finds_typos_only);
    tcase_add_test(tc, json_locate_finds_values_and_keys);
    tcase_add_test(tc, json_locate_moves_on_over_stray_bytes);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
