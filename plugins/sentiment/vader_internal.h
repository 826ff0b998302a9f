/* vader_internal.h - the pieces of VADER's rules that the news rules
 * (news.c) reuse.  Private to the plugin. */
#ifndef SENTIMENT_VADER_INTERNAL_H
#define SENTIMENT_VADER_INTERNAL_H

#include "vader.h"

#define C_INCR 0.733     /* ALL-CAPS emphasis */
#define N_SCALAR (-0.74) /* negation */

/* Grow *p to hold @p n items of @p size. */
int vader_reserve(void **p, size_t *cap, size_t n, size_t size, tp_error *err);

/* The lexicon valence of token i after VADER's "no" rule. */
double vader_no_rule(const vtok *t, size_t n, size_t i);
/* ALL-CAPS emphasis of a word of valence @p v. */
double vader_caps(double v, const vtok *t, int cap_diff);
/* The booster step token @p p gives a word of valence @p v. */
double vader_scalar_inc_dec(const vtok *p, double v, int cap_diff);
/* VADER's negation seen @p k+1 tokens before token i (k < 3). */
double vader_negation(double v, const vtok *t, size_t k, size_t i);
/* VADER's idioms and multi-word dampeners around token i (i >= 3). */
double vader_idioms(double v, const vtok *t, size_t n, size_t i);
/* VADER's "least" rule. */
double vader_least(double v, const vtok *t, size_t i);

/* The news rules: valences of the analyzed tokens (news.c). */
void news_valences(const sent_model *m, vader_work *w);

#endif
