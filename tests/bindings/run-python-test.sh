#!/bin/sh
# run-python-test.sh REPO BUILD_DIR -- the Python binding against an
# installed libvep: installs the build into a temporary prefix, installs
# bindings/python with pip into a fresh virtual environment without any
# package index (and without network, where `unshare -n` can make it so),
# then runs the binding's unittest suite from outside the source tree with
# VEP_LIBRARY naming the installed libvep.so.0.  Also checks that the
# package comes from the environment, and that the system loader's
# libvep.so.0 is found without VEP_LIBRARY.
# Exit status 77 (skipped) when Python 3 or its venv module is missing,
# unless VEP_REQUIRE_BINDINGS=1.  Environment: PYTHON (default python3),
# CMAKE (default cmake).
set -eu
repo=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
PYTHON=${PYTHON:-python3}
CMAKE=${CMAKE:-cmake}

skip() {
  if [ "${VEP_REQUIRE_BINDINGS:-0}" = 1 ]; then
    echo "FAIL: $* (VEP_REQUIRE_BINDINGS=1)"
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}

command -v "$PYTHON" >/dev/null 2>&1 || skip "no $PYTHON"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vep-python.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Runs a command quietly; shows its output only when it fails.
quiet() {
  if ! "$@" >"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "FAIL: $*"
    exit 1
  fi
}

"$PYTHON" -m venv "$tmp/venv" >"$tmp/log" 2>&1 \
  || { cat "$tmp/log"; skip "$PYTHON -m venv does not work (Debian: python3-venv)"; }
py=$tmp/venv/bin/python

quiet "$CMAKE" --install "$build" --prefix "$tmp/prefix"
lib=$(find "$tmp/prefix" -name libvep.so.0 | head -n 1)
[ -n "$lib" ] || { echo "FAIL: no libvep.so.0 installed"; exit 1; }
libdir=$(dirname "$lib")

# The install must not need an index or the network: the package builds
# with its own standard-library backend.
noNet=""
if command -v unshare >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  noNet="unshare -n"
fi
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
(cd "$repo" && quiet $noNet "$py" -m pip install --no-index --no-cache-dir \
   bindings/python)

# The tests run from outside the source tree, so `import vep` is the
# installed package; prove it.
cd "$tmp"
where=$("$py" -c 'import vep; print(vep.__file__)')
case $where in
  "$tmp/venv/"*) ;;
  *) echo "FAIL: vep imported from $where, not from the environment"; exit 1 ;;
esac

# Without VEP_LIBRARY the system loader's libvep.so.0 is used.
got=$(env -u VEP_LIBRARY LD_LIBRARY_PATH="$libdir" "$py" -c '
import vep
v = vep.version()
print(v, [l.split()[-1] for l in open("/proc/self/maps") if "libvep.so" in l][0])')
case $got in
  *" $libdir/"*) ;;
  *) echo "FAIL: the loader did not find the installed library: $got"; exit 1 ;;
esac

status=0
VEP_LIBRARY=$lib VEP_SOURCE_DIR=$repo "$py" -m unittest discover \
  -s "$repo/bindings/python/tests" -t "$repo/bindings/python/tests" \
  >"$tmp/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$tmp/log"
  echo "FAIL: the Python binding's tests"
  exit 1
fi
tail -n 3 "$tmp/log"
echo "python binding: passed with $lib"
