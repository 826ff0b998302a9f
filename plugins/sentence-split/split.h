/* split.h - sentence boundaries over the tokens of a text.
 *
 * Rules, not statistics: a boundary is proposed after sentence-final
 * punctuation (with the closing quotes and brackets that follow it), at
 * blank lines, at line breaks that end a headline or a list item, before
 * list items and after datelines; each proposal is accepted or refused by
 * looking at the words around it (abbreviations, initials, numbers, the case
 * and kind of the next word).  One pass, constant look-around: linear. */
#ifndef SS_SPLIT_H
#define SS_SPLIT_H

#include <stddef.h>

#include "lexicon.h"
#include "tokenize.h"

/* How a single line break is treated. */
enum ss_newlines {
    NL_AUTO = 0,  /* it ends a sentence when the line looks complete (headline, list item, short line) */
    NL_ALWAYS,    /* every line break ends a sentence */
    NL_NEVER      /* a single line break is a space (blank lines still end sentences) */
};

typedef struct ss_split_options {
    int newlines;       /* ss_newlines */
    size_t max_length;  /* longest sentence in characters before it is cut; 0: no limit */
    int datelines;      /* cut after a date that opens a paragraph ("Monday, May 4, 2015 The ...") */
} ss_split_options;

/* A sentence: its first and last token (inclusive). */
typedef struct ss_sentence {
    size_t first, last;
} ss_sentence;

typedef struct ss_sentences {
    ss_sentence *v;
    size_t n, cap;
} ss_sentences;

/* Find the sentences of @p toks (tokens of @p text).  Sets TF_DETACH on
 * tokens whose attached period turned out to be a full stop.  Returns 0, or
 * -1 when out of memory. */
int ss_split(const ss_lexicon *lx, const ss_split_options *opt, const char *text, ss_tokens *toks,
             ss_sentences *out);

void ss_sentences_free(ss_sentences *s);

#endif
