/*
** sandbox_lib.h -- what sandbox.c and sandbox_lib.c share.
**
** sandbox.c owns the sandbox state (allocator, hook, limits, errors);
** sandbox_lib.c builds the safe library set on top of it.  The functions
** below are the only way the library code reaches the sandbox state, so the
** struct itself stays private to sandbox.c.
*/
#ifndef VEP_SANDBOX_LIB_H
#define VEP_SANDBOX_LIB_H

#include <stddef.h>
#include <stdint.h>
#include "lua.h"

/* Instructions between two calls of the count hook.  A thread can end
** with up to this many instructions not yet charged, so creating one costs
** this much. */
#define VEP__SANDBOX_HOOK_COUNT 1000

/* Bytes of linear C work that cost one unit (see the cost model in
** sandbox_lib.c). */
#define COST_BYTES 8

/* Saturating arithmetic: a cost never wraps around. */
static inline uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static inline uint64_t sat_mul(uint64_t a, uint64_t b)
{
    return (a != 0 && b > UINT64_MAX / a) ? UINT64_MAX : a * b;
}

/* sandbox_pattern.c: an upper bound on the steps of Lua's backtracking
** matcher for pattern p (m bytes) on subject s (n bytes); `can_anchor` is
** 0 for gmatch, where '^' anchors nothing.  Scanning the subject is itself
** charged as it goes. */
uint64_t vep__sandbox_pattern_cost(lua_State *L, const char *s, size_t n,
                                   const char *p, size_t m, int can_anchor);


/* Charges `cost` units (one unit ~ one VM instruction) to the instruction
** budget of the sandbox owning L and checks the wall-clock deadline.  Raises
** the limit error (and trips the sandbox) when the budget would be exceeded,
** the deadline has passed, or the sandbox is already tripped. */
void vep__sandbox_charge(lua_State *L, uint64_t cost);

/* Raises "<where>: <formatted message>" as an error classified "forbidden".
** Never returns. */
int vep__sandbox_forbidden(lua_State *L, const char *fmt, ...);

/* __index of the script environment: reading an absent global raises,
** "forbidden" for a removed name (io, os, debug, load ...). */
int vep__sandbox_env_index(lua_State *L);

/* Builds the script environment (the safe base functions and library
** tables) and leaves it on the stack.  Must run in protected mode. */
void vep__sandbox_open_libs(lua_State *L);

/* sandbox_message.c: copies at most cap-1 bytes of s and a NUL. */
void vep__sandbox_copy_str(char *dst, size_t cap, const char *s, size_t len);

/* sandbox_message.c: fills err->file, err->line and err->message from the
** error value at `idx` (a string split at its "<file>:<line>: " prefix, a
** number formatted, anything else named by its type). */
struct vep_sandbox_error;
void vep__sandbox_fill_message(lua_State *L, int idx,
                               struct vep_sandbox_error *err);

#endif
