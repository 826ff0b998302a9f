/* entity.c - see entity.h.
 *
 * The sentiment toward an entity is VADER's score of its sentence's
 * valences weighted by how much each is about the entity, plus what the
 * verbs around it say about the part it plays:
 *   - the entity's own words and other entities' names count nothing;
 *   - across a contrast ("X did well, but Y failed") the other side
 *     counts OTHER_SIDE and the contrast's own reweighting is undone;
 *   - words in another clause count OTHER_CLAUSE, but a relative clause
 *     right after the entity ("X, who won ...") is the entity's own;
 *   - words farther away count less: 1 / (1 + distance / DISTANCE);
 *   - when the entity is the speaker of reported speech ("X said ..."),
 *     the words reported count SPEAKER: news readers judge a speaker by
 *     what is said about them, hardly by what they say about others;
 *   - an entity after "with", "in", "from", "for" or "by" ("in an
 *     interview with X") is part of the setting, not a party to what the
 *     clause says: its words count SETTING;
 *   - words in a quotation count QUOTED toward an entity outside it that
 *     is not its speaker: a quotation speaks first of what it names;
 *   - roles: a verb of the data file's classes (praise, blame, win, lose,
 *     harm, help, undergo) in the entity's clause, with the entity as its
 *     doer or its object, adds ROLE_WEIGHT times what the class says about
 *     that part (role_effect below) in place of the verb's own valence: "X
 *     defeated Y" is good for X and bad for Y, "X was accused" bad for X,
 *     "X was praised by Y" good for both;
 *   - the victim of a harm verb or noun ("X was killed", "the murder of
 *     X") or the subject of a verb of what befalls one ("X died", "X
 *     disappeared") is not judged by the clause's negative words either;
 *   - words the unit's rules left at 0 because VADER lacks them (the data
 *     file's words about people) or because a curly quotation mark clings
 *     to them ("“disastrous”") get a valence here, negated like VADER's. */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "vader_internal.h"

/* Chosen on the even-numbered sentences of NewsMTSC's devtest sets
 * (docs/sentiment.md has the figures). */
#define OTHER_SIDE 0.3
#define OTHER_CLAUSE 0.75
#define DISTANCE 3.0
#define SPEAKER 0.1
#define SETTING 0.3
#define QUOTED 0.75
#define ROLE_WEIGHT 2.0
/* How far (in tokens) a doer or an object may stand from its verb, and
 * a noun's object from the noun ("the shooting of officer X"). */
#define ROLE_WINDOW 6
#define NOUN_WINDOW 4

/* What each class of verb says about its doer and its object (-1..1). */
static const double role_effect[ER_COUNT][2] = {
    [ER_PRAISE] = {0.5, 1.0}, /* the praiser sides with the good, mildly */
    [ER_BLAME] = {-0.5, -1.0}, /* who attacks is drawn into the quarrel */
    [ER_WIN] = {1.0, -1.0},
    [ER_LOSE] = {-1.0, 1.0},
    [ER_HARM] = {-1.0, 0.0},  /* a victim is not judged by the harm done */
    [ER_HELP] = {1.0, 0.5},
    [ER_UNDERGO] = {0.0, 0.0}, /* "X died": X is a victim (harmed()) */
};
enum { AGENT = 0, PATIENT = 1 };

void entity_scratch_free(entity_scratch *s)
{
    free(s->t);
    free(s->live);
    free(s->pron);
    memset(s, 0, sizeof *s);
}

static void mark_tokens(vader_work *w, entity_tok *et, const size_t *starts, const size_t *ends,
                        const uint32_t *people, size_t n)
{
    size_t e = 0;
    for (size_t i = 0; i < w->n; i++) {
        vtok *t = &w->tok[i];
        while (e < n && ends[e] <= t->start)
            e++;
        et[i].person = 0;
        if (e < n && starts[e] < t->end) {
            t->flags |= VT_ENTITY;
            et[i].person = people[e];
        }
    }
}

/* [*b, *e) of @p s without the punctuation and quotation marks around it
 * (ASCII punctuation, “ ” ‘ ’).  The tokenizer strips only ASCII. */
