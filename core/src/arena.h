/* arena.h - bump allocator for per-document data (freed all at once). */
#ifndef TP_ARENA_H
#define TP_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;   /* block being filled */
    arena_block *spare;  /* block kept across resets */
    size_t used_total;
} arena;

void arena_init(arena *a);
/* Free everything, keeping one block of moderate size for reuse. */
void arena_reset(arena *a);
void arena_free(arena *a);
/* 16-byte aligned memory, or NULL when out of memory. */
void *arena_alloc_slow(arena *a, size_t size);

/* The block that is being filled (public for the inline fast path). */
struct arena_block {
    arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

static inline void *arena_alloc(arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    arena_block *b = a->head;
    if (b && size && b->size - b->used >= size) {
        void *p = b->data + b->used;
        b->used += size;
        a->used_total += size;
        return p;
    }
    return arena_alloc_slow(a, size);
}
/* A NUL-terminated copy of s[0..len). */
char *arena_strndup(arena *a, const char *s, size_t len);

#endif
