package org.libvep;

import static org.libvep.Assert.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The binding's JSON reader. */
public class JsonTest {
    void testValuesAndOrder() {
        Object v = Json.parse("{\"b\": [1, -2, 3.5, 1e2, true, false, null], \"a\": {}, \"c\": []}");
        Map<?, ?> m = (Map<?, ?>) v;
        eq(List.of("b", "a", "c"), List.copyOf(m.keySet()), "member order");
        List<?> b = (List<?>) m.get("b");
        eq(1L, b.get(0), "integer is Long");
        eq(-2L, b.get(1), "negative integer");
        eq(3.5, b.get(2), "fraction is Double");
        eq(100.0, b.get(3), "exponent is Double");
        eq(Boolean.TRUE, b.get(4), "true");
        eq(Boolean.FALSE, b.get(5), "false");
        check(b.get(6) == null && b.size() == 7, "null");
        eq(Map.of(), m.get("a"), "empty object");
        eq(List.of(), m.get("c"), "empty array");
    }

    void testBigIntegersAndExtremes() {
        eq(Long.MAX_VALUE, Json.parse("9223372036854775807"), "long max");
        eq(Long.MIN_VALUE, Json.parse("-9223372036854775808"), "long min");
        eq(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"), "beyond long");
        eq(-0.0, Json.parse("-0.0"), "negative zero");
    }

    void testStringsAndEscapes() {
        eq("a\"b\\c/d\b\f\n\r\t", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""), "escapes");
        eq("\u00e9\u0416", Json.parse("\"\\u00e9\\u0416\""), "BMP escapes");
        eq("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""), "surrogate pair");
        eq("Скрининг š", Json.parse("\"Скрининг š\"".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
           "raw UTF-8");
    }

    void testRefusals() {
        String[] bad = {
            "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", ".5", "1e", "-", "+1",
            "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"",
            "\"a\u0001b\"", "{} x", "[1] [2]", "{\"a\": 1, \"a\": 2}", "{1: 2}", "'a'",
        };
        for (String s : bad)
            raises(IllegalArgumentException.class, () -> Json.parse(s));
        IllegalArgumentException e = raises(IllegalArgumentException.class,
                                            () -> Json.parse("{\"k\": 1, \"k\": 2}"));
        contains(e.getMessage(), "duplicate member \"k\"", "duplicate message");
        contains(e.getMessage(), "offset 9", "duplicate offset");
        raises(IllegalArgumentException.class, () -> Json.parseObject("[1]".getBytes()));
    }

    void testDeepNestingRefused() {
        String deep = "[".repeat(600) + "]".repeat(600);
        IllegalArgumentException e = raises(IllegalArgumentException.class, () -> Json.parse(deep));
        contains(e.getMessage(), "nesting too deep", "depth message");
        String ok = "[".repeat(100) + "]".repeat(100);
        check(Json.parse(ok) instanceof List, "depth 100 is fine");
    }
}
