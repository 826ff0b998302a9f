/* A module built against a newer minor ABI than this core knows. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TP_PLUGIN_EXPORT extern const tp_plugin newer_minor_LTX_textpipe_plugin;
TP_PLUGIN_EXPORT const tp_plugin newer_minor_LTX_textpipe_plugin = {
    .magic = TP_PLUGIN_MAGIC, .abi_major = TP_ABI_MAJOR, .abi_minor = TP_ABI_MINOR + 1,
    .struct_size = sizeof(tp_plugin), .name = "newer-minor", .version = "1", .license = "MIT",
    .description = "test: newer minor ABI", .create = create, .process = process, .destroy = destroy};
