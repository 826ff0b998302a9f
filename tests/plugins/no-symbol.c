/* A shared module that is not a textpipe plugin: no descriptor. */
#include <textpipe/plugin.h>

TP_PLUGIN_EXPORT int no_symbol_something_else(void);
TP_PLUGIN_EXPORT int no_symbol_something_else(void) { return 42; }
