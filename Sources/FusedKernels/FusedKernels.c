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

// The prediction head's vocabulary-sized products (Sources/Model/Tensor/MKLGemv.swift and
// GradientSum.addOuter in Sources/Model/Training/Learner.swift, which document the orders
// and stay the reference): each output's sum in the order of the scalar form, eight
// outputs to a 256-bit vector where the processor has AVX2. Products and sums are
// separate instructions, each rounded, as in the scalar form (contraction is off).

void rnntrace_group_dots_portable(const float *columns, size_t n, const float *x, size_t k,
                                  size_t head, const float *bias, float *out, size_t rows) {
  for (size_t j = 0; j < rows; j++) {
    float sum = columns[j] * x[0];
    for (size_t i = 1; i < head; i++) sum = sum + columns[i * n + j] * x[i];
    if (head < k) {
      float lanes[4] = {sum, 0.0f, 0.0f, 0.0f};
      for (size_t i = head; i < k; i += 4)
        for (size_t l = 0; l < 4; l++) lanes[l] = lanes[l] + columns[(i + l) * n + j] * x[i + l];
      sum = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
    }
    out[j] = bias ? sum + bias[j] : sum;
  }
}

void rnntrace_add_outer_portable(float *sum, const float *g, size_t m, const float *x, size_t n,
                                 int first) {
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < n; j++)
      sum[i * n + j] = first ? g[i] * x[j] : sum[i * n + j] + g[i] * x[j];
}

#if defined(HAS_DISPATCH)
#include <immintrin.h>

__attribute__((target("avx2"))) static void group_dots_avx2(
    const float *columns, size_t n, const float *x, size_t k, size_t head, const float *bias,
    float *out, size_t rows) {
  size_t j = 0;
  for (; j + 8 <= rows; j += 8) {
    const float *c = columns + j;
    __m256 sum = _mm256_mul_ps(_mm256_loadu_ps(c), _mm256_set1_ps(x[0]));
    for (size_t i = 1; i < head; i++)
      sum = _mm256_add_ps(sum, _mm256_mul_ps(_mm256_loadu_ps(c + i * n), _mm256_set1_ps(x[i])));
    if (head < k) {
      __m256 l0 = sum, l1 = _mm256_setzero_ps(), l2 = _mm256_setzero_ps(),
             l3 = _mm256_setzero_ps();
      for (size_t i = head; i < k; i += 4) {
        l0 = _mm256_add_ps(l0, _mm256_mul_ps(_mm256_loadu_ps(c + i * n), _mm256_set1_ps(x[i])));
        l1 = _mm256_add_ps(
            l1, _mm256_mul_ps(_mm256_loadu_ps(c + (i + 1) * n), _mm256_set1_ps(x[i + 1])));
        l2 = _mm256_add_ps(
            l2, _mm256_mul_ps(_mm256_loadu_ps(c + (i + 2) * n), _mm256_set1_ps(x[i + 2])));
        l3 = _mm256_add_ps(
            l3, _mm256_mul_ps(_mm256_loadu_ps(c + (i + 3) * n), _mm256_set1_ps(x[i + 3])));
      }
      sum = _mm256_add_ps(_mm256_add_ps(l0, l2), _mm256_add_ps(l1, l3));
    }
    if (bias) sum = _mm256_add_ps(sum, _mm256_loadu_ps(bias + j));
    _mm256_storeu_ps(out + j, sum);
  }
  if (j < rows) rnntrace_group_dots_portable(columns + j, n, x, k, head, bias ? bias + j : 0, out + j, rows - j);
}

__attribute__((target("avx2"))) static void add_outer_avx2(
    float *sum, const float *g, size_t m, const float *x, size_t n, int first) {
  size_t wide = n / 8 * 8;
  for (size_t i = 0; i < m; i++) {
    __m256 gi = _mm256_set1_ps(g[i]);
    float *row = sum + i * n;
    size_t j = 0;
    if (first) {
      for (; j < wide; j += 8) _mm256_storeu_ps(row + j, _mm256_mul_ps(gi, _mm256_loadu_ps(x + j)));
      for (; j < n; j++) row[j] = g[i] * x[j];
    } else {
      for (; j < wide; j += 8)
        _mm256_storeu_ps(
            row + j, _mm256_add_ps(_mm256_loadu_ps(row + j), _mm256_mul_ps(gi, _mm256_loadu_ps(x + j))));
      for (; j < n; j++) row[j] = row[j] + g[i] * x[j];
    }
  }
}

static int has_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
#endif

void rnntrace_group_dots(const float *columns, size_t n, const float *x, size_t k, size_t head,
                         const float *bias, float *out, size_t rows) {
#ifdef HAS_DISPATCH
  if (has_avx2()) {
    group_dots_avx2(columns, n, x, k, head, bias, out, rows);
    return;
  }
#endif
  rnntrace_group_dots_portable(columns, n, x, k, head, bias, out, rows);
}

void rnntrace_add_outer(float *sum, const float *g, size_t m, const float *x, size_t n, int first) {
#ifdef HAS_DISPATCH
  if (has_avx2()) {
    add_outer_avx2(sum, g, m, x, n, first);
    return;
  }
#endif
  rnntrace_add_outer_portable(sum, g, m, x, n, first);
}
