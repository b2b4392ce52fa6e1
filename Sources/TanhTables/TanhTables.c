#include "TanhTables.h"

// #embed puts the file's bytes in the object file as they are: a megabyte compiles in
// no time, where a Swift array literal of it (`.embedInCode`) takes minutes.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc23-extensions"
static const unsigned char intel_avx512_flips[] = {
#embed "intel-avx512.flips"
};
#pragma clang diagnostic pop

const unsigned char *rnntrace_intel_avx512_flips(void) { return intel_avx512_flips; }

size_t rnntrace_intel_avx512_flips_size(void) { return sizeof intel_avx512_flips; }
