#!/usr/bin/env python3
"""Writes the lesson's chapter-1 loop (NUMBERS.md) as an rnntrace JSON Lines log,
computed here with numpy float32, independently of rnntrace.

The tensors are the lesson's printed values (4 decimals), so the log is exactly
reproducible without PyTorch; the linear variant has no tanh, so every value is
plain float32 arithmetic: products summed left to right from the first, rounding
after each multiply and add, as docs/trace-format.md says.

Usage: scripts/make-lesson-log.py > Tests/TraceLogTests/Fixtures/logs/lesson-linear.jsonl
"""
import json
import sys

import numpy as np

f32 = np.float32
E = [  # the lesson's E, 4x5: column t is e_t
    [1.3029, 0.2045, -0.9202, -0.8919, 0.2516],
    [0.9675, -0.6870, 0.9042, 0.3286, -0.0742],
    [0.1414, -1.2538, -0.3456, -0.2211, -0.7043],
    [0.3368, 0.0064, 0.2326, 0.9527, -0.4139],
]
words = "the dog jumped over a".split()
embedding = [[f32(E[r][c]) for r in range(4)] for c in range(5)]  # [V, inputs]
h0 = [[f32(-0.1117)]]
w_h = [[f32(-0.2138)]]
w_e = [[f32(-1.3780)], [f32(-0.0546)], [f32(0.4515)], [f32(0.7858)]]


def matmul(a, b):
    out = []
    for i in range(len(a)):
        row = []
        for j in range(len(b[0])):
            s = f32(a[i][0] * b[0][j])
            for k in range(1, len(b)):
                s = f32(s + f32(a[i][k] * b[k][j]))
            row.append(s)
        out.append(row)
    return out


def flat(m):
    return [v for row in m for v in row]


def values(m):
    # Written as text by hand so that each float32 keeps its shortest decimal.
    return "[" + ",".join(repr(np.float32(v)).replace("np.float32(", "").rstrip(")") for v in flat(m)) + "]"


def tensor(shape, m):
    return '{"shape":%s,"values":%s}' % (json.dumps(shape, separators=(",", ":")), values(m))


out = sys.stdout
out.write(
    '{"type":"header","format":"rnntrace","version":1,"source":"lesson chapter 1, printed values",'
    '"variant":"linear","seed":null,"inputs":4,"hidden":1,'
    '"words":%s,"vocabulary":%s,"parameters":{"embedding.weight":%s,"h0":%s,"w_h":%s,"w_e":%s}}\n'
    % (
        json.dumps(words, separators=(",", ":")),
        json.dumps(words, separators=(",", ":")),
        tensor([5, 4], embedding),
        tensor([1, 1], h0),
        tensor([1, 1], w_h),
        tensor([4, 1], w_e),
    )
)
step = 0
h = h0


def event(t, word, op, formula, operands, name, m, extra=""):
    global step
    step += 1
    ops = ",".join('{"name":%s,"shape":%s}' % (json.dumps(n, ensure_ascii=False), json.dumps(s, separators=(",", ":"))) for n, s in operands)
    out.write(
        '{"type":"event","step":%d,"t":%d,"word":%s,"op":"%s","formula":%s,%s"operands":[%s],'
        '"result":{"name":%s,"shape":[1,1],"values":%s}%s}\n'
        % (step, t, json.dumps(word), op, json.dumps(formula, ensure_ascii=False),
           extra, ops, json.dumps(name, ensure_ascii=False), values(m),
           ',"value":' + values(m) if op == "hidden_state" else "")
    )


for t, word in enumerate(words, start=1):
    i = words.index(word)
    e = [embedding[i]]
    step += 1
    out.write(
        '{"type":"event","step":%d,"t":%d,"word":%s,"op":"embedding","formula":"e_%d = embedding[%d]",'
        '"index":%d,"operands":[{"name":"embedding.weight","shape":[5,4]}],'
        '"result":{"name":"e_%d","shape":[1,4],"values":%s}}\n' % (step, t, json.dumps(word), t, i, i, t, values(e))
    )
    x = matmul(e, w_e)
    event(t, word, "matmul_input", f"e_{t}·w_e", [(f"e_{t}", [1, 4]), ("w_e", [4, 1])], f"e_{t}·w_e", x)
    r = matmul(h, w_h)
    event(t, word, "matmul_hidden", f"h_{t-1}·w_h", [(f"h_{t-1}", [1, 1]), ("w_h", [1, 1])], f"h_{t-1}·w_h", r)
    z = [[f32(r[0][0] + x[0][0])]]
    event(t, word, "add", f"z_{t} = h_{t-1}·w_h + e_{t}·w_e",
          [(f"h_{t-1}·w_h", [1, 1]), (f"e_{t}·w_e", [1, 1])], f"z_{t}", z)
    event(t, word, "hidden_state", f"h_{t}", [(f"z_{t}", [1, 1])], f"h_{t}", z)
    h = z
