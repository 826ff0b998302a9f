/* input.h - reading documents: whole text files, or JSON Lines streamed
 * one line at a time so memory stays bounded by the documents in flight.
 *
 * Reading is split in two so that threads can share one input: taking the
 * next raw record (a line, or a whole text file) must happen in order and
 * is cheap; decoding it into a document (JSON parsing, UTF-8 checks) can
 * run on any thread. */
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
    size_t lineno;        /* lines read so far (JSONL) */
} input_source;

/* One raw record and where it came from.  The buffer is reused. */
typedef struct input_record {
    char *data;
    size_t len, cap;
    char *scratch;        /* for unescaping, reused */
    size_t scratch_cap;
    input_format format;
    const char *name;
    size_t lineno;        /* JSONL: its line; text: 0 */
} input_record;

/* Open @p path ("-" or NULL: standard input). */
int input_open(input_source *src, const char *path, input_format format, tp_error *err);
void input_close(input_source *src);

/* Take the next raw record (blank JSONL lines are skipped).  Returns 1, 0
 * at the end, or a negative tp_status (a read error). */
int input_read(input_source *src, input_record *rec, tp_error *err);
/* Clear @p doc and fill it from @p rec: id and text.  Returns TP_OK or a
 * negative tp_status with @p err saying where ("file:line: ..."). */
int input_decode(input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err);
void input_record_free(input_record *rec);

/* Both steps at once: 1 when a document was read, 0 at the end, <0 on an
 * error (a bad JSONL line: the next call goes on after it). */
int input_next(input_source *src, input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err);

/* "jsonl" for names ending in .jsonl or .ndjson, else "text". */
input_format input_guess_format(const char *path);

#endif
