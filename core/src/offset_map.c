/* offset_map.c - see offset_map.h. */
#include <config.h>

#include <stdlib.h>

#include "offset_map.h"

void omap_init(offset_map *m)
{
    m->pieces = NULL;
    m->n = m->cap = 0;
    m->dst_total = m->src_total = 0;
    m->changed = 0;
}

void omap_free(offset_map *m)
{
    free(m->pieces);
    omap_init(m);
}

int omap_push(offset_map *m, size_t src_len, size_t dst_len, int copied)
{
    if (src_len == 0 && dst_len == 0)
        return 0;
    if (!copied)
        m->changed = 1;
    /* Consecutive copies are one piece: keeps the map small for text that
     * is mostly unchanged. */
    if (copied && m->n && m->pieces[m->n - 1].copied) {
        m->pieces[m->n - 1].dst_len += dst_len;
        m->pieces[m->n - 1].src_len += src_len;
    } else {
        if (m->n == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 16;
            omap_piece *p = realloc(m->pieces, cap * sizeof *p);
            if (!p)
                return -1;
            m->pieces = p;
            m->cap = cap;
        }
        omap_piece *p = &m->pieces[m->n++];
        p->dst = m->dst_total;
        p->src = m->src_total;
        p->dst_len = dst_len;
        p->src_len = src_len;
        p->copied = copied;
    }
    m->dst_total += dst_len;
    m->src_total += src_len;
    return 0;
}

/* Largest index whose piece starts at or before pos (start) or strictly
 * before pos (end); pieces of zero derived length are skipped that way. */
static size_t find_piece(const offset_map *m, size_t pos, int edge)
{
    size_t lo = 0, hi = m->n; /* answer in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        size_t d = m->pieces[mid].dst;
        if (edge ? d < pos : d <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t omap_map(const offset_map *m, size_t pos, int edge)
{
    if (m->n == 0)
        return pos;
    if (pos >= m->dst_total)
        return m->src_total;
    if (pos == 0 && edge)
        return 0;
    const omap_piece *p = &m->pieces[find_piece(m, pos, edge)];
    if (p->copied)
        return p->src + (pos - p->dst);
    return edge == 0 ? p->src : p->src + p->src_len;
}
