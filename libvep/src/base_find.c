/*
** base_find.c -- finding an overlay's base on disk.
**
** An overlay names its base by id alone; the file is `ID.lua`, looked up
**   1. beside the overlay (the directory of the script naming the base),
**   2. else anywhere under the directory above it, at most BASE_SCAN_DEPTH
**      levels down (hidden directories and symbolic links to directories
**      are not followed).
** So a package `instruments/rs/` finds the regional core in
** `instruments/core/...`, and an entity's overlay in `instruments/ba/fbih/`
** finds the state-level overlay in `instruments/ba/`.  Two different files
** of that name under the directory above are an error: the choice would
** depend on the file system.  Messages name files relative to the script
** loaded, never by absolute path, so a script learns nothing about where
** it is installed.
**
** Paths are built with malloc (realpath() allocates with it too); the
** sources themselves go through the engine's allocator, as modules do.
*/
#define _XOPEN_SOURCE 700   /* realpath, lstat, strdup */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "loader.h"

#define BASE_SCAN_DEPTH 3       /* levels below the directory above      */
#define BASE_SCAN_MAX_DIRS 4096 /* directories visited at most           */
#define BASE_MAX_CANDIDATES 4
#define BASE_MAX_BYTES (16L * 1024 * 1024)

typedef struct scan_state {
    const char *fname;          /* "ID.lua"                              */
    const char *self;           /* the script asking, resolved: never its
                                   own base (NULL: unknown)              */
    char *found[BASE_MAX_CANDIDATES];
    size_t nfound;
    size_t visited;
} scan_state;

/* Adds the real path of `path` to the candidates, once. */
static void add_candidate(scan_state *s, const char *path)
{
    char *real = realpath(path, NULL);
    size_t i;
    if (real == NULL)
        return;
    if (s->self && strcmp(s->self, real) == 0) {
        free(real);              /* an overlay named after its base */
        return;
    }
    for (i = 0; i < s->nfound; i++)
        if (strcmp(s->found[i], real) == 0) {
            free(real);
            return;
        }
    if (s->nfound < BASE_MAX_CANDIDATES)
        s->found[s->nfound++] = real;
    else
        free(real);
}

/* Whether `path` is a regular file. */
static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Looks for the file in `dir` and, down to `levels` more levels, in its
** subdirectories, in sorted order. */
static void scan(scan_state *s, const char *dir, int levels)
{
    char path[PATH_MAX], **names = NULL;
    size_t n = 0, cap = 0, i;
    struct dirent *de;
    DIR *d;

    if (++s->visited > BASE_SCAN_MAX_DIRS)
        return;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, s->fname) < sizeof path &&
        is_file(path))
        add_candidate(s, path);
    if (levels == 0 || (d = opendir(dir)) == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        char **grown;
        if (de->d_name[0] == '.')
            continue;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path ||
            lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            grown = realloc(names, cap * sizeof *names);
            if (grown == NULL)
                break;
            names = grown;
        }
        if ((names[n] = strdup(de->d_name)) != NULL)
            n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_names);
    for (i = 0; i < n; i++) {
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) < sizeof path)
            scan(s, path, levels - 1);
        free(names[i]);
    }
    free(names);
}

/* The path of `to` relative to the directory `from` (both absolute and
** resolved), e.g. "../core/vep-screen.lua"; malloc'd, NULL when out of
** memory. */
static char *relative_path(const char *from, const char *to)
{
    size_t common = 0, i, ups = 0, n;
    const char *rest;
    char *out;

    for (i = 0; from[i] && from[i] == to[i]; i++)
        if (from[i] == '/')
            common = i;
    if (from[i] == '\0' && to[i] == '/')
        common = i;
    rest = to + common + 1;
    if (from[common] != '\0' && from[common + 1] != '\0')   /* from "/": no way up */
        for (ups = 1, i = common + 1; from[i]; i++)
            if (from[i] == '/')
                ups++;
    n = ups * 3 + strlen(rest) + 1;
    out = malloc(n);
    if (out == NULL)
        return NULL;
    out[0] = '\0';
    for (i = 0; i < ups; i++)
        strcat(out, "../");
    strcat(out, rest);
    return out;
}

