/* textpipe/error.h - status codes and the error record every call fills.
 *
 * Functions that can fail return TP_OK (0) or a negative tp_status and, when
 * given a tp_error, write a message that says where and what to do.  The
 * error record is a plain struct so that callers can keep it on the stack.
 */
#ifndef TEXTPIPE_ERROR_H
#define TEXTPIPE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TP_API __attribute__((visibility("default")))
#define TP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TP_API
#define TP_PRINTF(f, a)
#endif

/** Status codes.  Every failing call returns one of the negative values. */
typedef enum tp_status {
    TP_OK = 0,
    TP_ERR_NOMEM = -1,    /**< an allocation failed */
    TP_ERR_INVALID = -2,  /**< a bad argument or a contract violation */
    TP_ERR_IO = -3,       /**< reading or writing a file failed */
    TP_ERR_INPUT = -4,    /**< the input text or document is not acceptable */
    TP_ERR_PIPELINE = -5, /**< the pipeline definition is not valid */
    TP_ERR_PLUGIN = -6,   /**< a plugin could not be found or loaded */
    TP_ERR_STAGE = -7,    /**< a stage failed in create or process */
    TP_ERR_DATA = -8,     /**< a plugin's data file is missing or corrupt */
    TP_ERR_DENIED = -9    /**< the call is not allowed for this stage */
} tp_status;

#define TP_ERROR_MESSAGE_MAX 1024

/** An error record: the status and a human-readable message. */
typedef struct tp_error {
    int status;                          /**< a tp_status; TP_OK when clear */
    char message[TP_ERROR_MESSAGE_MAX];  /**< NUL-terminated, may be empty */
} tp_error;

/** Clear @p err (NULL is allowed). */
TP_API void tp_error_clear(tp_error *err);

/** Record @p status and a printf-style message in @p err (NULL allowed).
 *  Returns @p status so that callers can write `return tp_error_set(...)`. */
TP_API int tp_error_set(tp_error *err, int status, const char *fmt, ...) TP_PRINTF(3, 4);

/** Like tp_error_set() with a va_list. */
TP_API int tp_error_setv(tp_error *err, int status, const char *fmt, va_list ap) TP_PRINTF(3, 0);

/** Put "PREFIX: " in front of the message already in @p err. */
TP_API void tp_error_prefix(tp_error *err, const char *fmt, ...) TP_PRINTF(2, 3);

/** A short English name of a status ("out of memory", "input error", ...). */
TP_API const char *tp_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
