/* textpipe/plugin.h - the plugin ABI: what a stage module exports.
 *
 * A plugin is a libtool module that exports exactly one descriptor, made
 * with TEXTPIPE_PLUGIN():
 *
 *     static const tp_option options[] = {
 *         TP_OPTION_BOOL("lowercase", "false", "Fold case before counting."),
 *         TP_OPTION_END
 *     };
 *     TEXTPIPE_PLUGIN(my_stage,
 *         .name = "my-stage", .version = "1.0", .license = "MIT",
 *         .description = "What it does, in one line.",
 *         .requires = TP_NAMES("tokens"), .provides = TP_NAMES("keywords"),
 *         .options = options, .flags = TP_PLUGIN_THREAD_SAFE,
 *         .create = my_create, .process = my_process, .destroy = my_destroy);
 *
 * The first argument is the module's file name with '-' written as '_'
 * (my-stage.so -> my_stage): the descriptor is exported as
 * `my_stage_LTX_textpipe_plugin`, as libltdl expects, so that modules can
 * also be preloaded into a static program without clashing.
 *
 * ABI promise: within one TP_ABI_MAJOR, fields are only ever appended to
 * tp_plugin (taken from `reserved`) and the loader accepts descriptors built
 * against an older or equal TP_ABI_MINOR.  See docs/plugin-guide.md.
 */
#ifndef TEXTPIPE_PLUGIN_H
#define TEXTPIPE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <textpipe/error.h>
#include <textpipe/document.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TP_PLUGIN_MAGIC 0x54585450u /* "TPXT" */
#define TP_ABI_MAJOR 1
#define TP_ABI_MINOR 1

/** Types of options. */
typedef enum tp_option_type {
    TP_OPT_BOOL = 1,
    TP_OPT_INT,     /**< a whole number (range in min/max when has_range) */
    TP_OPT_NUMBER,  /**< a real number (range in min/max when has_range) */
    TP_OPT_STRING,
    TP_OPT_ENUM,    /**< a string among `choices` */
    TP_OPT_LIST,    /**< an array of strings */
    TP_OPT_JSON     /**< any JSON; the plugin checks it in create() */
} tp_option_type;

/** One entry of a plugin's option table. */
typedef struct tp_option {
    const char *name;
    tp_option_type type;
    /** The default as JSON text ("true", "3", "\"NFC\"", "[]"); NULL means
     *  the option is absent unless given. */
    const char *default_json;
    const char *const *choices;  /**< TP_OPT_ENUM: NULL-terminated */
    int has_range;
    double min, max;             /**< inclusive, when has_range */
    const char *doc;             /**< one or two sentences for `describe` */
} tp_option;

#define TP_NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})
#define TP_OPTION_BOOL(n, def, d) {(n), TP_OPT_BOOL, (def), NULL, 0, 0, 0, (d)}
#define TP_OPTION_INT(n, def, lo, hi, d) {(n), TP_OPT_INT, (def), NULL, 1, (lo), (hi), (d)}
#define TP_OPTION_NUMBER(n, def, lo, hi, d) {(n), TP_OPT_NUMBER, (def), NULL, 1, (lo), (hi), (d)}
#define TP_OPTION_STRING(n, def, d) {(n), TP_OPT_STRING, (def), NULL, 0, 0, 0, (d)}
#define TP_OPTION_ENUM(n, def, ch, d) {(n), TP_OPT_ENUM, (def), (ch), 0, 0, 0, (d)}
#define TP_OPTION_LIST(n, def, d) {(n), TP_OPT_LIST, (def), NULL, 0, 0, 0, (d)}
#define TP_OPTION_JSON(n, def, d) {(n), TP_OPT_JSON, (def), NULL, 0, 0, 0, (d)}
#define TP_OPTION_END {NULL, 0, NULL, NULL, 0, 0, 0, NULL}

/** Plugin flags. */
enum {
    /** process() may run on several documents at once with one state. */
    TP_PLUGIN_THREAD_SAFE = 1u << 0,
    /** The stage adds text views (tp_view_begin). */
    TP_PLUGIN_MODIFIES_TEXT = 1u << 1
};

/** What create() receives: the checked options and where to find things. */
typedef struct tp_config tp_config;

