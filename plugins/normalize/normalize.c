/* normalize.c - the normalize stage: Unicode normalization (utf8proc) and
 * optional clean-ups, producing a new text view with an exact offset map.
 *
 * The text is cut into chunks that can be normalized on their own: a chunk
 * starts at a character that nothing before it can combine with (see
 * gen-unsafe-starters.c).  Each chunk is transformed separately; what
 * changed becomes a replaced piece of the view, trimmed to the bytes that
 * really differ, so that offsets stay as fine as the change allows.  Pure
 * ASCII runs take a table-driven fast path and cost no allocation. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include <textpipe/plugin.h>

#include "unsafe-starters.h"

enum form { FORM_NFC, FORM_NFD, FORM_NFKC, FORM_NFKD, FORM_NONE };

/* What to do with an ASCII byte. */
enum ascii_action { KEEP = 0, DELETE, CR, SPACE, LOWER };

typedef struct norm_cfg {
    enum form form;
    int collapse, fold_punct, remove_control, remove_zero_width, unify_newlines, casefold;
    utf8proc_option_t uopts;  /* 0 when utf8proc has nothing to do */
    unsigned char ascii[128];
    unsigned char plain[256]; /* 1: an ASCII byte kept as it is */
} norm_cfg;

static const char *const forms[] = {"NFC", "NFD", "NFKC", "NFKD", "none", NULL};

static const tp_option options[] = {
    TP_OPTION_ENUM("form", "\"NFC\"", forms,
                   "Unicode normalization form: NFC composes (the usual choice), NFD decomposes, NFKC and NFKD also "
                   "fold compatibility characters (ligatures, full-width forms, superscripts); none skips it."),
    TP_OPTION_BOOL("collapse_whitespace", "false",
                   "Collapse each run of white space into one space, or into one line break (one break in the run) "
                   "or a blank line (two or more), so that paragraphs survive."),
    TP_OPTION_BOOL("fold_punctuation", "false",
                   "Fold curly quotes to ' and \", dashes and the minus sign to -, and the ellipsis character to "
                   "three dots."),
    TP_OPTION_BOOL("remove_control", "true",
                   "Remove control characters other than tab, line feed, carriage return, vertical tab and form "
                   "feed."),
    TP_OPTION_BOOL("remove_zero_width", "true",
                   "Remove zero-width space, word joiner, byte order mark and soft hyphen (zero-width joiners are "
                   "kept: emoji sequences and several scripts need them)."),
    TP_OPTION_BOOL("unify_newlines", "true",
                   "Turn CR LF, lone CR, NEL and the line separator into LF, and the paragraph separator into a "
                   "blank line."),
    TP_OPTION_BOOL("case_fold", "false", "Fold case (full Unicode case folding, e.g. 'Straße' -> 'strasse')."),
    TP_OPTION_END,
};

