#!/bin/sh
# run-cli-tests.sh -- tests the vep command itself: every exit status, the
# options, standard input, the JSON error format, the language of `info`,
# and byte-for-byte deterministic results (against a committed golden file).
#
#   sh run-cli-tests.sh /path/to/vep /path/to/repo
#
# The command runs under $VEP_WRAP when it is set (e.g. valgrind with
# --error-exitcode=99: exit 99 always fails the test).  Every run is stopped
# after $VEP_CASE_TIMEOUT seconds (default 30, or 300 under $VEP_WRAP) when
# timeout(1) exists.  Prints one line per failed test, then "N passed,
# M failed"; exits 1 if any failed.
#
# The golden result fixtures/screen-positive.result.json is compared with
# the "libvep" line and the "sha256" lines left out (they change with the
# engine version and with any edit of the instrument's files; the sha256
# values are checked against the files instead).  To regenerate it, from the
# repository root:
#   build/vep score instruments/screening/vep-screen.lua \
#       examples/assessments/screen-positive.json \
#       > tests/cli/fixtures/screen-positive.result.json
set -u

if [ $# -ne 2 ]; then
    echo "usage: sh run-cli-tests.sh /path/to/vep /path/to/repo" >&2
    exit 64
fi
VEP=$1
case $VEP in /*) ;; *) VEP=$(pwd)/$VEP ;; esac
REPO=$(cd "$2" && pwd) || exit 64
if [ ! -x "$VEP" ]; then
    echo "run-cli-tests.sh: $VEP is not an executable" >&2
    exit 64
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "run-cli-tests.sh: python3 is needed to check the JSON output" >&2
    exit 70
fi
cd "$REPO" || exit 70

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vep-cli.XXXXXX") || exit 70
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

if [ -n "${VEP_WRAP:-}" ]; then
    PER_RUN=${VEP_CASE_TIMEOUT:-300}
else
    PER_RUN=${VEP_CASE_TIMEOUT:-30}
fi
if command -v timeout >/dev/null 2>&1; then
    TIMEOUT="timeout -k 5 $PER_RUN"
else
    TIMEOUT=
fi

JSONCHECK="python3 $REPO/tests/cli/json-check.py"
CHECKERR="python3 $REPO/tests/corpus/check-errors.py"
FIX=tests/cli/fixtures
SCREEN=instruments/screening/vep-screen.lua
RNA=instruments/rna/vep-rna.lua
POS=examples/assessments/screen-positive.json
NEG=examples/assessments/screen-negative.json
RNADOC=examples/assessments/rna-example.json
BADDOC=tests/corpus/assessments/070-not-in-scale.json
GOLDEN=$FIX/screen-positive.result.json

passed=0
failed=0

# ---- the little test framework ------------------------------------------
# begin NAME ... end: one test; the first failed assertion in between is
# the reason it failed.
begin() {
    tname=$1
    tbad=
}
no() {
    [ -n "$tbad" ] || tbad=$1
}
end() {
    if [ -z "$tbad" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s: %s\n' "$tname" "$tbad"
    fi
}

# run ARGS...: runs vep (wrapped, with the time-out, stdin from /dev/null);
# sets rc and leaves the output in $TMP/out and $TMP/err.
run() {
    # shellcheck disable=SC2086  # $TIMEOUT and $VEP_WRAP are word lists
    $TIMEOUT ${VEP_WRAP:-} "$VEP" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
}
# run_stdin FILE ARGS...: the same with standard input from FILE.
run_stdin() {
    input=$1
    shift
    # shellcheck disable=SC2086
    $TIMEOUT ${VEP_WRAP:-} "$VEP" "$@" >"$TMP/out" 2>"$TMP/err" <"$input"
    rc=$?
}

# stderr without valgrind's lines
err_text() {
    grep -v '^==[0-9]*==' "$TMP/err"
}
first_err_line() {
    err_text | head -n 1 | cut -c 1-200
}

want_rc() {
    if [ "$rc" = "$1" ]; then
        return 0
    fi
    if [ "$rc" = 99 ] && [ -n "${VEP_WRAP:-}" ]; then
        no "valgrind reported errors (exit 99): $(first_err_line)"
    elif [ -n "$TIMEOUT" ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
        no "timed out after ${PER_RUN}s"
    else
        no "exit status $rc, expected $1; stderr: $(first_err_line)"
    fi
    return 1
}
want_out_has() {
    grep -F -q -e "$1" "$TMP/out" || no "stdout lacks '$1'"
}
want_err_has() {
    err_text | grep -F -q -e "$1" || no "stderr lacks '$1': $(first_err_line)"
}
want_err_lacks() {
    if err_text | grep -F -q -e "$1"; then
        no "stderr has '$1': $(first_err_line)"
    fi
}
want_out_empty() {
    [ ! -s "$TMP/out" ] || no "stdout is not empty: $(head -c 200 "$TMP/out")"
}
want_err_empty() {
    if err_text | grep -q .; then
        no "stderr is not empty: $(first_err_line)"
    fi
}
want_err_some() {
    err_text | grep -q . || no "stderr is empty"
}
# want_rule EXPECTED_STATUS RULES WHERE LINE ID: the JSON error output of
# the last run (see ../corpus/check-errors.py).
want_rule() {
    if msg=$($CHECKERR "$TMP/err" "$rc" "$1" "$2" "$3" "$4" "$5"); then
        :
    else
        no "$msg"
    fi
}
# want_json CHECK ARGS...: a json-check.py check.
want_json() {
    if msg=$($JSONCHECK "$@"); then
        :
    else
        no "$msg"
    fi
}
# want_same FILE1 FILE2 WHAT: the same bytes, and not none
want_same() {
    if [ ! -s "$1" ]; then
        no "$3: no output"
    elif ! cmp -s "$1" "$2"; then
        no "$3: the outputs differ ($(cmp "$1" "$2" 2>&1 | head -n 1))"
    fi
}

# ---- help and version ----------------------------------------------------
begin "help: vep --help"
run --help
want_rc 0 && { want_out_has "Usage: vep"; want_out_has "validate"; want_out_has "Exit status"; want_err_empty; }
end

begin "help: vep -h"
run -h
want_rc 0 && want_out_has "Usage: vep"
end

for cmd in validate score info test; do
    begin "help: vep $cmd --help"
    run "$cmd" --help
    want_rc 0 && { want_out_has "Usage: vep $cmd"; want_err_empty; }
    end
done

begin "help: vep --help score (the command's help)"
run --help score
want_rc 0 && want_out_has "Usage: vep score"
end

begin "version: vep --version"
run --version
VERSION=-
if want_rc 0; then
    if grep -E -q '^vep [0-9]+\.[0-9]+\.[0-9]+' "$TMP/out"; then
        VERSION=$(sed -n '1s/^vep \([0-9][0-9.]*\).*/\1/p' "$TMP/out")
    else
        no "stdout is not 'vep MAJOR.MINOR.PATCH': $(head -c 100 "$TMP/out")"
    fi
    want_err_empty
fi
end

# ---- exit status 0 ---------------------------------------------------------
for script in "$SCREEN" "$RNA"; do
    begin "exit 0: vep validate $script"
    run validate "$script"
    want_rc 0 && { want_out_has "is valid"; want_err_empty; }
    end
done

begin "exit 0: vep score (the result is JSON with the engine version)"
run score "$SCREEN" "$POS"
want_rc 0 && { want_err_empty; want_json result "$TMP/out" "$VERSION"; }
cp "$TMP/out" "$TMP/pos1"
end

begin "exit 0: vep score of the vep-rna example"
run score "$RNA" "$RNADOC"
want_rc 0 && { want_err_empty; want_json result "$TMP/out" "$VERSION"; }
cp "$TMP/out" "$TMP/rna1"
end

begin "exit 0: vep info"
run info "$SCREEN"
want_rc 0 && { want_out_has "vep-screen"; want_out_has "Screening for indicators of radicalisation (illustrative)"; want_err_empty; }
cp "$TMP/out" "$TMP/info1"
end

begin "exit 0: vep info --lang sr-Latn shows the Serbian texts"
run info "$SCREEN" --lang sr-Latn
want_rc 0 && {
    want_out_has "Skrining indikatora radikalizacije (ilustrativni)"
    want_out_has "Odobrava nasilje prema grupi koju naziva neprijateljima"
    want_out_has "Savetodavni rezultat skrininga"
    want_err_empty
}
end

begin "exit 0: vep --lang sr-Latn info (option before the command)"
run --lang sr-Latn info "$RNA"
want_rc 0 && want_out_has "Procena rizika i potreba nasilnih ekstremističkih zatvorenika"
end

begin "exit 0: vep info --lang sq shows the Albanian texts"
run info "$SCREEN" --lang sq
want_rc 0 && want_out_has "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues)"
end

for script in "$SCREEN" "$RNA" "$FIX/tests/passing.lua"; do
    begin "exit 0: vep test $script"
    run test "$script"
    want_rc 0 && { want_out_has " 0 failed"; want_err_empty; }
    end
done

begin "exit 0: vep test instruments (a directory)"
run test instruments
want_rc 0 && want_out_has " 0 failed"
end

begin "exit 0: functions run in a fresh sandbox for every assessment"
run test "$FIX/fresh-sandbox.lua"
want_rc 0 && want_out_has "3 passed, 0 failed"
end

begin "exit 0: --memory-limit accepts bytes and K, M, G suffixes"
for size in 1G 512M 65536K 67108864; do
    run validate --memory-limit=$size "$SCREEN"
    want_rc 0 || break
done
end

begin "exit 0: options after the command"
run validate "$SCREEN" --time-limit=5000 --instruction-limit=100000000 --error-format=json
want_rc 0 && want_err_empty
end

# ---- exit status 1 ---------------------------------------------------------
begin "exit 1: vep score of an invalid assessment"
run score "$SCREEN" "$BADDOC"
want_rc 1 && { want_out_empty; want_err_has "not_in_scale"; want_err_has '$.answers.S01.value'; }
end

begin "exit 1: a failing test case"
run test "$FIX/tests/wrong-expectation.lua"
want_rc 1 && { want_out_has "FAIL"; want_out_has "1 passed, 1 failed"; }
end

begin "exit 1: a directory with a failing test case"
run test "$FIX/tests"
want_rc 1 && want_out_has "1 failed"
end

begin "exit 1: vep score of an assessment file that does not exist"
run score "$SCREEN" "$TMP/no-such-assessment.json"
want_rc 1 && want_err_some
end

# ---- exit status 2 ---------------------------------------------------------
begin "exit 2: syntax error (JSON: rule syntax, line 6)"
run validate --error-format=json "$FIX/bad/syntax-error.lua"
want_rule 2 syntax - 6 -
end

begin "exit 2: definition error, text format 'FILE:LINE: item 'ID': ... (rule)'"
run validate "$FIX/bad/unknown-scale.lua"
want_rc 2 && {
    want_err_has "unknown-scale.lua:7: item 'B07': scale 'lmh3' is not declared (unknown_scale)"
    want_err_lacks "item 'B07': item 'B07'"
}
end

begin "exit 2: definition error (JSON: unknown_scale, line 7, item B07)"
run validate --error-format=json "$FIX/bad/unknown-scale.lua"
want_rule 2 unknown_scale - 7 B07
end

for cmd in validate info test; do
    begin "exit 2: vep $cmd of a script that does not exist"
    run "$cmd" "$TMP/no-such-script.lua"
    want_rc 2 && want_err_some
    end
done

begin "exit 2: vep score with a script that does not exist"
run score "$TMP/no-such-script.lua" "$POS"
want_rc 2 && { want_out_empty; want_err_some; }
end

begin "exit 2: vep score with an invalid script"
run score "$FIX/bad/syntax-error.lua" "$POS"
want_rc 2 && want_out_empty
end

begin "exit 2: vep test of an invalid script"
run test "$FIX/bad/unknown-scale.lua"
want_rc 2
end

begin "exit 2: a directory given as the script"
mkdir "$TMP/dir.lua"
run validate "$TMP/dir.lua"
want_rc 2 && { want_err_some; want_err_lacks "larger than"; }
end

# ---- exit status 3 ---------------------------------------------------------
begin "exit 3: instruction limit (JSON: instruction_limit, line 4)"
run validate --error-format=json --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua"
want_rule 3 instruction_limit - 4 -
end

begin "exit 3: time limit (JSON: time_limit)"
run validate --error-format=json --instruction-limit=1000000000000 --time-limit=100 "$FIX/bad/infinite-loop.lua"
want_rule 3 time_limit - - -
end

begin "exit 3: memory limit (JSON: memory_limit)"
run validate --error-format=json --memory-limit=1M --time-limit=60000 "$FIX/bad/memory-hog.lua"
want_rule 3 memory_limit - - -
end

begin "exit 3: vep score with a script over its limit"
run score --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua" "$POS"
want_rc 3 && want_out_empty
end

begin "exit 3: default limits stop an infinite loop (text format)"
run validate --time-limit=300 "$FIX/bad/infinite-loop.lua"
want_rc 3 && want_err_has "limit"
end

# ---- exit status 64 --------------------------------------------------------
usage() { # NAME ARGS...: the command must fail with 64, say so on stderr,
          # and print nothing on stdout
    begin "exit 64: $1"
    shift
    run "$@"
    want_rc 64 && { want_out_empty; want_err_some; }
    end
}
usage "unknown command" frobnicate "$SCREEN"
usage "'help' is not a command" help
usage "no command" 
usage "unknown option before the command" --bogus validate "$SCREEN"
usage "unknown option after the command" validate "$SCREEN" --bogus
usage "validate without SCRIPT" validate
usage "info without SCRIPT" info
usage "test without SCRIPT" test
usage "score without SCRIPT" score
usage "score without ASSESSMENT" score "$SCREEN"
usage "too many arguments" validate "$SCREEN" "$SCREEN"
usage "--memory-limit=12X" validate --memory-limit=12X "$SCREEN"
usage "--memory-limit=0" validate --memory-limit=0 "$SCREEN"
usage "--memory-limit without a value" validate --memory-limit= "$SCREEN"
usage "--memory-limit=64K (below the minimum)" validate --memory-limit=64K "$SCREEN"
usage "--memory-limit too large" validate --memory-limit=99999999999999G "$SCREEN"
usage "--time-limit=abc" validate --time-limit=abc "$SCREEN"
usage "--time-limit=0" validate --time-limit=0 "$SCREEN"
usage "--instruction-limit=0" validate --instruction-limit=0 "$SCREEN"
usage "--instruction-limit=-5" validate --instruction-limit=-5 "$SCREEN"
usage "--error-format=xml" validate --error-format=xml "$SCREEN"
usage "--lang with validate" validate --lang sr-Latn "$SCREEN"
usage "--lang without a value" info "$SCREEN" --lang
usage "--version with a value" --version=2

begin "exit 64: the message points to --help"
run validate --memory-limit=12X "$SCREEN"
want_rc 64 && { want_err_has "12X"; want_err_has "vep --help"; }
end

# ---- standard input ----------------------------------------------------------
begin "stdin: vep score SCRIPT - gives the same bytes as the file"
run_stdin "$POS" score "$SCREEN" -
want_rc 0 && { want_err_empty; want_same "$TMP/out" "$TMP/pos1" "stdin vs file"; }
end

begin "stdin: an invalid assessment on stdin (exit 1, JSON errors)"
run_stdin "$BADDOC" score --error-format=json "$SCREEN" -
want_rule 1 not_in_scale '$.answers.S01.value' - -
end

begin "stdin: empty stdin is an invalid assessment"
run_stdin /dev/null score --error-format=json "$SCREEN" -
want_rule 1 json_syntax '$' - -
end

# ---- the JSON error format -------------------------------------------------
begin "json errors: exit 1 (assessment)"
run score --error-format=json "$SCREEN" tests/corpus/assessments/084-several-problems.json
want_rule 1 "not_in_scale,unknown_item,missing_required,invalid_date,unknown_level,unknown_field" \
    '$.answers.S01.value,S99,S03,$.date,$.judgement.level,$.extra' - -
end

begin "json errors: exit 1 (assessment file missing)"
run score --error-format=json "$SCREEN" "$TMP/no-such-assessment.json"
want_rc 1 && want_json errors "$TMP/err"
end

begin "json errors: exit 2 (script file missing)"
run validate --error-format=json "$TMP/no-such-script.lua"
want_rc 2 && want_json errors "$TMP/err"
end

begin "json errors: exit 2 (definition, option before the command)"
run --error-format=json validate "$FIX/bad/unknown-scale.lua"
want_rule 2 unknown_scale - 7 B07
end

begin "json errors: exit 3 (limit, via vep score)"
run score --error-format=json --instruction-limit=100000 --time-limit=60000 "$FIX/bad/infinite-loop.lua" "$POS"
want_rule 3 instruction_limit - 4 -
end

begin "text errors: the default format is not JSON and names the rule"
run score "$SCREEN" "$BADDOC"
want_rc 1 && {
    if err_text | head -n 1 | grep -q '^{'; then no "stderr starts like JSON"; fi
    want_err_has "(not_in_scale)"
}
end

# ---- determinism -----------------------------------------------------------
begin "determinism: scoring the same assessment twice gives the same bytes"
run score "$SCREEN" "$POS"
want_rc 0 && want_same "$TMP/out" "$TMP/pos1" "second run"
end

begin "determinism: the same bytes after scoring another assessment"
run score "$SCREEN" "$NEG"
if want_rc 0; then
    cp "$TMP/out" "$TMP/neg1"
    run score "$SCREEN" "$POS"
    want_rc 0 && want_same "$TMP/out" "$TMP/pos1" "positive after negative"
    run score "$SCREEN" "$NEG"
    want_rc 0 && want_same "$TMP/out" "$TMP/neg1" "negative after positive"
    if cmp -s "$TMP/neg1" "$TMP/pos1"; then no "two different assessments gave the same result"; fi
fi
end

begin "determinism: vep-rna twice gives the same bytes"
run score "$RNA" "$RNADOC"
want_rc 0 && want_same "$TMP/out" "$TMP/rna1" "second run"
end

begin "determinism: vep info twice gives the same bytes"
run info "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/info1" "second run"
end

begin "determinism: the result matches the golden file $GOLDEN"
if [ ! -f "$GOLDEN" ]; then
    no "no golden file"
else
    want_json golden "$TMP/pos1" "$GOLDEN"
fi
end

begin "determinism: the sources' sha256 are those of the files"
want_json sources "$TMP/pos1" "$REPO/instruments/screening" "$REPO"
end

begin "determinism: instrument.sha256 does not depend on how the path is written"
run score "$REPO/$SCREEN" "$POS"
if want_rc 0; then
    cp "$TMP/out" "$TMP/pos-abs"
    run score "./$SCREEN" "$POS"
    want_rc 0 && {
        want_json same-hash "$TMP/pos1" "$TMP/pos-abs"
        want_json same-hash "$TMP/pos1" "$TMP/out"
    }
fi
end

begin "dates: a function score uses the date library"
run test "$FIX/date-function.lua"
want_rc 0 && want_out_has "1 passed, 0 failed"
end

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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
