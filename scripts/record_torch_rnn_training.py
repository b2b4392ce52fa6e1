#!/usr/bin/env python3
"""Records what PyTorch computes when a torch-rnn model (nn.RNN) learns, for
Tests/ModelTests/Fixtures/training/torch-rnn-amd.jsonl.

The model and the training are those of `rnntrace train --variant torch-rnn`: the
embedding, h_0, nn.RNN(inputs, hidden) and the prediction head drawn in that order from
torch.manual_seed(seed); nn.RNN's CPU computation written out (the input products of all
words in one F.linear, then tanh(W_hh·h + b_hh + that row) per step, which gives
run(x, h0)'s values and gradients bit for bit, with each h_t a tensor whose gradient can
be read); the next-word or last-word cross-entropy; loss.backward(); torch.optim.SGD.
One JSON object a line, in the format of the training fixtures beside it, except that
"parameters" (the initial draws, which other fixtures check) is left empty to keep the
file small.

Usage: record_torch_rnn_training.py [--seed S] > torch-rnn-amd.jsonl
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
    """Each float32 in the fewest digits that read back as it."""
    return [float(str(v)) for v in t.detach().flatten().numpy()]


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
        losses.append(f32(loss)[0])
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
        "parameters": {}, "h0": f32(h0), **first, "losses": losses,
        "parameters_after": {name: f32(p) for name, p in params.items()},
        "loss_after": f32(final_loss)[0],
    }


# (inputs, hidden, words): the sizes MKL's and ATen's orders are followed for (12 or more
# inputs and hidden units, 4 or more words; words around the blocks of 192 and 384
# terms), then sizes they are not (fewer inputs, hidden units or words).
CASES = [
    (12, 12, 4), (13, 12, 5), (16, 16, 8), (20, 24, 12), (32, 32, 20), (64, 64, 4),
    (33, 40, 12), (12, 64, 5), (64, 12, 10), (24, 13, 37), (24, 16, 64), (16, 24, 100),
    (12, 12, 191), (12, 12, 193), (13, 12, 250), (12, 13, 300), (12, 12, 385), (17, 31, 9),
    (1, 1, 2), (4, 2, 5), (2, 5, 20), (7, 20, 5), (24, 4, 12), (16, 16, 3), (40, 16, 2),
    (5, 11, 64), (3, 40, 8), (11, 11, 11), (8, 8, 40), (12, 7, 30), (40, 12, 3), (1, 16, 200),
]


def configurations(seed):
    rng = random.Random(seed)
    for k, (inputs, hidden, length) in enumerate(CASES):
        yield dict(
            seed=rng.randrange(2**32), inputs=inputs, hidden=hidden,
            words=[rng.choice(WORDS) for _ in range(length)],
            loss_kind=("next-word", "last-word")[k % 2],
            lr=rng.choice([0.01, 0.1, 0.5]), steps=rng.choice([1, 2, 3]))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=14)
    a = p.parse_args()
    torch.set_num_threads(1)
    for c in configurations(a.seed):
        print(json.dumps(run(**c)))
