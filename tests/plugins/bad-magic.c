/* A module whose descriptor has the wrong magic number. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e) { (void)s; (void)d; (void)e; return TP_OK; }
static void destroy(void *s) { (void)s; }

TP_PLUGIN_EXPORT extern const tp_plugin bad_magic_LTX_textpipe_plugin;
TP_PLUGIN_EXPORT const tp_plugin bad_magic_LTX_textpipe_plugin = {
    .magic = 0xDEADBEEF, .abi_major = TP_ABI_MAJOR, .abi_minor = TP_ABI_MINOR, .struct_size = sizeof(tp_plugin),
    .name = "bad-magic", .version = "1", .license = "MIT", .description = "test: bad magic",
    .create = create, .process = process, .destroy = destroy};
