package org.libvep;

import com.sun.jna.Pointer;
import java.math.BigInteger;
import org.libvep.LibVep.SizeT;

/**
 * The C callback of one registered Java host function: reads the
 * arguments as the signature types them, calls the function, and sets the
 * result.  Nothing thrown ever crosses into C: an exception of the
 * function, or a result of the wrong type, becomes vep_host_call_fail and
 * a non-zero return, and is kept as the cause of the VepHostException the
 * engine's call then throws.
 */
final class HostTrampoline implements LibVep.HostCallback {
    private final Core core;
    private final String name;
    private final HostSignature signature;
    private final HostFunction fn;

    HostTrampoline(Core core, String name, HostSignature signature, HostFunction fn) {
        this.core = core;
        this.name = name;
        this.signature = signature;
        this.fn = fn;
    }

    @Override
    public int invoke(Pointer userData, Pointer call) {
        try {
            Object result = fn.call(arguments(call));
            return setResult(call, result);
        } catch (Throwable t) {
            return fail(call, t, t.toString());
        }
    }

    /** The script's arguments as Java values, per the signature. */
    private Object[] arguments(Pointer call) {
        LibVep lib = core.lib;
        int argc = (int) Math.min(lib.vep_host_call_argc(call).longValue(),
                                  signature.args.size());
        Object[] args = new Object[argc];
        for (int i = 0; i < argc; i++) {
            SizeT index = new SizeT(i);
            switch (signature.args.get(i)) {
            case "bool":
                args[i] = lib.vep_host_call_arg_bool(call, index) != 0;
                break;
            case "int64":
                args[i] = lib.vep_host_call_arg_int64(call, index);
                break;
            case "double":
                args[i] = lib.vep_host_call_arg_double(call, index);
                break;
            default:
                args[i] = Core.utf8(lib.vep_host_call_arg_string(call, index));
                break;
            }
        }
        return args;
    }

    /** Sets the result of the declared type; any other value fails the call. */
    private int setResult(Pointer call, Object r) {
        LibVep lib = core.lib;
        int st;
        switch (signature.returns) {
        case "void":
            return 0;
        case "bool":
            if (!(r instanceof Boolean))
                return wrongType(call, r);
            st = lib.vep_host_call_return_bool(call, (Boolean) r ? 1 : 0);
            break;
        case "int64":
            if (r instanceof Long || r instanceof Integer || r instanceof Short
                || r instanceof Byte) {
                st = lib.vep_host_call_return_int64(call, ((Number) r).longValue());
            } else if (r instanceof BigInteger && ((BigInteger) r).bitLength() < 64) {
                st = lib.vep_host_call_return_int64(call, ((BigInteger) r).longValue());
            } else {
                return wrongType(call, r);
            }
            break;
        case "double":
            if (!(r instanceof Number))
                return wrongType(call, r);
            st = lib.vep_host_call_return_double(call, ((Number) r).doubleValue());
            break;
        default:
            if (r != null && !(r instanceof String))
                return wrongType(call, r);
            if (r != null && ((String) r).indexOf('\0') >= 0)
                return fail(call, null, "returned a string with a NUL character");
            st = lib.vep_host_call_return_string(call, Core.cstr((String) r, "result"));
            break;
        }
        return st == Status.OK ? 0 : 1;
    }

    private int wrongType(Pointer call, Object r) {
        String what = r == null ? "null" : r.getClass().getName();
        String msg = "returned " + what + " where " + signature.returns + " was declared";
        return fail(call, new ClassCastException("host function '" + name + "' " + msg), msg);
    }

    /** Fails the call with {@code message}; keeps {@code cause} for the caller. */
    private int fail(Pointer call, Throwable cause, String message) {
        try {
            if (cause != null) {
                core.pendingHostError = cause;
                core.pendingHostFunction = name;
            }
            String m = message == null ? "failed" : message.replace('\0', ' ');
            core.lib.vep_host_call_fail(call, Core.cstr(m, "message"));
        } catch (Throwable ignored) {
            // Nothing may cross into C; the non-zero return fails the call.
        }
        return 1;
    }
}
