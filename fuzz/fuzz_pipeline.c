/* fuzz_pipeline.c - libFuzzer target: the pipeline reader and validator on
 * arbitrary bytes.  It must report problems, never crash, leak or hang. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include <textpipe/textpipe.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tp_runtime *rt = fuzz_runtime();
    tp_diagnostics *d = tp_diagnostics_new();
    tp_pipeline *p = tp_pipeline_parse(rt, (const char *)data, size, "fuzz.json", d);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        tp_diagnostics_print(d, null); /* exercises the message formatting */
        fclose(null);
    }
    tp_pipeline_free(p);
    tp_diagnostics_free(d);
    return 0;
}
