/* A stage for tests that provides "extras" (nothing else). */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e)
{
    (void)s;
    return tp_doc_set_attr(d, "extras", tp_value_string("x", 1), e);
}
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(extras, .name = "extras", .version = "1", .license = "MIT", .description = "test: extras",
                .provides = TP_NAMES("extras"), .flags = TP_PLUGIN_THREAD_SAFE,
                .create = create, .process = process, .destroy = destroy);
