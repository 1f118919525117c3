/*
** doc_html.c -- the HTML backend of `vep doc`: one self-contained,
** printable file.
**
** The file needs nothing else: the styles are inline (with an @media
** print part: page breaks before the sections that ask for one, headings
** kept with what follows, rows and items not split across pages), there
** is no script, no image and no link to anything outside the file; the
** only links are those of the table of contents to the file's own
** headings.  Every element is closed explicitly and the two void ones
** are written <meta ... />, so that the file is well-formed XML as well
** as HTML, and every text of the script is escaped.
*/
#include <string.h>
#include "doc.h"

static const char css[] =
    "body { font-family: 'DejaVu Serif', Georgia, 'Times New Roman', serif;"
    " color: #111; background: #fff; line-height: 1.45;"
    " max-width: 50em; margin: 2em auto; padding: 0 1.5em; }\n"
    "h1 { font-size: 1.9em; margin-bottom: 0.3em; }\n"
    "h2 { font-size: 1.45em; border-bottom: 1px solid #888;"
    " margin-top: 2em; padding-bottom: 0.15em; }\n"
    "h3 { font-size: 1.2em; margin-top: 1.6em; }\n"
    "h4 { font-size: 1.05em; margin: 1.3em 0 0.3em; }\n"
    "code { font-family: 'DejaVu Sans Mono', 'Courier New', monospace;"
    " font-size: 0.9em; background: #f2f2f2; padding: 0 0.2em; }\n"
    "table { border-collapse: collapse; margin: 0.6em 0 1em; }\n"
    "th, td { border: 1px solid #999; padding: 0.25em 0.6em;"
    " text-align: left; vertical-align: top; }\n"
    "th { background: #eee; }\n"
    "ul { padding-left: 1.4em; }\n"
    "li { margin: 0.15em 0; }\n"
    ".note, .warning { border: 1px solid #888; border-left-width: 6px;"
    " padding: 0.2em 1em; margin: 1em 0; }\n"
    ".warning { border-color: #a00; background: #fff4f4; }\n"
    ".note { background: #f6f6f6; }\n"
    "nav.toc { border: 1px solid #ccc; padding: 0.5em 1.2em; margin: 1.5em 0; }\n"
    "nav.toc h2 { border: none; margin: 0.3em 0; font-size: 1.2em; }\n"
    "nav.toc ol { margin: 0.2em 0; padding-left: 1.4em; }\n"
    "nav.toc a { color: #124; text-decoration: none; }\n"
    "@page { margin: 2cm 1.8cm; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }\n"
    "  h2.page { break-before: page; page-break-before: always; }\n"
    "  nav.toc { break-after: page; page-break-after: always; border: none; }\n"
    "  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n"
    "  tr, li, .note, .warning { break-inside: avoid; page-break-inside: avoid; }\n"
    "  code { background: none; }\n"
    "  .warning, .note, th { background: none; }\n"
    "  a { color: inherit; }\n"
    "}\n";

/* Appends markup (never a script text) to the body. */
static void put(doc *d, const char *s)
{
    doc_buf_adds(&d->body, s);
}

/* Appends `s` to `b` escaped for HTML text and attribute values; control
** characters other than line breaks and tabs are dropped. */
static void escape_to(doc_buf *b, const char *s)
{
    const char *p, *start = s;

    for (p = s; *p; p++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                rep = "";
            break;
        }
        if (rep != NULL) {
            doc_buf_add(b, start, (size_t)(p - start));
            doc_buf_adds(b, rep);
            start = p + 1;
        }
    }
    doc_buf_add(b, start, (size_t)(p - start));
}

/* Appends an anchor: letters, digits, '-', '_' and '.'; others as '-'. */
static void anchor_to(doc_buf *b, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            c = '-';
        doc_buf_add(b, &c, 1);
    }
}

/* A heading with its anchor as id, and the class that breaks the page
** before it when printed. */
static void html_heading(doc *d, int level, const char *anchor,
                         const char *title, unsigned flags)
{
    doc_buf_printf(&d->body, "<h%d", level);
    if (anchor != NULL) {
        put(d, " id=\"");
        anchor_to(&d->body, anchor);
        put(d, "\"");
    }
    if (flags & DOC_PAGE_BREAK)
        put(d, " class=\"page\"");
    put(d, ">");
    escape_to(&d->body, title);
    doc_buf_printf(&d->body, "</h%d>\n", level);
}