/** The descriptor.  Fill it with TEXTPIPE_PLUGIN(); never by hand. */
typedef struct tp_plugin {
    uint32_t magic;         /**< TP_PLUGIN_MAGIC */
    uint16_t abi_major;     /**< TP_ABI_MAJOR the plugin was built with */
    uint16_t abi_minor;     /**< TP_ABI_MINOR the plugin was built with */
    uint32_t struct_size;   /**< sizeof(tp_plugin) the plugin was built with */
    const char *name;       /**< equal to the module's file name */
    const char *version;
    const char *license;    /**< SPDX identifier */
    const char *description;
    const char *const *requires;  /**< layers/attributes needed (TP_NAMES) */
    const char *const *provides;  /**< layers/attributes made (TP_NAMES) */
    const char *const *uses;      /**< used when present, not needed */
    const tp_option *options;     /**< ends with TP_OPTION_END; may be NULL */
    uint32_t flags;
    /** Build the stage's state from its options.  Return TP_OK or a
     *  negative tp_status with @p err set (the core names the stage). */
    int (*create)(const tp_config *config, void **state, tp_error *err);
    /** Annotate one document.  Return TP_OK or a negative tp_status with
     *  @p err set (the core adds stage and document). */
    int (*process)(void *state, tp_doc *doc, tp_error *err);
    /** Free the state (called once, never concurrently with process). */
    void (*destroy)(void *state);
    void *reserved[8];      /**< room to grow within one ABI major */
} tp_plugin;

#if defined(__GNUC__)
#define TP_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define TP_PLUGIN_EXPORT
#endif

/** Define the module's descriptor.  @p ident is the module name with '-'
 *  replaced by '_'; the rest are designated initializers. */
#define TEXTPIPE_PLUGIN(ident, ...)                                        \
    TP_PLUGIN_EXPORT extern const tp_plugin ident##_LTX_textpipe_plugin;   \
    TP_PLUGIN_EXPORT const tp_plugin ident##_LTX_textpipe_plugin = {       \
        .magic = TP_PLUGIN_MAGIC, .abi_major = TP_ABI_MAJOR,               \
        .abi_minor = TP_ABI_MINOR, .struct_size = sizeof(tp_plugin),       \
        __VA_ARGS__}

/* ------------------------------------------------------------------ */
/* Reading options in create().  Every option of the table has a value
 * (given or default) unless its default is NULL and it was not given.  The
 * core has already checked types, ranges and choices.  Strings returned
 * stay valid until the stage is destroyed.                              */

/** True when the option was given in the pipeline or has a default. */
TP_API int tp_config_has(const tp_config *cfg, const char *name);
/** A boolean option (0 when absent). */
TP_API int tp_config_bool(const tp_config *cfg, const char *name);
/** A whole-number option (0 when absent). */
TP_API long long tp_config_int(const tp_config *cfg, const char *name);
/** A number option (0 when absent). */
TP_API double tp_config_number(const tp_config *cfg, const char *name);
/** String and enum options; NULL when absent. */
TP_API const char *tp_config_string(const tp_config *cfg, const char *name);
/** The number of items of a list option (0 when absent). */
TP_API size_t tp_config_list_size(const tp_config *cfg, const char *name);
/** The i-th item of a list option, or NULL. */
TP_API const char *tp_config_list_item(const tp_config *cfg, const char *name, size_t i);
/** Any option as JSON (borrowed; NULL when absent). */
TP_API const json_t *tp_config_json(const tp_config *cfg, const char *name);

/** Where the option sits in the pipeline file, for messages:
 *  "pipelines/news.json: stages[2].options.gazetteers". */
TP_API const char *tp_config_where(const tp_config *cfg, const char *name);
/** The stage's id (its plugin name unless the pipeline gave an id). */
TP_API const char *tp_config_stage_id(const tp_config *cfg);

/** Find the plugin's data file @p file: TEXTPIPE_DATA_PATH, then next to the
 *  module (<dir>/<plugin>/data/), then the installed data directory.
 *  Returns a malloc'd path, or NULL with @p err listing where it looked. */
TP_API char *tp_config_find_data(const tp_config *cfg, const char *file, tp_error *err);
/** Resolve a user-given path: absolute stays, relative is taken from the
 *  directory of the pipeline file (or the working directory).  malloc'd. */
TP_API char *tp_config_resolve_path(const tp_config *cfg, const char *path, tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
