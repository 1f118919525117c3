/*
** host_lua.c -- the `host` table of a script's environment: host.NAME(...)
** calls the host function NAME that the script declared.
**
** The table is read-only and has no keys of its own until a name is used;
** reading host.NAME then yields a function bound to the declaration, kept
** in the table for the next use.  While a script loads (and while the
** runtime replays it) the bridge has no registry, and every call is
** refused: declarations must not depend on the host.  While scoring, a
** call checks the arguments against the declaration, finds the function
** the host registered under that name, checks that the two signatures
** agree, calls it and pushes the result.  Every failure is raised with a
** rule that makes the engine's call end in VEP_ERR_HOST (sandbox.c), unless
** the script handles the error itself.
*/
#include <string.h>
#include "lauxlib.h"
#include "host.h"
#include "sandbox.h"
#include "sandbox_lib.h"

/* Pushes the string at light userdata 1 (a protected helper, so that a
** refused allocation cannot leak the host's copy). */
static int push_string(lua_State *L)
{
    lua_pushstring(L, (const char *)lua_touserdata(L, 1));
    return 1;
}

/* The declaration named `name`, or NULL. */
static const vep_host_decl *find_decl(const vep_host_bridge *br,
                                      const char *name)
{
    return vep__host_decl_find(br->decls, br->ndecls, name);
}

/* host.NAME(...).  Upvalues: the bridge, the name.  Everything is decided
** at the call, so a function taken from the table while the script loads
** (local f = host.NAME) works when it is called while scoring. */
static int host_call(lua_State *L)
{
    vep_host_bridge *br = lua_touserdata(L, lua_upvalueindex(1));
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    const vep_host_decl *h;
    vep_hval args[VEP_HOST_MAX_ARGS];
    vep_host_outcome out;
    char err[300];
    size_t i, n = (size_t)lua_gettop(L), slen, slen_total = 0;

    if (br->registry == NULL)
        return vep__sandbox_raise(L, "host_at_load", "host function '%s' "
                                  "called while the script loads; host "
                                  "functions may be called only from the "
                                  "script's functions, while scoring", name);
    h = find_decl(br, name);
    if (h == NULL)
        return vep__sandbox_raise(L, "host_missing", "host function '%s' is "
                                  "not declared by the script: declare it with "
                                  "host_function \"%s\" { signature = \"...\" }",
                                  name, name);
    if (n != h->sig.nargs)
        return vep__sandbox_raise(L, "host_argument", "host function '%s' "
                                  "takes %d argument%s, got %d", h->name,
                                  (int)h->sig.nargs, h->sig.nargs == 1 ? "" : "s",
                                  (int)n);
    for (i = 0; i < n; i++) {
        int idx = (int)i + 1;
        memset(&args[i], 0, sizeof args[i]);
        slen = 0;
        switch (lua_type(L, idx)) {
        case LUA_TBOOLEAN:
            args[i].type = VEP_HT_BOOL;
            args[i].b = lua_toboolean(L, idx);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, idx)) {
                args[i].type = VEP_HT_INT64;
                args[i].i = (int64_t)lua_tointeger(L, idx);
            } else {
                args[i].type = VEP_HT_DOUBLE;
                args[i].d = (double)lua_tonumber(L, idx);
            }
            break;
        case LUA_TSTRING:
            args[i].type = VEP_HT_STRING;
            args[i].s = lua_tolstring(L, idx, &slen);
            break;
        case LUA_TNIL:
            args[i].type = VEP_HT_VOID;
            break;
        default: {
            char label[64];
            vep__host_arg_label(&h->sig, i, label, sizeof label);
            return vep__sandbox_raise(L, "host_argument", "host function "
                                      "'%s': %s must be %s, got a %s",
                                      h->name, label, vep__htype_phrase(
                                      h->sig.params[h->sig.arg_param[i]]),
                                      luaL_typename(L, idx));
        }
        }
        if (vep__host_check_arg(h->name, &h->sig, i, &args[i], slen, err,
                                sizeof err) != 0)
            return vep__sandbox_raise(L, "host_argument", "%s", err);
        slen_total += slen;
    }
    vep__sandbox_charge(L, 1 + slen_total / 64);  /* the bytes crossing */
    vep__host_decl_call(h, "script", br->registry, br->stubs, br->alloc, args,
                        &out);
    if (out.status == VEP_ERR_NOMEM)
        return vep__sandbox_raise_nomem(L);
    if (out.status != VEP_OK)
        return vep__sandbox_raise(L, out.rule, "%s", out.message);
    if (br->log != NULL) {
        vep__host_log_add(br->log, h->name, br->by, args, n, &out.result);
        if (br->log->nomem) {
            vep__host_outcome_clear(br->alloc, &out);
            return vep__sandbox_raise_nomem(L);
        }
        if (br->log->full) {
            vep__host_outcome_clear(br->alloc, &out);
            return vep__sandbox_raise(L, "host_limit", "host function '%s': the "
                                      "calls of this run, recorded with their "
                                      "arguments for the result, pass %d KiB",
                                      h->name, (int)(VEP_HOST_LOG_MAX / 1024));
        }
    }
    switch (out.result.type) {
    case VEP_HT_BOOL:   lua_pushboolean(L, out.result.b); return 1;
    case VEP_HT_INT64:  lua_pushinteger(L, (lua_Integer)out.result.i); return 1;
    case VEP_HT_DOUBLE: lua_pushnumber(L, (lua_Number)out.result.d); return 1;
    case VEP_HT_STRING: {
        int rc;
        lua_pushcfunction(L, push_string);
        lua_pushlightuserdata(L, (void *)out.result.s);
        rc = lua_pcall(L, 1, 1, 0);
        vep__host_outcome_clear(br->alloc, &out);
        if (rc != LUA_OK)
            return lua_error(L);
        return 1;
    }
    default:
        if (h->sig.ret == VEP_HT_VOID)
            return 0;
        lua_pushnil(L);          /* a string function answered NULL */
        return 1;
    }
}

/* host.NAME: the function calling NAME (made once, then kept in the
** table).  Upvalue: the bridge. */
static int host_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return vep__sandbox_raise(L, "host_missing", "host functions are "
                                  "named by strings: host.NAME(...)");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, host_call, 2);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    return 1;
}

/* Writing into `host` is refused. */
static int host_newindex(lua_State *L)
{
    return vep__sandbox_raise(L, "forbidden", "the host table is read-only");
}

/* See host.h. */
void vep__host_lua_install(lua_State *L, int env, vep_host_bridge *bridge)
{
    env = lua_absindex(L, env);
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_pushlightuserdata(L, bridge);
    lua_pushcclosure(L, host_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, host_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "host");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, env, "host");
}
