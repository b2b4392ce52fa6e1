#!/usr/bin/env python3
"""PyTorch's default CPU generator in plain Python, written from docs/pytorch-numbers.md
alone: a second, independent implementation of what rnntrace's TorchGenerator does, for
scripts that compute expectations apart from rnntrace (scripts/lesson_chapters.py).
No PyTorch needed. Float32 values are Python floats that hold a float32 exactly.

    python3 scripts/torch_generator.py     # checks it against the recorded PyTorch cases
                                           # in Tests/ModelTests/Fixtures/torch-rng
"""
import ctypes
import ctypes.util
import json
import math
import os
import struct
import sys
from fractions import Fraction


def f32(x):
    """x rounded to the nearest float32 (ties to even)."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def from_bits(u):
    return struct.unpack("<f", struct.pack("<I", u))[0]


# Float32 +, -, ×, / and sqrt: binary64 holds the exact product of two float32s, and
# rounding a binary64 sum, quotient or root of float32s to float32 is the correctly
# rounded float32 result.
def add(a, b):
    return f32(a + b)


def mul(a, b):
    return f32(a * b)


def _round_rational(value, mantissa_bits, min_exponent):
    """An exact rational rounded to the nearest binary float with that many mantissa
    bits (ties to even), as a Python float."""
    if value == 0:
        return 0.0
    sign = -1.0 if value < 0 else 1.0
    value = abs(value)
    exponent = value.numerator.bit_length() - value.denominator.bit_length()
    while Fraction(2) ** exponent > value:
        exponent -= 1
    while Fraction(2) ** (exponent + 1) <= value:
        exponent += 1
    scale = max(exponent - (mantissa_bits - 1), min_exponent)
    scaled = value / Fraction(2) ** scale
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest > scaled.denominator or (2 * rest == scaled.denominator and whole & 1):
        whole += 1
    return sign * math.ldexp(whole, scale)


def fma(a, b, c):
    """a·b + c on float32s, rounded once to float32."""
    exact = Fraction(a) * Fraction(b) + Fraction(c)
    if exact == 0:
        product_negative = math.copysign(1, a) * math.copysign(1, b) < 0
        return -0.0 if product_negative and math.copysign(1, c) < 0 else 0.0
    return _round_rational(exact, 24, -149)


def fma64(a, b, c):
    """a·b + c on binary64s, rounded once."""
    return float(Fraction(a) * Fraction(b) + Fraction(c))


class Generator:
    """torch.manual_seed(seed) and the draws of docs/pytorch-numbers.md. `kernel` is
    "avx2" (x86-64 wheels) or "generic"."""

    def __init__(self, seed, kernel="avx2"):
        s = seed % 2**32
        self.state = [s] + [0] * 623
        for i in range(1, 624):
            previous = self.state[i - 1]
            self.state[i] = (1812433253 * (previous ^ (previous >> 30)) + i) % 2**32
        self.position = 624
        self.spare = None
        self.kernel = kernel
        self.words = 0

    def next32(self):
        state = self.state
        if self.position == 624:
            for k in range(624):
                y = (state[k] & 0x80000000) | (state[(k + 1) % 624] & 0x7FFFFFFF)
                v = state[(k + 397) % 624] ^ (y >> 1)
                if state[(k + 1) % 624] & 1:
                    v ^= 0x9908B0DF
                state[k] = v
            self.position = 0
        y = state[self.position]
        self.position += 1
        self.words += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return y

    def next64(self):
        high = self.next32()
        return (high << 32) | self.next32()

    def uniform_float(self):
        return (self.next32() & 0xFFFFFF) * 2.0**-24

    def uniform_double(self):
        return (self.next64() & (2**53 - 1)) * 2.0**-53

    # Normal samples ---------------------------------------------------------------

    def normal(self, n, mean=0.0, std=1.0):
        if n < 16:
            return [f32(self._normal_double(mean, std)) for _ in range(n)]
        d = [self.uniform_float() for _ in range(n)]
        block = _block_avx2 if self.kernel == "avx2" else _block_generic
        mean32, std32 = f32(mean), f32(std)
        for o in range(0, n - 15, 16):
            block(d, o, mean32, std32)
        if n % 16:
            for k in range(16):
                d[n - 16 + k] = self.uniform_float()
            block(d, n - 16, mean32, std32)
        return d

    def _normal_double(self, mean, std):
        if self.spare is not None:
            z, self.spare = self.spare, None
        else:
            u1 = self.uniform_double()
            u2 = self.uniform_double()
            r = math.sqrt(-2.0 * math.log1p(-u2))
            theta = 2.0 * math.pi * u1
            self.spare = r * math.sin(theta)
            z = r * math.cos(theta)
        return fma64(z, std, mean) if self.kernel == "avx2" else z * std + mean

    def randn(self, *shape):
        return self.normal(math.prod(shape))

    # Uniform samples and modules -------------------------------------------------

    def uniform(self, n, a, b):
        low, high = f32(a), f32(b)
        span = f32(high - low)
        out = []
        for _ in range(n):
            x = self.uniform_float()
            v = fma(x, span, low) if self.kernel == "avx2" else add(mul(x, span), low)
            out.append(low if v == high else v)
        return out

    def linear(self, n_in, n_out, bias=True):
        """nn.Linear(n_in, n_out): {"weight": [out·in, row-major], "bias": [out]}."""
        a = math.sqrt(5.0)
        gain = math.sqrt(2.0 / (1 + a * a))
        bound = math.sqrt(3.0) * (gain / math.sqrt(float(n_in)))
        layer = {"weight": self.uniform(n_out * n_in, -bound, bound)}
        if bias:
            bias_bound = 1 / math.sqrt(float(n_in)) if n_in > 0 else 0.0
            layer["bias"] = self.uniform(n_out, -bias_bound, bias_bound)
        return layer

    def embedding(self, count, dim, padding_idx=None):
        weight = self.normal(count * dim)
        if padding_idx is not None:
            row = padding_idx % count
            weight[row * dim:(row + 1) * dim] = [0.0] * dim
        return weight

    def recurrent(self, n_in, hidden, layers=1, bidirectional=False, gates=1, bias=True):
        """nn.RNN / nn.RNNCell (gates 1), LSTM (4), GRU (3): parameters by name."""
        bound = 1 / math.sqrt(float(hidden)) if hidden > 0 else 0.0
        directions = 2 if bidirectional else 1
        params = {}
        for layer in range(layers):
            for direction in range(directions):
                width = n_in if layer == 0 else hidden * directions
                suffix = "_l%d%s" % (layer, "_reverse" if direction else "")
                shapes = [("weight_ih", gates * hidden * width),
                          ("weight_hh", gates * hidden * hidden)]
                if bias:
                    shapes += [("bias_ih", gates * hidden), ("bias_hh", gates * hidden)]
                for name, count in shapes:
                    params[name + suffix] = self.uniform(count, -bound, bound)
        return params


# The AVX2 kernel's float32 arithmetic -------------------------------------------------

TWO_PI = from_bits(0x40C90FDB)
SQRTHF = from_bits(0x3F3504F3)
P = [from_bits(u) for u in (0x3D9021BB, 0xBDEBD1B8, 0x3DEF251A, 0xBDFE5D4F, 0x3E11E9BF,
                            0xBE2AAE50, 0x3E4CCEAC, 0xBE7FFFFC, 0x3EAAAAAA)]
Q1, Q2 = from_bits(0xB95E8083), from_bits(0x3F318000)
FOPI = from_bits(0x3FA2F983)
DP = [from_bits(u) for u in (0xBF490000, 0xB97DA000, 0xB3222169)]
C = [from_bits(u) for u in (0x37CCF5CE, 0xBAB6061A, 0x3D2AAAA5)]
S = [from_bits(u) for u in (0xB94CA1F9, 0x3C08839E, 0xBE2AAAA3)]


def avx2_log(u):
    b = bits(u)
    e = float((b >> 23) - 127) + 1
    m = from_bits((b & 0x807FFFFF) | 0x3F000000)
    if m < SQRTHF:
        e = e - 1
        x = add(m - 1, m)
    else:
        x = m - 1
    z = mul(x, x)
    y = P[0]
    for p in P[1:]:
        y = fma(y, x, p)
    y = mul(y, x)
    y = fma(y, z, mul(e, Q1))
    y = add(y, -mul(z, 0.5))
    x = add(x, y)
    return fma(e, Q2, x)


def avx2_sincos(t):
    j = int(mul(t, FOPI))
    j = (j + 1) & ~1
    yj = float(j)
    sin_negative = j & 4 != 0
    cos_negative = (j - 2) & 4 == 0
    r = fma(yj, DP[0], t)
    r = fma(yj, DP[1], r)
    r = fma(yj, DP[2], r)
    z = mul(r, r)
    c = fma(C[0], z, C[1])
    c = fma(c, z, C[2])
    c = mul(z, c)
    c = fma(z, c, -mul(z, 0.5))
    c = add(c, 1.0)
    s = fma(S[0], z, S[1])
    s = fma(s, z, S[2])
    s = mul(z, s)
    s = fma(r, s, r)
    sine, cosine = (c, s) if j & 2 else (s, c)
    return (-sine if sin_negative else sine), (-cosine if cos_negative else cosine)


def _block_avx2(d, o, mean, std):
    for j in range(8):
        radius = f32(math.sqrt(-2 * avx2_log(1 - d[o + j])))
        sine, cosine = avx2_sincos(mul(TWO_PI, d[o + j + 8]))
        d[o + j] = fma(mul(radius, cosine), std, mean)
        d[o + j + 8] = fma(mul(radius, sine), std, mean)


# The generic kernel calls the C library's float32 functions.
_libm = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
for _name in ("logf", "sinf", "cosf"):
    getattr(_libm, _name).restype = ctypes.c_float
    getattr(_libm, _name).argtypes = [ctypes.c_float]


def _block_generic(d, o, mean, std):
    for j in range(8):
        radius = f32(math.sqrt(-2 * _libm.logf(1 - d[o + j])))
        theta = f32(6.283185307179586 * d[o + j + 8])
        d[o + j] = fma(mul(radius, _libm.cosf(theta)), std, mean)
        d[o + j + 8] = fma(mul(radius, _libm.sinf(theta)), std, mean)


# Self-check against the recorded cases ------------------------------------------------

def _replay(case, kernel):
    """The values of each recorded call of `case`, drawn here: [(expected, got)]."""
    g = Generator(case["seed"], kernel)
    pairs = []
    for call in case["calls"]:
        op = call["op"]
        if op == "randn":
            got = {"out": g.randn(*call["shape"])}
        elif op == "normal_":
            got = {"out": g.normal(math.prod(call["shape"]), call["mean"], call["std"])}
        elif op == "uniform_":
            got = {"out": g.uniform(math.prod(call["shape"]), call["a"], call["b"])}
        elif op == "nn.Linear":
            got = g.linear(call["in_features"], call["out_features"], call.get("bias", True))
        elif op == "nn.Embedding":
            got = {"weight": g.embedding(
                call["num_embeddings"], call["embedding_dim"], call.get("padding_idx"))}
        elif op in ("nn.RNN", "nn.RNNCell"):
            got = g.recurrent(call["input_size"], call["hidden_size"],
                              call.get("num_layers", 1), call.get("bidirectional", False))
            if op == "nn.RNNCell":
                got = {name[:-3]: values for name, values in got.items()}
        else:
            raise SystemExit("unknown call %r" % op)
        recorded = call.get("params") or [call["result"]]
        for param in recorded:
            expected = param["bits_generic"] if kernel == "generic" and "bits_generic" in param \
                else param["bits"]
            values = got[param["name"]]
            pairs.append((expected, ["%08x" % bits(v) for v in values]))
    return pairs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, "..", "Tests", "ModelTests", "Fixtures", "torch-rng")
    failures = total = 0
    for name in ("public_randn.json", "public_init.json"):
        with open(os.path.join(folder, name)) as f:
            cases = json.load(f)["cases"]
        for kernel in ("avx2", "generic"):
            for case in cases:
                for expected, got in _replay(case, kernel):
                    total += len(expected)
                    wrong = sum(a != b for a, b in zip(expected, got))
                    wrong += abs(len(expected) - len(got))
                    if wrong:
                        failures += wrong
                        print("%s %s (%s): %d of %d values differ"
                              % (name, case["id"], kernel, wrong, len(expected)))
    print("%d of %d recorded values reproduced" % (total - failures, total))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
