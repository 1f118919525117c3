#!/bin/sh
# run-cli-tests.sh -- tests the vep command itself: every exit status, the
# options, standard input, the JSON error format, the language of `info`,
# and byte-for-byte deterministic results (against a committed golden file).
# This file holds the set-up and the little framework; the cases are in
# cases/*.sh, one file a subject, run in the order listed at the end.
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

# ---- the cases, one file a subject ---------------------------------------
. "$REPO/tests/cli/cases/status.sh"
. "$REPO/tests/cli/cases/plans.sh"
. "$REPO/tests/cli/cases/diff.sh"
. "$REPO/tests/cli/cases/lint.sh"
. "$REPO/tests/cli/cases/doc.sh"
. "$REPO/tests/cli/cases/overlays.sh"
. "$REPO/tests/cli/cases/host.sh"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
