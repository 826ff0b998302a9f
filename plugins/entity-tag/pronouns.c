/* pronouns.c - he, she, him, his, her, hers, himself and herself as PERSON
 * mentions (the `pronouns` option), each pointed at the person it most
 * likely refers to: the nearest person named before it, in its own
 * sentence or the ANTECEDENT_SENTENCES before.  No gender is checked: the
 * lists do not say whether "Jordan" is a man or a woman, and in news the
 * nearest person named is the usual referent.  A pronoun with no person
 * before it (a one-sentence document, "After his defeat, Quillan ...")
 * stays a mention without a referent. */
#include <config.h>

#include "tagger.h"

#define ANTECEDENT_SENTENCES 2

static const et_word pronoun_words[] = {ET_WORD("he"),  ET_WORD("she"),  ET_WORD("him"),     ET_WORD("his"),
                                        ET_WORD("her"), ET_WORD("hers"), ET_WORD("himself"), ET_WORD("herself"),
                                        {NULL, 0}};

int et_pronoun_words(et_words *w)
{
    return et_words_add(w, pronoun_words, ET_W_PRONOUN);
}

int et_is_pronoun(const et_doc *d, size_t i)
{
    const et_tok *t = &d->tok[i];
    /* most tokens are ruled out without a probe: every pronoun here is 2 to
     * 7 letters long and starts with h or s */
    if (t->klen < 2 || t->klen > 7 || (d->keys[t->key] != 'h' && d->keys[t->key] != 's'))
        return 0;
    return (et_words_of(&d->t->words, d->keys, t) & ET_W_PRONOUN) != 0;
}

/* The sentence of token @p i, searched from sentence @p s on (tokens are
 * visited in order, so the search only moves forward). */
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
