/* output_html.c - the HTML report: one self-contained page (inline CSS,
 * no scripts, nothing fetched) with each document's text, its entities
 * marked and labelled, sentences tinted by sentiment, and a table of the
 * entities.  Labels are always written out and sentiment is also shown by
 * the style of the underline and in words, so nothing relies on color. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <textpipe/output.h>

#include "document_internal.h"

static const char page_css[] =
    ":root{color-scheme:light}"
    "body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
    "color:#1a1a1a;background:#fff;margin:0}"
    "header.page{padding:1rem 2rem;border-bottom:1px solid #bbb}"
    "header.page h1{margin:0 0 .3rem;font-size:1.4rem}"
    ".legend{font-size:.9rem;color:#333;margin:.3rem 0 0}"
    ".legend span{margin-right:1.2rem}"
    "section.doc{display:grid;grid-template-columns:minmax(0,2fr) minmax(23rem,1fr);gap:2rem;"
    "padding:1rem 2rem 2rem;border-bottom:1px solid #ddd}"
    "section.doc h2{grid-column:1/-1;margin:.5rem 0 0;font-size:1.15rem;word-break:break-all}"
    ".summary{grid-column:1/-1;margin:0;color:#333}"
    ".text{white-space:pre-wrap;line-height:2.1;font-size:1.02rem}"
    ".sent{border-radius:.2em;padding:.15em 0}"
    ".sent.pos{text-decoration:underline solid #1d6b34;text-decoration-thickness:2px;text-underline-offset:.4em}"
    ".sent.neg{text-decoration:underline wavy #9e1c1c;text-decoration-thickness:1px;text-underline-offset:.4em}"
    "mark.ent{color:#111;padding:.12em .35em;border-radius:.35em;box-decoration-break:clone;"
    "-webkit-box-decoration-break:clone;border:1px solid rgba(0,0,0,.25)}"
    "mark.ent .lbl{font-size:.68em;font-weight:700;letter-spacing:.04em;margin-left:.35em;"
    "vertical-align:.1em;color:#222}"
    "aside h3{font-size:1rem;margin:.3rem 0 .5rem}"
    "aside{min-width:0}"
    "table{border-collapse:collapse;width:100%;font-size:.88rem}"
    "th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}"
    "th{border-bottom:2px solid #999}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.num small{display:block;color:#444}"
    "td.type{white-space:nowrap}"
    ".chip{display:inline-block;width:.8em;height:.8em;border-radius:.2em;margin-right:.35em;"
    "border:1px solid rgba(0,0,0,.3);vertical-align:-.05em}"
    "@media (max-width:60rem){section.doc{grid-template-columns:1fr}}"
    "@media print{body{font-size:11pt}section.doc{display:block;break-inside:auto}"
    "aside{margin-top:1rem;break-inside:avoid}mark.ent,.sent,.chip{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}}";

/* Background of each entity type; unknown types are grey. */
static const char *label_color(const char *label)
{
    static const struct { const char *label, *color; } colors[] = {
        {"PERSON", "#c9bdfd"}, {"ORG", "#9fe7e7"}, {"GPE", "#fdd48e"},   {"LOC", "#fdb38f"},
        {"NORP", "#dcb5fb"},   {"DATE", "#cfe8df"}, {"TIME", "#cfe8df"}, {"MONEY", "#e6e9d4"},
        {"PERCENT", "#e6e9d4"},
    };
    for (size_t i = 0; label && i < sizeof colors / sizeof *colors; i++)
        if (strcmp(label, colors[i].label) == 0)
            return colors[i].color;
    return "#e0e0e0";
}

static void html_escape(tp_buf *out, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = "\xEF\xBF\xBD"; break; /* NUL is not allowed in HTML */
        default: continue;
        }
        tp_buf_append(out, s + run, i - run);
        tp_buf_append(out, rep, strlen(rep));
        run = i + 1;
    }
    tp_buf_append(out, s + run, len - run);
}

/* The compound score in a span's or the document's "sentiment", or NAN. */
static double compound_of(const tp_value *v)
{
    double c;
    return tp_value_get_number(v, "compound", &c) ? c : NAN;
}

static const char *polarity(double c)
{
    return isnan(c) ? "none" : c >= 0.05 ? "positive" : c <= -0.05 ? "negative" : "neutral";
}

/* One span in original bytes, with what the page shows of it. */
typedef struct mark {
    size_t start, end;
    const char *label;
    const char *canonical;
    size_t canonical_len;
    double compound;
} mark;

static mark *collect(tp_doc *doc, const char *layer_name, size_t *n)
{
    *n = 0;
    tp_layer *layer = tp_doc_layer(doc, layer_name);
    if (!layer || layer->n == 0)
        return NULL;
    mark *m = calloc(layer->n, sizeof *m);
    if (!m)
        return NULL;
    for (size_t i = 0; i < layer->n; i++) {
        const tp_span *s = &layer->spans[i];
        m[i].start = tp_doc_to_original(doc, layer->view, s->start, TP_EDGE_START);
        m[i].end = tp_doc_to_original(doc, layer->view, s->end, TP_EDGE_END);
        if (m[i].end < m[i].start)
            m[i].end = m[i].start;
        m[i].label = s->label;
        m[i].canonical = tp_span_get_string(s, "canonical", &m[i].canonical_len);
        m[i].compound = compound_of(tp_span_get(s, "sentiment"));
    }
    *n = layer->n;
    return m;
}

