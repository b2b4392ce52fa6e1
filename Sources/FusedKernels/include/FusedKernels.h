#ifndef RNNTRACE_FUSED_KERNELS_H
#define RNNTRACE_FUSED_KERNELS_H

#include <stddef.h>

/// out[i] = exp(x[i] - shift), as `TorchKernels.exp` computes it (SLEEF's expf, 1 ulp,
/// its fused multiply-adds fused): the same bits on any processor, with the processor's
/// FMA instructions where it has them rather than a call to fmaf for each.
void rnntrace_exp_shifted(const float *x, float shift, float *out, size_t count);

/// log_softmax's backward, in place: g[i] = fma(-exp(logp[i]), total, g[i]).
void rnntrace_log_softmax_backward(const float *logp, float total, float *g, size_t count);

/// MKL's group kernel for `rows` outputs of y = W·x + bias (`MKLGemv.products`), from W
/// transposed (`columns`, row i holding element i of the `n` outputs): a sequential head
/// of `head` products, then four lanes of the rest, reduced (l0 + l2) + (l1 + l3); then
/// `bias` (may be null) added. `k` ≥ 1 and `k - head` a multiple of four.
void rnntrace_group_dots(const float *columns, size_t n, const float *x, size_t k, size_t head,
                         const float *bias, float *out, size_t rows);

/// For an m×n `sum`: sum[i][j] = g[i]·x[j] when `first`, else sum[i][j] + g[i]·x[j], each
/// product rounded before it is added (`GradientSum.addOuter`).
void rnntrace_add_outer(float *sum, const float *g, size_t m, const float *x, size_t n, int first);

/// The two above without vector instructions: what a processor without AVX2 runs (and
/// what the tests compare the vector forms with).
void rnntrace_group_dots_portable(const float *columns, size_t n, const float *x, size_t k,
                                  size_t head, const float *bias, float *out, size_t rows);
void rnntrace_add_outer_portable(float *sum, const float *g, size_t m, const float *x, size_t n,
                                 int first);

#endif
