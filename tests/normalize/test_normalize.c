/* test_normalize.c - the normalize stage: Unicode's NormalizationTest.txt
 * for all four forms, each option, and exact offset maps. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static tp_runtime *rt;

static void setup(void) { rt = harness_runtime(); }
static void teardown(void) { tp_runtime_free(rt); }

/* Normalize @p text with the given options JSON; returns the newest view
 * (malloc'd) and, if wanted, the document. */
static char *norm(tp_pipeline *p, const char *text, size_t len, tp_doc **keep)
{
    tp_doc *d = tp_doc_new();
    tp_error e;
    ck_assert_int_eq(tp_doc_set_text(d, text, len, TP_UTF8_STRICT, &e), TP_OK);
    int rc = tp_pipeline_process(p, d, &e);
    ck_assert_msg(rc == TP_OK, "%s", e.message);
    size_t n;
    const char *t = tp_doc_text(d, &n);
    char *out = malloc(n + 1);
    memcpy(out, t, n + 1);
    if (keep)
        *keep = d;
    else
        tp_doc_free(d);
    return out;
}

static tp_pipeline *pipeline_with(const char *options)
{
    char json[512];
    snprintf(json, sizeof json, "{\"stages\": [{\"plugin\": \"normalize\", \"options\": %s}]}", options);
    return harness_pipeline(rt, json);
}

static void expect(const char *options, const char *in, const char *want)
{
    tp_pipeline *p = pipeline_with(options);
    char *got = norm(p, in, strlen(in), NULL);
    ck_assert_msg(strcmp(got, want) == 0, "%s: '%s' -> '%s', want '%s'", options, in, got, want);
    free(got);
    tp_pipeline_free(p);
}

/* ------------------------------------------------ NormalizationTest.txt */

/* "0044 0307" -> UTF-8; returns the length. */
static size_t hex_to_utf8(const char *field, char *out)
{
    size_t n = 0;
    const char *p = field;
    while (*p) {
        char *end;
        unsigned long cp = strtoul(p, &end, 16);
        if (end == p)
            break;
        unsigned char *o = (unsigned char *)out + n;
        if (cp < 0x80) {
            o[0] = (unsigned char)cp;
            n += 1;
        } else if (cp < 0x800) {
            o[0] = (unsigned char)(0xC0 | (cp >> 6));
            o[1] = (unsigned char)(0x80 | (cp & 0x3F));
            n += 2;
        } else if (cp < 0x10000) {
            o[0] = (unsigned char)(0xE0 | (cp >> 12));
            o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            o[2] = (unsigned char)(0x80 | (cp & 0x3F));
            n += 3;
        } else {
            o[0] = (unsigned char)(0xF0 | (cp >> 18));
            o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            o[3] = (unsigned char)(0x80 | (cp & 0x3F));
            n += 4;
        }
        p = end;
    }
    out[n] = '\0';
    return n;
}

static const char *const form_names[4] = {"NFC", "NFD", "NFKC", "NFKD"};
/* Which column each column normalizes to, per form (the test file's rules). */
static const int expected_column[4][5] = {
    {1, 1, 1, 3, 3}, /* NFC:  c2 == NFC(c1,c2,c3); c4 == NFC(c4,c5) */
    {2, 2, 2, 4, 4}, /* NFD:  c3 == NFD(c1,c2,c3); c5 == NFD(c4,c5) */
    {3, 3, 3, 3, 3}, /* NFKC: c4 == NFKC(all) */
    {4, 4, 4, 4, 4}, /* NFKD: c5 == NFKD(all) */
};

