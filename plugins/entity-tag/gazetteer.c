/* gazetteer.c - building, writing and mapping the compiled word lists
 * (format in gazetteer.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fold.h"
#include "gazetteer.h"

static const char *const flag_names[] = {
    "PERSON", "FIRST", "SURNAME", "COUNTRY", "CITY", "REGION", "LOC", "NORP", "ORG", "TITLE", "HONORIFIC",
    "TITLE_MOD", "ORG_HEAD", "LOC_HEAD", "LOC_PRE", "GPE_HEAD", "PARTICLE", "COMMON", "FUNCTION", "NOT_ENTITY",
    "MONTH", "WEEKDAY", "DATE_UNIT", "DATE_WORD", "TIME_WORD", "TIME_UNIT", "CURRENCY", "SCALE", "PERCENT_WORD",
    "SAY", "PREFIX", "USER", "ACRONYM", "FIRST_STRONG", "PLACE_MOD", "MISC_HEAD", "TIMEX_START", "GPE_PRE",
    "FEMALE", "MALE", NULL};

const char *et_flag_name(unsigned bit)
{
    return bit < sizeof flag_names / sizeof *flag_names ? flag_names[bit] : NULL;
}

uint64_t et_flags_parse(const char *s, const char **bad, size_t *bad_len)
{
    uint64_t flags = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        unsigned bit = 0;
        for (; flag_names[bit]; bit++)
            if (strlen(flag_names[bit]) == n && strncmp(flag_names[bit], s, n) == 0)
                break;
        if (!flag_names[bit]) {
            *bad = s;
            *bad_len = n;
            return 0;
        }
        flags |= UINT64_C(1) << bit;
        s += n;
        if (*s == ',')
            s++;
    }
    return flags;
}

/* ------------------------------------------------------------ reading */

#define MAGIC "TPETGAZ1"
#define BYTE_ORDER_MARK 0x01020304u

typedef struct gaz_header {
    char magic[8];
    uint32_t byte_order, version;
    uint32_t nslots, nentries;
    uint64_t slots_off, entries_off, strings_off, strings_size, file_size;
    /* cppcheck-suppress unusedStructMember ; keeps the file header's layout; never read */
    uint32_t nsmall, reserved;
    uint64_t small_off;
} gaz_header;

