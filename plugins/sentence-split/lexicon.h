/* lexicon.h - the words the tokenizer and the splitter know something about:
 * abbreviations, titles, common first words of sentences, months, ...
 *
 * A lexicon maps a word, compared without regard to ASCII case, to a set of
 * LX_* flags.  Abbreviations are stored without their final period ("dr",
 * "u.s").  It is built once in create() and only read afterwards, so that
 * several threads may share it. */
#ifndef SS_LEXICON_H
#define SS_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include <textpipe/error.h>

enum {
    LX_ABBR = 1u << 0,     /* a following period belongs to the word */
    LX_TITLE = 1u << 1,    /* stands before a name: Mr., Dr., Gen. */
    LX_NUMERIC = 1u << 2,  /* an abbreviation only before a number: No. 5, Fig. 3 */
    LX_UNIT = 1u << 3,     /* an abbreviation only after a number: 5 ft., 10 in. */
    LX_TIME = 1u << 4,     /* a.m., p.m. */
    LX_NOEND = 1u << 5,    /* never ends a sentence: e.g., i.e., vs. */
    LX_CAPS = 1u << 6,     /* an abbreviation only when capitalized: Ill., Wash. */
    LX_STARTER = 1u << 7,  /* often the first word of a sentence, rarely part of a name */
    LX_PREP = 1u << 8,     /* a preposition that begins an adverbial phrase */
    LX_MONTH = 1u << 9,
    LX_WEEKDAY = 1u << 10,
    LX_TLD = 1u << 11,     /* a generic top-level domain: com, org, ... */
    LX_CCTLD = 1u << 12,   /* a second-level label of country domains: co.uk, com.au */
    LX_NUMSUFFIX = 1u << 13, /* a unit written right after digits: 5km, 10am, $3bn */
    LX_ZONE = 1u << 14,    /* a word that follows a time: Eastern, GMT */
    LX_LINKER = 1u << 15,  /* a word after which a capital letter and period is an initial */
    LX_CREDIT = 1u << 16,  /* a credit label: "Image: Reuters", "Photo: AP" */
    LX_RUNIN = 1u << 17,   /* a first word that shows where a caption runs into a sentence */
    LX_SPEECH = 1u << 18   /* a verb of saying: "Why?" Smith asked. */
};

typedef struct ss_lexicon ss_lexicon;

ss_lexicon *ss_lexicon_new(void);
void ss_lexicon_free(ss_lexicon *lx);

/* Add @p flags to @p word (the final period, if any, is dropped).  Returns
 * TP_OK or TP_ERR_NOMEM / TP_ERR_INVALID (an empty or over-long word). */
int ss_lexicon_add(ss_lexicon *lx, const char *word, size_t len, unsigned flags, tp_error *err);

/* The flags of @p word (0 when unknown). */
unsigned ss_lexicon_get(const ss_lexicon *lx, const char *word, size_t len);

/* Add the built-in English lists. */
int ss_lexicon_add_english(ss_lexicon *lx, int abbreviations, tp_error *err);

/* Read an abbreviations file: one abbreviation per line, optionally followed
 * by white space and a kind (abbreviation, title, numeric, unit, noend);
 * '#' starts a comment.  Errors name the file and line. */
int ss_lexicon_load_file(ss_lexicon *lx, const char *path, tp_error *err);

/* Longest word the lexicon stores (longer words are never found). */
#define SS_LEXICON_MAX_WORD 47

#endif