static void strip_quotes(const char *s, size_t *b, size_t *e)
{
    for (;;) {
        if (*b < *e && (unsigned char)s[*b] < 0x80 && !isalnum((unsigned char)s[*b]))
            (*b)++;
        /* cppcheck-suppress knownConditionTrueFalse ; false positive: cppcheck loses track of *b and *e */
        else if (*e - *b >= 3 && (unsigned char)s[*b] == 0xE2 && (unsigned char)s[*b + 1] == 0x80 &&
                 ((unsigned char)s[*b + 2] == 0x9C || (unsigned char)s[*b + 2] == 0x98))
            *b += 3;
        else
            break;
    }
    for (;;) {
        if (*e > *b && (unsigned char)s[*e - 1] < 0x80 && !isalnum((unsigned char)s[*e - 1]))
            (*e)--;
        /* cppcheck-suppress knownConditionTrueFalse ; as above */
        else if (*e - *b >= 3 && (unsigned char)s[*e - 3] == 0xE2 && (unsigned char)s[*e - 2] == 0x80 &&
                 ((unsigned char)s[*e - 1] == 0x9D || (unsigned char)s[*e - 1] == 0x99))
            *e -= 3;
        else
            break;
    }
}

/* VADER's negation for a valence found here: a negation among the three
 * tokens before, within the clause. */
static double negated(const vtok *t, size_t i, double v)
{
    for (size_t k = i; k-- > 0 && k + 3 >= i;) {
        if (t[k].clause != t[i].clause)
            break;
        if (t[k].flags & VT_NEGATED)
            return v * N_SCALAR;
    }
    return v;
}

/* Does the token start with a capital letter (after the punctuation and
 * quotation marks before it)? */
static int capitalized(const char *text, const vtok *t)
{
    size_t b = t->start, e = t->end;
    strip_quotes(text, &b, &e);
    return b < e && text[b] >= 'A' && text[b] <= 'Z';
}

/* Does the token start its sentence: the unit's first, or after a full
 * stop, a question or exclamation mark or a colon (which the tokenizer
 * stripped from the token before: they lie between the two)? */
static int sentence_initial(const char *text, const vtok *t, size_t i)
{
    if (i == 0)
        return 1;
    for (size_t k = t[i - 1].end; k < t[i].start; k++)
        if (text[k] == '.' || text[k] == '!' || text[k] == '?' || text[k] == ':')
            return 1;
    return 0;
}

/* Inside a sentence, a capitalized word next to another capitalized word
 * is part of a name ("appeared on Good Morning America", "the Affordable
 * Care Act") even when no entity covers it: it names, it does not judge.
 * In a headline, where most words outside the entities are capitalized,
 * this says nothing.  *headline caches that for the unit (-1: not yet
 * known); entity names are marked already (VT_ENTITY).  Asked only of
 * words with a valence, which are few. */
#define HEADLINE_CAPITALS 0.6

static int in_name(const char *text, const vtok *t, size_t n, size_t i, int *headline)
{
    if (!capitalized(text, &t[i]) || sentence_initial(text, t, i) ||
        !((i > 0 && capitalized(text, &t[i - 1])) || (i + 1 < n && capitalized(text, &t[i + 1]))))
        return 0;
    if (*headline < 0) {
        size_t ncap = 0, nwords = 0;
        for (size_t k = 0; k < n; k++) {
            if (!(t[k].flags & VT_ENTITY)) {
                nwords++;
                ncap += (size_t)capitalized(text, &t[k]);
            }
        }
        *headline = (double)ncap > HEADLINE_CAPITALS * (double)nwords;
    }
    return !*headline;
}

