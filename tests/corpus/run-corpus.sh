#!/bin/sh
# run-corpus.sh -- runs the malformed-input corpora through the vep command.
#
#   sh run-corpus.sh /path/to/vep /path/to/repo
#
# assessments/cases.tsv  malformed assessment documents (exit 1), scored
#                        against a bundled instrument;
# scripts/cases.tsv      malformed or hostile instrument scripts (exit 2 or 3).
#
# Every case runs with --error-format=json; check-errors.py then checks the
# exit status and that the expected rules appear at the expected JSON path,
# item id or line.  The command runs under $VEP_WRAP when it is set (e.g.
# valgrind with --error-exitcode=99: exit 99 always fails the case).  A case
# is stopped after $VEP_CASE_TIMEOUT seconds (default 30, or 300 under
# $VEP_WRAP) when timeout(1) exists.  Cases run $VEP_JOBS at a time (default:
# the number of processors).
#
# Prints one line per failure, then "N passed, M failed"; exits 1 if any case
# failed.
set -u

if [ $# -ne 2 ]; then
    echo "usage: sh run-corpus.sh /path/to/vep /path/to/repo" >&2
    exit 64
fi
VEP=$1
case $VEP in /*) ;; *) VEP=$(pwd)/$VEP ;; esac
REPO=$(cd "$2" && pwd) || exit 64
HERE=$REPO/tests/corpus
if [ ! -x "$VEP" ]; then
    echo "run-corpus.sh: $VEP is not an executable" >&2
    exit 64
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "run-corpus.sh: python3 is needed to check the JSON error output" >&2
    exit 70
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vep-corpus.XXXXXX") || exit 70
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

if [ -n "${VEP_WRAP:-}" ]; then
    PER_CASE=${VEP_CASE_TIMEOUT:-300}
else
    PER_CASE=${VEP_CASE_TIMEOUT:-30}
fi
if command -v timeout >/dev/null 2>&1; then
    TIMEOUT="timeout -k 5 $PER_CASE"
else
    TIMEOUT=
fi

# Cases run $VEP_JOBS at a time (default: the number of processors).
JOBS=${VEP_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case $JOBS in ''|*[!0-9]*|0) JOBS=1 ;; esac

TAB=$(printf '\t')
n=0
running=0

# run_case NAME EXPECTED RULES WHERE LINE ID -- ARGS...: runs the command
# (wrapped, with the time-out) from the current directory, in the
# background, and writes the run's line of the manifest that
# check-errors.py reads at the end to $TMP/N.row.
run_case() {
    name=$1 expected=$2 rules=$3 where=$4 line=$5 id=$6
    shift 7
    n=$((n + 1))
    (
        err=$TMP/$n.err
        # shellcheck disable=SC2086  # $TIMEOUT and $VEP_WRAP are word lists
        $TIMEOUT ${VEP_WRAP:-} "$VEP" "$@" >/dev/null 2>"$err" </dev/null
        rc=$?
        if [ -n "$TIMEOUT" ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
            rc=timeout:$PER_CASE
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$err" "$rc" \
            "$expected" "$rules" "$where" "$line" "$id" >"$TMP/$n.row"
    ) &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait
        running=0
    fi
}

# not_run NAME WHY: a case that could not be run.
not_run() {
    n=$((n + 1))
    printf '%s\t-\terror:%s\t-\t-\t-\t-\t-\n' "$1" "$2" >"$TMP/$n.row"
}

# ---- documents generated at test time (too big to commit) ----------------
mkdir "$TMP/gen" || exit 70
if ! python3 - "$REPO/examples/assessments/screen-negative.json" "$TMP/gen" <<'PY'
import json, sys
base = json.load(open(sys.argv[1]))
out = sys.argv[2]
def copy():
    return json.loads(json.dumps(base))
def write(name, doc):
    with open("%s/%s.json" % (out, name), "w") as f:
        json.dump(doc, f)
big = "x" * (10 * 1024 * 1024)
d = copy()
d["answers"]["S01"] = {"value": big}
write("10mb-string-value", d)
d = copy()
d["answers"]["S05"] = {"value": "present"}
d["answers"]["S05a"] = {"value": big}
d["judgement"]["level"] = "positive"
write("10mb-text-too-long", d)
d = copy()
d["answers"]["S01" + "y" * (1024 * 1024)] = d["answers"].pop("S01")
write("1mb-unknown-item-key", d)
with open(out + "/nesting-100000-deep.json", "w") as f:
    f.write('{"instrument": {"id": "vep-screen", "version": "1.0.0"}, '
            '"answers": {"S01": {"value": ' + "[" * 100000 + "]" * 100000
            + "}}}")
PY
then
    echo "run-corpus.sh: cannot generate the big documents" >&2
    exit 70
fi

# ---- malformed assessments ---------------------------------------------------
cd "$REPO" || exit 70
while IFS=$TAB read -r file script status rules where flags; do
    case $file in ''|'#'*) continue ;; esac
    case $file in
        @*) doc=$TMP/gen/${file#@}.json ;;
        *) doc=tests/corpus/assessments/$file ;;
    esac
    if [ ! -f "$doc" ]; then
        not_run "assessments/$file" "no such file"
        continue
    fi
    [ "$flags" = - ] && flags=
    # shellcheck disable=SC2086  # flags is a word list
    run_case "assessments/$file" "$status" "$rules" "$where" - - -- \
        score --error-format=json $flags "$script" "$doc"
done <"$HERE/assessments/cases.tsv"

# ---- malformed and hostile scripts -----------------------------------------
cd "$HERE/scripts" || exit 70
while IFS=$TAB read -r file status rule line id command flags; do
    case $file in ''|'#'*) continue ;; esac
    if [ ! -f "$file" ]; then
        not_run "scripts/$file" "no such file"
        continue
    fi
    [ "$flags" = - ] && flags=
    # shellcheck disable=SC2086  # flags is a word list
    case $command in
        validate|test)
            run_case "scripts/$file" "$status" "$rule" - "$line" "$id" -- \
                "$command" --error-format=json $flags "$file" ;;
        score:*)
            run_case "scripts/$file" "$status" "$rule" - "$line" "$id" -- \
                score --error-format=json $flags "$file" "${command#score:}" ;;
        *)
            not_run "scripts/$file" "unknown command '$command' in cases.tsv" ;;
    esac
done <"$HERE/scripts/cases.tsv"

wait
MANIFEST=$TMP/manifest
: >"$MANIFEST"
i=1
while [ "$i" -le "$n" ]; do
    cat "$TMP/$i.row" >>"$MANIFEST" 2>/dev/null \
        || printf 'case %s\t-\terror:no result\t-\t-\t-\t-\t-\n' "$i" >>"$MANIFEST"
    i=$((i + 1))
done
python3 "$HERE/check-errors.py" --manifest "$MANIFEST"
