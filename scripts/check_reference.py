#!/usr/bin/env python3
"""Compare `rnntrace export` with PyTorch itself (needs PyTorch) on random
configurations: the model built and run by PyTorch as docs/pytorch-numbers.md#model-draws
describes, parameters bit for bit, hidden states within 4 float32 ulps (or 1e-6 absolute
near zero).

Usage: scripts/check_reference.py [COUNT] [--binary PATH] [--seed N]
Not part of `swift test`: PyTorch is optional for the project."""
import argparse, json, os, random, struct, subprocess, sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))

WORDS = "the dog jumped over a cat sat on mat and ran to be or not".split()


def bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def ulps(a, b):
    ia, ib = bits(a), bits(b)
    ia = ia if ia < 0x80000000 else 0x80000000 - ia
    ib = ib if ib < 0x80000000 else 0x80000000 - ib
    return abs(ia - ib)


def reference(variant, seed, inputs, hidden, sentence):
    """What PyTorch computes for an ad-hoc model: its parameters and h_0 ... h_T, as
    float32 values (Python floats)."""
    words = sentence.split()
    vocabulary = list(dict.fromkeys(words))
    torch.manual_seed(seed)
    embedding = nn.Embedding(len(vocabulary), inputs)
    h = torch.randn(1, hidden)
    params = {"embedding.weight": embedding.weight, "h0": h}
    if variant == "linear":
        w_h, w_e = torch.randn(hidden, hidden), torch.randn(inputs, hidden)
        params |= {"w_h": w_h, "w_e": w_e}
        step = lambda e, h: torch.mm(h, w_h) + torch.mm(e, w_e)  # noqa: E731
    elif variant == "raw-tanh":
        We, Wh = torch.randn(inputs, hidden), torch.randn(hidden, hidden)
        params |= {"We": We, "Wh": Wh}
        step = lambda e, h: torch.tanh(torch.mm(h, Wh) + torch.tanh(torch.mm(e, We)))  # noqa: E731
    else:
        We, Wh = nn.Linear(inputs, hidden), nn.Linear(hidden, hidden)
        params |= {"We.weight": We.weight, "We.bias": We.bias,
                   "Wh.weight": Wh.weight, "Wh.bias": Wh.bias}
        step = lambda e, h: torch.tanh(Wh(h) + We(e))  # noqa: E731
    states = [h]
    with torch.no_grad():
        for word in words:
            # A row of the table, a view into its storage as rnntrace's e_t is.
            e = embedding.weight[vocabulary.index(word)].unsqueeze(0)
            h = step(e, h)
            states.append(h)
    values = lambda t: t.detach().flatten().tolist()  # noqa: E731
    return {
        "parameters": {name: {"shape": list(p.shape), "values": values(p)}
                       for name, p in params.items()},
        "hidden_states": [values(s) for s in states],
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("count", type=int, nargs="?", default=50)
    p.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "debug", "rnntrace"))
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    failures = 0
    worst = 0
    for case in range(a.count):
        variant = rnd.choice(["linear", "raw-tanh", "linear-tanh"])
        seed = rnd.choice([rnd.randrange(0, 1000), rnd.randrange(0, 2**64), 2**32 + rnd.randrange(0, 9)])
        inputs, hidden = rnd.randint(1, 64), rnd.randint(1, 64)
        sentence = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 12)))
        ref = reference(variant, seed, inputs, hidden, sentence)
        out = subprocess.run(
            [a.binary, "export", "--variant", variant, "--seed", str(seed), "--inputs", str(inputs),
             "--hidden", str(hidden), "--sentence", sentence, "--format", "jsonl"],
            capture_output=True, text=True, check=True).stdout.splitlines()
        header = json.loads(out[0])
        states = [json.loads(l)["value"] for l in out[1:] if '"hidden_state"' in l]
        ok = True
        for name, p_ref in ref["parameters"].items():
            mine = header["parameters"].get(name)
            if mine is None or mine["shape"] != p_ref["shape"] or \
                    [bits(v) for v in mine["values"]] != [bits(v) for v in p_ref["values"]]:
                ok = False
                print(f"case {case}: parameter {name} differs ({variant} seed {seed} {inputs}x{hidden})")
                break
        for t, (s_ref, s_mine) in enumerate(zip(ref["hidden_states"][1:], states), start=1):
            for x, y in zip(s_ref, s_mine):
                u = ulps(x, y)
                if u > 4 and abs(x - y) > 1e-6:
                    ok = False
                    print(f"case {case}: h_{t} {x} vs {y} ({u} ulps)")
                elif abs(x - y) > 1e-6:
                    worst = max(worst, u)
        if len(states) != len(ref["hidden_states"]) - 1:
            ok = False
            print(f"case {case}: {len(states)} hidden states, expected {len(ref['hidden_states']) - 1}")
        failures += not ok
    print(f"{a.count - failures} passed, {failures} failed (worst hidden-state difference: {worst} ulps)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
