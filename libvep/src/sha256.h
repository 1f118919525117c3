/*
** sha256.h -- SHA-256 of script sources, from OpenSSL's libcrypto.
*/
#ifndef VEP_SHA256_H
#define VEP_SHA256_H

#include <stddef.h>

/* Writes the lower-case hex digest of `len` bytes to `out` (65 bytes with
** the NUL).  Returns 0, or -1 when libcrypto fails (out of memory). */
int vep__sha256_hex(const void *data, size_t len, char out[65]);

#endif
