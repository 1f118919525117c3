#!/bin/sh
# run-install-test.sh REPO BUILD_DIR -- installs the build into a temporary
# prefix and builds examples/embed against that installed copy, out of the
# tree: with CMake (find_package(vep), shared and static), with make and
# pkg-config (shared, `make static`, and `make cxx` when a C++ compiler is
# there).  Every program scores the same assessment, and its output must
# equal `BUILD_DIR/vep score` of the same files byte for byte; referrals
# (host functions a plan rule uses) must show the host's answers.  Also checks
# the installed files and the package's version rule (SameMajorVersion).
# Environment: CMAKE (default cmake), CC, CXX, MAKE (default make).
set -eu
repo=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
CMAKE=${CMAKE:-cmake}
MAKE=${MAKE:-make}
script=$repo/instruments/screening/vep-screen.lua
doc=$repo/examples/assessments/screen-positive.json

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vep-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=$tmp/prefix
failed=0

fail() {
  echo "FAIL: $*"
  failed=1
}

# Runs a command quietly; shows its output only when it fails.
quiet() {
  if ! "$@" >"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "FAIL: $*"
    exit 1
  fi
}

quiet "$CMAKE" --install "$build" --prefix "$prefix"

# The library directory is lib or the multiarch one (lib/x86_64-linux-gnu).
pc=$(find "$prefix" -name libvep.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || { echo "FAIL: no libvep.pc installed"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
for f in "$libdir/libvep.so.0" "$libdir/libvep.so" "$libdir/libvep.a" \
         "$prefix/include/vep/vep.h" "$prefix/bin/vep" \
         "$libdir/cmake/vep/vepConfig.cmake" \
         "$libdir/cmake/vep/vepConfigVersion.cmake"; do
  [ -e "$f" ] || fail "not installed: ${f#$prefix/}"
done
[ -L "$libdir/libvep.so.0" ] || fail "libvep.so.0 is not a symbolic link"
[ -L "$libdir/libvep.so" ] || fail "libvep.so is not a symbolic link"
grep -q "^prefix=$prefix\$" "$pc" || fail "libvep.pc does not name the prefix $prefix"

"$build/vep" score "$script" "$doc" >"$tmp/expected"
[ -s "$tmp/expected" ] || { echo "FAIL: vep score printed nothing"; exit 1; }

# check NAME shared|static PROGRAM [ARG...]: the output of PROGRAM ARG...
# SCRIPT ASSESSMENT must equal the expected one; a shared program runs with
# the installed library (and must load that one), a static one must not
# need libvep.so at all.
check() {
  name=$1 mode=$2 prog=$3
  shift 2
  if [ ! -x "$prog" ]; then
    fail "$name: $prog was not built"
    return
  fi
  status=0
  if [ "$mode" = shared ]; then
    LD_LIBRARY_PATH=$libdir "$@" "$script" "$doc" >"$tmp/out" 2>"$tmp/err" \
      || status=$?
    if command -v ldd >/dev/null; then
      LD_LIBRARY_PATH=$libdir ldd "$prog" | grep -q "libvep.so.0 => $libdir/" \
        || fail "$name: does not load $libdir/libvep.so.0"
    fi
  else
    "$@" "$script" "$doc" >"$tmp/out" 2>"$tmp/err" || status=$?
    if command -v ldd >/dev/null && ldd "$prog" | grep -q libvep; then
      fail "$name: linked with the shared libvep"
    fi
  fi
  if [ "$status" != 0 ]; then
    cat "$tmp/err"
    fail "$name: exit status $status"
  elif cmp -s "$tmp/expected" "$tmp/out"; then
    echo "ok: $name"
  else
    fail "$name: output differs from vep score"
    diff "$tmp/expected" "$tmp/out" | head -n 20
  fi
}

check "installed vep" shared "$prefix/bin/vep" score

# CMake: find_package(vep 0.1) with the prefix on CMAKE_PREFIX_PATH.
quiet "$CMAKE" -S "$repo/examples/embed" -B "$tmp/cmake" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release
quiet "$CMAKE" --build "$tmp/cmake"
check "cmake vep::vep" shared "$tmp/cmake/score"
check "cmake vep::vep_static" static "$tmp/cmake/score_static"

# The version file: 0.1 and 0 are found, 0.2 and 1 are not.  (A language
# is enabled so that CMake searches the multiarch libdir too.)
vfail=$failed failed=0
for want in 0.1 0 0.2 1; do
  mkdir -p "$tmp/ver-$want"
  cat >"$tmp/ver-$want/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(vep_version_check LANGUAGES C)
find_package(vep $want QUIET)
if(vep_FOUND)
  message(STATUS "vep found: \${vep_VERSION}")
else()
  message(STATUS "vep not found")
endif()
EOF
  "$CMAKE" -S "$tmp/ver-$want" -B "$tmp/ver-$want/b" \
    -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/ver.log" 2>&1 || true
  case $want in
    0.1|0) grep -q "vep found: 0.1.0" "$tmp/ver.log" \
             || fail "find_package(vep $want) does not find 0.1.0" ;;
    *) grep -q "vep not found" "$tmp/ver.log" \
             || fail "find_package(vep $want) accepts 0.1.0" ;;
  esac
