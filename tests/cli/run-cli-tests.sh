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

begin "exit 0: vep info --lang sr-Cyrl shows the Latin texts in Cyrillic, and says so"
run info "$RNA" --lang sr-Cyrl
want_rc 0 && {
    want_out_has "Процена ризика и потреба насилних екстремистичких затвореника"
    want_err_has "no language 'sr-Cyrl'; showing 'sr-Latn' (transliterated)"
    want_err_lacks "'en'"
}
run info "$FIX/diff/base.lua" --lang sr-Cyrl
want_rc 0 && want_err_has "showing 'sr-Latn' (transliterated), 'en'"
end

begin "plan: --lang sr-Cyrl-RS falls back to the Latin titles, in Cyrillic"
run plan instruments/plans/vep-plan-rna.lua "$TMP/rna1" --context examples/cases/rna-example.context.json --lang sr-Cyrl-RS
want_rc 0 && {
    want_out_has "Индивидуални психолошки рад"
    want_out_has '"requested": "sr-Cyrl-RS"'
}
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

# ---- vep diff ----------------------------------------------------------------
# fixtures/diff/changed.lua is base.lua with every kind of change; the
# golden files hold the output without its header line (it carries the
# sha256 of the fixtures, checked against `vep info` instead).  After a
# deliberate change of the output or the fixtures, regenerate them from
# the repository root:
#   build/vep diff tests/cli/fixtures/diff/base.lua \
#       tests/cli/fixtures/diff/changed.lua | tail -n +2 \
#       > tests/cli/fixtures/diff/expected.txt
#   build/vep diff tests/cli/fixtures/diff/plan-base.lua \
#       tests/cli/fixtures/diff/plan-changed.lua | tail -n +2 \
#       > tests/cli/fixtures/diff/plan-expected.txt
DIFFS=$FIX/diff

# sha_of SCRIPT: the SHA-256 `vep info` shows for an instrument script
sha_of() {
    "$VEP" info "$1" 2>/dev/null | sed -n 's/^SHA-256: *\([0-9a-f]*\)$/\1/p'
}
# want_golden FILE: stdout without its first line is FILE
want_golden() {
    tail -n +2 "$TMP/out" >"$TMP/body"
    if ! cmp -s "$TMP/body" "$1"; then
        no "output differs from $1: $(diff "$1" "$TMP/body" | sed -n 2p | cut -c 1-160)"
    fi
}

begin "diff: every kind of change, against the golden file (exit 1)"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_rc 1 && { want_err_empty; want_golden "$DIFFS/expected.txt"; }
end

begin "diff: the header names both scripts with their sha256"
sha_a=$(sha_of "$DIFFS/base.lua" | cut -c 1-12)
sha_b=$(sha_of "$DIFFS/changed.lua" | cut -c 1-12)
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
if [ -z "$sha_a" ] || [ -z "$sha_b" ]; then
    no "vep info shows no SHA-256"
else
    want_header="diff-demo 1.0.0 (sha256 $sha_a...) -> diff-demo 1.1.0 (sha256 $sha_b...)"
    [ "$(head -n 1 "$TMP/out")" = "$want_header" ] ||
        no "header is '$(head -n 1 "$TMP/out")', expected '$want_header'"
fi
end

begin "diff: the summary line counts every section"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_rc 1 && [ "$(tail -n 1 "$TMP/out")" = "8 changes in metadata; 1 scale added, 1 changed; 1 part added, 1 changed; 1 domain added, 2 changed; 2 items added, 1 removed, 8 changed; 1 score added, 2 changed; 1 level changed; 1 flag added, 1 changed; 3 changes in judgement; 1 test added, 1 removed" ] ||
    no "summary line is '$(tail -n 1 "$TMP/out")'"
end

for script in "$DIFFS/base.lua" "$SCREEN" "$RNA" "$PLAN" "$DIFFS/plan-base.lua"; do
    begin "diff: a script against itself has no differences (exit 0): $script"
    run diff "$script" "$script"
    want_rc 0 && {
        want_err_empty
        [ "$(wc -l <"$TMP/out")" -eq 2 ] || no "more than header and summary: $(sed -n 2p "$TMP/out")"
        [ "$(tail -n 1 "$TMP/out")" = "no differences" ] || no "last line is not 'no differences'"
    }
    end
done

begin "diff: a copy of a script under another name has no differences"
cp "$DIFFS/changed.lua" "$TMP/copy.lua"
run diff "$DIFFS/changed.lua" "$TMP/copy.lua"
want_rc 0 && want_out_has "no differences"
end

