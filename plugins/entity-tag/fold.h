/* fold.h - the lookup form of text: case folded, accents removed, and every
 * run of characters that are neither letters nor digits turned into one
 * space ("López Obrador's" -> "lopez obrador s", "U.S." -> "u s").
 *
 * The gazetteer compiler folds whole entries and the tagger folds token by
 * token and joins the non-empty results with one space; both give the same
 * key, however the tokenizer split "U.S." or "al-Assad". */
#ifndef ET_FOLD_H
#define ET_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of output et_fold() may need for @p len bytes of input. */
#define ET_FOLD_MAX(len) (17 * (len) + 8) /* a compatibility decomposition may give 8 characters */

/* Fold @p s into @p out (at least ET_FOLD_MAX(len) bytes, not
 * NUL-terminated) and return the length written; no leading or trailing
 * space.  With @p keep_case the case is kept (accents still go): used to
 * compare case-sensitively.  Invalid UTF-8 bytes are boundaries. */
size_t et_fold(const char *s, size_t len, char *out, int keep_case);

/* FNV-1a over the key: et_hash_add(ET_HASH_INIT, key, len).  To extend a
 * key by another token, add " " and the token's folded text. */
#define ET_HASH_INIT 0xcbf29ce484222325ULL
/* One byte more: for code that hashes a key while it writes it. */
static inline uint64_t et_hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ULL;
}
static inline uint64_t et_hash_add(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = et_hash_byte(h, (unsigned char)s[i]);
    return h;
}

#endif
