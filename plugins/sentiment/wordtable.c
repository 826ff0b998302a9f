/* wordtable.c - see wordtable.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "wordtable.h"

_Static_assert(sizeof(sent_word) == 64, "a word table entry is meant to fill one cache line");

void wt_init(wordtable *t)
{
    memset(t, 0, sizeof *t);
}

void wt_free(wordtable *t)
{
    free(t->words);
    free(t->slots);
    free(t->keys);
    memset(t, 0, sizeof *t);
}

static uint64_t slot_of(uint64_t hash, size_t index)
{
    return (hash >> 32) << 32 | (uint64_t)(index + 1);
}

static uint64_t hash_of(const wordtable *t, const sent_word *w)
{
    uint64_t head;
    return wt_hash(t->keys + w->key_off, w->len, &head);
}

/* A slot array of @p n slots (a power of two) for the entries. */
static int rehash_slots(wordtable *t, size_t n, tp_error *err)
{
    uint64_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory building the word table");
    for (size_t i = 0; i < t->n; i++) {
        uint64_t h = hash_of(t, &t->words[i]);
        size_t k = (size_t)h & (n - 1);
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = slot_of(h, i);
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    return TP_OK;
}

/* Double the slot array (load stays at most one half). */
static int grow_slots(wordtable *t, tp_error *err)
{
    return rehash_slots(t, t->nslots ? t->nslots * 2 : 1024, err);
}

/* Room for @p cap entries, aligned so that each is one cache line. */
static int resize_words(wordtable *t, size_t cap, tp_error *err)
{
    sent_word *words = aligned_alloc(64, cap * sizeof *words);
    if (!words)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory building the word table");
    if (t->n)
        memcpy(words, t->words, t->n * sizeof *words);
    free(t->words);
    t->words = words;
    t->cap = cap;
    return TP_OK;
}

static int grow_words(wordtable *t, tp_error *err)
{
    return resize_words(t, t->cap ? t->cap * 2 : 1024, err);
}

/* Room for @p bytes more key bytes (and the padding after the last). */
static int reserve_keys(wordtable *t, size_t bytes, tp_error *err)
{
    if (t->keys_len + bytes <= t->keys_cap)
        return TP_OK;
    size_t cap = t->keys_cap ? t->keys_cap : (size_t)64 * 1024;
    while (t->keys_len + bytes > cap)
        cap *= 2;
    if (cap > UINT32_MAX)
        return tp_error_set(err, TP_ERR_DATA, "the word table's keys exceed 4 GB");
    char *keys = realloc(t->keys, cap + 8);
    if (!keys)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory building the word table");
    t->keys = keys;
    t->keys_cap = cap;
    return TP_OK;
}

int wt_reserve(wordtable *t, size_t more, size_t key_bytes, tp_error *err)
{
    if (more > UINT32_MAX / 4 || t->n + more > UINT32_MAX / 4)
        return tp_error_set(err, TP_ERR_DATA, "%zu more words do not fit in the word table", more);
    size_t want = t->n + more, nslots = t->nslots ? t->nslots : 1024;
    while (want * 2 > nslots)
        nslots *= 2;
    if (nslots != t->nslots && rehash_slots(t, nslots, err) != TP_OK)
        return err->status;
    if (want > t->cap && resize_words(t, want > 2 * t->cap ? want : 2 * t->cap, err) != TP_OK)
        return err->status;
    return reserve_keys(t, key_bytes, err);
}

sent_word *wt_intern(wordtable *t, const char *key, size_t len, tp_error *err)
{
    uint64_t head, h = wt_hash(key, len, &head);
    const sent_word *found = wt_find(t, key, len, h, head);
    if (found)
        return (sent_word *)found;
    if (len > UINT32_MAX / 2 || t->n + 1 >= UINT32_MAX)
        return tp_error_set(err, TP_ERR_DATA, "a word of %zu bytes is too long for the word table", len), NULL;
    if ((t->n + 1) * 2 > t->nslots && grow_slots(t, err) != TP_OK)
        return NULL;
    if (t->n == t->cap && grow_words(t, err) != TP_OK)
        return NULL;
    if (reserve_keys(t, len + 1, err) != TP_OK)
        return NULL;
    sent_word *w = &t->words[t->n];
    memset(w, 0, sizeof *w);
    w->head = head;
    w->key_off = (uint32_t)t->keys_len;
    w->len = (uint32_t)len;
    memcpy(t->keys + t->keys_len, key, len);
    memset(t->keys + t->keys_len + len, 0, 9); /* its NUL, and the padding after the last key */
    t->keys_len += len + 1;
    size_t mask = t->nslots - 1;
    size_t k = (size_t)h & mask;
    while (t->slots[k])
        k = (k + 1) & mask;
    t->slots[k] = slot_of(h, t->n);
    t->n++;
    return w;
}
