/*
** sandbox_message.c -- turns a Lua error value into a vep_sandbox_error.
**
** Lua gives a position as a "<file>:<line>: " prefix of the message; the
** error record keeps the file, the line and the text apart, and never
** calls a metamethod to get the text (a script's __tostring would run
** outside its limits).
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "lauxlib.h"
#include "sandbox.h"
#include "sandbox_lib.h"

/* Copies at most cap-1 bytes of s and a NUL. */
void vep__sandbox_copy_str(char *dst, size_t cap, const char *s, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, s, len);
    dst[len] = '\0';
}

/* Fills err->file/line/message from a message, splitting a leading
** "<file>:<line>: " (the form Lua gives positions in) off the text. */
static void split_message(vep_sandbox_error *err, const char *msg, size_t len)
{
    size_t i, j;
    for (i = 1; i < len && msg[i] != '\n'; i++) {
        unsigned long line = 0;
        if (msg[i] != ':')
            continue;
        for (j = i + 1; j < len && j - i <= 9
             && isdigit((unsigned char)msg[j]); j++)
            line = line * 10 + (unsigned long)(msg[j] - '0');
        if (j > i + 1 && j + 1 < len && msg[j] == ':' && msg[j + 1] == ' ') {
            vep__sandbox_copy_str(err->file, sizeof err->file, msg, i);
            err->line = (unsigned)line;
            msg += j + 2;
            len -= j + 2;
            break;
        }
    }
    vep__sandbox_copy_str(err->message, sizeof err->message, msg, len);
}

/* Extracts the error value at `idx` as text without calling any
** metamethod: strings as they are, numbers formatted here (converting them
** in place would allocate), anything else by its type. */
void vep__sandbox_fill_message(lua_State *L, int idx, vep_sandbox_error *err)
{
    char tmp[64];
    size_t len;
    const char *msg = tmp;
    if (lua_type(L, idx) == LUA_TSTRING)
        msg = lua_tolstring(L, idx, &len);
    else if (lua_isinteger(L, idx))
        snprintf(tmp, sizeof tmp, LUA_INTEGER_FMT,
                 (LUAI_UACINT)lua_tointeger(L, idx));
    else if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(tmp, sizeof tmp, LUA_NUMBER_FMT,
                 (LUAI_UACNUMBER)lua_tonumber(L, idx));
    else
        snprintf(tmp, sizeof tmp, "(error object is a %s value)",
                 luaL_typename(L, idx));
    split_message(err, msg, msg == tmp ? strlen(tmp) : len);
}
