#!/usr/bin/env python3
"""Hidden states of the bundled lesson's chapters 3-5 (the RNN classes, which the
lesson ran unseeded), computed apart from rnntrace: shared/torch-rng/torchrng.py for
the draws, and each class's forward written out in float32, step by step. These are
the expectations of Tests/ModelTests/BundledLessonNumbersTests.swift.

Usage: python3 scripts/lesson_chapters.py   (no PyTorch needed)
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "torch-rng"))
import torchrng as T  # noqa: E402

f32 = T.f32


def dot(a, b):
    """Left to right, rounding after every operation, as rnntrace's matmul does."""
    s = f32(a[0] * b[0])
    for x, y in zip(a[1:], b[1:]):
        s = f32(s + f32(x * y))
    return s


def tanh(v):
    return [f32(math.tanh(x)) for x in v]


def fmt(v):
    return " ".join("%.4f" % x for x in v)


# E: seed 13, h_0, a discarded 4x5, then E (see shared/lesson/NUMBERS.md).
g = T.Generator(13)
T.randn(1, 1, gen=g)
T.randn(4, 5, gen=g)
E = T.randn(4, 5, gen=g)
words = [[E[i * 5 + j] for i in range(4)] for j in range(5)]

# Chapter 3: the first class, seed 3: h0 = randn(1,1), We = randn(4,1), Wh = randn(1,1);
# h_t = tanh(h·Wh + tanh(e·We)).
g = T.Generator(3)
h = T.randn(1, 1, gen=g)
We = T.randn(4, 1, gen=g)
Wh = T.randn(1, 1, gen=g)
states = [h]
for e in words:
    h = tanh([f32(f32(h[0] * Wh[0]) + tanh([dot(e, We)])[0])])
    states.append(h)
print("chapter 3:", " | ".join(fmt(s) for s in states))


# Chapters 4 and 5: the second class, h0 = randn(1,H), We = nn.Linear(4,H),
# Wh = nn.Linear(H,H); h_t = tanh(Wh(h) + We(e)).
def linear(x, layer, n_in, n_out):
    w, b = layer["weight"], layer["bias"]
    return [f32(dot(x, w[j * n_in:(j + 1) * n_in]) + b[j]) for j in range(n_out)]


for chapter, seed, H in [(4, 4, 1), (5, 5, 2)]:
    g = T.Generator(seed)
    h = T.randn(1, H, gen=g)
    We = T.linear_init(4, H, gen=g)
    Wh = T.linear_init(H, H, gen=g)
    states = [h]
    for e in words:
        h = tanh([f32(x + y) for x, y in zip(linear(h, Wh, H, H), linear(e, We, 4, H))])
        states.append(h)
    print("chapter %d:" % chapter, " | ".join(fmt(s) for s in states))
