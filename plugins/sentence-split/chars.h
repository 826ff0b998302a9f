/* chars.h - what a character is, for the tokenizer and the splitter.
 *
 * ASCII goes through one table lookup; other code points are decoded and
 * classified with utf8proc's general categories plus the emoji ranges.  The
 * text given to a stage is valid UTF-8 (the core refuses or repairs it), so
 * decoding only guards against a sequence cut by the end of the text. */
#ifndef SS_CHARS_H
#define SS_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Character classes. */
enum ss_cc {
    CC_OTHER = 0,
    CC_SPACE,    /* white space inside a line */
    CC_NEWLINE,  /* a line break (U+2029 counts as two: see ss_newlines) */
    CC_UPPER,    /* Lu, Lt */
    CC_LOWER,    /* Ll */
    CC_LETTER,   /* other letters (Lm, Lo), letter-like numbers (Nl, No) */
    CC_MARK,     /* combining marks: part of the word they follow */
    CC_DIGIT,    /* Nd */
    CC_FORMAT,   /* Cf and controls: invisible, never a token of their own */
    CC_OPEN,     /* Ps: ( [ { */
    CC_CLOSE,    /* Pe: ) ] } */
    CC_QUOTE_OPEN,   /* Pi: opening quotes */
    CC_QUOTE_CLOSE,  /* Pf: closing quotes */
    CC_DASH,     /* Pd */
    CC_PUNCT,    /* other punctuation */
    CC_CURRENCY, /* Sc */
    CC_SYMBOL,   /* Sm, Sk, So that are not emoji */
    CC_EMOJI     /* pictographs that are tokens of kind emoji */
};

/* Class of an ASCII byte (only for b < 0x80). */
extern const uint8_t ss_ascii_cc[128];

/* Class of a code point (any value). */
int ss_cc_of(int32_t cp);

/* Decode the code point at s[i] (i < n); *len gets its byte length.  A cut
 * sequence decodes as U+FFFD of the bytes that are there. */
static inline int32_t ss_decode(const unsigned char *s, size_t n, size_t i, unsigned *len)
{
    unsigned char b = s[i];
    if (b < 0x80) {
        *len = 1;
        return b;
    }
    unsigned need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (need == 1 || i + need > n) {
        *len = 1;
        return 0xFFFD;
    }
    int32_t cp = need == 2 ? (b & 0x1F) : need == 3 ? (b & 0x0F) : (b & 0x07);
    for (unsigned k = 1; k < need; k++)
        cp = (cp << 6) | (s[i + k] & 0x3F);
    *len = need;
    return cp;
}

/* Class of the character at s[i]; *len gets its length, *cp the code point. */
static inline int ss_cc_at(const unsigned char *s, size_t n, size_t i, unsigned *len, int32_t *cp)
{
    if (s[i] < 0x80) {
        *len = 1;
        *cp = s[i];
        return ss_ascii_cc[s[i]];
    }
    *cp = ss_decode(s, n, i, len);
    return ss_cc_of(*cp);
}

/* Letters, marks and digits: what words are made of. */
static inline int ss_is_wordchar(int cc)
{
    return cc == CC_UPPER || cc == CC_LOWER || cc == CC_LETTER || cc == CC_MARK || cc == CC_DIGIT;
}

static inline int ss_is_letter(int cc)
{
    return cc == CC_UPPER || cc == CC_LOWER || cc == CC_LETTER;
}

/* Apostrophes: ' and U+2019 (the typographic apostrophe). */
static inline int ss_is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* Emoji modifiers that continue an emoji: variation selectors, skin tones,
 * keycap, tag characters. */
static inline int ss_is_emoji_modifier(int32_t cp)
{
    return cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3 ||
           (cp >= 0xE0020 && cp <= 0xE007F);
}

static inline int ss_is_regional_indicator(int32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

#endif
