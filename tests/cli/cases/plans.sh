# cases/plans.sh -- plans: vep plan, vep assess, agencies and contexts.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- plans ------------------------------------------------------------
PLAN=instruments/plans/vep-plan-rna.lua
CTX=examples/cases/rna-example.context.json
PLAN_GOLDEN=$FIX/rna-example.plan.json

begin "plan: score, then plan from the saved result, matches the golden plan"
run score "$RNA" "$RNADOC"
cp "$TMP/out" "$TMP/rna-result"
want_rc 0 && {
    run plan "$PLAN" "$TMP/rna-result" --context "$CTX"
    cp "$TMP/out" "$TMP/rna-plan"
    want_rc 0 && want_json golden "$TMP/out" "$PLAN_GOLDEN"
}
end

begin "assess: score and plan in one go give the same plan"
run assess "$RNA" "$PLAN" "$RNADOC" --context "$CTX"
want_rc 0 && {
    python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); p=json.load(open(sys.argv[2])); sys.exit(0 if a["plan"]==p and "result" in a else 1)' \
        "$TMP/out" "$TMP/rna-plan" || no "the plan of 'vep assess' differs from 'vep plan'"
}
end

begin "plan: --agency police gives only what the police may see"
run plan --agency police "$PLAN" "$TMP/rna-result" --context "$CTX"
want_rc 0 && {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); extra=set(d)-{"libvep","plan","instrument","subject","assessment_date","as_of","language","view","notice","post_release"}; sys.exit(1 if extra or d["view"]!="police" else 0)' \
        "$TMP/out" || no "the police view holds more than post_release"
}
end

begin "assess: an agency view never carries the result"
run assess "$RNA" "$PLAN" "$RNADOC" --context "$CTX" --agency health
want_rc 0 && want_out_has '"view": "health"' && {
    if grep -q '"result"' "$TMP/out"; then no "the view carries the result"; fi
}
end

begin "plan: --lang sr-Latn gives the titles in Serbian (Latin)"
run plan "$PLAN" "$TMP/rna-result" --context "$CTX" --lang sr-Latn
want_rc 0 && want_out_has "Individualni psihološki rad"
end

begin "plan: missing --context is a usage error"
run plan "$PLAN" "$TMP/rna-result"
want_rc 64 && want_err_has "--context"
end

begin "plan: unknown agency is a usage error that lists the agencies"
run plan "$PLAN" "$TMP/rna-result" --context "$CTX" --agency press
want_rc 64 && want_err_has "police"
end

begin "plan: an invalid context is reported with its JSON path"
printf '{ "as_of": "2026-02-30", "age": "old" }\n' >"$TMP/bad-ctx.json"
run plan "$PLAN" "$TMP/rna-result" --context "$TMP/bad-ctx.json"
want_rc 1 && want_err_has '$.as_of' && want_err_has "invalid_date" && want_err_has '$.age'
end

begin "plan: the result of another instrument is refused"
run score "$SCREEN" "$POS"
cp "$TMP/out" "$TMP/screen-result"
run plan "$PLAN" "$TMP/screen-result" --context "$CTX"
want_rc 1 && want_err_has "wrong_instrument"
end

begin "plan: a broken plan script exits 2 with file and line"
printf 'plan { id = "x", version = "1.0.0", instrument = "vep-rna", languages = { "en" } }\nrule "r" { add = { intervention = "NOPE" } }\n' >"$TMP/broken-plan.lua"
run plan "$TMP/broken-plan.lua" "$TMP/rna-result" --context "$CTX"
want_rc 2 && want_err_has "broken-plan.lua:2"
end

begin "plan: a plan script that never ends stops at its instruction limit"
printf 'plan { id = "x", version = "1.0.0", instrument = "vep-rna", languages = { "en" } }\nwhile true do end\n' >"$TMP/loop-plan.lua"
run plan --instruction-limit 100000 "$TMP/loop-plan.lua" "$TMP/rna-result" --context "$CTX"
want_rc 3
end

begin "score: a plan script is not an instrument"
run score "$PLAN" "$RNADOC"
want_rc 2 && want_err_has "plan"
end

begin "test: the bundled plans' own cases pass"
run test instruments/plans
want_rc 0 && want_out_has " 0 failed"
end

begin "test: a plan rule that no test case makes hold is named"
mkdir -p "$TMP/untested"
cp instruments/plans/vep-plan-screen.lua instruments/plans/vep-plan-screen-tests.lua "$TMP/untested/"
cat >>"$TMP/untested/vep-plan-screen.lua" <<'EOF2'
rule "S99-untested" { title = "Never tested", when = { flag = "no_such_flag" },
                      add = { intervention = "KEYWORKER" } }
EOF2
run test "$TMP/untested/vep-plan-screen.lua"
want_rc 0 && want_err_has "rule 'S99-untested' holds in none of the test cases"
end
