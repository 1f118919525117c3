/*
** sha256.c -- SHA-256 through libcrypto's one-shot EVP_Digest().
**
** Hashing is not ours to write: libcrypto's implementation is the one
** auditors already trust.
*/
#include <openssl/evp.h>
#include "sha256.h"

int vep__sha256_hex(const void *data, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0, i;

    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
        out[0] = '\0';
        return -1;
    }
    for (i = 0; i < mdlen; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
    return 0;
}