int entity_prepare(const entity_model *m, const char *text, vader_work *w, entity_scratch *s,
                   const size_t *starts, const size_t *ends, const uint32_t *people, size_t n,
                   tp_error *err)
{
    if (vader_reserve((void **)&s->t, &s->cap, w->n ? w->n : 1, sizeof *s->t, err) ||
        vader_reserve((void **)&s->live, &s->live_cap, w->n ? w->n : 1, sizeof *s->live, err) ||
        vader_reserve((void **)&s->pron, &s->pron_cap, w->n ? w->n : 1, sizeof *s->pron, err))
        return err->status;
    mark_tokens(w, s->t, starts, ends, people, n);
    const vtok *t = w->tok;
    for (size_t i = 0; i < w->n; i++) {
        entity_tok *et = &s->t[i];
        const char *low = w->lower + t[i].lo_off;
        size_t len = t[i].lo_len;
        uint64_t head, h0 = t[i].hash;
        if (len > m->sent->longest_key) /* the tokenizer hashes only what may be a lexicon word */
            h0 = wt_hash(low, len, &head);
        const ew_entry *e = ew_find(m->words, low, len, h0);
        double lexval = 0;
        int has_lex = 0;
        if (!e) { /* "“disastrous”", "wonderful.”": look the bare word up */
            size_t b = 0, end = len;
            strip_quotes(low, &b, &end);
            if (end > b && (b > 0 || end < len)) {
                uint64_t h = wt_hash(low + b, end - b, &head);
                e = ew_find(m->words, low + b, end - b, h);
                const sent_word *sw = !(t[i].flags & VT_LEX) && end - b <= m->sent->longest_key
                                          ? wt_find(&m->sent->words, low + b, end - b, h, head)
                                          : NULL;
                if (sw && m->news && (sw->flags & SW_DOMAIN))
                    lexval = sw->domain, has_lex = 1;
                else if (sw && (sw->flags & SW_LEXICON))
                    lexval = sw->valence, has_lex = 1;
            }
        }
        et->role = e ? e->role : ER_NONE;
        et->noun = e ? e->noun : ER_NONE;
        et->owner = e ? e->owner : 0;
        et->flags = e ? e->flags : 0;
        et->possessive = (len > 2 && low[len - 2] == '\'' && low[len - 1] == 's') ||
                         (len > 4 && memcmp(low + len - 4, "\xE2\x80\x99s", 4) == 0) ||
                         (len > 2 && low[len - 2] == 's' && low[len - 1] == '\'');
        if (len > 2 && low[len - 2] == 'l' && low[len - 1] == 'y')
            et->flags |= EW_ADVERB;
        et->fill = 0;
        if (t[i].v != 0 || (t[i].flags & (VT_ENTITY | VT_BOOSTER)))
            continue;
        if (e && (e->flags & EW_VALENCE) && !(t[i].flags & VT_LEX))
            lexval = e->valence, has_lex = 1;
        if (!has_lex || lexval == 0)
            continue;
        double v = negated(t, i, lexval);
        if (m->news && v > 0)
            v *= m->sent->positive_weight;
        et->fill = v;
    }
    s->nlive = s->plain = s->npron = 0;
    int headline = -1;
    for (size_t i = 0; i < w->n; i++) {
        if (t[i].flags & VT_ENTITY) {
            if (s->t[i].person && (s->t[i].flags & EW_HE))
                s->pron[s->npron++] = (uint32_t)i;
            continue;
        }
        const entity_tok *et = &s->t[i];
        int valued = t[i].v != 0 || et->fill != 0;
        if (et->role || et->noun || (valued && !in_name(text, t, w->n, i, &headline)))
            s->live[s->nlive++] = (uint32_t)i;
        else
            s->plain++;
    }
    return TP_OK;
}

/* Is the entity [first, last] the speaker of a reporting word next to it? */
static int reports(const vtok *t, const entity_tok *et, size_t n, size_t first, size_t last)
{
    /* "X said", "X told"; "X, the senator, said" is beyond this */
    for (size_t k = last + 1; k < n && k <= last + 2; k++)
        if (t[k].w && (t[k].w->flags & SW_REPORT))
            return 1;
    /* "..., said X", "according to X"; but in "Y said X would win" Y
     * speaks, and in "told X" X listens */
    for (size_t k = first; k-- > 0 && k + 3 >= first;)
        if (t[k].w && (t[k].w->flags & SW_REPORT))
            return !(et[k].flags & EW_TELL) &&
                   !(k > 0 && ((t[k - 1].flags & VT_ENTITY) || (et[k - 1].flags & EW_PRONOUN)));
    return 0;
}