/* Joins dir and rel and folds "x/.." away, lexically: the display name of
** a base's file next to the path the host gave for the script loaded. */
static char *join_display(const vep_alloc *a, const char *dir, size_t ndir, const char *rel)
{
    size_t n = ndir + strlen(rel) + 2, len = 0, i = 0;
    char *out = vep__malloc(a, n);
    if (out == NULL)
        return NULL;
    if (ndir) {
        memcpy(out, dir, ndir);
        len = ndir;
        if (out[len - 1] != '/')
            out[len++] = '/';
    }
    while (rel[i]) {
        const char *slash = strchr(rel + i, '/');
        size_t seg = slash ? (size_t)(slash - rel - i) : strlen(rel + i);
        if (seg == 2 && rel[i] == '.' && rel[i + 1] == '.' && len > 0) {
            size_t end = len - 1, start = end;   /* out[end] is '/' */
            while (start > 0 && out[start - 1] != '/')
                start--;
            if (end - start == 1 && out[start] == '.') {
                len = start;                     /* "./..": the ".." stays */
                continue;
            }
            if (!(end - start == 2 && out[start] == '.' && out[start + 1] == '.') &&
                end > start) {
                len = start;
                i += seg + (slash != NULL);
                continue;
            }
        }
        memcpy(out + len, rel + i, seg);
        len += seg;
        if (slash)
            out[len++] = '/';
        i += seg + (slash != NULL);
    }
    out[len] = '\0';
    return out;
}

int vep__base_relabel(vep_script_files *sf, vep_source *v, const char *real)
{
    const char *top = (*sf->sources)[0].name, *slash = strrchr(top, '/');
    char *rel = relative_path(sf->layers[0].realdir ? sf->layers[0].realdir : "/", real);
    char *label, *disp;
    if (rel == NULL)
        return -1;
    label = vep__strdup(sf->alloc, rel);
    disp = join_display(sf->alloc, top, slash ? (size_t)(slash - top) + (slash == top) : 0, rel);
    free(rel);
    if (label == NULL || disp == NULL) {
        vep__free(sf->alloc, label);
        vep__free(sf->alloc, disp);
        return -1;
    }
    v->own_label = v->label;
    v->label = label;
    vep__free(sf->alloc, v->name);
    v->name = disp;
    return 0;
}

/* Reads a whole file through the engine's allocator. */
static char *read_all(const vep_alloc *a, const char *path, size_t *len, int *nomem)
{
    FILE *f = fopen(path, "rb");
    long size;
    char *text = NULL;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && size <= BASE_MAX_BYTES &&
        fseek(f, 0, SEEK_SET) == 0) {
        text = vep__malloc(a, (size_t)size + 1);
        if (text == NULL)
            *nomem = 1;
        else if (fread(text, 1, (size_t)size, f) != (size_t)size) {
            vep__free(a, text);
            text = NULL;
        } else {
            text[size] = '\0';
            *len = (size_t)size;
        }
    }
    fclose(f);
    return text;
}

/* The resolved path of the main file of the script at the current depth
** (malloc'd), or NULL. */
static char *self_path(const vep_script_files *sf)
{
    size_t i;
    for (i = 0; i < *sf->nsources; i++)
        if ((*sf->sources)[i].module == NULL && (*sf->sources)[i].layer == sf->depth)
            return realpath((*sf->sources)[i].name, NULL);
    return NULL;
}

