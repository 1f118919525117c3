package org.libvep;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for the documents libvep writes:
 * objects become LinkedHashMap (members in document order), arrays
 * ArrayList, strings String, true/false Boolean, null null, integers Long
 * (BigInteger beyond the long range) and every other number Double.
 * Trailing content, duplicate keys, unescaped control characters and lone
 * surrogates in escapes are refused with IllegalArgumentException naming
 * the offset.  Nothing here knows about libvep's schemas.
 */
final class Json {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;

    /** A reader of {@code text}, at its start. */
    private Json(String text) {
        this.text = text;
    }

    /** Parses UTF-8 bytes. */
    static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Parses a whole document; refuses anything after the value. */
    static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length())
            throw p.error("trailing content");
        return v;
    }

    /** Parses a document that must be an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] utf8) {
        Object v = parse(utf8);
        if (!(v instanceof Map))
            throw new IllegalArgumentException("JSON document is not an object");
        return (Map<String, Object>) v;
    }

    /** The error {@code what}, naming the offset it was found at. */
    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
    }

    /** Skips JSON white space (space, tab, line feed, carriage return). */
    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            pos++;
        }
    }

    /** Any value, at most {@link #MAX_DEPTH} levels deep. */
    private Object value(int depth) {
        if (depth > MAX_DEPTH)
            throw error("nesting too deep");
        if (pos >= text.length())
            throw error("unexpected end");
        char c = text.charAt(pos);
        switch (c) {
        case '{':
            return object(depth);
        case '[':
            return array(depth);
        case '"':
            return string();
        case 't':
            literal("true");
            return Boolean.TRUE;
        case 'f':
            literal("false");
            return Boolean.FALSE;
        case 'n':
            literal("null");
            return null;
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number();
            throw error("unexpected character '" + c + "'");
        }
    }

    /** The literal {@code word} (true, false, null), or an error. */
    private void literal(String word) {
        if (!text.startsWith(word, pos))
            throw error("expected " + word);
        pos += word.length();
    }

    /** An object (pos at its '{'): members in document order, no duplicate names. */
    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        elements('}', () -> member(m, depth));
        return m;
    }

    /** One "name": value member of an object into {@code m} (pos at the name). */
    private void member(Map<String, Object> m, int depth) {
        if (pos >= text.length() || text.charAt(pos) != '"')
            throw error("expected a member name");
        int at = pos;
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        Object v = value(depth + 1);
        if (m.containsKey(key)) {
            pos = at;
            throw error("duplicate member \"" + key + "\"");
        }
        m.put(key, v);
    }

    /** An array (pos at its '['). */
    private List<Object> array(int depth) {
        List<Object> a = new ArrayList<>();
        elements(']', () -> a.add(value(depth + 1)));
        return a;
    }

    /**
     * The comma-separated elements of an object or an array, from its
     * opening bracket (pos) to {@code close}: {@code element} reads each,
     * called with pos at it.
     */
    private void elements(char close, Runnable element) {
        pos++;
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            return;
        }
        for (;;) {
            skipSpace();
            element.run();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(close);
            return;
        }
    }

    /** The character {@code c}, or an error. */
    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c)
            throw error("expected '" + c + "'");
        pos++;
    }

    /** A string (pos at its opening quote), its escapes decoded. */
    private String string() {
        StringBuilder b = new StringBuilder();
        pos++;
        for (;;) {
            if (pos >= text.length())
                throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"')
                return b.toString();
            if (c < 0x20)
                throw error("control character in string");
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length())
                throw error("unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
            case '"': b.append('"'); break;
            case '\\': b.append('\\'); break;
            case '/': b.append('/'); break;
            case 'b': b.append('\b'); break;
            case 'f': b.append('\f'); break;
            case 'n': b.append('\n'); break;
            case 'r': b.append('\r'); break;
            case 't': b.append('\t'); break;
            case 'u': b.append(unicodeEscape()); break;
            default: throw error("bad escape \\" + e);
            }
        }
    }

    /** A \\uXXXX escape (pos after the 'u'); a surrogate must come in a pair. */
    private String unicodeEscape() {
        char hi = hex4();
        if (Character.isLowSurrogate(hi))
            throw error("lone low surrogate");
        if (!Character.isHighSurrogate(hi))
            return String.valueOf(hi);
        if (!text.startsWith("\\u", pos))
            throw error("lone high surrogate");
        pos += 2;
        char lo = hex4();
        if (!Character.isLowSurrogate(lo))
            throw error("lone high surrogate");
        return new String(new char[] {hi, lo});
    }

    /** The four hex digits of a \\u escape, as a UTF-16 unit. */
    private char hex4() {
        if (pos + 4 > text.length())
            throw error("short \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0)
                throw error("bad \\u escape");
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** A number: Long when integral and in range, BigInteger beyond, else Double. */
    private Object number() {
        int start = pos;
        boolean integral = true;
        if (text.charAt(pos) == '-')
            pos++;
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            integral = false;
            if (!digits())
                throw error("bad fraction");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            integral = false;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-'))
                pos++;
            if (!digits())
                throw error("bad exponent");
        }
        String s = text.substring(start, pos);
        if (!integral)
            return Double.valueOf(s);
        BigInteger big = new BigInteger(s);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** Skips a run of digits; whether there was one. */
    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9')
            pos++;
        return pos > start;
    }
}
