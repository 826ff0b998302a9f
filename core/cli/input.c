/* input.c - see input.h. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

input_format input_guess_format(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    if ((n > 6 && strcmp(path + n - 6, ".jsonl") == 0) || (n > 7 && strcmp(path + n - 7, ".ndjson") == 0))
        return INPUT_JSONL;
    return INPUT_TEXT;
}

int input_open(input_source *src, const char *path, input_format format, tp_error *err)
{
    memset(src, 0, sizeof *src);
    src->format = format;
    if (!path || strcmp(path, "-") == 0) {
        src->f = stdin;
        src->name = "stdin";
        return TP_OK;
    }
    src->name = path;
    src->f = fopen(path, "rb");
    if (!src->f)
        return tp_error_set(err, TP_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    src->owned = 1;
    return TP_OK;
}

void input_close(input_source *src)
{
    if (src->owned && src->f)
        fclose(src->f);
    free(src->line);
    memset(src, 0, sizeof *src);
}

static int read_all(FILE *f, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (cap - n < 1) {
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        return e;
    }
    *data = buf;
    *len = n;
    return 0;
}

static int next_text(input_source *src, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    if (src->done)
        return 0;
    src->done = 1;
    char *data;
    size_t len;
    int e = read_all(src->f, &data, &len);
    if (e)
        return tp_error_set(err, e == ENOMEM ? TP_ERR_NOMEM : TP_ERR_IO, "%s: cannot read: %s", src->name,
                            strerror(e));
    int rc = tp_doc_set_text(doc, data, len, policy, err);
    free(data);
    if (rc == TP_OK)
        rc = tp_doc_set_id(doc, src->name, err);
    if (rc != TP_OK) {
        tp_error_prefix(err, "%s", src->name);
        return rc;
    }
    return 1;
}

static int bad_line(input_source *src, tp_error *err, const char *msg)
{
    return tp_error_set(err, TP_ERR_INPUT, "%s:%zu: %s", src->name, src->lineno, msg);
}

static int next_jsonl(input_source *src, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    for (;;) {
        errno = 0;
        ssize_t n = getline(&src->line, &src->line_cap, src->f);
        if (n < 0) {
            if (ferror(src->f))
                return tp_error_set(err, TP_ERR_IO, "%s: cannot read: %s", src->name, strerror(errno ? errno : EIO));
            return 0;
        }
        src->lineno++;
        size_t len = (size_t)n;
        while (len && (src->line[len - 1] == '\n' || src->line[len - 1] == '\r'))
            len--;
        size_t skip = 0;
        while (skip < len && (src->line[skip] == ' ' || src->line[skip] == '\t'))
            skip++;
        if (skip == len)
            continue; /* blank lines separate nothing: ignore them */

        json_error_t je;
        json_t *obj = json_loadb(src->line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        if (!obj && policy == TP_UTF8_REPLACE && strstr(je.text, "UTF-8")) {
            /* repair the raw line, then parse again */
            tp_doc_clear(doc);
            tp_error e2;
            if (tp_doc_set_text(doc, src->line, len, TP_UTF8_REPLACE, &e2) == TP_OK) {
                size_t rl;
                const char *repaired = tp_doc_text(doc, &rl);
                obj = json_loadb(repaired, rl, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
            }
            tp_doc_clear(doc);
        }
        if (!obj) {
            return tp_error_set(err, TP_ERR_INPUT,
                                "%s:%zu:%d: not JSON: %s; each line must be {\"id\": ..., \"text\": \"...\"}",
                                src->name, src->lineno, je.column, je.text);
        }
        int rc;
        json_t *text = json_object_get(obj, "text");
        json_t *id = json_object_get(obj, "id");
        if (!json_is_object(obj))
            rc = bad_line(src, err, "the line is JSON but not an object; each line must be {\"id\": ..., \"text\": \"...\"}");
        else if (!text)
            rc = bad_line(src, err, "the object has no \"text\"; add the document's text");
        else if (!json_is_string(text))
            rc = bad_line(src, err, "\"text\" is not a string");
        else if (id && !json_is_string(id) && !json_is_integer(id))
            rc = bad_line(src, err, "\"id\" must be a string or a whole number");
        else {
            tp_doc_clear(doc);
            rc = tp_doc_set_text(doc, json_string_value(text), json_string_length(text), policy, err);
            if (rc == TP_OK) {
                if (id) {
                    rc = tp_doc_set_id_json(doc, id, err);
                } else {
                    json_t *num = json_integer((json_int_t)src->lineno);
                    rc = num ? tp_doc_set_id_json(doc, num, err) : tp_error_set(err, TP_ERR_NOMEM, "out of memory");
                    json_decref(num);
                }
            } else {
                tp_error_prefix(err, "%s:%zu: in \"text\"", src->name, src->lineno);
            }
        }
        json_decref(obj);
        return rc == TP_OK ? 1 : rc;
    }
}

int input_next(input_source *src, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    tp_doc_clear(doc);
    return src->format == INPUT_JSONL ? next_jsonl(src, doc, policy, err) : next_text(src, doc, policy, err);
}