done
[ "$failed" = 1 ] || echo "ok: package version rule"
[ "$vfail" = 0 ] || failed=1

# make and pkg-config, from a copy of the example outside the tree.
mkdir -p "$tmp/make"
cp "$repo/examples/embed/score.c" "$repo/examples/embed/referrals.c" \
   "$repo/examples/embed/Makefile" "$tmp/make/"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
libs=$(pkg-config --static --libs libvep)
for need in -lvep -llua5.4 -lcjson -lcrypto -lffi -lm -ldl; do
  case " $libs " in
    *" $need "*) : ;;
    *) fail "pkg-config --static --libs libvep lacks $need: $libs" ;;
  esac
done
quiet "$MAKE" -C "$tmp/make" score
check "pkg-config shared" shared "$tmp/make/score"
quiet "$MAKE" -C "$tmp/make" static
check "pkg-config --static" static "$tmp/make/score-static"
if command -v "${CXX:-c++}" >/dev/null; then
  quiet "$MAKE" -C "$tmp/make" cxx CXX="${CXX:-c++}"
  check "C++ with libvep.a" static "$tmp/make/score-cxx"
fi

# referrals: host functions that a plan rule uses.  The plan must show the
# answers of the case system in the rules' reasons and in "host_calls".
check_referrals() {
  name=$1 prog=$2
  if [ ! -x "$prog" ]; then
    fail "$name: $prog was not built"
    return
  fi
  if ! LD_LIBRARY_PATH=$libdir "$prog" "$script" \
       "$repo/examples/host/vep-plan-screen-host.lua" "$doc" \
       "$repo/examples/cases/screen-positive.context.json" \
       >"$tmp/ref.out" 2>"$tmp/ref.err"; then
    cat "$tmp/ref.err"
    fail "$name: exit status not 0"
    return
  fi
  for want in '"host_calls"' '"function": "open_referrals"' \
              '"function": "completed_elsewhere"' \
              "host open_referrals('P-0001') = 1 is at least 1 (holds)" \
              '"interventions": \[\]'; do
    grep -q "$want" "$tmp/ref.out" || fail "$name: the plan lacks $want"
  done
  grep -q 'answered 2 questions' "$tmp/ref.err" \
    || fail "$name: the case system was not asked exactly twice"
  echo "ok: $name"
}
check_referrals "cmake referrals" "$tmp/cmake/referrals"

# assess (docs/INTEGRATING.md): one agency's plan, and nothing left
# allocated at the end.
if LD_LIBRARY_PATH=$libdir "$tmp/cmake/assess" "$script" \
     "$repo/instruments/plans/vep-plan-screen.lua" "$doc" \
     "$repo/examples/cases/screen-positive.context.json" rna_team \
     >"$tmp/assess.out" 2>"$tmp/assess.err"; then
  grep -q '"view": "rna_team"' "$tmp/assess.out" \
    || fail "cmake assess: no view for the agency rna_team"
  grep -q ' 0 bytes in 0 blocks left' "$tmp/assess.err" \
    || fail "cmake assess: memory left allocated: $(cat "$tmp/assess.err")"
  [ "$failed" = 1 ] || echo "ok: cmake assess"
else
  cat "$tmp/assess.err"
  fail "cmake assess: exit status not 0"
fi
quiet "$MAKE" -C "$tmp/make" referrals
check_referrals "pkg-config referrals" "$tmp/make/referrals"

[ "$failed" = 0 ] || exit 1
echo "install test passed"
