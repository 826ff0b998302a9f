/* document_internal.h - the document's representation, shared by the core
 * modules that read it directly (output writers, the pipeline runner). */
#ifndef TP_DOCUMENT_INTERNAL_H
#define TP_DOCUMENT_INTERNAL_H

#include <textpipe/document.h>

#include "arena.h"
#include "offset_map.h"

struct tp_attr {
    const char *key;
    tp_value value;
    tp_attr *next;
};

/* What the stage running on a document may do: set by the pipeline runner
 * around each process() call; NULL outside stages (programs may do all). */
typedef struct stage_scope {
    int index;                     /* position in the pipeline */
    const char *label;             /* "stages[1] (sentence-split)" */
    const char *const *provides;
    unsigned flags;                /* the plugin's TP_PLUGIN_* flags */
} stage_scope;

typedef struct doc_view {
    char *text;        /* NUL-terminated, malloc'd */
    size_t len;
    offset_map map;    /* to the previous view; empty for view 0 */
    const char *made_by;
} doc_view;

struct tp_layer {
    tp_doc *doc;
    const char *name;
    unsigned flags;
    unsigned view;
    int owner;             /* stage index, -1 when made outside a stage */
    const char *owner_label;
    tp_span *spans;        /* malloc'd */
    size_t n, cap;
};

/* Attribute keys are interned per document: one copy of each key, found
 * by the caller's pointer first (plugins pass the same literal again and
 * again), so that setting an attribute neither copies nor compares it. */
typedef struct key_alias {
    const char *caller;    /* a pointer a plugin passed */
    const char *interned;  /* the document's copy */
} key_alias;

struct tp_doc {
    arena mem;
    key_alias *keys;
    size_t nkeys, cap_keys;
    char *id_text;
    json_t *id_json;
    doc_view *views;
    unsigned nviews, cap_views;
    tp_layer **layers;
    size_t nlayers, cap_layers;
    tp_attr *attrs;
    json_t **owned;        /* JSON values held by attributes, released on clear */
    size_t nowned, cap_owned;
    tp_attr *shared;       /* tp_doc_shared_attr()'s, in one block of SHARED_MAX so that */
    size_t nshared;        /* telling one (it may head many spans' lists) is a range check */
    const stage_scope *scope;
    int ascii;
    size_t replaced;
    size_t *cp_index;      /* code points before each CP_BLOCK bytes of view 0 */
    size_t cp_blocks;
    size_t text_cap;       /* view 0's buffer size; 0: not to be reused */
    char *spare_text;      /* a cleared document's view 0 buffer, for the next text */
    size_t spare_cap;
};

/* The pipeline runner sets the scope of the stage about to run. */
void doc_set_scope(tp_doc *doc, const stage_scope *scope);

#endif
