#!/bin/sh
# Compares the ABI of a built libvep.so with the committed baseline
# tests/abi/libvep.so.0.abi, as seen through the public header only
# (libvep/include/vep: the engine's internal types do not count).
#
#   check-abi.sh LIB REPO            check LIB against the baseline
#   check-abi.sh --update LIB REPO   rewrite the baseline from LIB
#
# LIB must carry debug information (a Debug or RelWithDebInfo build).
# The check fails on an incompatible change: a public function or
# variable removed, or one whose type changed (which includes a change
# to a public struct, enum or typedef it reaches), or a new soname.  It
# passes, and prints what was added, when the change only adds.
#
# After an intended, compatible addition (a new function declared in
# vep.h with VEP_API, documented there and in CHANGELOG.md), update the
# baseline from a non-sanitized Debug build and commit it with the change:
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug && cmake --build build
#   sh tests/abi/check-abi.sh --update build/libvep.so .
#
# An incompatible change is never fixed by updating the baseline: it
# needs a new ABI major number (VEP_ABI_MAJOR, soname libvep.so.N) and a
# new baseline tests/abi/libvep.so.N.abi.
#
# Exit status: 0 compatible, 1 incompatible or error, 77 abidiff missing
# (a skip, unless VEP_REQUIRE_ABIDIFF is set, in which case it fails).
set -u

update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
if [ $# -ne 2 ]; then
  echo "usage: check-abi.sh [--update] LIB REPO" >&2; exit 1
fi
lib="$1"
repo="$2"
headers="$repo/libvep/include/vep"
baseline="$repo/tests/abi/libvep.so.0.abi"

if ! command -v abidiff >/dev/null 2>&1 || ! command -v abidw >/dev/null 2>&1; then
  if [ -n "${VEP_REQUIRE_ABIDIFF:-}" ]; then
    echo "abidiff/abidw not found and VEP_REQUIRE_ABIDIFF is set (install abigail-tools)"
    exit 1
  fi
  echo "SKIP: abidiff/abidw not found (Debian package abigail-tools); ABI not checked"
  exit 77
fi
[ -f "$lib" ] || { echo "no such library: $lib"; exit 1; }
# Without DWARF abidiff sees symbols only and would miss type changes.
if ! readelf -S "$lib" 2>/dev/null | grep -q '[.]debug_info'; then
  echo "$lib has no debug information (build it as Debug or RelWithDebInfo)"
  echo "0 passed, 1 failed"; exit 1
fi

if [ "$update" = 1 ]; then
  # No build path is kept and locations inside the tree are made
  # relative to it, so the baseline does not depend on where the tree
  # was checked out.  (Locations are kept: abidw --short-locs or
  # --no-show-locs baselines hide changes to public struct members.)
  abs=$(cd "$repo" && pwd)
  real=$(cd "$repo" && pwd -P)
  abidw --headers-dir "$headers" --drop-private-types --exported-interfaces-only \
        --no-corpus-path --no-comp-dir-path --out-file "$baseline.tmp" "$lib" || exit 1
  sed -e "s|path='$abs/|path='|g" -e "s|path='$real/|path='|g" \
      "$baseline.tmp" > "$baseline" || exit 1
  rm -f "$baseline.tmp"
  n=$(grep -c '<elf-symbol name=' "$baseline")
  echo "baseline $baseline written: $n exported symbols"
  exit 0
fi

[ -f "$baseline" ] || { echo "no baseline: $baseline"; exit 1; }
out=$(abidiff --fail-no-debug-info --exported-interfaces-only \
              --headers-dir2 "$headers" --drop-private-types "$baseline" "$lib" 2>&1)
rc=$?
echo "abidiff $baseline $lib (exit status $rc)"
[ -n "$out" ] && echo "$out"

# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 the
# ABI changed, 8 the change is known to be incompatible (a symbol gone).
if [ $((rc & 3)) -ne 0 ]; then
  echo "abidiff failed (is $lib built with debug information?)"
  echo "0 passed, 1 failed"; exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
  echo "INCOMPATIBLE: public symbols were removed from the ABI"
  echo "0 passed, 1 failed"; exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
  # A change abidiff cannot judge on its own: compatible only when the
  # summaries count nothing removed and nothing changed.
  bad=$(printf '%s\n' "$out" | awk '
    /changes summary:/ {
      for (i = 1; i < NF; i++)
        if (($(i + 1) ~ /^Removed/ || $(i + 1) ~ /^Changed/) && $i + 0 > 0) print
    }
    /SONAME changed/ { print }')
  if [ -n "$bad" ]; then
    echo "INCOMPATIBLE: public functions, variables or their types changed:"
    echo "$bad"
    echo "0 passed, 1 failed"; exit 1
  fi
  echo "compatible additions only; update the baseline once they are intended"
  echo "(see the top of tests/abi/check-abi.sh)"
fi
echo "ABI of $lib is compatible with the baseline"
echo "1 passed, 0 failed"
exit 0
