/* suggest.h - "did you mean" for misspelled names (internal). */
#ifndef TP_SUGGEST_H
#define TP_SUGGEST_H

#include <stddef.h>

/* Optimal string alignment distance (edits incl. transpositions), capped:
 * returns cap+1 as soon as the distance exceeds cap. */
size_t edit_distance(const char *a, const char *b, size_t cap);

/* The candidate closest to @p word if it is close enough to be a likely
 * typo (at most 2 edits, and fewer than half the word), else NULL. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);

#endif
