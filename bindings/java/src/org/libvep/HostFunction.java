package org.libvep;

/**
 * A Java function scripts may call as host.NAME(...) (see
 * Engine.registerHostFunction).  It receives the script's arguments as
 * the signature types them: bool as Boolean, int64 as Long, double as
 * Double, string as String.  It returns what the signature's return type
 * asks for: a Boolean for bool, an Integer or Long (or Short, Byte) for
 * int64, any Number for double, a String or null (the script sees nil)
 * for string; the value of a void function is ignored.  An exception it
 * throws fails the script's call: the engine's call then throws a
 * VepHostException naming the function, with this exception as its cause.
 */
@FunctionalInterface
public interface HostFunction {
    /** Called with the script's arguments, in order. */
    Object call(Object... args) throws Exception;
}
