/*
** doc_md.c -- the Markdown backend of `vep doc` (CommonMark, with GitHub's
** tables): headings, paragraphs, bulleted lists (nested by two spaces),
** notes as block quotes, and pipe tables.
**
** Every text of the script is escaped, so that no script text can turn
** into markup: the characters that make emphasis, code, links, raw HTML
** or table cells are backslash-escaped everywhere, and those that start a
** heading, a quote or a list only where a block begins.  Line breaks and
** tabs in a text become spaces, since a line break would end a table row
** or a list item.
*/
#include <string.h>
#include "doc.h"

/* Whether a note (a block quote) is open. */
static int in_note(const doc *d)
{
    int i;
    for (i = 0; i < d->depth; i++)
        if (d->stack[i] == DOC_NOTE || d->stack[i] == DOC_WARNING)
            return 1;
    return 0;
}

/* How many lists are open (the nesting of list items). */
static int lists_open(const doc *d)
{
    int i, n = 0;
    for (i = 0; i < d->depth; i++)
        n += d->stack[i] == DOC_LIST;
    return n;
}

/* Whether the innermost open block is `kind`. */
static int top_is(const doc *d, doc_block kind)
{
    return d->depth > 0 && d->stack[d->depth - 1] == kind;
}

/* Whether a table cell is open (a '|' must then be escaped even in
** code). */
static int in_cell(const doc *d)
{
    int i;
    for (i = 0; i < d->depth; i++)
        if (d->stack[i] == DOC_CELL)
            return 1;
    return 0;
}

/* Appends bytes to the body as they are. */
static void put(doc *d, const char *s, size_t n)
{
    doc_buf_add(&d->body, s, n);
    d->md_wrote = 1;
}

/* Appends a NUL-terminated piece of markup. */
static void puts_(doc *d, const char *s)
{
    put(d, s, strlen(s));
}

/* Ends the current line. */
static void newline(doc *d)
{
    puts_(d, "\n");
    d->md_line_open = 0;
}

/* Starts a new line, inside the open note when there is one. */
static void begin_line(doc *d)
{
    if (d->md_line_open)
        newline(d);
    if (in_note(d))
        puts_(d, "> ");
    d->md_line_open = 1;
}

/* Ends the current line and leaves one blank line before the next block,
** except at the start of the document or of a note. */
static void blank(doc *d)
{
    if (d->md_line_open)
        newline(d);
    if (!d->md_fresh && d->md_wrote)
        puts_(d, in_note(d) ? ">\n" : "\n");
    d->md_fresh = 0;
}

/* Whether `c` is markup in inline text wherever it stands. */
static int inline_special(char c)
{
    return c == '\\' || c == '`' || c == '*' || c == '_' || c == '['
        || c == ']' || c == '<' || c == '|' || c == '~';
}

/* Whether `c` is an ASCII letter or digit. */
static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9');
}

/* Writes a text escaped.  At the start of a block, leading blanks are
** dropped and the characters that would begin a heading, a quote, a
** list or a thematic break are escaped. */
static void escape(doc *d, const char *s)
{
    const char *p = s;

    if (d->md_bol) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0')
            return;
        if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=') {
            puts_(d, "\\");
        } else if (*p >= '0' && *p <= '9') {
            const char *q = p;
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == '.' || *q == ')') {
                put(d, p, (size_t)(q - p));
                puts_(d, "\\");
                p = q;
            }
        }
        d->md_bol = 0;
    }
    for (; *p; p++) {
        char c = *p;
        if (c == '\n' || c == '\r' || c == '\t') {
            puts_(d, " ");
        } else if (c == '_' && p > s && is_alnum(p[-1]) && is_alnum(p[1])) {
            put(d, &c, 1);     /* inside a word '_' is never emphasis */
        } else if (inline_special(c)) {
            char esc[2] = { '\\', c };
            put(d, esc, 2);
        } else if (c == '&' && ((p[1] >= 'a' && p[1] <= 'z')
                                || (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '#')) {
            puts_(d, "\\&");
        } else {
            put(d, &c, 1);
        }
    }
}

