/* input.h - reading documents: whole text files, or JSON Lines streamed
 * one line at a time so memory stays bounded by one document. */
#ifndef TP_INPUT_H
#define TP_INPUT_H

#include <stdio.h>

#include <textpipe/textpipe.h>

typedef enum input_format { INPUT_TEXT = 0, INPUT_JSONL = 1 } input_format;

typedef struct input_source {
    input_format format;
    const char *name;     /* for messages and as the id of text files */
    FILE *f;
    int owned;            /* close f at the end */
    int done;             /* text: the one document has been read */
    char *line;
    size_t line_cap;
    size_t lineno;        /* line of the last record read (JSONL) */
} input_source;

/* Open @p path ("-" or NULL: standard input). */
int input_open(input_source *src, const char *path, input_format format, tp_error *err);
void input_close(input_source *src);

/* Clear @p doc and read the next document into it.  Returns 1 when one was
 * read, 0 at the end, or a negative tp_status with @p err saying where
 * ("file:line: ..."); after a bad JSONL line the next call goes on with the
 * following line. */
int input_next(input_source *src, tp_doc *doc, tp_utf8_policy policy, tp_error *err);

/* "jsonl" for names ending in .jsonl or .ndjson, else "text". */
input_format input_guess_format(const char *path);

#endif
