/* error.c - filling tp_error records. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <textpipe/error.h>

void tp_error_clear(tp_error *err)
{
    if (err) {
        err->status = TP_OK;
        err->message[0] = '\0';
    }
}

int tp_error_setv(tp_error *err, int status, const char *fmt, va_list ap)
{
    if (err) {
        err->status = status;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return status;
}

int tp_error_set(tp_error *err, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tp_error_setv(err, status, fmt, ap);
    va_end(ap);
    return status;
}

void tp_error_prefix(tp_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[TP_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    char old[TP_ERROR_MESSAGE_MAX];
    memcpy(old, err->message, sizeof old);
    snprintf(err->message, sizeof err->message, "%s: %s", prefix,
             old[0] ? old : tp_status_name(err->status));
}

const char *tp_status_name(int status)
{
    switch (status) {
    case TP_OK: return "success";
    case TP_ERR_NOMEM: return "out of memory";
    case TP_ERR_INVALID: return "invalid argument";
    case TP_ERR_IO: return "input/output error";
    case TP_ERR_INPUT: return "input error";
    case TP_ERR_PIPELINE: return "invalid pipeline";
    case TP_ERR_PLUGIN: return "plugin error";
    case TP_ERR_STAGE: return "stage failed";
    case TP_ERR_DATA: return "data file error";
    case TP_ERR_DENIED: return "not allowed";
    default: return "unknown error";
    }
}