static void open_sentence(tp_buf *out, double c)
{
    const char *pol = polarity(c);
    if (isnan(c) || strcmp(pol, "neutral") == 0) {
        tp_buf_printf(out, "<span class=\"sent\">");
        return;
    }
    /* light tints keep dark text above 7:1 contrast */
    double a = fabs(c);
    int light = (int)(96.0 - 10.0 * (a > 1 ? 1 : a));
    tp_buf_printf(out, "<span class=\"sent %s\" style=\"background-color:hsl(%d,70%%,%d%%)\" "
                       "title=\"sentence sentiment %+.2f (%s)\">",
                  c > 0 ? "pos" : "neg", c > 0 ? 140 : 0, light, c, pol);
}

static void open_entity(tp_buf *out, const mark *e)
{
    tp_buf_printf(out, "<mark class=\"ent\" data-label=\"");
    html_escape(out, e->label ? e->label : "", e->label ? strlen(e->label) : 0);
    tp_buf_printf(out, "\" style=\"background-color:%s\"", label_color(e->label));
    if (!isnan(e->compound))
        tp_buf_printf(out, " title=\"sentiment %+.2f (%s)\"", e->compound, polarity(e->compound));
    tp_buf_putc(out, '>');
}

static void close_entity(tp_buf *out, const mark *e)
{
    tp_buf_printf(out, "<span class=\"lbl\">");
    html_escape(out, e->label ? e->label : "", e->label ? strlen(e->label) : 0);
    tp_buf_printf(out, "</span></mark>");
}

/* The text with sentences and entities.  Elements must nest: an entity is
 * cut where its sentence ends or the next sentence starts, and a span that
 * overlaps the one before it (or is empty) is shown as plain text. */
static void write_text(tp_buf *out, const char *text, size_t len, const mark *sents, size_t ns, const mark *ents,
                       size_t ne)
{
    size_t pos = 0, si = 0, ei = 0;
    const mark *cur_s = NULL, *cur_e = NULL;
    for (;;) {
        int sentence_starts = !cur_s && si < ns && sents[si].start == pos && sents[si].end > pos;
        /* close what ends here (an entity also before a sentence opens) */
        if (cur_e && (cur_e->end <= pos || (cur_s && cur_s->end <= pos) || sentence_starts || pos >= len)) {
            close_entity(out, cur_e);
            cur_e = NULL;
        }
        if (cur_s && (cur_s->end <= pos || pos >= len)) {
            tp_buf_append(out, "</span>", 7);
            cur_s = NULL;
        }
        if (pos >= len)
            break;
        /* drop spans that start before here (overlaps) or are empty */
        while (si < ns && (sents[si].start < pos || (sents[si].start == pos && sents[si].end <= pos)))
            si++;
        while (ei < ne && (ents[ei].start < pos || (ents[ei].start == pos && ents[ei].end <= pos)))
            ei++;
        /* open what starts here */
        if (!cur_s && si < ns && sents[si].start == pos) {
            cur_s = &sents[si++];
            open_sentence(out, cur_s->compound);
        }
        if (!cur_e && ei < ne && ents[ei].start == pos) {
            cur_e = &ents[ei++];
            open_entity(out, cur_e);
        }
        /* plain text up to the next event */
        size_t next = len;
        if (cur_e && cur_e->end < next)
            next = cur_e->end;
        if (cur_s && cur_s->end < next)
            next = cur_s->end;
        if (si < ns && sents[si].start < next)
            next = sents[si].start;
        if (!cur_e && ei < ne && ents[ei].start < next)
            next = ents[ei].start;
        if (next <= pos) /* an overlapping span starts here: it will be dropped */
            next = pos + 1;
        while (next < len && ((unsigned char)text[next] & 0xC0) == 0x80)
            next++; /* never split a character */
        html_escape(out, text + pos, next - pos);
        pos = next;
    }
}

/* Entities grouped by canonical name (or their text). */
typedef struct group {
    const char *name;
    size_t name_len;
    const char *label;
    size_t mentions, scored;
    double sum;
} group;

