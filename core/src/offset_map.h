/* offset_map.h - the exact map from a derived text view to its source.
 *
 * The derived text is a sequence of pieces, each either copied unchanged
 * from the source or replacing a source range (replacements may be empty
 * on either side: deletions and insertions).  Offsets inside a copied piece
 * map one to one; a start inside a replacement maps to the start of what it
 * replaced and an end to its end, so a span never loses source bytes. */
#ifndef TP_OFFSET_MAP_H
#define TP_OFFSET_MAP_H

#include <stddef.h>

typedef struct omap_piece {
    size_t dst, src;          /* where the piece starts on each side */
    size_t dst_len, src_len;
    int copied;               /* 1: dst_len == src_len and bytes equal */
} omap_piece;

typedef struct offset_map {
    omap_piece *pieces;
    size_t n, cap;
    size_t dst_total, src_total;
    int changed;              /* any replacement at all */
} offset_map;

void omap_init(offset_map *m);
void omap_free(offset_map *m);
/* Append the next piece; returns 0, or -1 when out of memory. */
int omap_push(offset_map *m, size_t src_len, size_t dst_len, int copied);
/* Map a derived offset to the source; edge 0 = start, 1 = end. */
size_t omap_map(const offset_map *m, size_t pos, int edge);

#endif