START_TEST(normalization_test_all_forms)
{
    const char *dir = getenv("UNICODE_DATA_DIR");
    const char *bz = getenv("BZIP2");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s -dc '%s/NormalizationTest.txt.bz2' 2>/dev/null || cat '%s/NormalizationTest.txt'",
             bz && *bz ? bz : "bzip2", dir ? dir : "/usr/share/unicode", dir ? dir : "/usr/share/unicode");
    FILE *f = popen(cmd, "r");
    ck_assert_ptr_nonnull(f);
    tp_pipeline *p[4];
    for (int k = 0; k < 4; k++) {
        char opts[160];
        snprintf(opts, sizeof opts, "{\"form\": \"%s\", \"remove_control\": false, \"remove_zero_width\": false, "
                                    "\"unify_newlines\": false}", form_names[k]);
        p[k] = pipeline_with(opts);
    }
    static unsigned char in_part1[0x110000];
    char line[4096];
    size_t lines = 0, checks = 0, failures = 0;
    int part = -1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '@') {
            part = (int)strtol(line + 5, NULL, 10);
            continue;
        }
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *cols[5], *save = NULL, *tok = strtok_r(line, ";", &save);
        int n = 0;
        while (tok && n < 5) {
            cols[n++] = tok;
            tok = strtok_r(NULL, ";", &save);
        }
        if (n < 5)
            continue;
        lines++;
        if (part == 1)
            in_part1[strtoul(cols[0], NULL, 16)] = 1;
        char c[5][512];
        size_t len[5];
        for (int i = 0; i < 5; i++)
            len[i] = hex_to_utf8(cols[i], c[i]);
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 5; i++) {
                char *got = norm(p[k], c[i], len[i], NULL);
                const char *want = c[expected_column[k][i]];
                checks++;
                if (strcmp(got, want) != 0 && failures++ < 10)
                    fprintf(stderr, "%s(c%d of '%s') wrong\n", form_names[k], i + 1, cols[0]);
                free(got);
            }
        }
    }
    pclose(f);
    ck_assert_msg(lines > 18000, "read only %zu test lines: is unicode-data installed?", lines);
    /* Every code point not in part 1 is left unchanged by all four forms:
     * checked in batches, each character on its own line. */
    char *batch = malloc((size_t)4096 * 5);
    for (int k = 0; k < 4; k++) {
        size_t used = 0;
        for (unsigned cp = 1; cp <= 0x10FFFF; cp++) {
            if ((cp >= 0xD800 && cp <= 0xDFFF) || in_part1[cp])
                goto next;
            char field[16];
            snprintf(field, sizeof field, "%X", cp);
            used += hex_to_utf8(field, batch + used);
            batch[used++] = '\n';
        next:
            if (used > (size_t)4096 * 4 || (cp == 0x10FFFF && used)) {
                char *got = norm(p[k], batch, used, NULL);
                checks++;
                if ((strlen(got) != used || memcmp(got, batch, used) != 0) && failures++ < 10)
                    fprintf(stderr, "%s changed a character not in part 1 near U+%04X\n", form_names[k], cp);
                free(got);
                used = 0;
            }
        }
    }
    free(batch);
    for (int k = 0; k < 4; k++)
        tp_pipeline_free(p[k]);
    ck_assert_msg(failures == 0, "%zu of %zu NormalizationTest checks failed", failures, checks);
}
END_TEST

/* ----------------------------------------------------------- options */

START_TEST(forms)
{
    expect("{}", "Cafe\xCC\x81", "Caf\xC3\xA9");                         /* NFC composes */
    expect("{\"form\": \"NFD\"}", "Caf\xC3\xA9", "Cafe\xCC\x81");         /* NFD decomposes */
    expect("{\"form\": \"NFKC\"}", "\xEF\xAC\x81le \xE2\x91\xA0", "file 1"); /* ligature, circled 1 */
    expect("{\"form\": \"NFKD\"}", "\xC3\xA9\xC2\xB2", "e\xCC\x81" "2");
    expect("{\"form\": \"none\"}", "Cafe\xCC\x81", "Cafe\xCC\x81");
    /* Hangul: L + V + T compose across what would be chunk starts */
    expect("{}", "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81");
    /* canonical reordering of marks */
    expect("{}", "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81");
}
END_TEST

START_TEST(whitespace_collapse)
{
    const char *o = "{\"collapse_whitespace\": true}";
    expect(o, "a  b\t\tc", "a b c");
    expect(o, "one\n\n\n\ntwo\r\nthree", "one\n\ntwo\nthree");
    expect(o, "x\xC2\xA0\xE2\x80\x83y", "x y");          /* NBSP and em space */
    expect(o, "para\xE2\x80\xA9next", "para\n\nnext");    /* paragraph separator */
    expect("{}", "a  b", "a  b");                           /* off by default */
}
END_TEST

START_TEST(punctuation_folding)
{
    const char *o = "{\"fold_punctuation\": true}";
    expect(o, "\xE2\x80\x9CMexico\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 2013\xE2\x80\x93" "17\xE2\x80\xA6",
           "\"Mexico's\" - 2013-17...");
    expect("{}", "\xE2\x80\x9Cx\xE2\x80\x9D", "\xE2\x80\x9Cx\xE2\x80\x9D"); /* off by default */
}
END_TEST

START_TEST(control_and_zero_width)
{
    expect("{}", "a\x01" "b\x7F" "c\xC2\x80" "d", "abcd");
    expect("{}", "zero\xE2\x80\x8Bwidth\xEF\xBB\xBF\xC2\xAD!", "zerowidth!");
    expect("{}", "keep\xE2\x80\x8D" "joiner", "keep\xE2\x80\x8D" "joiner"); /* ZWJ kept */
    expect("{\"remove_control\": false}", "a\x01" "b", "a\x01" "b");
    expect("{\"remove_zero_width\": false}", "a\xE2\x80\x8B" "b", "a\xE2\x80\x8B" "b");
    /* a removed character between a base and its mark does not block NFC */
    expect("{}", "e\xE2\x80\x8B\xCC\x81", "\xC3\xA9");
}
END_TEST