/* A participle after a form of "be" (adverbs between): a passive. */
static int passive(const entity_tok *et, size_t j)
{
    if (!(et[j].flags & EW_PARTICIPLE))
        return 0;
    for (size_t k = j; k-- > 0 && k + 3 >= j;) {
        if (et[k].flags & EW_BE)
            return 1;
        if (!(et[k].flags & EW_ADVERB))
            return 0;
    }
    return 0;
}

/* Another doer (a named entity or a pronoun) among tokens (a, b). */
static int someone_between(const vtok *t, const entity_tok *et, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if ((t[k].flags & VT_ENTITY) || (et[k].flags & EW_PRONOUN))
            return 1;
    return 0;
}

/* Names joined by "and" or "or" play one part: a verb or noun before them
 * reaches each ("defeated X and Y", "the murder of X and Y"), a verb after
 * them has each for its doer ("X and Y defeated Z").  conj_head() is the
 * first token of the first name joined to the entity starting at @p first;
 * conj_tail() the last token of the last name joined to the entity ending
 * at @p last, before token @p end. */
static size_t conj_head(const vtok *t, const entity_tok *et, size_t first)
{
    size_t k = first;
    while (k >= 2 && (et[k - 1].flags & EW_AND) && (t[k - 2].flags & VT_ENTITY)) {
        k -= 2;
        while (k > 0 && (t[k - 1].flags & VT_ENTITY))
            k--;
    }
    return k;
}

static size_t conj_tail(const vtok *t, const entity_tok *et, size_t end, size_t last)
{
    size_t k = last;
    while (k + 2 < end && (et[k + 1].flags & EW_AND) && (t[k + 2].flags & VT_ENTITY)) {
        k += 2;
        while (k + 1 < end && (t[k + 1].flags & VT_ENTITY))
            k++;
    }
    return k;
}

/* Token k is a role verb read as a verb: after a determiner a verb form is
 * a noun ("a shot at X", "his lead"). */
static int verb_reading(const entity_tok *et, size_t k)
{
    return et[k].role && !(k > 0 && (et[k - 1].flags & EW_DET));
}

/* The part the entity [first, last] plays for the role word j: AGENT,
 * PATIENT, or -1 when it is not the word's doer or object; *cls is the
 * class of the reading that applies (the noun's or the verb's).  The doer comes
 * before an active verb ("X criticized"), the object after it ("criticized
 * X"), with nobody in between but the names joined to the entity; a
 * passive turns the subject into the object ("X was criticized") and names
 * the doer with "by". */
static int part_in(const vtok *t, const entity_tok *et, size_t j, size_t first, size_t last, uint8_t *cls)
{
    if (j < first)
        first = conj_head(t, et, first);
    *cls = et[j].noun;
    if (et[j].noun) {
        /* "X's victory", "X's critics": the possessor plays the part the
         * noun says.  After a preposition the entity is the object
         * ("criticism of X", "support for X", "victory over X"), except that
         * "of" and "for" after a win or loss noun name whom it happened to
         * as the possessive does ("the victory of X", "a defeat for X"). */
        if (j > last && j - last <= 2 && et[last].possessive && !someone_between(t, et, last, j))
            return et[j].owner;
        if (j < first && first - j <= NOUN_WINDOW && j + 1 < first && (et[j + 1].flags & EW_PREP) &&
            !someone_between(t, et, j + 1, first))
            return (et[j + 1].flags & EW_OF_FOR) && (et[j].noun == ER_WIN || et[j].noun == ER_LOSE) ? et[j].owner
                                                                                                   : PATIENT;
        if (!et[j].role)
            return -1;
    }
    if (!verb_reading(et, j))
        return -1;
    *cls = et[j].role;
    int pass = passive(et, j);
    if (j > last)
        last = conj_tail(t, et, j, last);
    if (j > last) {
        if (j - last > ROLE_WINDOW || someone_between(t, et, last, j))
            return -1;
        /* "his speech attacking X helped": the object of the verb before
         * it is not the doer of the one after it */
        if (first > 0 && verb_reading(et, first - 1) && !passive(et, first - 1))
            return -1;
        return pass ? PATIENT : AGENT;
    }
    if (j < first) {
        if (first - j > ROLE_WINDOW)
            return -1;
        if (pass)
            return (et[first - 1].flags & EW_BY) ? AGENT : -1;
        /* "accused of killing X": X is the nearer verb's object */
        for (size_t k = j + 1; k < first; k++)
            if (verb_reading(et, k))
                return -1;
        return someone_between(t, et, j, first) ? -1 : PATIENT;
    }
    return -1;
}