begin "diff: the other way round, additions and removals swap"
run diff "$DIFFS/changed.lua" "$DIFFS/base.lua"
want_rc 1 && {
    want_out_has "  + S03  added: \"Shows symbols of a violent group\" (presence, domain indicators)"
    want_out_has "  - S14  removed: \"Receives money from abroad without explanation\""
    want_out_has "  ~ screen  band positive: 5 .. 10 -> 4 .. 14"
    want_out_has "  ~ S01  text [sr-Cyrl]: \"Одобрава насиље према именованој групи\" -> (none)"
    want_out_has "1 item added, 2 removed, 8 changed"
}
end

begin "diff: the output is the same, byte for byte, run after run"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
cp "$TMP/out" "$TMP/diff1"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua"
want_same "$TMP/diff1" "$TMP/out" "two runs of vep diff"
end

begin "diff: --lang sr-Cyrl compares the texts in that language only"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang sr-Cyrl
want_rc 1 && {
    want_out_has "  ~ S01  text [sr-Cyrl]: (none) -> \"Одобрава насиље према именованој групи\""
    want_out_has "  ~ screen  band positive: 4 .. 14 -> 5 .. 10"
    if grep -F -q -e "[en]" -e "[sr-Latn]" "$TMP/out"; then
        no "a text in another language is compared: $(grep -F -e "[en]" -e "[sr-Latn]" "$TMP/out" | head -n 1)"
    fi
}
end

begin "diff: --lang en leaves out what only translations change"
run diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang en
want_rc 1 && {
    want_out_has "  ~ S02  guidance [en]: \"Record the words used.\" -> \"Record the words used, the date and who heard them.\""
    if grep -F -q "S01  text" "$TMP/out"; then no "S01's translations are compared"; fi
}
end

usage "diff: --lang that neither script declares" diff "$DIFFS/base.lua" "$DIFFS/changed.lua" --lang de
usage "diff without B" diff "$DIFFS/base.lua"
usage "diff without A and B" diff
usage "diff with three scripts" diff "$DIFFS/base.lua" "$DIFFS/base.lua" "$DIFFS/base.lua"

begin "diff: plan scripts, against the golden file (exit 1)"
run diff "$DIFFS/plan-base.lua" "$DIFFS/plan-changed.lua"
want_rc 1 && { want_err_empty; want_golden "$DIFFS/plan-expected.txt"; }
end

begin "diff: an instrument and a plan are refused (exit 2, wrong_script_kind)"
run diff --error-format=json "$DIFFS/base.lua" "$DIFFS/plan-base.lua"
want_rule 2 wrong_script_kind - - -
want_out_empty
end

begin "diff: a broken script exits 2 with its file and line"
run diff "$DIFFS/base.lua" "$FIX/bad/unknown-scale.lua"
want_rc 2 && { want_err_has "unknown-scale.lua:7"; want_out_empty; }
end

begin "diff: a broken script (JSON: unknown_scale, line 7, item B07)"
run diff --error-format=json "$FIX/bad/unknown-scale.lua" "$DIFFS/base.lua"
want_rule 2 unknown_scale - 7 B07
end

begin "diff: a script that does not exist exits 2"
run diff "$DIFFS/base.lua" "$TMP/no-such-script.lua"
want_rc 2 && want_err_some
end

begin "help: vep diff --help"
run diff --help
want_rc 0 && { want_out_has "Usage: vep diff"; want_out_has "--lang"; want_err_empty; }
end

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

# ---- vep doc: the guide rendered from the script --------------------------
# The golden guides are compared without the two lines that change with the
# engine version and with any edit of the scripts' files (the sources'
# SHA-256, checked against the result instead, and "Rendered by: libvep
# X.Y.Z").  To regenerate them, from the repository root:
#   build/vep doc instruments/screening/vep-screen.lua \
#       > tests/cli/fixtures/doc/vep-screen.md
#   build/vep doc instruments/plans/vep-plan-screen.lua \
#       > tests/cli/fixtures/doc/vep-plan-screen.md
DOCFIX=$FIX/doc
HTMLCHECK="python3 $REPO/$DOCFIX/html-check.py"
SCREEN_PLAN=instruments/plans/vep-plan-screen.lua

