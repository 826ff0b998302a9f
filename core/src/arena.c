/* arena.c - bump allocator: documents allocate many small strings and
 * attributes that all die together when the document is cleared. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

enum { ARENA_MIN_BLOCK = 16 * 1024, ARENA_KEEP_MAX = 256 * 1024 };

void arena_init(arena *a)
{
    a->head = NULL;
    a->spare = NULL;
    a->used_total = 0;
}

static void free_chain(arena_block *b, const arena_block *keep)
{
    while (b) {
        arena_block *next = b->next;
        if (b != keep)
            free(b);
        b = next;
    }
}

void arena_reset(arena *a)
{
    /* Keep the largest block that is not huge: streaming many documents then
     * costs no allocation at all once one block holds a whole document, and
     * one giant document does not pin its memory for the rest of the run.
     * (Keeping the first block instead made every document larger than it
     * allocate and free the same bigger blocks again.) */
    arena_block *keep = NULL;
    for (arena_block *b = a->head; b; b = b->next)
        if (b->size <= ARENA_KEEP_MAX && (!keep || b->size > keep->size))
            keep = b;
    free_chain(a->head, keep);
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
    a->spare = keep;
    a->used_total = 0;
}

void arena_free(arena *a)
{
    free_chain(a->head, NULL);
    arena_init(a);
}

void *arena_alloc_slow(arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = b ? b->size * 2 : ARENA_MIN_BLOCK;
        if (want < size)
            want = size;
        if (want > SIZE_MAX - sizeof(arena_block))
            return NULL;
        arena_block *nb = malloc(sizeof(arena_block) + want);
        if (!nb)
            return NULL;
        nb->size = want;
        nb->used = 0;
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_total += size;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
