#!/usr/bin/env python3
"""Records what PyTorch computes when a torch-rnn model (nn.RNN) learns, for
Tests/ModelTests/Fixtures/training/torch-rnn-amd.jsonl.

The model and the training are those of `rnntrace train --variant torch-rnn`: the
embedding, h_0, nn.RNN(inputs, hidden) and the prediction head drawn in that order from
torch.manual_seed(seed); nn.RNN's CPU computation written out (the input products of all
words in one F.linear, then tanh(W_hh·h + b_hh + that row) per step, which gives
run(x, h0)'s values and gradients bit for bit, with each h_t a tensor whose gradient can
be read); the next-word or last-word cross-entropy; loss.backward(); torch.optim.SGD.
One JSON object a line, in the format of the training fixtures beside it.

Usage: record_torch_rnn_training.py [--count N] [--seed S] > torch-rnn-amd.jsonl
Run it with one thread (it sets torch.set_num_threads(1)), on the processor the fixture
is named for: MKL's orders differ on Intel with AVX-512.
"""
import argparse
import json
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

WORDS = ("the dog cat jumped over a fence sings quickly river bird sky under bright "
         "runs slowly green old tree house red stone").split()


def f32(t):
    return [float(f"{v:.9g}") for v in t.detach().flatten().tolist()]


def run(seed, inputs, hidden, words, loss_kind, lr, steps):
    vocabulary = list(dict.fromkeys(words))
    index = [vocabulary.index(w) for w in words]
    torch.manual_seed(seed)
    embedding = nn.Embedding(len(vocabulary), inputs)
    h0 = torch.randn(1, hidden)
    rnn = nn.RNN(inputs, hidden)
    head = nn.Linear(hidden, len(vocabulary))
    params = {"embedding.weight": embedding.weight, "rnn.weight_ih_l0": rnn.weight_ih_l0,
              "rnn.weight_hh_l0": rnn.weight_hh_l0, "rnn.bias_ih_l0": rnn.bias_ih_l0,
              "rnn.bias_hh_l0": rnn.bias_hh_l0, "head.weight": head.weight,
              "head.bias": head.bias}
    initial = {name: {"shape": list(p.shape), "values": f32(p)} for name, p in params.items()}

    def forward():
        start = h0.detach().clone().requires_grad_()
        x = torch.stack([embedding.weight[i] for i in index]).unsqueeze(1)
        ig = F.linear(x, rnn.weight_ih_l0, rnn.bias_ih_l0)
        states = [start]
        for t in range(len(words)):
            states.append(torch.tanh(
                F.linear(states[-1], rnn.weight_hh_l0, rnn.bias_hh_l0) + ig[t]))
        for s in states:
            if not s.is_leaf:
                s.retain_grad()
        terms = [F.cross_entropy(head(states[t]), torch.tensor([index[t]]))
                 for t in range(1, len(words))]
        loss = torch.stack(terms).mean() if loss_kind == "next-word" else terms[-1]
        return loss, states

    optimizer = torch.optim.SGD(list(params.values()), lr=lr)
    losses, first = [], None
    for k in range(steps):
        optimizer.zero_grad()
        loss, states = forward()
        loss.backward()
        losses.append(float(f"{loss.item():.9g}"))
        if k == 0:
            first = {
                "hidden_states": [f32(s) for s in states],
                "gradients": {name: f32(p.grad) for name, p in params.items()},
                "hidden_gradients": [
                    f32(s.grad if s.grad is not None else torch.zeros_like(s)) for s in states],
            }
        optimizer.step()
    with torch.no_grad():
        final_loss, _ = forward()
    return {
        "variant": "torch-rnn", "seed": seed, "inputs": inputs, "hidden": hidden,
        "words": words, "vocabulary": vocabulary, "loss": loss_kind, "lr": lr, "steps": steps,
        "parameters": initial, "h0": f32(h0), **first, "losses": losses,
        "parameters_after": {name: f32(p) for name, p in params.items()},
        "loss_after": float(f"{final_loss.item():.9g}"),
    }


def configurations(count, seed):
    """A spread of sizes: small and large inputs and hidden units, 2 to a few hundred
    words, both losses."""
    rng = random.Random(seed)
    sizes = [1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 16, 20, 24, 31, 32, 33, 40, 48, 63, 64]
    lengths = [2, 3, 4, 5, 8, 12, 20, 37, 64, 100, 191, 193, 200, 250, 300]
    for k in range(count):
        yield dict(
            seed=rng.randrange(2**32), inputs=rng.choice(sizes), hidden=rng.choice(sizes),
            words=[rng.choice(WORDS) for _ in range(rng.choice(lengths))],
            loss_kind=("next-word", "last-word")[k % 2],
            lr=rng.choice([0.01, 0.1, 0.5]), steps=rng.choice([1, 2, 3]))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--count", type=int, default=60)
    p.add_argument("--seed", type=int, default=14)
    a = p.parse_args()
    torch.set_num_threads(1)
    for c in configurations(a.count, a.seed):
        print(json.dumps(run(**c)))