# doc_lines FILE: the guide without its version-dependent lines.
doc_lines() {
    grep -v -e '^- \*\*SHA-256 of the script' -e '^- \*\*Rendered by:\*\*' \
        -e '^==[0-9]*==' "$1"
}
# want_doc_golden GOLDEN: the last output is the golden guide.
want_doc_golden() {
    if [ ! -f "$1" ]; then
        no "no golden file $1"
        return
    fi
    doc_lines "$TMP/out" >"$TMP/doc-got"
    doc_lines "$1" >"$TMP/doc-want"
    if ! cmp -s "$TMP/doc-got" "$TMP/doc-want"; then
        no "differs from $1: $(diff "$TMP/doc-want" "$TMP/doc-got" | sed -n 2,3p | tr '\n' ' ' | cut -c 1-200)"
    fi
}
# want_html LANG [ID...]: the last output is one well-formed, self-contained
# HTML file in LANG with every item ID.
want_html() {
    if msg=$($HTMLCHECK "$TMP/out" "$@"); then
        :
    else
        no "$msg"
    fi
}
# result_ids KIND: the ids of the items (answers), scores, levels or flags
# of the vep-screen result.
result_ids() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
k = sys.argv[2]
print(" ".join(e["item"] if k == "answers" else e["id"] for e in d[k]))' "$TMP/pos1" "$1"
}

begin "help: vep doc --help"
run doc --help
want_rc 0 && { want_out_has "Usage: vep doc"; want_out_has "--format html"; want_err_empty; }
end

begin "doc: the guide of vep-screen in Markdown matches the golden file"
run doc "$SCREEN"
want_rc 0 && { want_err_empty; want_doc_golden "$DOCFIX/vep-screen.md"; }
cp "$TMP/out" "$TMP/doc-md1"
end

begin "doc: the guide names the sources' SHA-256 of the result, and the engine"
sha=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["instrument"]["sha256"])' "$TMP/pos1")
cp "$TMP/doc-md1" "$TMP/out"
want_out_has "**SHA-256 of the script's sources:** \`$sha\`"
want_out_has "libvep $VERSION (vep doc)"
end

begin "doc: every item, score, level and flag of vep-screen is in the guide"
cp "$TMP/doc-md1" "$TMP/out"
for id in $(result_ids answers); do want_out_has "#### $id: "; done
for id in $(result_ids scores) $(result_ids levels) $(result_ids flags); do want_out_has "### $id: "; done
end

begin "doc: the same bytes twice, and --format md is the default"
run doc --format md "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-md1" "--format md vs the default"
run doc "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-md1" "second run"
end

begin "doc: --format html is one well-formed, self-contained, printable file"
run doc "$SCREEN" --format html
# shellcheck disable=SC2046  # the ids are words
want_rc 0 && { want_err_empty; want_html en $(result_ids answers); want_out_has 'class="warning"'; }
cp "$TMP/out" "$TMP/doc-html1"
run doc --format=html "$SCREEN"
want_rc 0 && want_same "$TMP/out" "$TMP/doc-html1" "second HTML run"
end

begin "doc: the HTML is well-formed XML too (xmllint, when installed)"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "$TMP/doc-html1" 2>"$TMP/xmllint" || no "xmllint: $(head -n 1 "$TMP/xmllint")"
fi
end

begin "doc: --lang sr-Latn gives the Serbian texts and <html lang=\"sr-Latn\">"
run doc "$SCREEN" --lang sr-Latn --format html
# shellcheck disable=SC2046
want_rc 0 && {
    want_html sr-Latn $(result_ids answers)
    want_out_has "Skrining indikatora radikalizacije (ilustrativni)"
    want_out_has "Odobrava nasilje prema grupi koju naziva neprijateljima"
}
end

begin "doc: the note near the top says how many texts fell back to which language"
run doc "$SCREEN" --lang sq
want_rc 0 && {
    want_out_has "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues)"
    want_out_has '**Language:** `sq`. All 31 texts of the script are in it.'
}
run doc "$SCREEN" --lang sr-Cyrl
want_rc 0 && want_out_has '**Language:** `sr-Cyrl`. Texts: 31 transliterated from `sr-Latn`.'
run doc "$FIX/diff/base.lua" --lang sr-Latn
want_rc 0 && want_out_has '**Language:** `sr-Latn`. Texts: 9 are in `sr-Latn`; 17 fell back to `en`.'
run doc "$FIX/diff/base.lua" --lang sr-Cyrl
want_rc 0 && want_out_has '**Language:** `sr-Cyrl`. Texts: 9 transliterated from `sr-Latn`; 17 fell back to `en`.'
end

begin "doc: the guide of the vep-rna instrument states its SPJ rules in words"
run doc "$RNA"
want_rc 0 && {
    want_out_has "**No total score.**"
    want_out_has 'The number of items of domain `beliefs` (Beliefs, attitudes and ideology) whose value is at least 2 (rated `high`).'
    want_out_has "Raised when score capability_intent is at least 1."
    want_out_has "**Rationale:** a written rationale is always required."
}
end

