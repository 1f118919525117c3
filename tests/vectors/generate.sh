#!/bin/sh
# generate.sh VEP REPO -- writes the expected files of the conformance
# vectors listed in REPO/tests/vectors/manifest.json, with the vep command
# VEP (e.g. build/vep).  See README.md for the layout.
#
# Each vector runs these steps, in order; a step that fails ends it:
#   migrate  vep migrate MIGRATION ASSESSMENT        -> expect.migrated
#   score    vep score INSTRUMENT ASSESSMENT          -> expect.result
#            (ASSESSMENT: the migrated one, when there is a migration)
#   plan     vep plan PLAN RESULT --context CONTEXT   -> expect.plan
#   assess   vep assess INSTRUMENT PLAN ASSESSMENT --context CONTEXT
#                                                     -> expect.assess
# (plan and assess only when the vector names a plan; both with --agency
# and --lang when it names an agency or a language, and every step with
# --host-values when it names the host functions' answers).  A failing step's
# error document (--error-format json: vep_diag_json) goes to
# expect.errors, and its "status" must be expect.status; a vector whose
# steps all succeed must expect "ok".  Paths are relative to REPO.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 VEP REPO" >&2
    exit 64
fi
case $1 in
    /*) VEP=$1 ;;
    *) VEP=$(pwd)/$1 ;;
esac
cd "$2"
[ -x "$VEP" ] || { echo "generate.sh: $VEP is not executable" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vep-vectors-XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# One line per vector, fields separated by '|' (empty when absent).
python3 - tests/vectors/manifest.json >"$TMP/list" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
keys = ["name", "instrument", "assessment", "migration", "plan", "context",
        "agency", "language", "host"]
expect = ["status", "result", "migrated", "plan", "assess", "errors"]
for v in m["vectors"]:
    e = v["expect"]
    fields = [v.get(k, "") for k in keys] + [e.get(k, "") for k in expect]
    if any("|" in f for f in fields):
        sys.exit("a field of vector %s holds '|'" % v["name"])
    print("|".join(fields))
EOF

fail() {
    echo "generate.sh: $name: $*" >&2
    exit 1
}

# step EXPECTED ARGS...: runs vep ARGS; on success its output is in
# $TMP/out and copied to EXPECTED (when given).  Returns 1 on failure,
# with the error document in $TMP/err.
step() {
    expected=$1
    shift
    if "$VEP" --error-format json "$@" >"$TMP/out" 2>"$TMP/err"; then
        [ -z "$expected" ] || cp "$TMP/out" "$expected"
        return 0
    fi
    return 1
}

# The vector failed: checks the status and writes the error document.
failed() {
    got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' \
              "$TMP/err" 2>/dev/null) || fail "vep failed without an error document: $(cat "$TMP/err")"
    [ "$got" = "$status" ] || fail "status '$got', the manifest expects '$status': $(cat "$TMP/err")"
    [ -n "$e_errors" ] || fail "fails with '$got' but expect.errors is not given"
    cp "$TMP/err" "$e_errors"
    echo "$name: $got"
}

count=0
while IFS='|' read -r name instrument assessment migration plan context agency \
      language host status e_result e_migrated e_plan e_assess e_errors; do
    count=$((count + 1))
    [ -f "$assessment" ] || fail "no assessment $assessment"
    doc=$assessment
    if [ -n "$migration" ]; then
        step "$e_migrated" migrate "$migration" "$doc" || { failed; continue; }
        cp "$TMP/out" "$TMP/migrated"
        doc=$TMP/migrated
    fi
    hv=
    [ -z "$host" ] || hv=--host-values=$host
    step "$e_result" score $hv "$instrument" "$doc" || { failed; continue; }
    if [ -n "$plan" ]; then
        cp "$TMP/out" "$TMP/result"
        set -- --context "$context"
        [ -z "$host" ] || set -- "$@" --host-values "$host"
        [ -z "$agency" ] || set -- "$@" --agency "$agency"
        [ -z "$language" ] || set -- "$@" --lang "$language"
        step "$e_plan" plan "$@" "$plan" "$TMP/result" || { failed; continue; }
        step "$e_assess" assess "$@" "$instrument" "$plan" "$doc" || { failed; continue; }
    fi
    [ "$status" = ok ] || fail "every step succeeded, the manifest expects '$status'"
    echo "$name: ok"
done <"$TMP/list"

echo "generate.sh: $count vectors written"
