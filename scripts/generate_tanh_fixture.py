#!/usr/bin/env python3
"""Write Tests/ModelTests/Fixtures/torch-tanh/cases.txt: float32 inputs and torch.tanh's
outputs, as bit patterns, for TorchTanhTests. Needs PyTorch and NumPy.

The inputs are the hard cases: signed zeros, subnormals, infinities, the edge where tanh
reaches 1, flipped inputs (torch returns the farther float32 neighbour; taken from every
binade of the table that scripts/generate_tanh_flips.py found, with the first and last
inputs of long runs and the inputs just outside them), inputs whose tanh lies nearest a
float32 midpoint without flipping, and ordinary values. The outputs are those of the
MKL kernel this machine's PyTorch runs: on an Intel processor with AVX-512 (or with MKL
told it is on one, see generate_intel_products_fixture.py) write
Fixtures/torch-tanh/intel-avx512.txt. Usage: generate_tanh_fixture.py [OUTPUT]
"""
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ModelTests", "Fixtures", "torch-tanh", "cases.txt")
rng = np.random.default_rng(2013)


def f32bits(values):
    return np.array(values, dtype=np.float32).view(np.uint32).tolist()


def midpoint_distance(bits):
    """Signed distance of tanh(x) (float64) from the nearest float32 midpoint, in ulps."""
    x = np.asarray(bits, dtype=np.uint32).view(np.float32)
    r = np.tanh(x.astype(np.float64))
    f = r.astype(np.float32)
    lo = np.where(f.astype(np.float64) <= r, f, np.nextafter(f, np.float32(-2)))
    hi = np.nextafter(lo, np.float32(2))
    return (r - lo) / (hi.astype(np.float64) - lo) - 0.5


def main():
    cases = []
    cases += f32bits([0.0, -0.0, 1e-45, -1e-45, 1.1754942e-38, 1.17549435e-38, 1e-30,
                      2.0**-12, 2.0**-11, 0.5, 1.0, -1.0, 8.66, -8.66, 8.6643, 9.0, 9.01, 9.1,
                      10.0, 20.0, 88.0, 3.4028235e38, -3.4028235e38, np.inf, -np.inf])
    cases += [0x7FC00000, 0xFFC00000, 0x7FC12345, 0x7F800001]  # NaNs
    # Around 8.66 and where the result reaches 1.
    x = np.float32(8.6)
    for _ in range(16):
        cases.append(int(np.array(x).view(np.uint32)))
        x = np.float32(x + np.float32(0.03))
    one = torch.tanh(torch.arange(0x41000000, 0x41200000, dtype=torch.int64)
                     .to(torch.int32).view(torch.float32))
    first_one = 0x41000000 + int(torch.nonzero(one == 1)[0])
    cases += [first_one - 2, first_one - 1, first_one, first_one + 1]

    # Flipped inputs: every binade, run ends, and the inputs just outside long runs.
    scan = []
    for e in range(-13, 4):
        start = (127 + e) << 23
        bits = np.arange(start, start + (1 << 23), 97, dtype=np.uint32)
        # Densely near the bottom of the binade too, where the long runs are.
        bits = np.concatenate([bits, np.arange(start, start + 20000, dtype=np.uint32)])
        t = torch.tanh(torch.from_numpy(bits.view(np.float32))).numpy().view(np.uint32)
        n = np.tanh(bits.view(np.float32).astype(np.float64)).astype(np.float32).view(np.uint32)
        flipped = bits[t != n]
        if len(flipped):
            scan += rng.choice(flipped, min(12, len(flipped)), replace=False).tolist()
        d = np.abs(midpoint_distance(bits))
        kept = bits[(t == n) & (d < 0.002)]
        if len(kept):
            near = kept[np.argsort(np.abs(midpoint_distance(kept)))[:4]]
            scan += near.tolist()
    cases += scan
    # The smallest flipped inputs, a run of thousands in 2^-12's binade: its ends and
    # the inputs just outside.
    bits = np.arange(0x39800000, 0x3A000000, dtype=np.uint32)
    t = torch.tanh(torch.from_numpy(bits.view(np.float32))).numpy().view(np.uint32)
    n = np.tanh(bits.view(np.float32).astype(np.float64)).astype(np.float32).view(np.uint32)
    idx = np.nonzero(t != n)[0]
    first = int(bits[idx[0]])
    gaps = np.nonzero(np.diff(bits[idx]) != 1)[0]
    last = int(bits[idx[gaps[0]]]) if len(gaps) else int(bits[idx[-1]])
    cases += [first - 1, first, first + 1, last - 1, last, last + 1]
    # Ordinary values, of the sizes the lesson's sums reach.
    cases += f32bits(rng.standard_normal(40) * 3)
    cases += f32bits(rng.standard_normal(20) * 0.01)

    # Negatives of everything but NaNs, then torch.tanh of all in one tensor.
    cases += [b ^ 0x80000000 for b in cases if (b & 0x7FFFFFFF) <= 0x7F800000]
    cases = list(dict.fromkeys(cases))
    x = torch.from_numpy(np.array(cases, dtype=np.uint32).view(np.float32))
    y = torch.tanh(x).numpy().view(np.uint32).tolist()
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write(f"# torch.tanh on float32, torch {torch.__version__} "
                f"({torch.backends.cpu.get_cpu_capability()}, MKL vmsTanh VML_HA).\n")
        f.write("# Written by scripts/generate_tanh_fixture.py. Per line: input bits, output bits.\n")
        for a, b in zip(cases, y):
            f.write(f"{a:08X} {b:08X}\n")
    print(len(cases), "cases ->", out)


if __name__ == "__main__":
    main()
