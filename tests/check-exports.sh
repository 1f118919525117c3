#!/bin/sh
# Fails when libvep.so exports any symbol that is not a vep_ function, or
# when its soname is not libvep.so.0.
lib="$1"
bad=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^vep_' | grep -v '^VEP_0$' | grep -v '^$')
if [ -n "$bad" ]; then
  echo "non-vep symbols exported by $lib:"; echo "$bad"; exit 1
fi
count=$(nm -D --defined-only "$lib" | grep -c ' T vep_')
[ "$count" -gt 10 ] || { echo "too few vep_ symbols exported ($count)"; exit 1; }
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
[ "$soname" = "libvep.so.0" ] || { echo "soname is '$soname', expected libvep.so.0"; exit 1; }
# No global mutable state: nothing of ours in .data or .bss (the C
# runtime's own completed.0, __dso_handle and __TMC_END__ aside).
# A sanitized build ($2 names the sanitizers) adds globals of its own.
mutable=""
[ -n "${2:-}" ] || mutable=$(objdump -t "$lib" | awk '($4==".data" || $4==".bss") {print $NF}' \
          | grep -v -x -e completed.0 -e __dso_handle -e __TMC_END__ || true)
if [ -n "$mutable" ]; then
  echo "writable global data in $lib:"; echo "$mutable"; exit 1
fi
echo "exports: $count vep_ functions, nothing else; soname $soname; no writable globals"
echo "1 passed, 0 failed"