/* Does the role word @p i make the entity [first, last] a victim? */
static int victim_of(const vtok *t, const entity_tok *et, size_t i, size_t first, size_t last)
{
    uint8_t cls;
    int part = part_in(t, et, i, first, last, &cls);
    return (part == PATIENT && cls == ER_HARM) || (part == AGENT && cls == ER_UNDERGO);
}

/* Is the entity [first, last], or a pronoun @p echo standing for it, the
 * victim of a harm verb or noun in its clause ("X was shot", "the murder of
 * X", "killing her") or the subject of an undergo verb ("X died")? */
static int harmed(const vtok *t, const entity_scratch *s, size_t first, size_t last, const size_t *echo,
                  size_t nechoes)
{
    const entity_tok *et = s->t;
    for (size_t li = 0; li < s->nlive; li++) {
        size_t i = s->live[li];
        if (et[i].role != ER_HARM && et[i].noun != ER_HARM && et[i].role != ER_UNDERGO)
            continue;
        if ((t[i].clause == t[first].clause || t[i].clause == t[last].clause) && victim_of(t, et, i, first, last))
            return 1;
        for (size_t k = 0; k < nechoes; k++)
            if (t[i].clause == t[echo[k]].clause && victim_of(t, et, i, echo[k], echo[k]))
                return 1;
    }
    return 0;
}

/* Pronouns that refer to the entity: at most this many are followed, and
 * tagged ones at most this many tokens after it (a unit is a sentence but
 * for documents without sentences: no entity should read them all). */
#define MAX_ECHOES 8
#define ECHO_REACH 100

