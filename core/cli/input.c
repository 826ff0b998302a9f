/* input.c - see input.h. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "jsonl_fast.h"

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
    memset(src, 0, sizeof *src);
}

void input_record_free(input_record *rec)
{
    free(rec->data);
    free(rec->scratch);
    rec->data = rec->scratch = NULL;
    rec->len = rec->cap = rec->scratch_cap = 0;
}

/* Read all of @p f into the record's buffer. */
static int read_all(FILE *f, input_record *rec)
{
    rec->len = 0;
    for (;;) {
        if (rec->cap - rec->len < 4096) {
            size_t cap = rec->cap ? rec->cap * 2 : 1 << 16;
            char *nb = cap > rec->cap ? realloc(rec->data, cap) : NULL;
            if (!nb)
                return ENOMEM;
            rec->data = nb;
            rec->cap = cap;
        }
        size_t got = fread(rec->data + rec->len, 1, rec->cap - rec->len, f);
        rec->len += got;
        if (got == 0)
            break;
    }
    return ferror(f) ? (errno ? errno : EIO) : 0;
}

int input_read(input_source *src, input_record *rec, tp_error *err)
{
    rec->format = src->format;
    rec->name = src->name;
    if (src->format == INPUT_TEXT) {
        if (src->done)
            return 0;
        src->done = 1;
        rec->lineno = 0;
        int e = read_all(src->f, rec);
        if (e)
            return tp_error_set(err, e == ENOMEM ? TP_ERR_NOMEM : TP_ERR_IO, "%s: cannot read: %s", src->name,
                                strerror(e));
        return 1;
    }
    for (;;) {
        errno = 0;
        ssize_t n = getline(&rec->data, &rec->cap, src->f);
        if (n < 0) {
            if (ferror(src->f))
                return tp_error_set(err, TP_ERR_IO, "%s: cannot read: %s", src->name, strerror(errno ? errno : EIO));
            return 0;
        }
        rec->lineno = ++src->lineno;
        size_t len = (size_t)n;
        while (len && (rec->data[len - 1] == '\n' || rec->data[len - 1] == '\r'))
            len--;
        size_t skip = 0;
        while (skip < len && (rec->data[skip] == ' ' || rec->data[skip] == '\t'))
            skip++;
        if (skip < len) { /* blank lines separate nothing: ignore them */
            rec->len = len;
            return 1;
        }
    }
}

static int bad_line(const input_record *rec, tp_error *err, const char *msg)
{
    return tp_error_set(err, TP_ERR_INPUT, "%s:%zu: %s", rec->name, rec->lineno, msg);
}

static int decode_text(input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    int rc = tp_doc_set_text(doc, rec->data ? rec->data : "", rec->len, policy, err);
    if (rc == TP_OK)
        rc = tp_doc_set_id(doc, rec->name, err);
    if (rc != TP_OK)
        tp_error_prefix(err, "%s", rec->name);
    return rc;
}

/* The usual record, decoded without jansson (see jsonl_fast.h).  Returns
 * 1 when done (rc in *rc), 0 when the jansson path must decide. */
static int decode_jsonl_fast(input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err, int *rc)
{
    if (rec->scratch_cap < rec->len + 1) {
        char *s = realloc(rec->scratch, rec->len + 1);
        if (!s)
            return 0;
        rec->scratch = s;
        rec->scratch_cap = rec->len + 1;
    }
    jsonl_fields f;
    if (!tp_utf8_valid(rec->data, rec->len, NULL) || !jsonl_fast_decode(rec->data, rec->len, rec->scratch, &f))
        return 0;
    json_t *id = NULL;
    if (f.id_kind == JSONL_ID_STRING) {
        id = json_stringn_nocheck(f.id, f.id_len);
    } else if (f.id_kind == JSONL_ID_INTEGER) {
        char digits[32];
        if (f.id_len >= sizeof digits)
            return 0; /* too big for an integer: jansson says so */
        memcpy(digits, f.id, f.id_len);
        digits[f.id_len] = '\0';
        errno = 0;
        long long v = strtoll(digits, NULL, 10);
        if (errno == ERANGE)
            return 0;
        id = json_integer((json_int_t)v);
    } else {
        id = json_integer((json_int_t)rec->lineno);
    }
    if (!id) {
        *rc = tp_error_set(err, TP_ERR_NOMEM, "out of memory");
        return 1;
    }
    *rc = tp_doc_set_text(doc, f.text, f.text_len, policy, err);
    if (*rc == TP_OK)
        *rc = tp_doc_set_id_json(doc, id, err);
    else
        tp_error_prefix(err, "%s:%zu: in \"text\"", rec->name, rec->lineno);
    json_decref(id);
    return 1;
}

static int decode_jsonl(input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    int rc;
    if (decode_jsonl_fast(rec, doc, policy, err, &rc))
        return rc;
    tp_doc_clear(doc);
    json_error_t je;
    json_t *obj = json_loadb(rec->data, rec->len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    if (!obj && policy == TP_UTF8_REPLACE && strstr(je.text, "UTF-8")) {
        /* repair the raw line, then parse again */
        tp_error e2;
        if (tp_doc_set_text(doc, rec->data, rec->len, TP_UTF8_REPLACE, &e2) == TP_OK) {
            size_t rl;
            const char *repaired = tp_doc_text(doc, &rl);
            obj = json_loadb(repaired, rl, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        }
        tp_doc_clear(doc);
    }
    if (!obj)
        return tp_error_set(err, TP_ERR_INPUT,
                            "%s:%zu:%d: not JSON: %s; each line must be {\"id\": ..., \"text\": \"...\"}",
                            rec->name, rec->lineno, je.column, je.text);
    json_t *text = json_object_get(obj, "text");
    json_t *id = json_object_get(obj, "id");
    if (!json_is_object(obj))
        rc = bad_line(rec, err, "the line is JSON but not an object; each line must be {\"id\": ..., \"text\": \"...\"}");
    else if (!text)
        rc = bad_line(rec, err, "the object has no \"text\"; add the document's text");
    else if (!json_is_string(text))
        rc = bad_line(rec, err, "\"text\" is not a string");
    else if (id && !json_is_string(id) && !json_is_integer(id))
        rc = bad_line(rec, err, "\"id\" must be a string or a whole number");
    else {
        rc = tp_doc_set_text(doc, json_string_value(text), json_string_length(text), policy, err);
        if (rc == TP_OK) {
            if (id) {
                rc = tp_doc_set_id_json(doc, id, err);
            } else {
                json_t *num = json_integer((json_int_t)rec->lineno);
                rc = num ? tp_doc_set_id_json(doc, num, err) : tp_error_set(err, TP_ERR_NOMEM, "out of memory");
                json_decref(num);
            }
        } else {
            tp_error_prefix(err, "%s:%zu: in \"text\"", rec->name, rec->lineno);
        }
    }
    json_decref(obj);
    return rc;
}

int input_decode(input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    tp_doc_clear(doc);
    return rec->format == INPUT_JSONL ? decode_jsonl(rec, doc, policy, err) : decode_text(rec, doc, policy, err);
}

int input_next(input_source *src, input_record *rec, tp_doc *doc, tp_utf8_policy policy, tp_error *err)
{
    int got = input_read(src, rec, err);
    if (got <= 0)
        return got;
    int rc = input_decode(rec, doc, policy, err);
    return rc == TP_OK ? 1 : rc;
}