begin "doc: the plan guide of vep-plan-screen matches the golden file"
run doc "$SCREEN_PLAN"
want_rc 0 && { want_err_empty; want_doc_golden "$DOCFIX/vep-plan-screen.md"; }
end

begin "doc: the plan guide of vep-plan-rna in HTML names every rule and step"
run doc "$PLAN" --format html --lang sr-Latn
want_rc 0 && {
    want_html sr-Latn
    for r in R01-beliefs R05-belonging R11-placement-high R14-supervision-mentor; do
        want_out_has "id=\"rule-$r\""
    done
    want_out_has "Individualni psihološki rad"
    want_out_has "<code>release_conditions</code>"
    want_out_has "context conditional_release is &#39;true&#39;"
}
end

begin "doc: script texts are escaped, never markup"
run doc "$DOCFIX/markup.lua"
want_rc 0 && {
    want_out_has '# \<script>alert(1)\</script> & \*stars\* \_under\_ \[link\](http://example.org)'
    want_out_has '\# not a heading - not a list 1. not a list either \| a \| pipe \|'
    if grep -q '^- not a list\|^1\. not a list' "$TMP/out"; then no "a script text became a list"; fi
}
run doc "$DOCFIX/markup.lua" --format html
want_rc 0 && {
    want_html en X1
    want_out_has "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars*"
    want_out_has "&lt;img src=&quot;http://example.org/x.png&quot;&gt; &amp;amp; label"
}
end

begin "doc: an invalid script exits 2 with file and line, and writes nothing"
run doc "$FIX/bad/unknown-scale.lua"
want_rc 2 && { want_out_empty; want_err_has "unknown-scale.lua:7"; }
run doc "$TMP/no-such-script.lua"
want_rc 2 && want_out_empty
end

usage "doc without SCRIPT" doc
usage "doc with two scripts" doc "$SCREEN" "$SCREEN"
usage "doc --format xml" doc --format xml "$SCREEN"
usage "--format with score" score --format md "$SCREEN" "$POS"

# ---- overlays, the administrations' packages and migrations ---------------
RS_SCREEN=instruments/rs/vep-screen-rs.lua
MIG=examples/migration/vep-screen-1-to-2.lua
SCREEN2=examples/migration/vep-screen-2/vep-screen.lua

begin "overlay: a result records the lineage, the base's hash as its own"
sed 's/"id": "vep-screen", "version": "1.0.0"/"id": "vep-screen-rs", "version": "1.0.0"/' "$POS" \
    | sed 's/"S13"/"RS01": { "value": "absent" }, "S13"/' > "$TMP/rs.json"
run score "$RS_SCREEN" "$TMP/rs.json"
if want_rc 0; then
    base_sha=$(sha256sum instruments/screening/vep-screen.lua instruments/screening/vep-screen-tests.lua \
               | sed 's|instruments/screening/||' | sha256sum | cut -d' ' -f1)
    want_out_has '"lineage": ['
    want_out_has '"file": "../screening/vep-screen.lua"'
    want_out_has "\"sha256\": \"$base_sha\""
    want_out_has '"versions": "^1.0.0"'
fi
end

begin "overlay: the sr-Cyrl package writes the base's Latin titles in Cyrillic"
run score "$RS_SCREEN" "$TMP/rs.json"
want_rc 0 && want_out_has '"title": "Пондерисани збир индикатора"'
end

begin "packages: every administration's scripts pass their own tests"
for pkg in al ba me mk rs xk; do
    run test "instruments/$pkg"
    want_rc 0 || break
    want_out_has " 0 failed"
done
end

begin "overlay: a base that cannot be found exits 2 and names the rule"
mkdir -p "$TMP/pkg/x"
printf 'instrument { id = "x", version = "1.0.0", base = { id = "nowhere", version = "^1.0.0" } }\n' \
    > "$TMP/pkg/x/x.lua"
run --error-format json validate "$TMP/pkg/x/x.lua"
want_rc 2 && want_err_has '"rule": "base_not_found"'
end

begin "migrate: version 2 refuses a version 1 assessment and points to vep migrate"
run score "$SCREEN2" "$POS"
want_rc 1 && want_err_has "vep migrate MIGRATION ASSESSMENT"
end

begin "migrate: the migrated assessment scores with version 2 and records the migration"
run migrate "$MIG" "$POS"
if want_rc 0; then
    cp "$TMP/out" "$TMP/migrated.json"
    want_out_has '"version": "2.0.0"'
    want_out_has '"step": "split"'
    run score "$SCREEN2" "$TMP/migrated.json"
    want_rc 0 && want_out_has '"id": "vep-screen-1-to-2"'
