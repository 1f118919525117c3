/* The public header must compile as strict C99 on its own. */
#include <vep/vep.h>
int vep_header_c99_probe(void);
int vep_header_c99_probe(void)
{
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    return (int)o.version + VEP_VERSION_NUMBER;
}
