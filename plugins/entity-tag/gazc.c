/* gazc.c - the gazetteer compiler: turns the word lists in data/ into the
 * hash table file the entity-tag stage maps at start-up (gazetteer.h).
 *
 *   gazc -o entity-tag.gaz COUNTRY=data/src/countries.txt FIRST=data/src/first-names.txt ...
 *
 * Each argument gives the flags (comma-separated names from gazetteer.h)
 * of every entry of one list.  A list is UTF-8, one entry a line, written
 * "entry" or "entry<TAB>canonical name"; blank lines and lines starting
 * with '#' are skipped.  Lists given first win the written form and the
 * canonical name of a key that several lists share.  Variants are added
 * here so that the lists stay plain: "ex-President" for every title,
 * "Daily Courier" for "The Daily Courier", "St. Albans" for "Saint Albans". */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"

static int add(et_builder *b, const char *file, long line, const char *s, size_t len, const char *canon,
               size_t clen, uint64_t flags)
{
    if (et_builder_add(b, s, len, canon, clen, flags) < 0) {
        fprintf(stderr, "%s:%ld: out of memory\n", file, line);
        return -1;
    }
    return 0;
}

static int add_with_variants(et_builder *b, const char *file, long line, const char *s, size_t len,
                             const char *canon, size_t clen, uint64_t flags)
{
    if (add(b, file, line, s, len, canon, clen, flags) != 0)
        return -1;
    char buf[1024];
    const char *full = clen ? canon : s;
    size_t flen = clen ? clen : len;
    if (flags & ET_TITLE && len + 3 < sizeof buf) {
        memcpy(buf, "ex-", 3);
        memcpy(buf + 3, s, len);
        if (add(b, file, line, buf, len + 3, NULL, 0, flags) != 0)
            return -1;
    }
    /* only names of two words or more: "The Independent" must not make "Independent" a name */
    if (flags & ET_ENTITY_MASK && len > 4 && strncmp(s, "The ", 4) == 0 && memchr(s + 4, ' ', len - 4))
        if (add(b, file, line, s + 4, len - 4, full, flen, flags) != 0)
            return -1;
    if (flags & ET_ENTITY_MASK && len > 6 && strncmp(s, "Saint ", 6) == 0 && len - 6 + 4 < sizeof buf) {
        memcpy(buf, "St. ", 4);
        memcpy(buf + 4, s + 6, len - 6);
        if (add(b, file, line, buf, len - 2, full, flen, flags) != 0)
            return -1;
    }
    return 0;
}

static int compile_list(et_builder *b, const char *file, uint64_t flags)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot open: %s\n", file, strerror(errno));
        return -1;
    }
    char *text = NULL;
    size_t cap = 0;
    ssize_t n;
    long line = 0;
    int rc = 0;
    while (rc == 0 && (n = getline(&text, &cap, f)) >= 0) {
        line++;
        while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
            text[--n] = '\0';
        if (n == 0 || text[0] == '#')
            continue;
        char *tab = memchr(text, '\t', (size_t)n);
        size_t len = tab ? (size_t)(tab - text) : (size_t)n;
        const char *canon = tab ? tab + 1 : NULL;
        size_t clen = tab ? (size_t)n - len - 1 : 0;
        /* cppcheck-suppress knownConditionTrueFalse ; false positive: 0 when the line starts with the tab */
        if (len == 0) {
            fprintf(stderr, "%s:%ld: empty entry before the tab; write \"entry<TAB>canonical\"\n", file, line);
            rc = -1;
            break;
        }
        rc = add_with_variants(b, file, line, text, len, canon, clen, flags);
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "%s: read error: %s\n", file, strerror(errno));
        rc = -1;
    }
    free(text);
    fclose(f);
    return rc;
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        first = 3;
    }
    if (!out || first >= argc) {
        fprintf(stderr, "usage: gazc -o OUTPUT FLAGS=LIST [FLAGS=LIST ...]\n");
        return 2;
    }
    et_builder *b = et_builder_new();
    if (!b) {
        fprintf(stderr, "gazc: out of memory\n");
        return 1;
    }
    int rc = 0;
    for (int i = first; i < argc && rc == 0; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "gazc: argument %d (%s): write FLAGS=LIST, e.g. COUNTRY=countries.txt\n", i, argv[i]);
            rc = -1;
            break;
        }
        *eq = '\0';
        const char *bad = NULL;
        size_t bad_len = 0;
        uint64_t flags = et_flags_parse(argv[i], &bad, &bad_len);
        if (!flags) {
            fprintf(stderr, "gazc: argument %d: unknown flag '%.*s' (see gazetteer.h)\n", i, (int)bad_len,
                    bad ? bad : "");
            rc = -1;
            break;
        }
        rc = compile_list(b, eq + 1, flags);
    }
    unsigned char *img = NULL;
    size_t size = 0;
    if (rc == 0 && et_builder_image(b, &img, &size) != 0) {
        fprintf(stderr, "gazc: out of memory\n");
        rc = -1;
    }
    if (rc == 0) {
        FILE *f = fopen(out, "wb");
        int ok = f && fwrite(img, 1, size, f) == size;
        if (f && fclose(f) != 0)
            ok = 0;
        if (!ok) {
            fprintf(stderr, "%s: cannot write: %s\n", out, strerror(errno));
            rc = -1;
            remove(out);
        }
    }
    free(img);
    et_builder_free(b);
    return rc == 0 ? 0 : 1;
}
