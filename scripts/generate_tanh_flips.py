#!/usr/bin/env python3
"""Regenerate a tanh flip table: the float32 inputs for which torch.tanh does not return
the nearest float32 to tanh(x), for the family of MKL kernels this machine's PyTorch runs.

Two families, two outputs (see docs/pytorch-numbers.md):
  --family amd           Sources/Model/Tensor/TorchTanh+Flips.swift (text, below)
  --family intel-avx512  Sources/TanhTables/intel-avx512.flips (binary, below)
MKL picks its kernel by processor: run the script on a machine of that family (an Intel
processor with AVX-512 for intel-avx512). `--from FILE` re-encodes an existing table
(either format) instead of running PyTorch.

torch.tanh on a CPU float32 tensor calls MKL's vmsTanh in its high-accuracy mode, whose
result is always one of the two float32 neighbours of the exact value. This script
enumerates every non-negative float32 below 10 (beyond it, and for tanh's odd half, it
checks the rule instead of recording it), compares torch.tanh with the nearest float32
(float64 tanh rounded once; where that float64 value lies too near a midpoint to trust,
Python's math.tanh, the same libm function the Swift code calls), and writes the runs of
consecutive flipped inputs.

Encoding of the table string: a sequence of unsigned integers, each in little-endian
groups of 5 bits, one base64 character per group (alphabet A-Z a-z 0-9 + /), value 32 set
on every character but a number's last. Per run of flipped bit patterns: (gap << 1) | long,
where gap is the distance from the end of the previous run (+1) to the run's first bit
pattern, then, if long is 1, the run's length minus 2.

Binary format (the intel-avx512 table, read by BitPatternRuns(binary:)): the 8 bytes
"TANHFLP1", the number of runs and the number of flipped inputs as little-endian UInt32,
then the same numbers as above, each as an unsigned LEB128 varint (7 bits a byte, least
significant first, 128 set on every byte but a number's last).

Needs PyTorch and NumPy; takes about two minutes. Usage:
  scripts/generate_tanh_flips.py [--family amd|intel-avx512] [--from FILE] [OUTPUT]
"""
import argparse
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "..", "Sources")
DEFAULT_OUT = {
    "amd": os.path.join(SOURCES, "Model", "Tensor", "TorchTanh+Flips.swift"),
    "intel-avx512": os.path.join(SOURCES, "TanhTables", "intel-avx512.flips"),
}
MAGIC = b"TANHFLP1"
LIMIT = 0x41200000  # 10.0f: above it tanh rounds to 1 in float32, in torch too
CHUNK = 1 << 24
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def nearest(x):
    """float32 nearest to tanh(x) for a float32 array x, as the Swift code computes it."""
    r = np.tanh(x.astype(np.float64))
    f = r.astype(np.float32)
    # Where the float64 value is within 2^-20 float32 ulp of a float32 midpoint, a
    # different libm could round the other way: recompute those with libm's tanh.
    lo = np.where(f.astype(np.float64) <= r, f, np.nextafter(f, np.float32(-2)))
    hi = np.nextafter(lo, np.float32(2))
    mid = (lo.astype(np.float64) + hi.astype(np.float64)) / 2
    near = np.abs(r - mid) < (hi.astype(np.float64) - lo.astype(np.float64)) * 2.0**-20
    for i in np.nonzero(near)[0]:
        f[i] = np.float32(math.tanh(float(x[i])))
    return f


def flipped_inputs():
    import torch
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    found = []
    for start in range(0, LIMIT, CHUNK):
        bits = np.arange(start, min(start + CHUNK, LIMIT), dtype=np.uint32)
        x = bits.view(np.float32)
        t = torch.tanh(torch.from_numpy(x)).numpy()
        n = nearest(x)
        bad = t.view(np.uint32) != n.view(np.uint32)
        if bad.any():
            # The flip is always to the other neighbour of the exact value.
            exact = np.tanh(x[bad].astype(np.float64))
            other = np.where(n[bad].astype(np.float64) < exact,
                             np.nextafter(n[bad], np.float32(2)), np.nextafter(n[bad], np.float32(-2)))
            assert np.array_equal(other.view(np.uint32), t[bad].view(np.uint32)), "not a neighbour"
        found.append(bits[bad])
        # tanh is odd in torch too: the negative inputs flip exactly where the positive do.
        neg = torch.tanh(torch.from_numpy(-x)).numpy()
        assert np.array_equal(neg.view(np.uint32), (-t).view(np.uint32)), "not odd"
    rest = np.array([10.0, 20.0, 1e30, np.inf, 3.4e38], dtype=np.float32)
    assert np.all(torch.tanh(torch.from_numpy(rest)).numpy() == 1)
    return np.concatenate(found).astype(np.int64)


