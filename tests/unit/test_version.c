/*
** test_version.c -- one version everywhere: the project version in
** CMakeLists.txt (given to this test as VEP_CMAKE_VERSION*), the
** VEP_VERSION_* macros of vep.h and what the library answers at run time.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "vep/vep.h"
#include "semver.h"

#if !defined(VEP_CMAKE_VERSION) || !defined(VEP_CMAKE_VERSION_MAJOR) \
    || !defined(VEP_CMAKE_VERSION_MINOR) || !defined(VEP_CMAKE_VERSION_PATCH)
#error "tests/CMakeLists.txt must define VEP_CMAKE_VERSION* for test_version"
#endif

/* The header's macros are the CMake project version. */
static void test_macros_match_cmake(void **state)
{
    (void)state;
    assert_string_equal(VEP_VERSION_STRING, VEP_CMAKE_VERSION);
    assert_int_equal(VEP_VERSION_MAJOR, VEP_CMAKE_VERSION_MAJOR);
    assert_int_equal(VEP_VERSION_MINOR, VEP_CMAKE_VERSION_MINOR);
    assert_int_equal(VEP_VERSION_PATCH, VEP_CMAKE_VERSION_PATCH);
    assert_int_equal(VEP_VERSION_NUMBER, VEP_CMAKE_VERSION_MAJOR * 10000
                     + VEP_CMAKE_VERSION_MINOR * 100 + VEP_CMAKE_VERSION_PATCH);
}

/* The library compiled in the same version as the header a host sees, and
** its string is a semantic version whose parts are the number's. */
static void test_runtime_matches_macros(void **state)
{
    char want[32];
    vep_semver v;
    (void)state;
    assert_string_equal(vep_version_string(), VEP_CMAKE_VERSION);
    assert_int_equal(vep_version_number(), VEP_VERSION_NUMBER);
    snprintf(want, sizeof want, "%d.%d.%d", VEP_CMAKE_VERSION_MAJOR,
             VEP_CMAKE_VERSION_MINOR, VEP_CMAKE_VERSION_PATCH);
    assert_string_equal(vep_version_string(), want);
    assert_true(vep__semver_parse(vep_version_string(), &v));
    assert_int_equal(v.major * 10000 + v.minor * 100 + v.patch, vep_version_number());
    /* the number's parts fit in two digits, or MAJOR*10000+... is ambiguous */
    assert_true(VEP_VERSION_MINOR < 100 && VEP_VERSION_PATCH < 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_macros_match_cmake),
        cmocka_unit_test(test_runtime_matches_macros),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