START_TEST(newlines_and_case)
{
    expect("{}", "a\r\nb\rc\xC2\x85" "d\xE2\x80\xA8" "e", "a\nb\nc\nd\ne");
    expect("{\"unify_newlines\": false}", "a\r\nb", "a\r\nb");
    expect("{\"case_fold\": true}", "Stra\xC3\x9F" "e GROSS \xC3\x89T\xC3\x89", "strasse gross \xC3\xA9t\xC3\xA9");
}
END_TEST

/* ------------------------------------------------------------ offsets */

/* Every word of the normalized view maps back to an original range whose
 * normalization is exactly that word. */
static void check_round_trip(const char *options, const char *text)
{
    tp_pipeline *p = pipeline_with(options);
    tp_doc *d = NULL;
    char *view = norm(p, text, strlen(text), &d);
    unsigned v = tp_doc_view_count(d) - 1;
    size_t n = strlen(view), i = 0;
    while (i < n) {
        while (i < n && (view[i] == ' ' || view[i] == '\n'))
            i++;
        size_t b = i;
        while (i < n && view[i] != ' ' && view[i] != '\n')
            i++;
        if (i == b)
            break;
        size_t os = tp_doc_to_original(d, v, b, TP_EDGE_START), oe = tp_doc_to_original(d, v, i, TP_EDGE_END);
        char *again = norm(p, text + os, oe - os, NULL);
        ck_assert_msg(strlen(again) == i - b && memcmp(again, view + b, i - b) == 0,
                      "%s: word '%.*s' maps to '%.*s', which normalizes to '%s'", options, (int)(i - b), view + b,
                      (int)(oe - os), text + os, again);
        free(again);
    }
    free(view);
    tp_doc_free(d);
    tp_pipeline_free(p);
}

START_TEST(offsets_round_trip)
{
    /* a deterministic mix of tricky pieces */
    static const char *const pieces[] = {
        "plain", "Cafe\xCC\x81", "\xEF\xAC\x81nal", "\xE2\x80\x9Cq\xE2\x80\x9D", "a\001b", "z\xE2\x80\x8Bw",
        "\xE1\x84\x80\xE1\x85\xA1", "\xC3\x85ngstr\xC3\xB6m", "x\xCC\xA3\xCC\x87", "\xE2\x91\xA2", "ST\xC3\x9F",
        "  ", "\r\n", "\xC2\xA0", "\xE2\x80\xA6", "\xF0\x9F\x98\x80"};
    static const char *const opts[] = {
        "{}", "{\"form\": \"NFD\"}", "{\"form\": \"NFKC\", \"fold_punctuation\": true}",
        "{\"form\": \"NFKD\", \"case_fold\": true}", "{\"collapse_whitespace\": true}"};
    unsigned seed = 12345;
    for (int round = 0; round < 40; round++) {
        char text[2048] = "";
        size_t used = 0;
        for (int k = 0; k < 30; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", piece, (seed >> 8) % 3 ? " " : "");
        }
        for (size_t o = 0; o < sizeof opts / sizeof *opts; o++)
            check_round_trip(opts[o], text);
    }
}
END_TEST

START_TEST(unchanged_text_adds_no_view)
{
    tp_pipeline *p = pipeline_with("{}");
    tp_doc *d = NULL;
    char *v = norm(p, "Already NFC: caf\xC3\xA9.", 18, &d);
    ck_assert_uint_eq(tp_doc_view_count(d), 1);
    free(v);
    tp_doc_free(d);
    v = norm(p, "", 0, &d);
    ck_assert_uint_eq(tp_doc_view_count(d), 1);
    free(v);
    tp_doc_free(d);
    tp_pipeline_free(p);
}
END_TEST

START_TEST(long_lines_and_nul_bytes)
{
    size_t n = 3u << 20;
    char *big = malloc(n + 16);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    memcpy(big + n / 2, "e\xCC\x81", 3);
    tp_pipeline *p = pipeline_with("{\"remove_control\": false}");
    char *got = norm(p, big, n, NULL);
    ck_assert_uint_eq(strlen(got), n - 1); /* e + U+0301 (3 bytes) became é (2 bytes) */
    free(got);
    tp_doc *d = NULL;
    got = norm(p, "a\0b", 3, &d);
    size_t len;
    tp_doc_text(d, &len);
    ck_assert_uint_eq(len, 3);
    free(got);
    tp_doc_free(d);
    free(big);
    tp_pipeline_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("normalize");
    TCase *conf = tcase_create("conformance");
    tcase_add_checked_fixture(conf, setup, teardown);
    tcase_set_timeout(conf, 600);
    tcase_add_test(conf, normalization_test_all_forms);
    suite_add_tcase(s, conf);
    TCase *tc = tcase_create("options");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, forms);
    tcase_add_test(tc, whitespace_collapse);
    tcase_add_test(tc, punctuation_folding);
    tcase_add_test(tc, control_and_zero_width);
    tcase_add_test(tc, newlines_and_case);
    tcase_add_test(tc, offsets_round_trip);
    tcase_add_test(tc, unchanged_text_adds_no_view);
    tcase_add_test(tc, long_lines_and_nul_bytes);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
