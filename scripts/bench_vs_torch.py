#!/usr/bin/env python3
"""Whole process against whole process: `rnntrace export --format jsonl` beside a peer
script, the eager PyTorch loop a learner would write to trace the lesson's second RNN
class (nn.Embedding of a 1,000-word vocabulary, nn.Linear layers, tanh), writing one JSON
line per operation, on the same sizes and the same number of random words. The peer is
called as `PEER WORDS INPUTS HIDDEN OUTFILE`; trace_torch.py, which README's figures
used, is such a script. Prints both wall times, CPU times, peak memory, output sizes and
the ratio.

    swift build -c release --static-swift-stdlib
    python3 scripts/bench_vs_torch.py --peer trace_torch.py    # both sizes, 3 runs each
    python3 scripts/bench_vs_torch.py --peer trace_torch.py --runs 5 --only 10000,8,16

Each command runs --runs times in turn (rnntrace, torch, rnntrace, ...), writing a real
file in a temporary directory as a user would; the medians are compared. Wall time is
what a person waits; CPU time (user + system) is what a loaded machine cannot steal, so
both are shown. Without PyTorch or a peer only rnntrace is timed.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# (words, inputs, hidden, the ratio the issue asks for)
CASES = [(10_000, 8, 16, 30.0), (1_000, 256, 256, 10.0)]


def has_torch(python):
    probe = subprocess.run([python, "-c", "import torch"], capture_output=True)
    return probe.returncode == 0


def random_sentence(count, seed=7, vocabulary=1000):
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(vocabulary)}" for _ in range(count))


GNU_TIME = "/usr/bin/time"


def run_timed(argv, stdout=subprocess.DEVNULL):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one command.

    The peak comes from GNU time where it is installed: a child forked from this script
    starts as a copy of it, and the kernel's ru_maxrss counts that copy too (tens of MiB
    after writing a long sentence file)."""
    measure = os.access(GNU_TIME, os.X_OK)
    peak_file = tempfile.NamedTemporaryFile(prefix="rnntrace-peak-", delete=False)
    peak_file.close()
    command = [GNU_TIME, "-f", "%M", "-o", peak_file.name] + argv if measure else argv
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(peak_file.name) as f:
        reported = f.read().strip().splitlines()
    os.remove(peak_file.name)
    if process.returncode != 0:
        sys.exit(f"{argv[0]} failed with status {process.returncode}: {stderr.strip()}")
    peak_kib = int(reported[-1]) if measure and reported else usage.ru_maxrss
    return wall, usage.ru_utime + usage.ru_stime, peak_kib / 1024


def describe_output(path):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        lines = sum(1 for _ in f)
    return size, lines


def rnntrace_argv(binary, words, inputs, hidden, sentence, out, workdir, sentence_file):
    argv = [binary, "export", "--format", "jsonl", "--inputs", str(inputs),
            "--hidden", str(hidden), "-o", out]
    if sentence_file:
        path = os.path.join(workdir, "sentence.txt")
        with open(path, "w") as f:
            f.write(sentence + "\n")
        return argv + ["--sentence-file", path]
    return argv + ["--sentence", sentence]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rnntrace", default=os.path.join(ROOT, ".build", "release", "rnntrace"),
                        help="the rnntrace binary (default: the release build)")
    parser.add_argument("--peer", help="the PyTorch script to compare with (trace_torch.py)")
    parser.add_argument("--python", default=sys.executable, help="the Python that has torch")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (median)")
    parser.add_argument("--only", help="one case: WORDS,INPUTS,HIDDEN")
    args = parser.parse_args()

    if not os.access(args.rnntrace, os.X_OK):
        sys.exit(f"{args.rnntrace}: not found; build it with `swift build -c release --static-swift-stdlib`")
    help_text = subprocess.run([args.rnntrace, "export", "--help"], capture_output=True,
                               text=True).stdout
    sentence_file = "--sentence-file" in help_text
    torch = args.peer is not None and has_torch(args.python)
    if not torch:
        print("PyTorch or trace_torch.py not found: timing rnntrace alone\n")

    cases = CASES
    if args.only:
        words, inputs, hidden = (int(x) for x in args.only.split(","))
        cases = [(words, inputs, hidden, None)]

    print(f"{os.cpu_count()} cores; {args.runs} runs each, medians; "
          f"rnntrace reads its words from {'--sentence-file' if sentence_file else '--sentence'}")
    workdir = tempfile.mkdtemp(prefix="rnntrace-bench-")
    failed = False
    try:
        for words, inputs, hidden, target in cases:
            sentence = random_sentence(words)
            ours, theirs = [], []
            out = os.path.join(workdir, "trace.jsonl")
            for _ in range(args.runs):
                ours.append(run_timed(rnntrace_argv(
                    args.rnntrace, words, inputs, hidden, sentence, out, workdir,
                    sentence_file)))
                our_size, our_lines = describe_output(out)
                os.remove(out)
                if torch:
                    theirs.append(run_timed(
                        [args.python, args.peer, str(words), str(inputs), str(hidden), out]))
                    their_size, their_lines = describe_output(out)
                    os.remove(out)
            print(f"\n(inputs, hidden, words) = ({inputs}, {hidden}, {words:,})")
            row = "  {:<28} {:>9} {:>9} {:>9} {:>10} {:>10}"
            print(row.format("", "wall s", "CPU s", "peak MiB", "MB", "lines"))
            median = lambda runs, i: statistics.median(r[i] for r in runs)
            print(row.format("rnntrace export --format jsonl", f"{median(ours, 0):.3f}",
                             f"{median(ours, 1):.3f}", f"{median(ours, 2):.0f}",
                             f"{our_size / 1e6:.1f}", f"{our_lines:,}"))
            if not torch:
                continue
            print(row.format("trace_torch.py", f"{median(theirs, 0):.3f}",
                             f"{median(theirs, 1):.3f}", f"{median(theirs, 2):.0f}",
                             f"{their_size / 1e6:.1f}", f"{their_lines:,}"))
            wall_ratio = median(theirs, 0) / median(ours, 0)
            cpu_ratio = median(theirs, 1) / median(ours, 1)
            verdict = ""
            if target is not None:
                met = wall_ratio >= target
                failed |= not met
                verdict = f"  (target {target:.0f}x: {'met' if met else 'MISSED'})"
            print(f"  ratio, torch / rnntrace: {wall_ratio:.1f}x wall, {cpu_ratio:.1f}x CPU{verdict}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
