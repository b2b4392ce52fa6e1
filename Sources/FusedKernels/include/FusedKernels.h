#ifndef RNNTRACE_FUSED_KERNELS_H
#define RNNTRACE_FUSED_KERNELS_H

#include <stddef.h>

/// out[i] = exp(x[i] - shift), as `TorchKernels.exp` computes it (SLEEF's expf, 1 ulp,
/// its fused multiply-adds fused): the same bits on any processor, with the processor's
/// FMA instructions where it has them rather than a call to fmaf for each.
void rnntrace_exp_shifted(const float *x, float shift, float *out, size_t count);

/// log_softmax's backward, in place: g[i] = fma(-exp(logp[i]), total, g[i]).
void rnntrace_log_softmax_backward(const float *logp, float total, float *g, size_t count);

#endif
