/* A module built for a future major ABI. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TP_PLUGIN_EXPORT extern const tp_plugin wrong_abi_LTX_textpipe_plugin;
TP_PLUGIN_EXPORT const tp_plugin wrong_abi_LTX_textpipe_plugin = {
    .magic = TP_PLUGIN_MAGIC, .abi_major = TP_ABI_MAJOR + 98, .abi_minor = 0, .struct_size = sizeof(tp_plugin),
    .name = "wrong-abi", .version = "1", .license = "MIT", .description = "test: future ABI",
    .create = create, .process = process, .destroy = destroy};
