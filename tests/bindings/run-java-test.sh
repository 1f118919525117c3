#!/bin/sh
# run-java-test.sh REPO BUILD_DIR -- the Java binding's tests
# (bindings/java) against an installed copy of the build: installs BUILD_DIR
# into a temporary prefix, compiles the binding and its tests with javac,
# and runs them in one JVM with JNA, VEP_LIBRARY naming the installed
# libvep.so.0 (and a second, short one that finds it through JNA's library
# path instead).  The JVM's and JNA's default encodings are set to Latin-1,
# so that a string the binding failed to encode as UTF-8 would show.  A
# stub library that reports major version 1 is built with CC (default cc)
# for the version check.  Exits 77 (skipped) when javac 17 or later, java
# or JNA is missing, unless VEP_REQUIRE_BINDINGS=1 is set.
# Environment: CMAKE (default cmake), CC, JNA_JAR (default
# /usr/share/java/jna.jar, Debian's libjna-java).
set -eu
repo=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
CMAKE=${CMAKE:-cmake}
CC=${CC:-cc}
JNA_JAR=${JNA_JAR:-/usr/share/java/jna.jar}

# Skips (77), or fails when the bindings are required.
missing() {
  if [ "${VEP_REQUIRE_BINDINGS:-0}" = 1 ]; then
    echo "FAIL: $* (VEP_REQUIRE_BINDINGS=1)"
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}

command -v javac >/dev/null 2>&1 || missing "javac not found (Debian: openjdk-17-jdk-headless)"
command -v java >/dev/null 2>&1 || missing "java not found (Debian: openjdk-17-jdk-headless)"
[ -r "$JNA_JAR" ] || missing "JNA not found at $JNA_JAR (Debian: libjna-java)"
jv=$(javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')
[ -n "$jv" ] && [ "$jv" -ge 17 ] || missing "javac 17 or later is needed (found: $(javac -version 2>&1))"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vep-java.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! "$CMAKE" --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; then
  cat "$tmp/log"
  echo "FAIL: cmake --install $build"
  exit 1
fi
lib=$(find "$tmp/prefix" -name libvep.so.0 | head -n 1)
[ -n "$lib" ] || { echo "FAIL: no libvep.so.0 installed under $tmp/prefix"; exit 1; }

fake=""
mkdir -p "$tmp/fake"
printf '%s\n' 'int vep_version_number(void) { return 10000; }' \
  'const char *vep_version_string(void) { return "1.0.0"; }' >"$tmp/fake/fake.c"
if command -v "$CC" >/dev/null 2>&1 &&
   "$CC" -shared -fPIC -o "$tmp/fake/libvep.so.0" "$tmp/fake/fake.c" 2>"$tmp/log"; then
  fake="-Dvep.test.fake=$tmp/fake/libvep.so.0"
else
  echo "note: no stub library (CC=$CC); the version check on a library is skipped"
fi

find "$repo/bindings/java/src" "$repo/bindings/java/test" -name '*.java' >"$tmp/sources"
if ! javac -Xlint:all -Werror -encoding UTF-8 -d "$tmp/classes" -cp "$JNA_JAR" \
     @"$tmp/sources" >"$tmp/log" 2>&1; then
  cat "$tmp/log"
  echo "FAIL: javac"
  exit 1
fi

# One JVM for every test (start-up is the slow part).  C.UTF-8 keeps file
# names UTF-8 for the JVM; the default charsets are Latin-1 on purpose.
jvm="-Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
LC_ALL=C.UTF-8 VEP_LIBRARY=$lib \
  java $jvm -Dfile.encoding=ISO-8859-1 -Djna.encoding=ISO-8859-1 -Dvep.test.latin1=1 \
       $fake -cp "$JNA_JAR:$tmp/classes" org.libvep.TestRunner "$repo" ${VEP_TEST_FILTER:-}

# A second, short one without VEP_LIBRARY: the loader's libvep.so.0, found
# through JNA's library path.
if [ -z "${VEP_TEST_FILTER:-}" ]; then
  env -u VEP_LIBRARY LC_ALL=C.UTF-8 \
    java $jvm -Djna.library.path="$(dirname "$lib")" -cp "$JNA_JAR:$tmp/classes" \
         org.libvep.TestRunner "$repo" EngineTest.testDefaultLocation
fi
