#!/usr/bin/env python3
"""Write Tests/ModelTests/Fixtures/torch-linear/cases.jsonl: nn.Linear(k, n) applied by
PyTorch to a 1×k input that starts `offset` elements into its storage (as a row of an
embedding table does), with every float32 as its bit pattern in hex. For MKLGemvTests.
Needs PyTorch. Usage: scripts/generate_linear_fixture.py"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ModelTests", "Fixtures", "torch-linear", "cases.jsonl")
# (k, n, offset): groups of four rows with each head length, leftover rows at every input
# alignment (first, second and third leftover row), short and long rows.
SHAPES = [(9, 8, 0), (13, 4, 1), (20, 3, 0), (20, 3, 1), (20, 3, 2), (20, 3, 3), (33, 2, 1),
          (36, 5, 2), (40, 6, 3), (12, 1, 0), (4, 6, 0), (29, 7, 0), (64, 3, 5)]


def hexbits(t):
    return [f"{b:08X}" for b in t.detach().contiguous().numpy().ravel().view(np.uint32).tolist()]


def main():
    torch.manual_seed(2013)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        for k, n, offset in SHAPES:
            linear = torch.nn.Linear(k, n)
            storage = torch.randn(offset + k)
            x = storage[offset:].view(1, k)
            with torch.no_grad():
                y = linear(x)
            f.write(json.dumps({
                "k": k, "n": n, "offset": offset, "x": hexbits(x),
                "weight": hexbits(linear.weight), "bias": hexbits(linear.bias),
                "output": hexbits(y)}) + "\n")
    print(len(SHAPES), "cases ->", OUT)


if __name__ == "__main__":
    main()
