#!/usr/bin/env python3
"""Hidden states of the bundled lesson's chapters 3-5 (the RNN classes), computed
apart from rnntrace: scripts/torch_generator.py (PyTorch's
generator in plain Python, from docs/pytorch-numbers.md) for the draws, and each class's
forward written out in float32, step by step. Chapter 3's states are the expectations
of Tests/LessonTests/BundledLessonNumbersTests.swift; chapters 4 and 5 must print what
the page printed (In[147], In[150]).

Usage: python3 scripts/lesson_chapters.py   (no PyTorch needed)
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from torch_generator import Generator, f32  # noqa: E402


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


# E: seed 13, h_0, a discarded 4x5, then E (docs/pytorch-numbers.md#lesson-numbers).
g = Generator(13)
g.randn(1, 1)
g.randn(4, 5)
E = g.randn(4, 5)
words = [[E[i * 5 + j] for i in range(4)] for j in range(5)]

# Chapter 3: the first class, seed 3: h0 = randn(1,1), We = randn(4,1), Wh = randn(1,1);
# h_t = tanh(h·Wh + tanh(e·We)).
g = Generator(3)
h = g.randn(1, 1)
We = g.randn(4, 1)
Wh = g.randn(1, 1)
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


# The page's runs: seed 12 (In[84]) drew w_h and w_e, cells the page no longer shows
# used the spare normal and 110 more words, then RNN(4, 1) (In[145]) and, from the same
# stream, RNN(4, 2) (In[148]).
g = Generator(12)
g.randn(1, 1)
g.randn(4, 1)
g.randn(1)
for _ in range(110):
    g.next32()
for chapter, H in [(4, 1), (5, 2)]:
    h = g.randn(1, H)
    We = g.linear(4, H)
    Wh = g.linear(H, H)
    states = [h]
    for e in words:
        h = tanh([f32(x + y) for x, y in zip(linear(h, Wh, H, H), linear(e, We, 4, H))])
        states.append(h)
    print("chapter %d:" % chapter, " | ".join(fmt(s) for s in states))
