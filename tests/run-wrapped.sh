#!/bin/sh
# Runs a command under $VEP_WRAP (e.g. valgrind) when it is set.
exec ${VEP_WRAP:-} "$@"
