/* A descriptor whose struct size does not match its ABI version. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TP_PLUGIN_EXPORT extern const tp_plugin bad_size_LTX_textpipe_plugin;
TP_PLUGIN_EXPORT const tp_plugin bad_size_LTX_textpipe_plugin = {
    .magic = TP_PLUGIN_MAGIC, .abi_major = TP_ABI_MAJOR, .abi_minor = TP_ABI_MINOR, .struct_size = 24,
    .name = "bad-size", .version = "1", .license = "MIT", .description = "test: wrong struct size",
    .create = create, .process = process, .destroy = destroy};
