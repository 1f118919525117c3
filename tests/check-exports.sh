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
echo "exports: $count vep_ functions, nothing else; soname $soname"
echo "1 passed, 0 failed"