static int fail(char *msg, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *msg, size_t cap, const char *fmt, ...)
{
    if (msg && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Check the header of the image in g->data and set the pointers.  Slots
 * and string offsets are checked where they are read (et_gaz_find,
 * et_gaz_str), so that start-up does not touch every page of the file. */
static int attach(et_gaz *g, const char *name, char *msg, size_t cap)
{
    gaz_header h;
    if (g->size < sizeof h)
        return fail(msg, cap, "%s: too short to be a compiled gazetteer; rebuild it with gazc", name);
    memcpy(&h, g->data, sizeof h);
    if (memcmp(h.magic, MAGIC, 8) != 0)
        return fail(msg, cap, "%s: not a compiled gazetteer (bad magic); rebuild it with gazc", name);
    if (h.byte_order != BYTE_ORDER_MARK || h.version != 3)
        return fail(msg, cap, "%s: made for another byte order or format version; rebuild it on this machine", name);
    if (h.file_size != g->size || h.nslots == 0 || (h.nslots & (h.nslots - 1)) != 0 ||
        h.slots_off % 8 || h.entries_off % 8 || h.slots_off + (uint64_t)h.nslots * sizeof(et_slot) > h.entries_off ||
        h.entries_off + (uint64_t)h.nentries * sizeof(et_entry) > h.strings_off ||
        h.strings_off + h.strings_size > g->size || h.nentries >= h.nslots || h.nsmall == 0 ||
        (h.nsmall & (h.nsmall - 1)) != 0 || h.small_off % 8 || h.small_off < h.slots_off + (uint64_t)h.nslots * sizeof(et_slot) ||
        h.small_off + (uint64_t)h.nsmall * sizeof(et_slot) > h.entries_off)
        return fail(msg, cap, "%s: sizes in the header do not match the file (truncated?); rebuild it", name);
    g->mask = h.nslots - 1;
    g->slots = (const et_slot *)(g->data + h.slots_off);
    g->small_mask = h.nsmall - 1;
    g->small = (const et_slot *)(g->data + h.small_off);
    g->entries = (const et_entry *)(g->data + h.entries_off);
    g->nentries = h.nentries;
    g->strings = (const char *)g->data + h.strings_off;
    g->strings_size = h.strings_size;
    return 0;
}

int et_gaz_open(et_gaz *g, const char *path, char *msg, size_t cap)
{
    memset(g, 0, sizeof *g);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(msg, cap, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail(msg, cap, "%s: cannot read its size: %s", path, strerror(e));
    }
    if (st.st_size <= 0) {
        close(fd);
        return fail(msg, cap, "%s: empty file; rebuild it with gazc", path);
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (p == MAP_FAILED)
        return fail(msg, cap, "%s: cannot map it: %s", path, strerror(e));
    g->data = p;
    g->size = (size_t)st.st_size;
    g->mapped = 1;
    if (attach(g, path, msg, cap) != 0) {
        et_gaz_close(g);
        return -1;
    }
    return 0;
}

int et_gaz_adopt(et_gaz *g, unsigned char *image, size_t size, char *msg, size_t cap)
{
    memset(g, 0, sizeof *g);
    g->data = image;
    g->size = size;
    if (attach(g, "(in memory)", msg, cap) != 0) {
        et_gaz_close(g);
        return -1;
    }
    return 0;
}

void et_gaz_close(et_gaz *g)
{
    if (!g || !g->data)
        return;
    if (g->mapped)
        munmap(g->data, g->size);
    else
        free(g->data);
    memset(g, 0, sizeof *g);
}

/* ------------------------------------------------------------ building */

typedef struct bentry {
    uint64_t flags, hash;
    uint32_t key, form, canon;
} bentry;

struct et_builder {
    bentry *e;
    size_t n, cap;
    char *blob;
    size_t blen, bcap;
    uint64_t *slots;
    size_t nslots;
    char *fold;
    size_t fold_cap;
};

et_builder *et_builder_new(void)
{
    et_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->bcap = 4096;
    b->blob = calloc(1, b->bcap);
    b->nslots = 1024;
    b->slots = calloc(b->nslots, sizeof *b->slots);
    if (!b->blob || !b->slots) {
        et_builder_free(b);
        return NULL;
    }
    b->blen = 8; /* offset 0 means "none" */
    return b;
}

void et_builder_free(et_builder *b)
{
    if (!b)
        return;
    free(b->e);
    free(b->blob);
    free(b->slots);
    free(b->fold);
    free(b);
}

size_t et_builder_count(const et_builder *b)
{
    return b->n;
}

static uint32_t add_string(et_builder *b, const char *s, size_t len)
{
    size_t need = b->blen + 4 + len + 1 + 3;
    if (need > UINT32_MAX)
        return 0;
    if (need > b->bcap) {
        size_t cap = b->bcap * 2 > need ? b->bcap * 2 : need;
        char *p = realloc(b->blob, cap);
        if (!p)
            return 0;
        b->blob = p;
        b->bcap = cap;
    }
    uint32_t off = (uint32_t)b->blen;
    uint32_t n = (uint32_t)len;
    memcpy(b->blob + off, &n, 4);
    memcpy(b->blob + off + 4, s, len);
    b->blob[off + 4 + len] = '\0';
    b->blen = (off + 4 + len + 1 + 3) & ~(size_t)3; /* keep lengths aligned */
    return off;
}

static void place(uint64_t *slots, size_t nslots, uint64_t hash, size_t index)
{
    size_t i = hash & (nslots - 1);
    while (slots[i])
        i = (i + 1) & (nslots - 1);
    slots[i] = (hash >> 32) << 32 | (uint64_t)(index + 1);
}

static int grow_slots(et_builder *b)
{
    size_t n = b->nslots * 2;
    uint64_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < b->n; i++)
        place(s, n, b->e[i].hash, i);
    free(b->slots);
    b->slots = s;
    b->nslots = n;
    return 0;
}

/* The entry of @p key, created (with no flags) if new; NULL on no memory. */
static bentry *find_or_add(et_builder *b, const char *key, size_t len)
{
    uint64_t hash = et_hash_add(ET_HASH_INIT, key, len);
    for (size_t i = hash & (b->nslots - 1); b->slots[i]; i = (i + 1) & (b->nslots - 1)) {
        if ((uint32_t)(b->slots[i] >> 32) != (uint32_t)(hash >> 32))
            continue;
        bentry *e = &b->e[(uint32_t)b->slots[i] - 1];
        uint32_t kl;
        memcpy(&kl, b->blob + e->key, 4);
        if (kl == len && memcmp(b->blob + e->key + 4, key, len) == 0)
            return e;
    }
    if ((b->n + 1) * 2 > b->nslots && grow_slots(b) != 0)
        return NULL;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        bentry *p = realloc(b->e, cap * sizeof *p);
        if (!p)
            return NULL;
        b->e = p;
        b->cap = cap;
    }
    uint32_t k = add_string(b, key, len);
    if (!k)
        return NULL;
    bentry *e = &b->e[b->n];
    memset(e, 0, sizeof *e);
    e->hash = hash;
    e->key = k;
    place(b->slots, b->nslots, hash, b->n);
    b->n++;
    return e;
}

/* True when the written form has two or more letters, all capitals. */
static int all_capitals(const char *s, size_t len)
{
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z')
            letters++;
    }
    return letters >= 2;
}