def encode(numbers):
    out = []
    for v in numbers:
        while True:
            group, v = v & 31, v >> 5
            out.append(ALPHABET[group | (32 if v else 0)])
            if not v:
                break
    return "".join(out)


def runs(bits):
    breaks = np.nonzero(np.diff(bits) != 1)[0]
    starts = np.concatenate([[bits[0]], bits[breaks + 1]])
    ends = np.concatenate([bits[breaks], [bits[-1]]])
    numbers, previous = [], 0
    for s, e in zip(starts.tolist(), ends.tolist()):
        long = e > s
        numbers.append(((s - previous) << 1) | int(long))
        if long:
            numbers.append(e - s - 1)
        previous = e + 1
    return numbers, len(starts)


def varints(numbers):
    out = bytearray()
    for v in numbers:
        while v >= 128:
            out.append((v & 127) | 128)
            v >>= 7
        out.append(v)
    return bytes(out)


def decode_numbers(data):
    """The numbers of either format: base64 text inside a Swift file, or the binary."""
    numbers = []
    if data.startswith(MAGIC):
        value = shift = 0
        for byte in data[16:]:
            value |= (byte & 127) << shift
            shift += 7
            if not byte & 128:
                numbers.append(value)
                value = shift = 0
        return numbers
    text = data.decode().split('"""')[1]
    value = shift = 0
    for ch in text:
        digit = ALPHABET.find(ch)
        if digit < 0 or ch.isspace():
            continue
        value |= (digit & 31) << shift
        shift += 5
        if not digit & 32:
            numbers.append(value)
            value = shift = 0
    return numbers


def bits_of(numbers):
    """The flipped bit patterns that `runs` encoded as `numbers`."""
    found, nxt, i = [], 0, 0
    while i < len(numbers):
        start = nxt + (numbers[i] >> 1)
        end = start
        if numbers[i] & 1:
            i += 1
            end = start + numbers[i] + 1
        i += 1
        found.append(np.arange(start, end + 1, dtype=np.int64))
        nxt = end + 1
    return np.concatenate(found)


def write_swift(out, bits, numbers, count, source):
    text = encode(numbers)
    width = 96
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    with open(out + ".tmp", "w") as f:
        f.write(f"// Generated by scripts/generate_tanh_flips.py from {source}: do not edit.\n")
        f.write(f"// {len(bits)} non-negative inputs in {count} runs.\n\n")
        f.write("extension TorchTanh {\n")
        f.write("  /// The flipped inputs' runs, encoded as the script's docstring describes.\n")
        f.write("  static let encodedFlips = \"\"\"\n")
        for line in lines:
            f.write(f"    {line}\n")
        f.write("    \"\"\"\n}\n")
    os.replace(out + ".tmp", out)
    return len(text)


def write_binary(out, bits, numbers, count):
    data = MAGIC + struct.pack("<II", count, len(bits)) + varints(numbers)
    with open(out + ".tmp", "wb") as f:
        f.write(data)
    os.replace(out + ".tmp", out)
    return len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=sorted(DEFAULT_OUT), default="amd")
    parser.add_argument("--from", dest="source", help="re-encode this table instead")
    parser.add_argument("output", nargs="?")
    args = parser.parse_args()
    out = args.output or DEFAULT_OUT[args.family]
    if args.source:
        with open(args.source, "rb") as f:
            bits = bits_of(decode_numbers(f.read()))
        source = f"{os.path.basename(args.source)}, re-encoded"
    else:
        import torch
        bits = flipped_inputs()
        source = f"torch {torch.__version__} ({torch.backends.cpu.get_cpu_capability()})"
    numbers, count = runs(bits)
    if out.endswith(".swift"):
        size = write_swift(out, bits, numbers, count, source)
    else:
        size = write_binary(out, bits, numbers, count)
    print(f"{len(bits)} flipped inputs in {count} runs, {size} bytes -> {out}")


if __name__ == "__main__":
    main()
