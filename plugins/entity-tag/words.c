/* words.c - building the table of the rules' word sets (tagger.h). */
#include <config.h>

#include <string.h>

#include "tagger.h"

int et_words_add(et_words *w, const et_word *words, uint32_t set)
{
    for (; words->s; words++) {
        uint64_t h = et_hash_add(ET_HASH_INIT, words->s, words->n);
        size_t i = h & (ET_WORDS_SLOTS - 1);
        while (w->slot[i].s && !(w->slot[i].n == words->n && memcmp(w->slot[i].s, words->s, words->n) == 0))
            i = (i + 1) & (ET_WORDS_SLOTS - 1);
        if (!w->slot[i].s) {
            /* a probe stops at an empty slot: never fill more than half */
            if (2 * (w->count + 1) > ET_WORDS_SLOTS)
                return -1;
            w->count++;
            w->slot[i].hash = h;
            w->slot[i].s = words->s;
            w->slot[i].n = (uint32_t)words->n;
        }
        w->slot[i].sets |= set;
    }
    return 0;
}
