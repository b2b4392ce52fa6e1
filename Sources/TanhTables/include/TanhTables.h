#ifndef RNNTRACE_TANH_TABLES_H
#define RNNTRACE_TANH_TABLES_H

#include <stddef.h>

/// The Intel AVX-512 tanh flip table, the bytes of `intel-avx512.flips` (format in
/// scripts/generate_tanh_flips.py), compiled into the program.
const unsigned char *rnntrace_intel_avx512_flips(void);
/// Its length in bytes.
size_t rnntrace_intel_avx512_flips_size(void);

#endif
