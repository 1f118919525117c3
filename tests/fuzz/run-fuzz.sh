#!/bin/sh
# run-fuzz.sh BUILD_DIR [SECONDS] [JOBS] -- runs every libFuzzer target of
# BUILD_DIR (configured with -DVEP_FUZZ=ON, built with --target fuzz) for
# SECONDS each (default 30), JOBS at a time (default 2), from the committed
# corpora and regression inputs; new inputs go to a temporary directory, so
# the corpora are left as committed.  Prints each target's executions and
# libFuzzer's final line; a crash, a leak, a sanitizer report or a failed
# check leaves the input in BUILD_DIR/fuzz-artifacts/ and fails the run.
set -u
build=$1
secs=${2:-30}
jobs=${3:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
targets="assessment script plan_context host_args"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
art="$build/fuzz-artifacts"
mkdir -p "$art"

# Runs one target; its log and exit status go to $work.
run() {
  mkdir -p "$work/$1"
  VEP_SOURCE_DIR="$root" "$build/tests/fuzz/fuzz_$1" \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$art/$1-" \
    "$work/$1" "$root/tests/fuzz/corpus/$1" "$root/tests/fuzz/regressions/$1" \
    >"$work/$1.log" 2>&1
  echo $? >"$work/$1.rc"
}

for t in $targets; do
  if [ ! -x "$build/tests/fuzz/fuzz_$t" ]; then
    echo "run-fuzz: $build/tests/fuzz/fuzz_$t is missing (-DVEP_FUZZ=ON, --target fuzz)" >&2
    exit 2
  fi
done

set -- $targets
while [ $# -gt 0 ]; do
  n=0
  while [ $# -gt 0 ] && [ $n -lt "$jobs" ]; do
    run "$1" &
    shift
    n=$((n + 1))
  done
  wait
done

failed=0
for t in $targets; do
  rc=$(cat "$work/$t.rc")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
  final=$(grep -a '^#[0-9]*[[:space:]]*DONE' "$work/$t.log" | tail -n 1)
  if [ "$rc" = 0 ]; then
    echo "fuzz_$t: ${execs:-?} executions in ${secs} s; $final"
  else
    echo "fuzz_$t: FAILED (exit status $rc) after ${execs:-?} executions; input in $art/"
    tail -n 60 "$work/$t.log"
    failed=1
  fi
done
exit $failed
