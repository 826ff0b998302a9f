/* pronouns.c - he, she, him, his, her, hers, himself and herself as PERSON
 * mentions (the `pronouns` option), each pointed at the person it most
 * likely refers to: the nearest person named before it, in its own
 * sentence or the ANTECEDENT_SENTENCES before, whose gender does not
 * contradict the pronoun's.  A person's gender is known from a first name
 * given to girls or to boys 95% of the time (US SSA lists) or from a
 * courtesy title ("Mrs.", "Mr."); otherwise either pronoun may refer to
 * them.  A pronoun with no such person before it (a one-sentence document,
 * "After his defeat, Quillan ...") stays a mention without a referent. */
#include <config.h>

#include "tagger.h"

#define ANTECEDENT_SENTENCES 2

static const et_word female_pronouns[] = {ET_WORD("she"), ET_WORD("her"), ET_WORD("hers"), ET_WORD("herself"),
                                          {NULL, 0}};
static const et_word male_pronouns[] = {ET_WORD("he"), ET_WORD("him"), ET_WORD("his"), ET_WORD("himself"),
                                        {NULL, 0}};
/* courtesy titles that say a person's gender, folded */
static const et_word female_titles[] = {ET_WORD("mrs"),  ET_WORD("ms"),   ET_WORD("miss"),
                                        ET_WORD("madam"), ET_WORD("dame"), {NULL, 0}};
static const et_word male_titles[] = {ET_WORD("mr"), ET_WORD("mister"), ET_WORD("sir"), {NULL, 0}};

int et_pronoun_words(et_words *w)
{
    return et_words_add(w, female_pronouns, ET_W_PRONOUN | ET_W_FEMALE) == 0 &&
                   et_words_add(w, male_pronouns, ET_W_PRONOUN | ET_W_MALE) == 0 &&
                   et_words_add(w, female_titles, ET_W_FEMALE_TITLE) == 0 &&
                   et_words_add(w, male_titles, ET_W_MALE_TITLE) == 0
               ? 0
               : -1;
}

int et_pronoun_gender(const et_doc *d, size_t i)
{
    const et_tok *t = &d->tok[i];
    /* most tokens are ruled out without a probe: every pronoun here is 2 to
     * 7 letters long and starts with h or s */
    if (t->klen < 2 || t->klen > 7 || (d->keys[t->key] != 'h' && d->keys[t->key] != 's'))
        return 0;
    uint32_t sets = et_words_of(&d->t->words, d->keys, t);
    return !(sets & ET_W_PRONOUN) ? 0 : (sets & ET_W_FEMALE) ? ET_FEMININE : ET_MASCULINE;
}

int et_person_gender(const et_doc *d, const et_cand *c)
{
    for (size_t i = c->a; i < c->b; i++) {
        uint64_t f = d->tok[i].flags & (ET_FEMALE | ET_MALE);
        if (f == ET_FEMALE)
            return ET_FEMININE;
        if (f == ET_MALE)
            return ET_MASCULINE;
        if (d->tok[i].flags & ET_FIRST)
            break; /* a first name that says nothing: the rest will not either */
    }
    /* "Mrs. Okafor", "Mr Quillan" */
    if (c->a > 0) {
        uint32_t sets = et_words_of(&d->t->words, d->keys, &d->tok[c->a - 1]);
        if (sets & ET_W_FEMALE_TITLE)
            return ET_FEMININE;
        if (sets & ET_W_MALE_TITLE)
            return ET_MASCULINE;
    }
    return 0;
}

size_t et_sentence_of(const et_doc *d, size_t i, size_t s)
{
    while (s + 1 < d->nsent && d->sent_first[s + 1] <= i)
        s++;
    return s;
}

int et_antecedent_near(size_t pronoun_sentence, size_t person_sentence)
{
    return person_sentence <= pronoun_sentence && pronoun_sentence - person_sentence <= ANTECEDENT_SENTENCES;
}