fi
end

begin "migrate: twice the same bytes"
run migrate "$MIG" "$POS"
cp "$TMP/out" "$TMP/m1.json"
run migrate "$MIG" "$POS"
want_rc 0 && want_same "$TMP/m1.json" "$TMP/out" "two migrations"
end

begin "migrate: an assessment of another instrument exits 1 with its JSON path"
run migrate "$MIG" "$RNADOC"
want_rc 1 && want_err_has '$.instrument.id'
end

begin "migrate: an invalid migration script exits 2"
printf 'migration { id = "m", version = "1.0.0" }\n' > "$TMP/badmig.lua"
run migrate "$TMP/badmig.lua" "$POS"
want_rc 2 && want_err_has "'from' must be a table"
end

usage "migrate without ASSESSMENT" migrate "$MIG"

begin "packages: every script renders its guide in each of its languages, both formats"
ndocs=0
for script in $(find instruments/al instruments/ba instruments/me instruments/mk \
                     instruments/rs instruments/xk -name '*.lua' ! -name '*-tests.lua' | sort); do
    run doc "$script"
    want_rc 0 || break
    langs=$(grep -F '**Languages of the script:**' "$TMP/out" | grep -o '`[^`]*`' | tr -d '`')
    [ -n "$langs" ] || { no "$script: no languages in its guide"; break; }
    for lang in $langs; do
        run doc --lang "$lang" --format html "$script"
        want_rc 0 || break 2
        want_out_has "<html lang=\"$lang\""
        python3 "$FIX/doc/html-check.py" "$TMP/out" "$lang" >/dev/null 2>&1 || { no "$script $lang: html-check"; break 2; }
        run doc --lang "$lang" "$script"
        want_rc 0 || break 2
        ndocs=$((ndocs + 2))
    done
done
[ "$ndocs" -ge 60 ] || no "only $ndocs guides rendered"
end

# ---- host functions ----------------------------------------------------
HOSTPLAN=examples/host/vep-plan-screen-host.lua
HOSTCTX=examples/cases/screen-positive.context.json
HOSTVALS=tests/vectors/screen-plan-host/host.json

begin "host: vep info lists a plan's host functions and rules"
run info "$HOSTPLAN"
want_rc 0 && want_out_has "host.open_referrals  int64 (string subject)" \
  && want_out_has "host open_referrals(the subject's id) is at least 1" \
  && want_out_has "Test cases (3)"
end

begin "host: the guide says which facts come from the host"
run doc "$HOSTPLAN"
want_rc 0 && want_out_has "## Facts from the host system" \
  && want_out_has '`open_referrals` (`int64 (string subject)`): How many referrals'
end

begin "host: the plan's test cases pass with their stand-ins"
run test "$HOSTPLAN"
want_rc 0 && want_out_has "3 passed, 0 failed"
end

begin "host: without the host's functions the plan exits 4 and names the rule"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX"
want_rc 4 && want_err_has "rule 'H01-refer': host function 'open_referrals' is declared by the plan but this program does not provide it" \
  && want_err_has "(host_missing)"
end

begin "host: --host-values answers for them, and the plan shows the answers"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$HOSTVALS"
want_rc 0 && want_out_has '"host_calls"' \
  && want_out_has "host open_referrals('P-0001') = 1 is at least 1 (holds)" \
  && want_out_has '"by": "rule:H03-keyworker"'
end

begin "host: the same bytes as the conformance vector"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$HOSTVALS"
want_rc 0 && want_same tests/vectors/screen-plan-host/assess.json "$TMP/out" "the vector"
end

begin "host: a malformed --host-values file is a usage error"
printf '{"open_referrals": {"returns": 1}}' > "$TMP/hv.json"
run score "$SCREEN" "$POS" --host-values "$TMP/hv.json"
want_rc 64 && want_err_has "'open_referrals' needs \"signature\""
printf '{"open_referrals": {"signature": "int64 (string, ...)", "returns": 1}}' > "$TMP/hv.json"
run score "$SCREEN" "$POS" --host-values "$TMP/hv.json"
want_rc 64 && want_err_has "variadic functions are refused"
end

begin "host: an answer of the wrong type fails the call with exit 4"
printf '{"open_referrals": {"signature": "int64 (string subject)", "returns": "many"}, "completed_elsewhere": {"signature": "bool (string s, string p)", "returns": true}}' > "$TMP/hv.json"
run assess "$SCREEN" "$HOSTPLAN" "$POS" --context "$HOSTCTX" --host-values "$TMP/hv.json"
want_rc 4 && want_err_has "not of the function's return type" && want_err_has "(host_failed)"
end


echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
