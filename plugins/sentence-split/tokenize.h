/* tokenize.h - cutting text into tokens for news NLP.
 *
 * One pass over the bytes, left to right, with a little look-ahead; no
 * backtracking beyond the current token, so the cost is linear.  Tokens
 * carry what the sentence splitter needs (white space and line breaks
 * before them, the role of punctuation, the shape of words) so that it never
 * has to rescan the text. */
#ifndef SS_TOKENIZE_H
#define SS_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

/* Token kinds, as written in the `kind` attribute. */
enum ss_kind { K_WORD, K_NUMBER, K_PUNCT, K_SYMBOL, K_URL, K_EMAIL, K_HASHTAG, K_MENTION, K_EMOJI, K_COUNT };

/* What a punctuation token does. */
enum ss_role {
    R_NONE = 0,
    R_PERIOD,     /* . */
    R_ELLIPSIS,   /* ... .... and U+2026 */
    R_STOP,       /* runs of ! and ? */
    R_COMMA,
    R_COLON,
    R_SEMICOLON,
    R_OPEN,       /* ( [ { */
    R_CLOSE,      /* ) ] } */
    R_QOPEN,      /* opening quotes */
    R_QCLOSE,     /* closing quotes (and the apostrophe used as one) */
    R_QUOTE,      /* " and ': opening or closing, by their spacing */
    R_DASH,
    R_BULLET,     /* bullets of lists */
    R_OTHER
};

/* Token flags. */
enum {
    TF_SPACE = 1u << 0,   /* white space before the token */
    TF_ABBR = 1u << 1,    /* the token ends with an attached abbreviation period */
    TF_DOTS = 1u << 2,    /* periods inside the word: U.S., a.m., Ph.D. */
    TF_DETACH = 1u << 3,  /* (splitter) the final period is a full stop: emit it apart */
    TF_CONTRACTION = 1u << 4  /* 's, n't, 're ... split off a word */
};

/* Shape of words: their first letter and case. */
enum {
    SH_UPPER = 1u << 0,  /* begins with an uppercase letter */
    SH_LOWER = 1u << 1,  /* begins with a lowercase letter */
    SH_DIGIT = 1u << 2,  /* begins with a digit */
    SH_CAPS = 1u << 3,   /* two or more letters, all uppercase */
    SH_INNER = 1u << 4   /* lowercase first but uppercase inside: iPhone, eBay */
};

/* Normalized forms. */
enum ss_norm { N_NONE = 0, N_FOLD, N_CAN, N_WILL, N_SHALL };

typedef struct ss_token {
    size_t start, end;  /* bytes, half-open */
    uint8_t kind;       /* ss_kind */
    uint8_t role;       /* ss_role (punctuation) */
    uint8_t flags;      /* TF_* */
    uint8_t shape;      /* SH_* (words) */
    uint8_t norm;       /* ss_norm */
    uint8_t nl;         /* line breaks in the white space before: 0, 1 or 2 (a blank line or more) */
} ss_token;

typedef struct ss_tokens {
    ss_token *v;
    size_t n, cap;
} ss_tokens;

typedef struct ss_tokenize_options {
    int split_contractions;  /* don't -> do n't, Mexico's -> Mexico 's */
} ss_tokenize_options;

/* Tokenize @p text into @p out (which is emptied first and grown as
 * needed).  Returns 0, or -1 when out of memory. */
int ss_tokenize(const ss_lexicon *lx, const ss_tokenize_options *opt, const char *text, size_t len, ss_tokens *out);

void ss_tokens_free(ss_tokens *t);

/* Write the normalized form of @p t into @p buf (of @p cap bytes) and return
 * its length; returns (size_t)-1 when the token has no normalized form, and
 * the needed length (> cap) when the buffer is too small. */
size_t ss_token_norm(const char *text, const ss_token *t, char *buf, size_t cap);

#endif
