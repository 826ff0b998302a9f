/* A module whose descriptor calls itself by another name than its file. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(name_mismatch, .name = "someone-else", .version = "1", .license = "MIT",
                .description = "test: wrong name", .create = create, .process = process, .destroy = destroy);
