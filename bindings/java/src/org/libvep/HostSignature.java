package org.libvep;

import java.util.ArrayList;
import java.util.List;

/**
 * A host function's signature, read by the binding so that its trampoline
 * knows how to read each argument and set the result.  The grammar is
 * vep.h's:
 *
 * <pre>  RETURN "(" [ TYPE [NAME] { "," TYPE [NAME] } ] ")"</pre>
 *
 * RETURN is void, bool, int64, double or string; TYPE is bool, int64,
 * double or string ("userdata" and "call" are for C functions only);
 * "()" and "(void)" mean no arguments.  The library parses the signature
 * again when it registers it and has the last word.
 */
final class HostSignature {
    static final List<String> ARG_TYPES = List.of("bool", "int64", "double", "string");
    static final int MAX_ARGS = 8;

    final String returns;
    final List<String> args;

    private final String text;
    private int pos;

    private HostSignature(String text) {
        this.text = text;
        this.returns = parseReturn();
        this.args = List.copyOf(parseArgs());
    }

    /**
     * Parses {@code signature}; a VepArgumentException says what is wrong
     * and quotes the signature.
     */
    static HostSignature parse(String signature) {
        try {
            return new HostSignature(signature);
        } catch (IllegalArgumentException e) {
            throw Core.argument("bad host function signature \"" + signature + "\": "
                                + e.getMessage());
        }
    }

    private char peek() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0)
            pos++;
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_';
    }

    /** The word after the blanks, or "". */
    private String word() {
        peek();
        int start = pos;
        while (pos < text.length() && isWord(text.charAt(pos)))
            pos++;
        return text.substring(start, pos);
    }

    private String rest() {
        return text.substring(pos, Math.min(text.length(), pos + 20));
    }

    private String parseReturn() {
        String r = word();
        if (!r.equals("void") && !ARG_TYPES.contains(r))
            throw new IllegalArgumentException("a signature starts with its return type (void,"
                                               + " bool, int64, double or string), e.g."
                                               + " \"bool (string subject)\"");
        if (peek() != '(')
            throw new IllegalArgumentException("expected '(' after the return type");
        pos++;
        return r;
    }

    private List<String> parseArgs() {
        List<String> list = new ArrayList<>();
        if (peek() == ')') {
            pos++;
        } else {
            int save = pos;
            if (word().equals("void") && peek() == ')') {
                pos++;
            } else {
                pos = save;
                for (;;) {
                    list.add(parseParam(list.size()));
                    char c = peek();
                    pos++;
                    if (c == ',')
                        continue;
                    if (c == ')')
                        break;
                    pos--;
                    throw new IllegalArgumentException("expected ',' or ')' at '" + rest() + "'");
                }
            }
        }
        if (peek() != '\0')
            throw new IllegalArgumentException("unexpected text after ')': '" + rest() + "'");
        return list;
    }

    /** One "TYPE [NAME]"; returns the type. */
    private String parseParam(int count) {
        peek();
        if (text.startsWith("...", pos))
            throw new IllegalArgumentException("variadic functions are refused: their arguments"
                                               + " cannot be checked");
        String at = rest();
        String t = word();
        if (t.equals("void"))
            throw new IllegalArgumentException("void is a return type only");
        if (t.equals("userdata") || t.equals("call"))
            throw new IllegalArgumentException("'" + t + "' is filled by the engine for C"
                                               + " functions only; a Java function has no"
                                               + " place for it");
        if (!ARG_TYPES.contains(t))
            throw new IllegalArgumentException("expected an argument type (bool, int64, double,"
                                               + " string) at '" + at + "'");
        if (count == MAX_ARGS)
            throw new IllegalArgumentException("more than " + MAX_ARGS + " arguments");
        if (isWord(peek()))
            word();   // the argument's name: for messages only
        return t;
    }
}