static int create(const tp_config *cfg, void **state, tp_error *err)
{
    norm_cfg *c = calloc(1, sizeof *c);
    if (!c)
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory");
    const char *form = tp_config_string(cfg, "form");
    for (int i = 0; forms[i]; i++)
        if (strcmp(form, forms[i]) == 0)
            c->form = (enum form)i;
    c->collapse = tp_config_bool(cfg, "collapse_whitespace");
    c->fold_punct = tp_config_bool(cfg, "fold_punctuation");
    c->remove_control = tp_config_bool(cfg, "remove_control");
    c->remove_zero_width = tp_config_bool(cfg, "remove_zero_width");
    c->unify_newlines = tp_config_bool(cfg, "unify_newlines");
    c->casefold = tp_config_bool(cfg, "case_fold");

    static const utf8proc_option_t form_opts[] = {
        UTF8PROC_STABLE | UTF8PROC_COMPOSE, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
        0};
    c->uopts = form_opts[c->form];
    if (c->casefold)
        c->uopts |= UTF8PROC_CASEFOLD;

    for (int b = 0; b < 128; b++) {
        unsigned char a = KEEP;
        int removable = (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\v' && b != '\f') || b == 0x7F;
        if (removable && c->remove_control)
            a = DELETE;
        else if (c->collapse && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'))
            a = SPACE;
        else if (b == '\r' && c->unify_newlines)
            a = CR;
        else if (c->casefold && b >= 'A' && b <= 'Z')
            a = LOWER;
        c->ascii[b] = a;
        c->plain[b] = a == KEEP;
    }
    *state = c;
    return TP_OK;
}

static void destroy(void *state)
{
    free(state);
}

/* ------------------------------------------------------------ characters */

static int is_unsafe_starter(utf8proc_int32_t cp, int compat)
{
    size_t lo = 0, hi = sizeof unsafe_starters / sizeof *unsafe_starters;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (unsafe_starters[mid].cp == (unsigned)cp)
            return unsafe_starters[mid].forms & (compat ? 2 : 1);
        if (unsafe_starters[mid].cp < (unsigned)cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int is_zero_width(utf8proc_int32_t cp)
{
    return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

static int is_space(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f';
    return cp == 0x85 || cp == 0x2028 || cp == 0x2029 || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Newlines a white-space character stands for. */
static int newlines_of(utf8proc_int32_t cp)
{
    return cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == '\v' || cp == '\f' ? 1 : cp == 0x2029 ? 2 : 0;
}

/* Removed by the options? */
static int is_removed(const norm_cfg *c, utf8proc_int32_t cp)
{
    if (c->remove_zero_width && is_zero_width(cp))
        return 1;
    if (!c->remove_control)
        return 0;
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f')
        return 0;
    if (cp == 0x85 && (c->unify_newlines || c->collapse))
        return 0; /* NEL is a line break then, not noise */
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* ASCII text @p cp is folded to, or NULL. */
static const char *folded_punct(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    default: return NULL;
    }
}

/* May a chunk start at the character at s[i]? */
static int chunk_starts_at(const norm_cfg *c, const unsigned char *s, size_t len, size_t i)
{
    unsigned char b = s[i];
    if (b < 0x80)
        return c->ascii[b] != DELETE;
    utf8proc_int32_t cp;
    utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (is_removed(c, cp))
        return 0; /* a removed character must not separate a base from its marks */
    if (c->form == FORM_NONE)
        return 1;
    if (utf8proc_get_property(cp)->combining_class != 0)
        return 0;
    return !is_unsafe_starter(cp, c->form == FORM_NFKC || c->form == FORM_NFKD);
}

static size_t char_len(const unsigned char *s)
{
    return s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
}

/* ----------------------------------------------------------------- emitter */

/* Writes the new view lazily: nothing is allocated until the first change,
 * and unchanged stretches are copied in one piece. */
typedef struct emitter {
    tp_doc *doc;
    tp_view_builder *vb;
    const char *src;
    size_t len;
    size_t copy_from;  /* start of the unchanged stretch not yet written */
    tp_error *err;
} emitter;

static int is_boundary(const char *s, size_t len, size_t i)
{
    return i == 0 || i >= len || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* Replace src[from..to) by out[0..out_len), writing only what differs. */
static int emit_replace(emitter *e, size_t from, size_t to, const char *out, size_t out_len)
{
    const char *in = e->src + from;
    size_t in_len = to - from;
    size_t pre = 0;
    while (pre < in_len && pre < out_len && in[pre] == out[pre])
        pre++;
    while (pre > 0 && !(is_boundary(in, in_len, pre) && is_boundary(out, out_len, pre)))
        pre--;
    size_t suf = 0;
    while (suf < in_len - pre && suf < out_len - pre && in[in_len - 1 - suf] == out[out_len - 1 - suf])
        suf++;
    while (suf > 0 && !(is_boundary(in, in_len, in_len - suf) && is_boundary(out, out_len, out_len - suf)))
        suf--;
    if (pre == in_len && pre == out_len)
        return TP_OK; /* nothing changed: stays in the copied stretch */
    if (!e->vb && !(e->vb = tp_view_begin(e->doc, e->err)))
        return e->err->status;
    size_t start = from + pre;
    int rc = tp_view_copy(e->vb, e->copy_from, start - e->copy_from, e->err);
    if (!rc)
        rc = tp_view_replace(e->vb, start, in_len - pre - suf, out + pre, out_len - pre - suf, e->err);
    e->copy_from = to - suf;
    return rc;
}

static int emit_finish(emitter *e)
{
    if (!e->vb)
        return TP_OK;
    int rc = tp_view_copy(e->vb, e->copy_from, e->len - e->copy_from, e->err);
    if (rc) {
        tp_view_abort(e->vb);
        return rc;
    }
    return tp_view_commit(e->vb, e->err);
}

/* ------------------------------------------------------------- whitespace */

typedef struct ws_run {
    size_t start;     /* SIZE_MAX when no run is open */
    int newlines;
} ws_run;

static int ws_flush(emitter *e, ws_run *w, size_t end)
{
    if (w->start == SIZE_MAX)
        return TP_OK;
    const char *out = w->newlines >= 2 ? "\n\n" : w->newlines == 1 ? "\n" : " ";
    size_t start = w->start;
    w->start = SIZE_MAX;
    return emit_replace(e, start, end, out, strlen(out));
}

static void ws_add(ws_run *w, size_t at, utf8proc_int32_t cp, int crlf_pair)
{
    if (w->start == SIZE_MAX) {
        w->start = at;
        w->newlines = 0;
    }
    if (cp == '\r')
        w->newlines += !crlf_pair; /* CR LF counts once, at the LF */
    else
        w->newlines += newlines_of(cp);
}

/* ----------------------------------------------------------------- chunks */

/* Transform one chunk src[from..to): per-character clean-ups, then
 * utf8proc.  @p buf is scratch room for code points. */
static int do_chunk(const norm_cfg *c, emitter *e, size_t from, size_t to, utf8proc_int32_t **buf, size_t *cap)
{
    const unsigned char *s = (const unsigned char *)e->src;
    /* 1. clean-ups into UTF-8 (at most 3 output bytes per input byte) */
    size_t need = (to - from) * 3 + 8;
    char small[256];
    char *tmp = need <= sizeof small ? small : malloc(need);
    if (!tmp)
        return tp_error_set(e->err, TP_ERR_NOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = from; i < to;) {
        utf8proc_int32_t cp;
        size_t k = (size_t)utf8proc_iterate(s + i, (utf8proc_ssize_t)(to - i), &cp);
        const char *f;
        if (is_removed(c, cp)) {
            /* dropped */
        } else if (c->unify_newlines && (cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)) {
            if (!(cp == '\r' && i + 1 < e->len && s[i + 1] == '\n')) {
                memcpy(tmp + n, cp == 0x2029 ? "\n\n" : "\n", cp == 0x2029 ? 2 : 1);
                n += cp == 0x2029 ? 2 : 1;
            }
        } else if (c->fold_punct && (f = folded_punct(cp)) != NULL) {
            memcpy(tmp + n, f, strlen(f));
            n += strlen(f);
        } else {
            memcpy(tmp + n, s + i, k);
            n += k;
        }
        i += k;
    }
    /* 2. normalization and case folding */
    int rc = TP_OK;
    if (c->uopts && n) {
        utf8proc_ssize_t got;
        for (;;) {
            got = utf8proc_decompose((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)n, *buf,
                                     (utf8proc_ssize_t)*cap, c->uopts);
            if (got < 0 || (size_t)got <= *cap)
                break;
            utf8proc_int32_t *nb = realloc(*buf, ((size_t)got + 16) * sizeof **buf);
            if (!nb) {
                rc = tp_error_set(e->err, TP_ERR_NOMEM, "out of memory");
                break;
            }
            *buf = nb;
            *cap = (size_t)got + 16;
        }
        if (rc == TP_OK && got < 0)
            rc = tp_error_set(e->err, TP_ERR_INVALID, "utf8proc: %s at byte %zu", utf8proc_errmsg(got), from);
        if (rc == TP_OK) {
            /* reencode works in place: the buffer holds 4 bytes per code point */
            got = utf8proc_reencode(*buf, got, c->uopts);
            if (got < 0)
                rc = tp_error_set(e->err, TP_ERR_INVALID, "utf8proc: %s at byte %zu", utf8proc_errmsg(got), from);
            else
                rc = emit_replace(e, from, to, (const char *)*buf, (size_t)got);
        }
    } else {
        rc = emit_replace(e, from, to, tmp, n);
    }
    if (tmp != small)
        free(tmp);
    return rc;
}

/* A lone non-ASCII character that no option touches and that has no
 * decomposition of any kind is left as it is, without calling utf8proc. */
static int untouched(const norm_cfg *c, utf8proc_int32_t cp)
{
    if (is_removed(c, cp) || (c->fold_punct && folded_punct(cp)) || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return 0;
    if (!c->uopts)
        return 1;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->decomp_seqindex != UINT16_MAX || (cp >= 0xAC00 && cp <= 0xD7A3))
        return 0; /* has a decomposition (Hangul syllables: algorithmic) */
    return !c->casefold || p->casefold_seqindex == UINT16_MAX;
}

static int process(void *state, tp_doc *doc, tp_error *err)
{
    const norm_cfg *c = state;
    size_t len;
    const char *text = tp_doc_text(doc, &len);
    const unsigned char *s = (const unsigned char *)text;
    emitter e = {doc, NULL, text, len, 0, err};
    ws_run w = {SIZE_MAX, 0};
    utf8proc_int32_t *buf = NULL;
    size_t cap = 0;
    int rc = TP_OK;
    size_t i = 0;
    while (i < len && rc == TP_OK) {
        /* Fastest path: a run of plain ASCII bytes.  Each is a chunk of its
         * own, kept as it is, if the byte after it starts a chunk: true
         * inside the run; for the last one, check what follows. */
        if (c->plain[s[i]] && w.start == SIZE_MAX) {
            size_t j = i + 1;
            while (j + 4 <= len && c->plain[s[j]] & c->plain[s[j + 1]] & c->plain[s[j + 2]] & c->plain[s[j + 3]])
                j += 4;
            while (j < len && c->plain[s[j]])
                j++;
            if (j == len || (s[j] < 0x80 && c->ascii[s[j]] != DELETE)) {
                i = j;
                continue;
            }
            i = j - 1; /* the last byte joins the chunk of what follows, below */
        }
        /* Fast path: an ASCII byte followed by one that starts a chunk. */
        unsigned char b = s[i];
        if (b < 0x80 && (i + 1 == len || (s[i + 1] < 0x80 && c->ascii[s[i + 1]] != DELETE))) {
            unsigned char a = c->ascii[b];
            if (a == KEEP) {
                if (w.start != SIZE_MAX)
                    rc = ws_flush(&e, &w, i);
            } else if (a == SPACE) {
                ws_add(&w, i, b, b == '\r' && i + 1 < len && s[i + 1] == '\n');
            } else {
                if (w.start != SIZE_MAX)
                    rc = ws_flush(&e, &w, i);
                char low = (char)(b + 32);
                if (rc)
                    break;
                if (a == DELETE)
                    rc = emit_replace(&e, i, i + 1, "", 0);
                else if (a == CR)
                    rc = emit_replace(&e, i, i + 1, "\n", i + 1 < len && s[i + 1] == '\n' ? 0 : 1);
                else
                    rc = emit_replace(&e, i, i + 1, &low, 1);
            }
            i++;
            continue;
        }
        /* General path: one chunk, from here to the next chunk start. */
        size_t end = i + char_len(s + i);
        while (end < len && !chunk_starts_at(c, s, len, end))
            end += char_len(s + end);
        utf8proc_int32_t cp;
        utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        int single = end == i + char_len(s + i);
        if (single && c->collapse && is_space(cp)) {
            ws_add(&w, i, cp, cp == '\r' && i + 1 < len && s[i + 1] == '\n');
        } else {
            if (w.start != SIZE_MAX)
                rc = ws_flush(&e, &w, i);
            if (rc == TP_OK && !(single && cp >= 0x80 && untouched(c, cp))) {
                if (single && cp < 0x80 && c->ascii[cp] == KEEP)
                    ; /* a plain ASCII character before a chunk start */
                else
                    rc = do_chunk(c, &e, i, end, &buf, &cap);
            }
        }
        i = end;
    }
    if (rc == TP_OK && w.start != SIZE_MAX)
        rc = ws_flush(&e, &w, len);
    free(buf);
    if (rc == TP_OK)
        return emit_finish(&e);
    tp_view_abort(e.vb);
    return rc;
}

TEXTPIPE_PLUGIN(normalize,
    .name = "normalize",
    .version = PACKAGE_VERSION,
    .license = "MIT",
    .description = "Unicode normalization (NFC by default) and optional clean-ups: white space, quotes and "
                   "dashes, control and zero-width characters, case. Adds a new text view; every offset maps "
                   "back exactly to the original text.",
    .provides = NULL,
    .options = options,
    .flags = TP_PLUGIN_THREAD_SAFE | TP_PLUGIN_MODIFIES_TEXT,
    .create = create,
    .process = process,
    .destroy = destroy);