/* Picks the base's file for the script at the current depth: beside it,
** else the one file of that name under the directory above.  Returns the
** malloc'd real path, or NULL with the reason in err. */
static char *find_file(vep_script_files *sf, const char *id, char *err, size_t errlen)
{
    scan_state s;
    char parent[PATH_MAX], *slash, *pick = NULL;
    size_t i;

    memset(&s, 0, sizeof s);
    s.self = self_path(sf);
    snprintf(parent, sizeof parent, "%s.lua", id);
    s.fname = parent;
    scan(&s, sf->realdir, 0);
    if (s.nfound == 0) {
        char fname[PATH_MAX];
        snprintf(fname, sizeof fname, "%s", s.fname);
        s.fname = fname;
        snprintf(parent, sizeof parent, "%s", sf->realdir);
        slash = strrchr(parent, '/');
        if (slash && slash != parent) {
            *slash = '\0';
            scan(&s, parent, BASE_SCAN_DEPTH);
        }
        if (s.nfound == 0)
            snprintf(err, errlen, "no file '%s' beside this script or in the folders "
                     "under the folder above it", fname);
        s.fname = NULL;
    }
    if (s.nfound == 1) {
        pick = s.found[0];
        s.found[0] = NULL;
    } else if (s.nfound > 1) {
        char *a = relative_path(sf->layers[0].realdir, s.found[0]);
        char *b = relative_path(sf->layers[0].realdir, s.found[1]);
        snprintf(err, errlen, "two files could be the base: %s and %s; keep one, or "
                 "give them different ids", a ? a : "?", b ? b : "?");
        free(a);
        free(b);
    }
    for (i = 0; i < s.nfound; i++)
        free(s.found[i]);
    free((char *)s.self);
    return pick;
}

/* vep_base_reader.open over the files on disk (overlay.h). */
static int base_open(void *ud, const char *id, int depth, const char **src,
                     size_t *len, const char **chunkname, char *err, size_t errlen)
{
    vep_script_files *sf = ud;
    char *real, *dir = NULL, *name = NULL, *text = NULL, *slash;
    int nomem = 0, saved_depth = sf->depth;

    if (sf->realdir == NULL || depth != sf->depth || depth >= VEP_MAX_BASE_DEPTH) {
        snprintf(err, errlen, "no base can be found for this script");
        return -1;
    }
    sf->layers[depth].dir = (char *)sf->dir;
    sf->layers[depth].realdir = sf->realdir;
    real = find_file(sf, id, err, errlen);
    if (real == NULL)
        return -1;
    text = read_all(sf->alloc, real, len, &nomem);
    dir = strdup(real);
    name = vep__strdup(sf->alloc, real);
    if (text == NULL || dir == NULL || name == NULL) {
        if (text != NULL || dir == NULL)
            nomem = 1;       /* the file was read; a copy failed */
        if (!nomem)
            snprintf(err, errlen, "'%s.lua' cannot be read", id);
        goto fail;
    }
    slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    sf->depth = depth + 1;
    if (vep__add_source(sf, name, NULL, text, *len) != 0) {
        name = text = NULL;
        nomem = 1;
        goto restore;
    }
    name = text = NULL;
    if (vep__base_relabel(sf, &(*sf->sources)[*sf->nsources - 1], real) != 0) {
        nomem = 1;
        goto restore;
    }
    sf->dir = dir;
    sf->realdir = dir;
    *src = (*sf->sources)[*sf->nsources - 1].text;
    *chunkname = (*sf->sources)[*sf->nsources - 1].label;
    free(real);
    return 0;
restore:
    sf->depth = saved_depth;
fail:
    free(real);
    free(dir);
    vep__free(sf->alloc, name);
    vep__free(sf->alloc, text);
    if (nomem) {
        sf->nomem = 1;
        snprintf(err, errlen, "out of memory");
        return -2;
    }
    return -1;
}

/* vep_base_reader.close: back to the directory of the script above. */
static void base_close(void *ud, int depth)
{
    vep_script_files *sf = ud;
    if (depth != sf->depth || depth == 0)
        return;
    free(sf->realdir);               /* dir and realdir are one string */
    sf->dir = sf->layers[depth - 1].dir;
    sf->realdir = sf->layers[depth - 1].realdir;
    sf->depth = depth - 1;
}

void vep__base_reader_init(vep_script_files *sf)
{
    sf->bases.open = base_open;
    sf->bases.close = base_close;
    sf->bases.ud = sf;
}

void vep__base_reader_free(vep_script_files *sf)
{
    while (sf->depth > 0)
        base_close(sf, sf->depth);
}
