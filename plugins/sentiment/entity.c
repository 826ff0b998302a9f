/* entity.c - see entity.h.
 *
 * The sentiment toward an entity is VADER's score of its sentence's
 * valences weighted by how much each is about the entity:
 *   - the entity's own words and other entities' names count nothing;
 *   - across a contrast ("X did well, but Y failed") the other side
 *     counts OTHER_SIDE and the contrast's own reweighting is undone;
 *   - words in another clause count OTHER_CLAUSE;
 *   - words farther away count less: 1 / (1 + distance / DISTANCE);
 *   - when the entity is the speaker of reported speech ("X said ..."),
 *     the words reported count SPEAKER (a speaker is judged by what they
 *     say, but less than what is said about them). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"

/* Chosen on the even-numbered sentences of NewsMTSC's devtest sets with
 * the mentions as entities (docs/sentiment.md has the figures). */
#define OTHER_SIDE 0.3
#define OTHER_CLAUSE 0.5
#define DISTANCE 3.0
#define SPEAKER 0.6

void entity_mark_tokens(vader_work *w, const size_t *starts, const size_t *ends, size_t n)
{
    size_t e = 0;
    for (size_t i = 0; i < w->n; i++) {
        vtok *t = &w->tok[i];
        while (e < n && ends[e] <= t->start)
            e++;
        if (e < n && starts[e] < t->end)
            t->flags |= VT_ENTITY;
    }
}

/* Is token @p i a reporting word next to the entity [first, last]? */
static int reports(const vtok *t, size_t n, size_t first, size_t last)
{
    /* "X said", "X, the senator, said" is beyond this; "said X", "X told",
     * "according to X" */
    for (size_t k = last + 1; k < n && k <= last + 2; k++)
        if (t[k].w && (t[k].w->flags & SW_REPORT))
            return 1;
    for (size_t k = first; k-- > 0 && k + 3 >= first;)
        if (t[k].w && (t[k].w->flags & SW_REPORT))
            return 1;
    return 0;
}

sent_scores entity_scores(const vader_work *w, size_t start, size_t end, double amp)
{
    const vtok *t = w->tok;
    size_t n = w->n, first = n, last = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].start < end && t[i].end > start) {
            if (first == n)
                first = i;
            last = i;
        }
    sent_scores r = {0, 0, 0, 0};
    if (first == n)
        return r; /* not among the tokens (a name made of punctuation) */
    int is_speaker = reports(t, n, first, last);
    size_t b = w->contrast;
    int entity_after = b < n && first > b;
    double sum = 0, pos = 0, neg = 0;
    size_t neu = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].flags & VT_ENTITY)
            continue;
        double v = t[i].v;
        double wgt = 1;
        if (b < n && i != b) {
            int after = i > b;
            v = v / (after ? 1.5 : 0.5); /* undo the unit's contrast */
            if (after != entity_after)
                wgt *= OTHER_SIDE;
        }
        if (t[i].clause != t[first].clause && t[i].clause != t[last].clause)
            wgt *= OTHER_CLAUSE;
        size_t d = i < first ? first - i : i > last ? i - last : 0;
        wgt /= 1 + (double)d / DISTANCE;
        if (is_speaker)
            wgt *= SPEAKER;
        double u = v * wgt;
        sum += u;
        if (u > 0)
            pos += u + 1;
        else if (u < 0)
            neg += u - 1;
        else
            neu++;
    }
    if (sum > 0)
        sum += amp;
    else if (sum < 0)
        sum -= amp;
    r.compound = vader_round(vader_normalize(sum), 4);
    double total = pos + fabs(neg) + (double)neu;
    if (total > 0) {
        r.pos = vader_round(pos / total, 3);
        r.neg = vader_round(fabs(neg) / total, 3);
        r.neu = vader_round((double)neu / total, 3);
    }
    return r;
}

/* ------------------------------------------------------------ aggregate */

typedef struct agg_entry {
    char *canonical;
    size_t len;
    char *label;
    size_t mentions;
    double compound, pos, neg, neu;
} agg_entry;

struct entity_agg {
    agg_entry *e;
    size_t n, cap;
};

entity_agg *entity_agg_new(void)
{
    return calloc(1, sizeof(entity_agg));
}

void entity_agg_free(entity_agg *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++) {
        free(a->e[i].canonical);
        free(a->e[i].label);
    }
    free(a->e);
    free(a);
}

int entity_agg_add(entity_agg *a, const char *canonical, size_t len, const char *label, const sent_scores *s,
                   tp_error *err)
{
    /* A document names few distinct entities: a linear search is enough. */
    agg_entry *e = NULL;
    for (size_t i = 0; i < a->n && !e; i++)
        if (a->e[i].len == len && memcmp(a->e[i].canonical, canonical, len) == 0)
            e = &a->e[i];
    if (!e) {
        if (a->n == a->cap) {
            size_t cap = a->cap ? a->cap * 2 : 16;
            agg_entry *more = realloc(a->e, cap * sizeof *more);
            if (!more)
                return tp_error_set(err, TP_ERR_NOMEM, "out of memory aggregating entity sentiment");
            a->e = more;
            a->cap = cap;
        }
        e = &a->e[a->n];
        memset(e, 0, sizeof *e);
        e->canonical = malloc(len + 1);
        e->label = label ? strdup(label) : NULL;
        if (!e->canonical || (label && !e->label)) {
            free(e->canonical);
            free(e->label);
            return tp_error_set(err, TP_ERR_NOMEM, "out of memory aggregating entity sentiment");
        }
        memcpy(e->canonical, canonical, len);
        e->canonical[len] = '\0';
        e->len = len;
        a->n++;
    }
    e->mentions++;
    e->compound += s->compound;
    e->pos += s->pos;
    e->neg += s->neg;
    e->neu += s->neu;
    return TP_OK;
}

json_t *entity_agg_json(const entity_agg *a)
{
    json_t *all = json_object();
    for (size_t i = 0; all && i < a->n; i++) {
        const agg_entry *e = &a->e[i];
        double m = (double)e->mentions;
        json_t *o = json_object();
        if (!o || (e->label && json_object_set_new(o, "label", json_string(e->label))) ||
            json_object_set_new(o, "mentions", json_integer((json_int_t)e->mentions)) ||
            json_object_set_new(o, "compound", json_real(vader_round(e->compound / m, 4))) ||
            json_object_set_new(o, "positive", json_real(vader_round(e->pos / m, 3))) ||
            json_object_set_new(o, "negative", json_real(vader_round(e->neg / m, 3))) ||
            json_object_set_new(o, "neutral", json_real(vader_round(e->neu / m, 3)))) {
            json_decref(o);
            json_decref(all);
            return NULL;
        }
        /* (the _new call releases o itself when it fails) */
        if (json_object_setn_new(all, e->canonical, e->len, o)) {
            json_decref(all);
            return NULL;
        }
    }
    return all;
}
