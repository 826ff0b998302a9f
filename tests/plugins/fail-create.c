/* create() fails, saying why. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e)
{
    (void)c;
    *s = NULL;
    return tp_error_set(e, TP_ERR_DATA, "cannot open lexicon.txt: No such file or directory");
}
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(fail_create, .name = "fail-create", .version = "1", .license = "MIT",
                .description = "test: create fails", .create = create, .process = process, .destroy = destroy);