static int group_cmp(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
    int c = memcmp(x->name, y->name, n);
    return c ? c : (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

static void write_table(tp_buf *out, const char *text, const mark *ents, size_t ne, int doc_index)
{
    group *g = calloc(ne ? ne : 1, sizeof *g);
    size_t ng = 0;
    if (!g) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < ne; i++) {
        const char *name = ents[i].canonical ? ents[i].canonical : text + ents[i].start;
        size_t name_len = ents[i].canonical ? ents[i].canonical_len : ents[i].end - ents[i].start;
        const char *label = ents[i].label ? ents[i].label : "";
        size_t k = 0;
        for (; k < ng; k++)
            if (g[k].name_len == name_len && memcmp(g[k].name, name, name_len) == 0 && strcmp(g[k].label, label) == 0)
                break;
        if (k == ng)
            g[ng++] = (group){name, name_len, label, 0, 0, 0};
        g[k].mentions++;
        if (!isnan(ents[i].compound)) {
            g[k].scored++;
            g[k].sum += ents[i].compound;
        }
    }
    qsort(g, ng, sizeof *g, group_cmp);
    tp_buf_printf(out, "<aside aria-labelledby=\"ents-%d\"><h3 id=\"ents-%d\">Entities (%zu)</h3>", doc_index,
                  doc_index, ng);
    if (ng) {
        tp_buf_printf(out, "<table><thead><tr><th scope=\"col\">Entity</th><th scope=\"col\">Type</th>"
                           "<th scope=\"col\">Mentions</th><th scope=\"col\">Average sentiment</th></tr></thead><tbody>");
        for (size_t k = 0; k < ng; k++) {
            tp_buf_printf(out, "<tr><td>");
            html_escape(out, g[k].name, g[k].name_len);
            tp_buf_printf(out, "</td><td class=\"type\"><span class=\"chip\" style=\"background-color:%s\" aria-hidden=\"true\"></span>",
                          label_color(g[k].label));
            html_escape(out, g[k].label, strlen(g[k].label));
            tp_buf_printf(out, "</td><td class=\"num\">%zu</td>", g[k].mentions);
            if (g[k].scored) {
                double avg = g[k].sum / (double)g[k].scored;
                tp_buf_printf(out, "<td class=\"num\">%+.2f <small>(%s)</small></td></tr>", avg, polarity(avg));
            } else {
                tp_buf_printf(out, "<td class=\"num\">&#8212;</td></tr>");
            }
        }
        tp_buf_printf(out, "</tbody></table>");
    } else {
        tp_buf_printf(out, "<p>No entities.</p>");
    }
    tp_buf_printf(out, "</aside>");
    free(g);
}

int tp_html_begin(tp_buf *out, const char *title)
{
    const char *t = title ? title : "textpipe report";
    tp_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                       "<meta name=\"generator\" content=\"textpipe\"><title>");
    html_escape(out, t, strlen(t));
    tp_buf_printf(out, "</title><style>%s</style></head><body><header class=\"page\"><h1>", page_css);
    html_escape(out, t, strlen(t));
    tp_buf_printf(out, "</h1><p class=\"legend\"><span>Entities are marked with their type written after "
                       "them.</span><span><span class=\"sent pos\">Solid underline</span>: positive sentence."
                       "</span><span><span class=\"sent neg\">Wavy underline</span>: negative sentence.</span>"
                       "<span>Hover a sentence or entity for its score.</span></p></header><main>\n");
    return out->failed ? TP_ERR_NOMEM : TP_OK;
}

int tp_html_end(tp_buf *out)
{
    tp_buf_printf(out, "</main></body></html>\n");
    return out->failed ? TP_ERR_NOMEM : TP_OK;
}

int tp_write_html(tp_doc *doc, const tp_output_options *opts, tp_buf *out, tp_error *err)
{
    (void)opts;
    if (doc->nviews == 0)
        return tp_error_set(err, TP_ERR_INVALID, "tp_write_html: the document has no text");
    static int counter; /* ids only need to be unique within one page */
    int index = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    size_t start_len = out->len;
    const doc_view *orig = &doc->views[0];
    size_t ns, ne;
    mark *sents = collect(doc, "sentences", &ns);
    mark *ents = collect(doc, "entities", &ne);
    tp_buf_printf(out, "<section class=\"doc\" aria-labelledby=\"doc-%d\"><h2 id=\"doc-%d\">", index, index);
    html_escape(out, doc->id_text ? doc->id_text : "(no id)", doc->id_text ? strlen(doc->id_text) : 7);
    tp_buf_printf(out, "</h2>");
    double c = compound_of(tp_doc_get_attr(doc, "sentiment"));
    tp_buf_printf(out, "<p class=\"summary\">%zu characters", tp_doc_codepoint(doc, orig->len));
    if (sents)
        tp_buf_printf(out, ", %zu sentences", ns);
    if (ents)
        tp_buf_printf(out, ", %zu entity mentions", ne);
    if (!isnan(c))
        tp_buf_printf(out, "; document sentiment %+.2f (%s)", c, polarity(c));
    tp_buf_printf(out, ".</p><article class=\"text\">");
    write_text(out, orig->text, orig->len, sents, ns, ents, ne);
    tp_buf_printf(out, "</article>");
    write_table(out, orig->text, ents, ne, index);
    tp_buf_printf(out, "</section>\n");
    free(sents);
    free(ents);
    if (out->failed) {
        out->len = start_len;
        return tp_error_set(err, TP_ERR_NOMEM, "out of memory while writing document '%s'", tp_doc_id(doc));
    }
    return TP_OK;
}
