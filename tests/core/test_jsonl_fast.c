/* test_jsonl_fast.c - the JSON Lines fast path agrees with jansson: on
 * every line it decodes, the text and id are exactly what jansson reads;
 * lines it is not sure of are left to jansson. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jsonl_fast.h"

/* Decode @p line both ways; returns whether the fast path took it. */
static int agree(const char *line)
{
    size_t len = strlen(line);
    char *scratch = malloc(len + 1);
    jsonl_fields f;
    int fast = jsonl_fast_decode(line, len, scratch, &f);
    json_error_t je;
    json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    if (fast) {
        ck_assert_msg(obj != NULL, "fast path took a line jansson refuses (%s): %s", je.text, line);
        json_t *text = json_object_get(obj, "text");
        ck_assert_msg(json_is_string(text), "fast path took a line without a text string: %s", line);
        ck_assert_msg(json_string_length(text) == f.text_len && memcmp(json_string_value(text), f.text, f.text_len) == 0,
                      "text differs for %s: [%.*s]", line, (int)f.text_len, f.text);
        json_t *id = json_object_get(obj, "id");
        if (f.id_kind == JSONL_ID_STRING)
            ck_assert_msg(json_is_string(id) && json_string_length(id) == f.id_len &&
                              memcmp(json_string_value(id), f.id, f.id_len) == 0, "id differs for %s", line);
        else if (f.id_kind == JSONL_ID_INTEGER)
            ck_assert_msg(json_is_integer(id) && (size_t)snprintf(NULL, 0, "%lld", (long long)json_integer_value(id)) <= f.id_len,
                          "id differs for %s", line);
        else
            ck_assert_msg(id == NULL, "id missed for %s", line);
    }
    json_decref(obj);
    free(scratch);
    return fast;
}

START_TEST(usual_lines_take_the_fast_path)
{
    ck_assert(agree("{\"id\": \"a\", \"text\": \"plain text\"}"));
    ck_assert(agree("{\"id\":7,\"text\":\"omega \\u00e9t\\u00e9 end\"}"));
    ck_assert(agree("{\"text\":\"a\\\"b\\\\c\\n\\t\\/\\b\\f\\r\\ud83d\\ude00 \\u0000 nul\"}"));
    ck_assert(agree("{\"id\": -12, \"source\": \"x\", \"n\": 3.5, \"ok\": true, \"no\": null, \"text\": \"t\"}"));
    ck_assert(agree("  {\"title\": \"The \\\"Best\\\"\", \"text\": \"caf\xC3\xA9\"}  "));
}
END_TEST

START_TEST(unusual_lines_are_left_to_jansson)
{
    const char *lines[] = {
        "{\"id\":1,\"text\":\"x\",\"text\":\"y\"}",           /* duplicate key */
        "{\"id\":1,\"meta\":{\"a\":1},\"text\":\"x\"}",       /* nested object */
        "{\"id\":[1],\"text\":\"x\"}",                        /* array */
        "{\"id\":1.5,\"text\":\"x\"}",                        /* not a whole number */
        "{\"id\":1,\"text\":5}",                              /* text not a string */
        "{\"id\":1}",                                         /* no text */
        "{\"id\":1,\"text\":\"\\ud800 lone\"}",               /* lone surrogate */
        "{\"id\":1,\"text\":\"bad \\x escape\"}",             /* unknown escape */
        "{\"id\":1,\"text\":\"tab\tinside\"}",                /* raw control character */
        "{\"id\":1,\"text\":\"x\"} trailing",                 /* text after the object */
        "{\"id\":1,\"text\":\"x\",}",                         /* trailing comma */
        "{\"id\":1,\"text\":\"unterminated}",
        "[\"text\"]",
        "{\"id\":99999999999999999999999,\"text\":\"x\"}",     /* too big: jansson says so */
        "{\"i\\u0064\":1,\"text\":\"x\"}",                    /* escaped key */
        "{\"n\":1666666666666666666666666,\"text\":\"x\"}",      /* another key too big for jansson */
        "{\"n\":1e999,\"text\":\"x\"}",                         /* a real that overflows a double */
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        ck_assert_msg(!agree(lines[i]), "fast path took: %s", lines[i]);
    }
}
END_TEST

START_TEST(random_lines_agree)
{
    /* pieces glued at random: whatever the fast path takes must match */
    static const char *const pieces[] = {"{", "}", "\"id\"", "\"text\"", "\"k\"", ":", ",", " ", "\"v\"", "12", "-0",
                                         "1e5", "true", "null", "\"a\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\n\\\"\"",
                                         "[", "]", "\"\\u12\"", "\"x\\\\\"", "0.5", "\"\\q\""};
    unsigned seed = 99;
    char line[512];
    size_t taken = 0;
    for (int round = 0; round < 200000; round++) {
        size_t used = 0;
        int n = 3 + (int)((seed >> 8) % 12);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            used += (size_t)snprintf(line + used, sizeof line - used, "%s",
                                     pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
        }
        taken += (size_t)agree(line);
        /* and the usual shape with random values */
        seed = seed * 1103515245u + 12345u;
        snprintf(line, sizeof line, "{\"id\":%s,\"text\":%s}", pieces[8 + (seed >> 16) % 8],
                 pieces[8 + (seed >> 20) % 15]);
        taken += (size_t)agree(line);
    }
    ck_assert_uint_gt(taken, 1000); /* the fast path really ran */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("jsonl_fast");
    TCase *tc = tcase_create("all");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, usual_lines_take_the_fast_path);
    tcase_add_test(tc, unusual_lines_are_left_to_jansson);
    tcase_add_test(tc, random_lines_agree);
    suite_add_tcase(s, tc);
    return harness_main(s);
}
