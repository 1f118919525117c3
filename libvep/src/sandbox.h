/*
** sandbox.h -- a contained Lua state for running someone else's script.
**
** A sandbox is one Lua 5.4 state with:
**   - only safe libraries (see sandbox_lib.c for the exact allow-list);
**   - a memory cap enforced by its own lua_Alloc over the engine allocator;
**   - an instruction budget shared by all coroutines, and a monotonic
**     wall-clock deadline, both reset by vep__sandbox_begin();
**   - bounded versions of the C library functions that could otherwise run
**     for a long time without returning to Lua (pattern matching, rep,
**     concat, move, unpack, sort ...): their cost is charged to the budget;
**   - limits that cannot be swallowed: once breached, every later
**     instruction raises again, in pcall/xpcall handlers, coroutines and
**     __close metamethods alike; __gc metamethods are refused;
**   - a strict global environment: reading an undefined global is an error,
**     and reading a removed global (io, os, debug ...) or library function
**     (string.dump, math.random, math.randomseed) is a "forbidden" error;
**   - deterministic iteration: pairs() visits keys in sorted order, and
**     tostring() never shows addresses;
**   - require(name) served by the host's module reader only.
**
** Every Lua API call that can allocate is made inside a protected call, so
** running out of memory never aborts the process.
*/
#ifndef VEP_SANDBOX_H
#define VEP_SANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include "lua.h"
#include "alloc.h"

/* Supplies the source of helper module `name` (already checked to match
** [A-Za-z0-9_-]+ separated by dots).  On success sets *src and *len (borrowed,
** must stay valid for the life of the sandbox) and *chunkname (a borrowed
** display name such as "instruments/core/helpers.lua") and returns 0.
** Returns -1 when there is no such module, writing a reason of at most
** `errlen` bytes to `err`, and -2 when the host ran out of memory. */
typedef int (*vep_module_reader)(void *ud, const char *name,
                                 const char **src, size_t *len,
                                 const char **chunkname,
                                 char *err, size_t errlen);

typedef struct vep_sandbox_config {
    const vep_alloc *alloc;
    size_t memory_limit;          /* bytes; must be > 0                   */
    uint64_t instruction_limit;   /* VM instructions per run; > 0         */
    uint32_t time_limit_ms;       /* ms per run; > 0                      */
    vep_module_reader reader;     /* NULL: require() raises an error      */
    void *reader_ud;
} vep_sandbox_config;

/* What went wrong in a sandboxed run. */
typedef struct vep_sandbox_error {
    vep_status status;    /* VEP_ERR_SCRIPT, VEP_ERR_LIMIT_*, VEP_ERR_NOMEM */
    const char *rule;     /* "syntax", "runtime", "forbidden", "memory_limit",
                             "instruction_limit", "time_limit" (static)   */
    char file[256];       /* chunk name the error points into, or ""      */
    unsigned line;        /* line in that chunk, or 0                     */
    char message[1024];   /* message without the "file:line:" prefix      */
} vep_sandbox_error;

typedef struct vep_sandbox vep_sandbox;

/* Creates a sandbox.  Returns VEP_OK, VEP_ERR_NOMEM, or VEP_ERR_ARGUMENT. */
vep_status vep__sandbox_new(vep_sandbox **out, const vep_sandbox_config *cfg);
void vep__sandbox_free(vep_sandbox *sb);

/* The Lua state, for the host's own protected C functions. */
lua_State *vep__sandbox_state(vep_sandbox *sb);

/* Pushes the script environment table (the scripts' _ENV) on the stack.
** The host may add its own functions to it with rawset before running. */
void vep__sandbox_push_env(vep_sandbox *sb);

/* Starts a new top-level run: refills the instruction budget, sets the
** deadline to now + time limit, and clears any breached limit. */
void vep__sandbox_begin(vep_sandbox *sb);

/* Compiles `src` as a text chunk (binary chunks are refused) with _ENV set
** to the script environment, and leaves the function on the stack.  The
** chunk name shown in messages is `chunkname` (e.g. a relative path). */
vep_status vep__sandbox_load(vep_sandbox *sb, const char *chunkname,
                             const char *src, size_t len,
                             vep_sandbox_error *err);

/* Raises an error from a C function a script called, "FILE:LINE: message"
** with `rule` (a static string, e.g. "base_not_found") as the rule the
** diagnostics show, whatever the script does with the error meanwhile. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int vep__sandbox_raise(lua_State *L, const char *rule, const char *fmt, ...);

/* Raises "not enough memory" from a C function a script called when the
** host allocator refused memory outside the Lua state (so the run ends
** with VEP_ERR_NOMEM, not as a script error or a memory limit). */
int vep__sandbox_raise_nomem(lua_State *L);

/* Inside a running script (from a C function it called): compiles `src`
** as text with the script environment, leaving the function, or an error
** message and a status other than LUA_OK.  Binary chunks are refused. */
int vep__sandbox_compile(lua_State *L, const char *name, const char *src,
                         size_t len);

/* Like lua_pcall(L, nargs, nresults, 0) with the sandbox's limits in force,
** classifying any failure into *err.  Never calls __tostring on an error
** value.  On failure the function and arguments are popped and nothing is
** pushed. */
vep_status vep__sandbox_pcall(vep_sandbox *sb, int nargs, int nresults,
                              vep_sandbox_error *err);

/* Runs the C function `fn` in protected mode (for host code that touches
** the Lua API), with `ud` as its only argument (a light userdata). */
vep_status vep__sandbox_cpcall(vep_sandbox *sb, lua_CFunction fn, void *ud,
                               vep_sandbox_error *err);

/* Charges `bytes` that the host holds for the script outside the Lua
** state to the memory cap (0), or trips the memory limit when they do not
** fit (-1); vep__sandbox_give returns them.  The loader meters the model
** it builds this way (meter.h). */
int vep__sandbox_hold(vep_sandbox *sb, size_t bytes);
void vep__sandbox_give(vep_sandbox *sb, size_t bytes);

/* Bytes currently used by the Lua state (and held for it), and the most. */
size_t vep__sandbox_memory(const vep_sandbox *sb);
size_t vep__sandbox_peak_memory(const vep_sandbox *sb);

#endif
