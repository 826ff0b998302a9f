/* A stage for the scheduler's tests that misbehaves on request, the way a
 * buggy plugin might: a document containing
 *   CRASH    dies of SIGSEGV,
 *   HANG     never returns (until signalled),
 *   STUBBORN ignores SIGTERM and never returns (only SIGKILL ends it),
 *   SLOW     takes a second,
 * anything else passes through untouched. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <textpipe/plugin.h>

static int create(const tp_config *c, void **s, tp_error *e)
{
    (void)c;
    (void)e;
    *s = NULL;
    return TP_OK;
}

static int has(const char *text, size_t len, const char *word)
{
    return memmem(text, len, word, strlen(word)) != NULL;
}

static int process(void *s, tp_doc *d, tp_error *e)
{
    (void)s;
    (void)e;
    size_t len;
    const char *text = tp_doc_text(d, &len);
    if (has(text, len, "CRASH")) {
        /* die of the signal, as a buggy plugin would, even when a
         * sanitizer has installed a handler that would exit instead */
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
    }
    if (has(text, len, "STUBBORN"))
        signal(SIGTERM, SIG_IGN);
    if (has(text, len, "HANG") || has(text, len, "STUBBORN"))
        for (;;)
            pause();
    if (has(text, len, "SLOW"))
        sleep(1);
    return TP_OK;
}

static void destroy(void *s)
{
    (void)s;
}

TEXTPIPE_PLUGIN(misbehave, .name = "misbehave", .version = "1", .license = "MIT",
                .description = "test: crashes, hangs or dawdles when the text asks", .create = create,
                .process = process, .destroy = destroy);
