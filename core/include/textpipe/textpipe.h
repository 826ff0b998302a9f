/* textpipe/textpipe.h - everything a program or plugin needs, in one include. */
#ifndef TEXTPIPE_TEXTPIPE_H
#define TEXTPIPE_TEXTPIPE_H

#include <textpipe/version.h>
#include <textpipe/error.h>
#include <textpipe/document.h>
#include <textpipe/plugin.h>
#include <textpipe/pipeline.h>
#include <textpipe/output.h>

#endif