/* The start tag of a block. */
static void html_open(doc *d, doc_block kind)
{
    static const char *const tags[] = {
        "<p>", "<ul>\n", "<li>", "<div class=\"note\">\n",
        "<div class=\"warning\">\n", "<table>\n", "<tr>", "<td>"
    };
    put(d, tags[kind]);
}

/* The end tag of a block (a table also ends its body). */
static void html_close(doc *d, doc_block kind)
{
    static const char *const tags[] = {
        "</p>\n", "</ul>\n", "</li>\n", "</div>\n", "</div>\n",
        "</tbody>\n</table>\n", "</tr>\n", "</td>"
    };
    put(d, tags[kind]);
}

/* The header row, and the start of the table's body. */
static void html_header(doc *d, const char *const *cols, size_t n)
{
    size_t i;
    put(d, "<thead><tr>");
    for (i = 0; i < n; i++) {
        put(d, "<th>");
        escape_to(&d->body, cols[i]);
        put(d, "</th>");
    }
    put(d, "</tr></thead>\n<tbody>\n");
}

/* A script text, escaped. */
static void html_text(doc *d, const char *s)
{
    escape_to(&d->body, s);
}

/* An id or a code, escaped, in code type. */
static void html_code(doc *d, const char *s)
{
    put(d, "<code>");
    escape_to(&d->body, s);
    put(d, "</code>");
}

/* A label, escaped, in bold. */
static void html_strong(doc *d, const char *s)
{
    put(d, "<strong>");
    escape_to(&d->body, s);
    put(d, "</strong>");
}

/* The table of contents: the level-2 headings, each with its level-3
** ones in a list of its own. */
static void write_toc(const doc *d, doc_buf *out)
{
    size_t i;
    int item_open = 0, sub_open = 0;

    doc_buf_adds(out, "<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n");
    for (i = 0; i < d->ntoc; i++) {
        const doc_heading *h = &d->toc[i];
        if (h->level <= 2) {
            if (sub_open)
                doc_buf_adds(out, "</ol>\n");
            if (item_open)
                doc_buf_adds(out, "</li>\n");
            sub_open = 0;
            doc_buf_adds(out, "<li>");
            item_open = 1;
        } else {
            if (!item_open)
                doc_buf_adds(out, "<li>");
            if (!sub_open)
                doc_buf_adds(out, "\n<ol>\n");
            item_open = sub_open = 1;
            doc_buf_adds(out, "<li>");
        }
        doc_buf_adds(out, "<a href=\"#");
        anchor_to(out, h->anchor);
        doc_buf_adds(out, "\">");
        escape_to(out, h->title);
        doc_buf_adds(out, "</a>");
        if (h->level > 2)
            doc_buf_adds(out, "</li>\n");
    }
    if (sub_open)
        doc_buf_adds(out, "</ol>\n");
    if (item_open)
        doc_buf_adds(out, "</li>\n");
    doc_buf_adds(out, "</ol>\n</nav>\n");
}

/* The whole file: head with title and styles, the body with the
** contents where the guide asked for them. */
static void html_finish(doc *d, doc_buf *out)
{
    const char *body = d->body.data ? d->body.data : "";
    size_t at = d->has_toc && d->toc_at <= d->body.len ? d->toc_at : 0;

    doc_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
    escape_to(out, d->lang);
    doc_buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\" />\n"
                      "<meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\" />\n<title>");
    escape_to(out, d->title ? d->title : "");
    doc_buf_adds(out, "</title>\n<style>\n");
    doc_buf_adds(out, css);
    doc_buf_adds(out, "</style>\n</head>\n<body>\n<main>\n");
    doc_buf_add(out, body, at);
    if (d->has_toc && d->ntoc > 0)
        write_toc(d, out);
    doc_buf_add(out, body + at, d->body.len - at);
    doc_buf_adds(out, "</main>\n</body>\n</html>\n");
}

const doc_backend doc_backend_html = {
    html_heading, html_open, html_close, html_header, html_text, html_code,
    html_strong, html_finish
};
