/* diagnostics.c - a list of problems with positions, printed the way
 * compilers do so that editors can jump to them. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/pipeline.h>

struct tp_diagnostics {
    tp_diag *items;
    size_t n, cap, errors;
    int failed;  /* a diagnostic could not be stored */
};

tp_diagnostics *tp_diagnostics_new(void)
{
    return calloc(1, sizeof(tp_diagnostics));
}

static void free_item(tp_diag *d)
{
    free((char *)d->file);
    free((char *)d->path);
    free((char *)d->message);
}

void tp_diagnostics_free(tp_diagnostics *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free_item(&d->items[i]);
    free(d->items);
    free(d);
}

size_t tp_diagnostics_count(const tp_diagnostics *d) { return d ? d->n : 0; }

size_t tp_diagnostics_errors(const tp_diagnostics *d)
{
    return d ? d->errors + (size_t)d->failed : 0;
}

const tp_diag *tp_diagnostics_get(const tp_diagnostics *d, size_t i)
{
    return d && i < d->n ? &d->items[i] : NULL;
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

int tp_diagnostics_add(tp_diagnostics *d, tp_severity sev, const char *file, int line, int column,
                       const char *path, const char *fmt, ...)
{
    if (!d)
        return TP_ERR_INVALID;
    if (sev == TP_SEV_ERROR)
        d->errors++;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        tp_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->failed = 1;
            return TP_ERR_NOMEM;
        }
        d->items = items;
        d->cap = cap;
    }
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tp_diag item = {sev, dup_or_empty(file), line, column, dup_or_empty(path), strdup(msg)};
    if (!item.file || !item.path || !item.message) {
        free_item(&item);
        d->failed = 1;
        return TP_ERR_NOMEM;
    }
    d->items[d->n++] = item;
    return TP_OK;
}

void tp_diagnostics_print(const tp_diagnostics *d, FILE *out)
{
    static const char *const names[] = {"error", "warning", "note"};
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        const tp_diag *x = &d->items[i];
        if (x->file[0]) {
            fputs(x->file, out);
            if (x->line > 0)
                fprintf(out, ":%d:%d", x->line, x->column > 0 ? x->column : 1);
            fputs(": ", out);
        }
        fprintf(out, "%s: ", names[x->severity <= TP_SEV_NOTE ? x->severity : 0]);
        if (x->path[0])
            fprintf(out, "%s: ", x->path);
        fprintf(out, "%s\n", x->message);
    }
    if (d->failed)
        fputs("error: out of memory: some problems could not be listed\n", out);
}
