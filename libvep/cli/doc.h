/*
** doc.h -- the guide that `vep doc` renders from a script's description.
**
** The guide's content is written once, as a sequence of headings, blocks
** (paragraphs, lists, notes, tables) and inline pieces (text, code,
** strong), by doc_instrument.c and doc_scoring.c (an instrument's user's
** guide and scoring manual, from vep_instrument_describe's JSON) and
** doc_plan.c (a plan's guide, from vep_plan_describe's JSON).  A backend turns those calls
** into one format: doc_md.c writes Markdown, doc_html.c one
** self-contained printable HTML file with a table of contents.
** doc_write.c holds the document itself, the calls the content uses, and
** the small prose helpers both guides share.
**
** Nothing here reads the clock: the same script gives the same bytes.
** Every text from the script is escaped by the backend.
*/
#ifndef VEP_CLI_DOC_H
#define VEP_CLI_DOC_H

#include <stddef.h>
#include <cJSON.h>

/* ---- A growable string -------------------------------------------------- */

typedef struct doc_buf {
    char *data;                /* NUL-terminated once anything was added */
    size_t len, cap;
    int failed;                /* an allocation failed: the text is cut   */
} doc_buf;

void doc_buf_add(doc_buf *b, const char *s, size_t n);
void doc_buf_adds(doc_buf *b, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void doc_buf_printf(doc_buf *b, const char *fmt, ...);
void doc_buf_free(doc_buf *b);

/* ---- The document ------------------------------------------------------- */

typedef enum doc_format { DOC_MD = 0, DOC_HTML } doc_format;

/* The blocks a guide is made of. */
typedef enum doc_block {
    DOC_PARA = 0,              /* a paragraph                              */
    DOC_LIST,                  /* a bulleted list of DOC_ITEMs             */
    DOC_ITEM,                  /* a list item: inline content, and lists   */
    DOC_NOTE,                  /* a boxed note of paragraphs               */
    DOC_WARNING,               /* the same, for a warning                  */
    DOC_TABLE,                 /* opened with doc_table(): DOC_ROWs        */
    DOC_ROW,                   /* a table row of DOC_CELLs                 */
    DOC_CELL                   /* a table cell: inline content             */
} doc_block;

/* Heading flags. */
enum {
    DOC_PAGE_BREAK = 1u << 0,  /* start a new page when printed            */
    DOC_NO_TOC = 1u << 1       /* not listed in the table of contents      */
};

/* One heading of the table of contents. */
typedef struct doc_heading {
    int level;
    char *anchor;
    char *title;
} doc_heading;

#define DOC_MAX_DEPTH 16

typedef struct doc doc;

/* What a format does with each call (doc_md.c, doc_html.c).  Texts given
** to `text`, `code`, `strong` and `heading` are the script's: the
** backend escapes them. */
typedef struct doc_backend {
    void (*heading)(doc *d, int level, const char *anchor, const char *title,
                    unsigned flags);
    void (*open)(doc *d, doc_block kind);
    void (*close)(doc *d, doc_block kind);
    /* a table's header row; `open` of DOC_TABLE comes first */
    void (*header)(doc *d, const char *const *cols, size_t n);
    void (*text)(doc *d, const char *s);
    void (*code)(doc *d, const char *s);
    void (*strong)(doc *d, const char *s);
    /* the finished document: the body with whatever the format wraps it
    ** in (HTML: head, styles, the contents at doc.toc_at) */
    void (*finish)(doc *d, doc_buf *out);
} doc_backend;

extern const doc_backend doc_backend_md;
extern const doc_backend doc_backend_html;

struct doc {
    const doc_backend *be;
    doc_buf body;
    doc_block stack[DOC_MAX_DEPTH];   /* the open blocks                   */
    int depth;
    doc_heading *toc;                 /* headings of levels 2 and 3        */
    size_t ntoc;
    size_t toc_at;                    /* where in body the contents go     */
    int has_toc;
    int nomem;                        /* an allocation failed              */
    char *title;                      /* the document's title              */
    char lang[36];                    /* its language tag (HTML lang)      */
    /* the Markdown writer's state */
    int md_line_open;                 /* the current line has text         */
    int md_fresh;                     /* no blank line before next block   */
    int md_bol;                       /* the next text begins a block      */
    int md_wrote;                     /* anything was written              */
    int md_list_fresh;                /* a list opened, no item yet        */
};

/* Starts an empty document in `format`. */
void doc_init(doc *d, doc_format format);
/* Frees what the document holds. */
void doc_free(doc *d);
/* The finished document into `out` (freed with doc_buf_free).  Returns 0,
** or -1 when out of memory. */
int doc_finish(doc *d, doc_buf *out);

/* The document's title and language tag (only letters, digits and '-'
** are kept; "und" when nothing is left). */
void doc_set_title(doc *d, const char *title);
void doc_set_lang(doc *d, const char *tag);

/* A heading of `level` 1 to 4; levels 2 and 3 go to the contents unless
** DOC_NO_TOC.  `anchor` may be NULL. */
void doc_heading_add(doc *d, int level, const char *anchor,
                     const char *title, unsigned flags);
/* A heading "HEAD: TITLE" (HEAD alone when `title` is NULL) with the
** anchor "PREFIX-ID" (none when `prefix` is NULL); built whole, so that a
** long title is never cut. */
void doc_heading_join(doc *d, int level, const char *prefix, const char *id,
                      const char *head, const char *title, unsigned flags);
/* Here the table of contents goes (HTML only). */
void doc_toc_here(doc *d);

/* Opens a block inside the current one; doc_close closes the innermost. */
void doc_open(doc *d, doc_block kind);
void doc_close(doc *d);
/* Opens a table with a header row of `n` columns. */
void doc_table(doc *d, const char *const *cols, size_t n);

/* Inline content of the current block. */
void doc_text(doc *d, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void doc_textf(doc *d, const char *fmt, ...);
void doc_code(doc *d, const char *s);
void doc_strong(doc *d, const char *s);

/* ---- Shortcuts and prose helpers (doc_write.c) ---------------------------- */

/* A paragraph of one text. */
void doc_para(doc *d, const char *s);

/* The "Test cases" section: a script's own cases by name; `what` says
** what a case holds. */
void doc_tests(doc *d, const cJSON *tests, const char *what);
/* The section on the host functions a script declares; nothing when it
** declares none. */
void doc_hosts(doc *d, const cJSON *hosts);
/* A list item "LABEL: " (strong) whose content the caller adds; closed
** with doc_close. */
void doc_field(doc *d, const char *label);
/* A list item "LABEL: TEXT", nothing when `text` is NULL or empty. */
void doc_field_text(doc *d, const char *label, const char *text);
/* A table cell of one text (code when `code`). */
void doc_cell_text(doc *d, const char *s, int code);
/* A number, written the short way (2, 0.5). */
void doc_number(doc *d, double v);
/* Ids as code, "A", "A and B", "A, B and C" (`conj`: "and", "or"). */
void doc_id_list(doc *d, const cJSON *arr, const char *key,
                 const char *conj);
/* The same from an array of C strings. */
void doc_ids(doc *d, const char *const *ids, size_t n, const char *conj);

/* ---- Reading the description -------------------------------------------- */

/* Member `key` of object `o`; NULL when absent, null or `o` is no object. */
const cJSON *doc_get(const cJSON *o, const char *key);
/* A string member, or NULL (also for an empty string). */
const char *doc_str(const cJSON *o, const char *key);
/* A number member into *out; 0 when it is not a number. */
int doc_num(const cJSON *o, const char *key, double *out);
/* Whether a member is true. */
int doc_true(const cJSON *o, const char *key);
/* The element of array `arr` whose "id" is `id`, or NULL. */
const cJSON *doc_find(const cJSON *arr, const char *id);

/* The front matter both guides share: the language note and the lines
** naming the script's SHA-256 and the engine that rendered the guide.
** `requested` is the --lang given (NULL: none).  Also sets the
** document's language tag. */
void doc_front_matter(doc *d, const cJSON *desc, const char *requested);

/* ---- The guides ---------------------------------------------------------- */

/* The user's guide and scoring manual of an instrument (doc_instrument.c)
** and the guide of a plan (doc_plan.c), from their descriptions. */
void doc_instrument(doc *d, const cJSON *desc, const char *requested);
void doc_plan(doc *d, const cJSON *desc, const char *requested);
/* The scoring manual of an instrument (doc_scoring.c): the missing-data
** policy, the scores, advisory levels and flags in words, and the
** professional judgement. */
void doc_scoring_manual(doc *d, const cJSON *desc);

#endif /* VEP_CLI_DOC_H */
