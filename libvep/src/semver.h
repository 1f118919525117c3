/*
** semver.h -- semantic versions (semver.org 2.0.0) and the version ranges
** an overlay or a migration names its base with.
**
** A range is one or more comparator sets separated by "||"; a set holds
** comparators separated by spaces, all of which must hold:
**
**   1.2.3  =1.2.3        exactly that version
**   ^1.2.3               >=1.2.3 <2.0.0 (for 0.y.z: >=0.y.z <0.(y+1).0)
**   ~1.2.3               >=1.2.3 <1.3.0
**   1.x  1.2.x  1  *     any version with those leading numbers
**   >=1.2.0 <2.0.0       the comparators >, >=, <, <= with full versions
**
** Pre-release versions order below their release (1.0.0-rc.1 < 1.0.0), by
** the rules of semver.org; build metadata is ignored.
*/
#ifndef VEP_SEMVER_H
#define VEP_SEMVER_H

#include <stddef.h>

typedef struct vep_semver {
    long major, minor, patch;
    const char *pre;        /* points into the parsed text, or NULL */
    size_t npre;
} vep_semver;

/* Parses "MAJOR.MINOR.PATCH[-PRE][+BUILD]" (numbers without leading zeros,
** at most 99999 each).  Returns 1 on success, 0 when `s` is not one. */
int vep__semver_parse(const char *s, vep_semver *v);

/* Compares two parsed versions: <0, 0 or >0. */
int vep__semver_cmp(const vep_semver *a, const vep_semver *b);

/* 1 when `range` is a well-formed range, 0 otherwise. */
int vep__semver_range_valid(const char *range);

/* 1 when `version` satisfies `range`, 0 when not or when either is
** malformed. */
int vep__semver_satisfies(const char *version, const char *range);

#endif
