/* fuzz_jsonl.c - libFuzzer target: the JSON Lines reader on arbitrary
 * bytes, in both UTF-8 policies; every line is either a document or an
 * error that names it, and reading goes on after a bad line. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/textpipe.h>

#include "input.h"
#include "jsonl_fast.h"

/* Whatever the fast path decodes, jansson must read the same way. */
static void check_fast_path(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t len = nl ? (size_t)(nl - data) : size;
    if (!tp_utf8_valid((const char *)data, len, NULL))
        return;
    char *scratch = malloc(len + 1);
    jsonl_fields f;
    if (scratch && jsonl_fast_decode((const char *)data, len, scratch, &f)) {
        json_t *o = json_loadb((const char *)data, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, NULL);
        json_t *t = json_object_get(o, "text");
        if (!json_is_string(t) || json_string_length(t) != f.text_len ||
            memcmp(json_string_value(t), f.text, f.text_len) != 0)
            abort(); /* the fast path disagrees with jansson */
        json_decref(o);
    }
    free(scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    check_fast_path(data, size);
    tp_doc *doc = tp_doc_new();
    for (int policy = 0; policy <= 1 && doc; policy++) {
        FILE *f = fmemopen((void *)data, size, "rb");
        if (!f)
            break;
        input_source src = {0};
        src.format = INPUT_JSONL;
        src.name = "fuzz.jsonl";
        src.f = f;
        input_record rec = {0};
        tp_buf out;
        tp_buf_init(&out);
        for (int n = 0; n < 100000; n++) {
            tp_error err;
            int got = input_next(&src, &rec, doc, (tp_utf8_policy)policy, &err);
            if (got == 0 || got == TP_ERR_IO || got == TP_ERR_NOMEM)
                break;
            if (got > 0) {
                tp_buf_reset(&out);
                if (tp_write_json(doc, NULL, &out, &err) != TP_OK)
                    abort();
            }
        }
        tp_buf_free(&out);
        input_record_free(&rec);
        fclose(f);
    }
    tp_doc_free(doc);
    return 0;
}