int et_builder_add(et_builder *b, const char *entry, size_t len, const char *canon, size_t canon_len,
                   uint64_t flags)
{
    if (ET_FOLD_MAX(len) > b->fold_cap) {
        char *p = realloc(b->fold, ET_FOLD_MAX(len));
        if (!p)
            return -1;
        b->fold = p;
        b->fold_cap = ET_FOLD_MAX(len);
    }
    size_t klen = et_fold(entry, len, b->fold, 0);
    if (klen == 0)
        return 1;
    /* Every leading run of words is a prefix key. */
    for (size_t i = 0; i < klen; i++) {
        if (b->fold[i] != ' ')
            continue;
        bentry *p = find_or_add(b, b->fold, i);
        if (!p)
            return -1;
        p->flags |= ET_PREFIX;
    }
    bentry *e = find_or_add(b, b->fold, klen);
    if (!e)
        return -1;
    int entity = (flags & ET_ENTITY_MASK) != 0;
    if (entity && !e->form) {
        e->form = add_string(b, entry, len);
        if (!e->form)
            return -1;
    }
    if (entity && all_capitals(entry, len))
        flags |= ET_ACRONYM;
    if (canon && canon_len && !e->canon && !(canon_len == len && memcmp(canon, entry, len) == 0)) {
        e->canon = add_string(b, canon, canon_len);
        if (!e->canon)
            return -1;
    }
    e->flags |= flags;
    return 0;
}

static void put_slot(et_slot *slots, size_t n, const bentry *e, size_t index)
{
    size_t k = e->hash & (n - 1);
    while (slots[k].index)
        k = (k + 1) & (n - 1);
    slots[k].check = (uint32_t)(e->hash >> 32);
    slots[k].index = (uint32_t)(index + 1);
    slots[k].flags = e->flags;
}

/* Does the entry go into the small table of words that matter in lower case? */
static int in_small(const et_builder *b, const bentry *e)
{
    if (e->flags & ET_SMALL_MASK)
        return 1;
    if (e->form) {
        unsigned char c = (unsigned char)b->blob[e->form + 4];
        return c >= 'a' && c <= 'z'; /* eBay */
    }
    return 0;
}

int et_builder_image(et_builder *b, unsigned char **image, size_t *size)
{
    /* a load of up to 0.7: probes stay within a cache line or two, and a
     * smaller table keeps more of itself in the cache */
    size_t nslots = 16, small = 0, nsmall = 16;
    while (nslots * 7 < b->n * 10)
        nslots *= 2;
    /* the small table, asked for three words in four, at a load of 1/8 or
     * less: a probe nearly always ends at the first slot, hit or miss, so
     * that et_gaz_small_flags() costs no mispredicted branch (and the
     * table, some thousand words, still fits in the cache) */
    for (size_t i = 0; i < b->n; i++)
        small += in_small(b, &b->e[i]);
    while (nsmall < small * 8)
        nsmall *= 2;
    gaz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.byte_order = BYTE_ORDER_MARK;
    h.version = 3;
    h.nslots = (uint32_t)nslots;
    h.nentries = (uint32_t)b->n;
    h.nsmall = (uint32_t)nsmall;
    h.slots_off = (sizeof h + 7) & ~(size_t)7;
    h.small_off = h.slots_off + nslots * sizeof(et_slot);
    h.entries_off = h.small_off + nsmall * sizeof(et_slot);
    h.strings_off = h.entries_off + b->n * sizeof(et_entry);
    h.strings_size = b->blen;
    h.file_size = h.strings_off + b->blen;
    unsigned char *img = calloc(1, h.file_size);
    if (!img)
        return -1;
    memcpy(img, &h, sizeof h);
    et_slot *slots = (et_slot *)(img + h.slots_off);
    et_slot *smalls = (et_slot *)(img + h.small_off);
    et_entry *entries = (et_entry *)(img + h.entries_off);
    for (size_t i = 0; i < b->n; i++) {
        put_slot(slots, nslots, &b->e[i], i);
        if (in_small(b, &b->e[i]))
            put_slot(smalls, nsmall, &b->e[i], i);
        entries[i].flags = b->e[i].flags;
        entries[i].key = b->e[i].key;
        entries[i].form = b->e[i].form;
        entries[i].canon = b->e[i].canon;
    }
    memcpy(img + h.strings_off, b->blob, b->blen);
    *image = img;
    *size = h.file_size;
    return 0;
}
