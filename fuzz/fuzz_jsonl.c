/* fuzz_jsonl.c - libFuzzer target: the JSON Lines reader on arbitrary
 * bytes, in both UTF-8 policies; every line is either a document or an
 * error that names it, and reading goes on after a bad line. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <textpipe/textpipe.h>

#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
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
