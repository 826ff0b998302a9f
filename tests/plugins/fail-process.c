/* process() fails on documents that contain "FAIL", saying why. */
#define _GNU_SOURCE
#include <string.h>
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e)
{
    (void)s;
    size_t len;
    const char *text = tp_doc_text(d, &len);
    if (memmem(text, len, "FAIL", 4))
        return tp_error_set(e, TP_ERR_INPUT, "the text asks me to fail");
    return TP_OK;
}
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(fail_process, .name = "fail-process", .version = "1", .license = "MIT",
                .description = "test: process fails on FAIL", .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
