// The loss's exponentials, in the arithmetic of TorchKernels.exp (Sources/Model/Training/
// TorchKernels.swift, which documents it and stays the reference). A fused multiply-add
// is exactly rounded whoever computes it, so the FMA instructions and libm's fmaf give
// the same bits; only the speed differs (fmaf is a call, in a build that cannot assume
// the instruction). Nothing else may be fused: contraction is off.
#include "FusedKernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

static inline float power2(int32_t q) {
  uint32_t bits = ((uint32_t)q + 0x7fu) << 23;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

#define EXP_BODY(FMA)                                                          \
  {                                                                            \
    const float log2e = 1.442695040888963407359924681001892137426645954152985934135449406931f; \
    const float scaled = rintf(d * log2e);                                     \
    int32_t q = INT32_MIN;                                                     \
    if (isfinite(scaled) && fabsf(scaled) < 2147483648.0f) q = (int32_t)scaled; \
    const float qf = (float)q;                                                 \
    float s = FMA(qf, -0.693145751953125f, d);                                 \
    s = FMA(qf, -1.428606765330187045e-06f, s);                                \
    float u = 0.000198527617612853646278381f;                                  \
    u = FMA(u, s, 0.00139304355252534151077271f);                              \
    u = FMA(u, s, 0.00833336077630519866943359f);                              \
    u = FMA(u, s, 0.0416664853692054748535156f);                               \
    u = FMA(u, s, 0.166666671633720397949219f);                                \
    u = FMA(u, s, 0.5f);                                                       \
    u = 1.0f + FMA(s * s, u, s);                                               \
    u = u * power2(q >> 1) * power2(q - (q >> 1));                             \
    if (d < -104.0f) u = 0.0f;                                                 \
    if (100.0f < d) u = INFINITY;                                              \
    return u;                                                                  \
  }

static inline float exp_libm(float d) EXP_BODY(fmaf)

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define HAS_DISPATCH 1
__attribute__((target("fma"))) static inline float exp_fma(float d) EXP_BODY(__builtin_fmaf)

__attribute__((target("fma"))) static void exp_shifted_fma(
    const float *x, float shift, float *out, size_t count) {
  for (size_t i = 0; i < count; i++) out[i] = exp_fma(x[i] - shift);
}

__attribute__((target("fma"))) static void backward_fma(
    const float *logp, float total, float *g, size_t count) {
  for (size_t i = 0; i < count; i++) g[i] = __builtin_fmaf(-exp_fma(logp[i]), total, g[i]);
}

// Asked at each call (a read of what the loader found): the calls are per vector of
// a vocabulary's size, and nothing is cached to share between threads.
static int has_fma(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("fma");
}
#endif

void rnntrace_exp_shifted(const float *x, float shift, float *out, size_t count) {
#ifdef HAS_DISPATCH
  if (has_fma()) {
    exp_shifted_fma(x, shift, out, count);
    return;
  }
#endif
  for (size_t i = 0; i < count; i++) out[i] = exp_libm(x[i] - shift);
}

void rnntrace_log_softmax_backward(const float *logp, float total, float *g, size_t count) {
#ifdef HAS_DISPATCH
  if (has_fma()) {
    backward_fma(logp, total, g, count);
    return;
  }
#endif
  for (size_t i = 0; i < count; i++) g[i] = fmaf(-exp_libm(logp[i]), total, g[i]);
}
