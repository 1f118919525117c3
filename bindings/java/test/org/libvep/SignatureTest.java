package org.libvep;

import static org.libvep.Assert.*;

import java.util.List;

/** Host-function signatures as the binding reads them. */
public class SignatureTest {
    void testForms() {
        HostSignature s = HostSignature.parse("bool (string subject, string programme)");
        eq("bool", s.returns, "return");
        eq(List.of("string", "string"), s.args, "args");
        s = HostSignature.parse("  int64(int64,double x ,bool)  ");
        eq("int64", s.returns, "return, no space");
        eq(List.of("int64", "double", "bool"), s.args, "unnamed args");
        s = HostSignature.parse("void ()");
        eq("void", s.returns, "void");
        eq(List.of(), s.args, "no args");
        s = HostSignature.parse("string( )");
        eq(List.of(), s.args, "blank args");
        s = HostSignature.parse("double (void)");
        eq(List.of(), s.args, "(void) is no args");
        s = HostSignature.parse("bool (bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h)");
        eq(8, s.args.size(), "eight args");
    }

    void testRefusals() {
        String[] bad = {
            "bool", "bool (", "(string)", "float (string)", "bool (float x)",
            "bool (userdata, string s)", "int64 (call)", "bool (string a,)", "bool (string a b c)",
            "bool (...)", "bool (void x)", "bool (string s) x", "bool (string s; int64 n)",
            "bool (bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h, bool i)",
        };
        for (String b : bad) {
            VepArgumentException e = raises(VepArgumentException.class, () -> HostSignature.parse(b));
            eq(Status.ARGUMENT, e.status(), "status of '" + b + "'");
            eq("argument", e.statusName(), "name of '" + b + "'");
            contains(e.getMessage(), "bad host function signature \"" + b + "\"", "message names the signature");
        }
    }

    void testMessages() {
        Object[][] cases = {
            {"float (string)", "starts with its return type"},
            {"bool string", "expected '(' after the return type"},
            {"bool (userdata u)", "'userdata' is filled by the engine"},
            {"bool (...)", "variadic functions are refused"},
            {"bool (float x)", "expected an argument type (bool, int64, double, string) at 'float x)'"},
            {"bool (string a string b)", "expected ',' or ')' at 'string b)'"},
            {"bool (string a) tail", "unexpected text after ')': 'tail'"},
            {"bool (void x)", "void is a return type only"},
        };
        for (Object[] c : cases) {
            VepArgumentException e = raises(VepArgumentException.class,
                                            () -> HostSignature.parse((String) c[0]));
            contains(e.getMessage(), (String) c[1], "message for " + c[0]);
        }
    }
}
