// The public header must compile as C++ (C++11) with C linkage.
#include <vep/vep.h>
int vep_header_cxx_probe();
int vep_header_cxx_probe()
{
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    return static_cast<int>(o.version) + VEP_VERSION_NUMBER;
}
