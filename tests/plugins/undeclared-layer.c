/* Writes a layer, a document attribute and a text view it never declared. */
#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e) { (void)c; (void)e; *s = NULL; return TP_OK; }
static int process(void *s, tp_doc *d, tp_error *e)
{
    (void)s;
    const char *what = tp_doc_text(d, NULL);
    if (what[0] == 'L')
        return tp_doc_add_layer(d, "secret", 0, e) ? TP_OK : e->status;
    if (what[0] == 'A')
        return tp_doc_set_attr(d, "secret", tp_value_int(1), e);
    if (what[0] == 'V') {
        tp_view_builder *vb = tp_view_begin(d, e);
        if (!vb)
            return e->status;
        tp_view_abort(vb);
        return TP_OK;
    }
    /* declared: allowed */
    return tp_doc_add_layer(d, "declared", 0, e) ? TP_OK : e->status;
}
static void destroy(void *s) { (void)s; }

TEXTPIPE_PLUGIN(undeclared_layer, .name = "undeclared-layer", .version = "1", .license = "MIT",
                .description = "test: writes what it did not declare", .provides = TP_NAMES("declared"),
                .create = create, .process = process, .destroy = destroy);
