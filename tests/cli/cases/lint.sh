# cases/lint.sh -- vep lint.
# Sourced by run-cli-tests.sh, in order: it uses that script's framework
# (begin, run, want_*, end) and variables.

# ---- vep lint ----------------------------------------------------------------
# Fixtures in fixtures/lint: instrument-mistakes.lua and plan-mistakes.lua
# hold one example of each finding, clean/ only a note (and a -tests.lua
# module that must not be taken for a script), broken/ a script that does
# not load, overlay/ a base and an adaptation that inherits its warning.
LINTS=$FIX/lint

begin "lint: an instrument's mistakes, one line each, exit 1"
run lint "$LINTS/instrument-mistakes.lua"
want_rc 1 && {
    want_out_has "$LINTS/instrument-mistakes.lua:12: warning: scale 'yn' is rated by no item"
    want_out_has "[unused_scale]"
    want_out_has "$LINTS/instrument-mistakes.lua:17: warning: scale 'lmh': points 'moderate' and 'high' have the same 'en' label"
    want_out_has "$LINTS/instrument-mistakes.lua:28: warning: 2 texts have no 'sq' version: guidance of item 'B' (line 28) and label of option 'y' of item 'C' (line 31)"
    want_out_has "$LINTS/instrument-mistakes.lua:36: note: item 'N' is in no domain"
    want_out_has "$LINTS/instrument-mistakes.lua:36: note: 1 item has no guidance: item 'N' (line 36)"
    want_out_has "$LINTS/instrument-mistakes.lua:39: warning: item 'R': { item = \"A\", at_least = 3 } can never hold"
    want_out_has "$LINTS/instrument-mistakes.lua:45: warning: level 'L': band 'mid' (1.2 to 1.8) holds no value"
    want_out_has "$LINTS/instrument-mistakes.lua:51: warning: flag 'F': { item = \"A\", is = \"low\" } and { item = \"A\", is = \"high\" } can never hold together"
    want_out_has "6 warnings, 2 notes in 1 script"
    [ "$(wc -l <"$TMP/out")" -eq 9 ] || no "expected 8 findings and a summary line"
    want_err_empty
}
end

begin "lint: a plan's mistakes, exit 1"
run lint "$LINTS/plan-mistakes.lua"
want_rc 1 && {
    want_out_has "$LINTS/plan-mistakes.lua:16: warning: agency 'archive' is named by no intervention"
    want_out_has "[unused_agency]"
    want_out_has "$LINTS/plan-mistakes.lua:18: warning: agency 'health' may see its own interventions"
    want_out_has "[own_part_empty]"
    want_out_has "$LINTS/plan-mistakes.lua:24: warning: intervention 'EDU' is added by no rule"
    want_out_has "[unused_intervention]"
    want_out_has "$LINTS/plan-mistakes.lua:27: warning: 1 text has no 'sq' version: title of rule 'R1' (line 27)"
    want_out_has "$LINTS/plan-mistakes.lua:30: warning: host function 'prior_assessments' is declared but no rule asks it"
    want_out_has "[unused_host_function]"
    want_out_has "5 warnings, 0 notes in 1 script"
}
end

begin "lint: only notes exit 0"
run lint "$LINTS/clean/clean.lua"
want_rc 0 && {
    want_out_has "$LINTS/clean/clean.lua:10: note: 1 item has no guidance: item 'B' (line 10)"
    want_out_has "0 warnings, 1 note in 1 script"
    want_err_empty
}
end

begin "lint: DIR skips *-tests.lua modules"
run lint "$LINTS/clean"
want_rc 0 && { want_out_has "0 warnings, 1 note in 1 script"; want_err_empty; }
end

begin "lint: a script that does not load exits 2 with its file and line"
run lint "$LINTS/broken/broken.lua"
want_rc 2 && {
    want_err_has "broken.lua:3"
    want_err_has "unknown_scale"
    want_out_has "broken.lua: not linted (the script does not load)"
}
end

begin "lint: a script that does not load (JSON: unknown_scale, line 3, item A)"
run lint --error-format=json "$LINTS/broken/broken.lua"
want_rule 2 unknown_scale - 3 A
end

begin "lint: a script that does not exist exits 2"
run lint "$TMP/no-such-script.lua"
want_rc 2 && { want_err_some; want_out_has "0 warnings, 0 notes in 0 scripts (1 not linted)"; }
end

begin "lint: DIR lints every script, the worst status wins"
run lint "$LINTS"
want_rc 2 && {
    want_out_has "[unused_scale]"
    want_out_has "[unused_agency]"
    want_out_has "$LINTS/clean/clean.lua:10: note"
    want_out_has "$LINTS/plan-mistakes.lua: lint-plan-mistakes 1.0.0: 5 warnings, 0 notes"
    want_out_has "12 warnings, 4 notes in 5 scripts (1 not linted); 1 finding of shared base scripts not repeated"
    want_err_has "broken.lua:3"
}
end

begin "lint: an adaptation shows its base's findings; DIR prints them once"
run lint "$LINTS/overlay/lint-adapted.lua"
want_rc 1 && want_out_has "$LINTS/overlay/lint-base.lua:5: warning: scale 'yn' is rated by no item"
run lint "$LINTS/overlay"
want_rc 1 && {
    [ "$(grep -c "lint-base.lua:5: warning" "$TMP/out")" -eq 1 ] || no "the base's warning is not printed exactly once"
    want_out_has "$LINTS/overlay/lint-adapted.lua: lint-adapted 1.0.0: 1 warning, 1 note"
    want_out_has "1 warning, 1 note in 2 scripts; 1 finding of shared base scripts not repeated"
}
end

begin "lint: the bundled scripts all load and lint"
run lint instruments
if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then
    want_out_has " scripts"
    if grep -q "not linted" "$TMP/out"; then no "a bundled script was not linted"; fi
else
    want_rc 1
fi
end

begin "lint: the same script gives the same lines"
run lint "$LINTS/instrument-mistakes.lua"
cp "$TMP/out" "$TMP/lint-first"
run lint "$LINTS/instrument-mistakes.lua"
want_rc 1 && want_same "$TMP/out" "$TMP/lint-first" "two lint runs"
end

begin "lint: no operand, or two, is a usage error"
run lint
want_rc 64 && want_err_has "missing SCRIPT or DIR"
run lint "$LINTS/clean/clean.lua" "$LINTS/plan-mistakes.lua"
want_rc 64 && want_err_has "too many arguments"
end

begin "lint: a directory without scripts exits 1"
mkdir -p "$TMP/no-scripts"
run lint "$TMP/no-scripts"
want_rc 1 && want_err_has "no instrument or plan scripts found"
end

begin "help: vep lint --help"
run lint --help
want_rc 0 && { want_out_has "Usage: vep lint"; want_out_has "FILE:LINE: SEVERITY: MESSAGE [RULE]"; want_err_empty; }
end