sent_scores entity_scores(const vader_work *w, const entity_scratch *s, size_t start, size_t end, double amp)
{
    const vtok *t = w->tok;
    const entity_tok *et = s->t;
    size_t n = w->n;
    /* the tokens in order: the first one that ends after start */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].end > start)
            hi = mid;
        else
            lo = mid + 1;
    }
    size_t first = lo, last = lo;
    sent_scores r = {0, 0, 0, 0};
    if (first == n || t[first].start >= end)
        return r; /* not among the tokens (a name made of punctuation) */
    while (last + 1 < n && t[last + 1].start < end)
        last++;
    /* The pronouns after a person that refer to them: what is said about
     * them is said about the person.  An untagged "he", "his", "her" is the
     * nearest person's before it, so it counts up to the next person
     * named; a pronoun tagged as a mention (entity-tag's `pronouns`) is the
     * person its canonical name says, wherever it stands. */
    size_t echo[MAX_ECHOES], nechoes = 0;
    if (et[first].person) {
        for (size_t i = last + 1; i < n && nechoes < MAX_ECHOES; i++) {
            if (et[i].flags & EW_HE) {
                if (!et[i].person)
                    echo[nechoes++] = i;
            } else if (et[i].person && et[i].person != et[first].person) {
                break;
            }
        }
        size_t k = 0, top = s->npron; /* the first tagged pronoun after the entity */
        while (k < top) {
            size_t mid = k + (top - k) / 2;
            if (s->pron[mid] > last)
                top = mid;
            else
                k = mid + 1;
        }
        for (; k < s->npron && s->pron[k] - last <= ECHO_REACH && nechoes < MAX_ECHOES; k++)
            if (et[s->pron[k]].person == et[first].person)
                echo[nechoes++] = s->pron[k];
    }
    int is_speaker = reports(t, et, n, first, last);
    int in_setting = first > 0 && (et[first - 1].flags & EW_SETTING);
    int quoted = (t[first].flags & VT_QUOTED) != 0;
    /* the clause "who" opens right after the entity (its comma clings to
     * the name's token) is about the entity; UINT32_MAX matches no clause */
    uint32_t own_relative = last + 1 < n && (et[last + 1].flags & EW_WHO) ? t[last + 1].clause : UINT32_MAX;
    int victim = harmed(t, s, first, last, echo, nechoes);

    size_t b = w->contrast;
    int entity_after = b < n && first > b;
    double sum = 0, pos = 0, neg = 0;
    size_t neu = s->plain; /* each counts 0 toward any entity */
    for (size_t li = 0; li < s->nlive; li++) {
        size_t i = s->live[li];
        int same_clause =
            t[i].clause == t[first].clause || t[i].clause == t[last].clause || t[i].clause == own_relative;
        size_t d = i < first ? first - i : i > last ? i - last : 0;
        uint8_t cls = ER_NONE;
        int has_role = et[i].role || et[i].noun;
        int part = has_role && same_clause ? part_in(t, et, i, first, last, &cls) : -1;
        for (size_t k = 0; k < nechoes; k++) {
            size_t p = echo[k], dp = i < p ? p - i : i - p;
            if (t[i].clause == t[p].clause) {
                same_clause = 1;
                if (part < 0 && has_role)
                    part = part_in(t, et, i, p, p, &cls);
            }
            if (dp < d)
                d = dp;
        }
        double u;
        if (part >= 0) {
            u = ROLE_WEIGHT * role_effect[cls][part];
        } else {
            double v = t[i].v;
            double wgt = 1;
            if (b < n && i != b) {
                int after = i > b;
                v = v / (after ? 1.5 : 0.5); /* undo the unit's contrast */
                if (after != entity_after)
                    wgt *= OTHER_SIDE;
            }
            v += et[i].fill;
            if (!same_clause)
                wgt *= OTHER_CLAUSE;
            wgt /= 1 + (double)d / DISTANCE;
            if (is_speaker)
                wgt *= SPEAKER;
            if (in_setting)
                wgt *= SETTING;
            if ((t[i].flags & VT_QUOTED) && !quoted && !is_speaker)
                wgt *= QUOTED;
            if (victim && v < 0)
                wgt = 0;
            u = v * wgt;
        }
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

/* The names and labels are the document's (span texts, canonical
 * attributes, labels), which outlive the aggregate: they are not copied. */
typedef struct agg_entry {
    const char *canonical;
    size_t len;
    const char *label;
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
        e->canonical = canonical;
        e->label = label;
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

/* A member's key as the writer of a json_t tree put it: up to the first
 * NUL byte, if a name holds one. */
static void key_json(tp_buf *out, const char *key, size_t len)
{
    const char *nul = memchr(key, '\0', len);
    tp_buf_json_string(out, key, nul ? (size_t)(nul - key) : len);
    tp_buf_putc(out, ':');
}

int entity_agg_render(const entity_agg *a, tp_buf *out)
{
    tp_buf_putc(out, '{');
    for (size_t i = 0; i < a->n; i++) {
        const agg_entry *e = &a->e[i];
        double m = (double)e->mentions;
        if (i)
            tp_buf_putc(out, ',');
        key_json(out, e->canonical, e->len);
        tp_buf_putc(out, '{');
        if (e->label) {
            tp_buf_append(out, "\"label\":", 8);
            tp_buf_json_string(out, e->label, strlen(e->label));
            tp_buf_append(out, ",\"mentions\":", 12);
        } else {
            tp_buf_append(out, "\"mentions\":", 11);
        }
        tp_buf_uint(out, e->mentions);
        tp_buf_append(out, ",\"compound\":", 12);
        tp_buf_json_number(out, vader_round(e->compound / m, 4));
        tp_buf_append(out, ",\"positive\":", 12);
        tp_buf_json_number(out, vader_round(e->pos / m, 3));
        tp_buf_append(out, ",\"negative\":", 12);
        tp_buf_json_number(out, vader_round(e->neg / m, 3));
        tp_buf_append(out, ",\"neutral\":", 11);
        tp_buf_json_number(out, vader_round(e->neu / m, 3));
        tp_buf_putc(out, '}');
    }
    tp_buf_putc(out, '}');
    return out->failed ? TP_ERR_NOMEM : TP_OK;
}
