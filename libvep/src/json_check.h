/*
** json_check.h -- whether a text is one well-formed JSON value, checked
** without allocating (json_check.c), so that a parse that failed can be
** told apart: syntax, or memory.
*/
#ifndef VEP_JSON_CHECK_H
#define VEP_JSON_CHECK_H

#include <stddef.h>

/* 1 when s[0..len) begins with one JSON value that cJSON can parse given
** the memory (what follows it is not looked at), else 0. */
int vep__json_well_formed(const char *s, size_t len);

#endif
