#!/usr/bin/env python3
"""Write Tests/ModelTests/Fixtures/torch-intel-avx512/products.jsonl: torch.mm of a 1×k
row by a k×n matrix and nn.functional.linear of a 1×k row (starting `offset` elements
into its storage) by an n×k weight and bias, as PyTorch computes them with MKL's Intel
AVX-512 kernels; the expected outputs as float32 bit patterns in hex. For
IntelKernelTests. The inputs come from `values(seed, count)` below, which the test
computes again, so the file holds only the outputs.

Needs PyTorch (x86-64 wheel) on an Intel processor with AVX-512, or on another x86-64
processor with AVX-512 where MKL is told it runs on Intel: MKL asks its internal
`mkl_serv_intel_cpu_true()` and takes its Intel paths when that returns 1, so
    echo 'int mkl_serv_intel_cpu_true(void){return 1;}' | cc -shared -fPIC -x c - -o fake.so
    LD_PRELOAD=$PWD/fake.so scripts/generate_intel_products_fixture.py
reproduces every hidden state of the Intel golden runs (docs/pytorch-numbers.md).
Usage: scripts/generate_intel_products_fixture.py [OUTPUT]
"""
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ModelTests", "Fixtures", "torch-intel-avx512",
                   "products.jsonl")
MASK = (1 << 64) - 1


def values(seed, count):
    """`count` float32 values: xorshift64* from `seed`; each a signed 24-bit integer
    scaled by 2^(e - 23), e in -4…3 (exact in float32, magnitudes over 2^8)."""
    state = (seed * 0x9E3779B97F4A7C15 + 1) & MASK or 1
    out = np.empty(count, dtype=np.float32)
    for i in range(count):
        state ^= state >> 12
        state ^= (state << 25) & MASK
        state ^= state >> 27
        word = (state * 0x2545F4914F6CDD1D) & MASK
        mantissa = (word >> 40) & 0xFFFFFF
        exponent = ((word >> 20) & 7) - 4
        out[i] = np.float32((mantissa - (1 << 23)) * 2.0 ** (exponent - 23))
    return out


def hexbits(a):
    return [f"{b:08X}" for b in np.ascontiguousarray(a, dtype=np.float32).view(np.uint32).tolist()]


def shapes():
    rng = np.random.default_rng(2015)
    fixed = [(1, 1), (1, 16), (2, 16), (7, 17), (8, 16), (9, 32), (16, 16), (17, 4), (33, 3),
             (64, 64), (65, 6), (97, 7), (13, 48), (40, 20)]
    drawn = [(int(rng.integers(1, 65)), int(rng.integers(1, 65))) for _ in range(110)]
    large = [(int(rng.integers(65, 300)), int(rng.integers(1, 100))) for _ in range(12)]
    return fixed + drawn + large


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    torch.set_num_threads(1)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".tmp", "w") as f:
        for seed, (k, n) in enumerate(shapes()):
            offset = seed % 5
            v = torch.from_numpy(values(seed, offset + k + k * n + n))
            x = v[offset:offset + k].view(1, k)
            w = v[offset + k:offset + k + k * n]
            b = v[offset + k + k * n:]
            with torch.no_grad():
                mm = torch.mm(x, w.view(k, n))[0]
                linear = torch.nn.functional.linear(x, w.view(n, k), b)[0]
            f.write(json.dumps({"seed": seed, "k": k, "n": n, "offset": offset,
                                "mm": hexbits(mm), "linear": hexbits(linear)}) + "\n")
    os.replace(out + ".tmp", out)
    print(len(shapes()), "cases ->", out)


if __name__ == "__main__":
    main()