/* An ATX heading ("## Title") between blank lines; Markdown has no
** anchors or page breaks, so those are dropped. */
static void md_heading(doc *d, int level, const char *anchor,
                       const char *title, unsigned flags)
{
    (void)anchor;
    (void)flags;
    blank(d);
    begin_line(d);
    put(d, "####", (size_t)level);
    puts_(d, " ");
    d->md_bol = 1;
    escape(d, title);
    newline(d);
}

/* Starts a block: the blank line before it, the quote prefix, the list
** marker or the cell separator. */
static void md_open(doc *d, doc_block kind)
{
    int i, n;

    switch (kind) {
    case DOC_PARA:
        if (top_is(d, DOC_ITEM))
            break;         /* a paragraph in an item continues its line */
        blank(d);
        begin_line(d);
        d->md_bol = 1;
        break;
    case DOC_LIST:         /* the blank line waits for the first item */
        d->md_list_fresh = !top_is(d, DOC_ITEM);
        break;
    case DOC_ITEM:
        if (d->md_list_fresh)
            blank(d);
        d->md_list_fresh = 0;
        begin_line(d);
        n = lists_open(d);
        for (i = 1; i < n; i++)
            puts_(d, "  ");
        puts_(d, "- ");
        d->md_bol = 1;
        break;
    case DOC_NOTE:
    case DOC_WARNING:
        blank(d);
        d->md_fresh = 1;   /* the note's first block follows at once */
        break;
    case DOC_TABLE:
        blank(d);
        break;
    case DOC_ROW:
        begin_line(d);
        puts_(d, "|");
        break;
    case DOC_CELL:
        puts_(d, " ");     /* a cell's text is inline: nothing to guard */
        break;
    }
}

/* Ends a block: a note ends its line, a cell writes its separator. */
static void md_close(doc *d, doc_block kind)
{
    switch (kind) {
    case DOC_NOTE:
    case DOC_WARNING:
        if (d->md_line_open)
            newline(d);
        break;
    case DOC_CELL:
        puts_(d, " |");
        break;
    default:
        break;
    }
    d->md_bol = 0;
}

/* The header row and the delimiter row of a table. */
static void md_header(doc *d, const char *const *cols, size_t n)
{
    size_t i;

    begin_line(d);
    puts_(d, "|");
    for (i = 0; i < n; i++) {
        puts_(d, " ");
        escape(d, cols[i]);
        puts_(d, " |");
    }
    begin_line(d);
    puts_(d, "|");
    for (i = 0; i < n; i++)
        puts_(d, "---|");
}

/* A script text, escaped. */
static void md_text(doc *d, const char *s)
{
    escape(d, s);
}

/* A code span: fenced with one backtick more than the longest run in
** the text, padded when the text starts or ends with a backtick. */
static void md_code(doc *d, const char *s)
{
    size_t run = 0, longest = 0, i, n = strlen(s);
    int pad, cell = in_cell(d);

    for (i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    pad = n > 0 && (s[0] == '`' || s[n - 1] == '`');
    for (i = 0; i <= longest; i++)
        puts_(d, "`");
    if (pad)
        puts_(d, " ");
    for (i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
            puts_(d, " ");
        else if (s[i] == '|' && cell)
            puts_(d, "\\|");
        else
            put(d, &s[i], 1);
    }
    if (pad)
        puts_(d, " ");
    for (i = 0; i <= longest; i++)
        puts_(d, "`");
    d->md_bol = 0;
}

/* A label in bold, escaped. */
static void md_strong(doc *d, const char *s)
{
    puts_(d, "**");
    d->md_bol = 0;
    escape(d, s);
    puts_(d, "**");
}

/* The body as it is, ending with one line break. */
static void md_finish(doc *d, doc_buf *out)
{
    if (d->md_line_open)
        newline(d);
    doc_buf_add(out, d->body.data ? d->body.data : "", d->body.len);
}

const doc_backend doc_backend_md = {
    md_heading, md_open, md_close, md_header, md_text, md_code, md_strong,
    md_finish
};
