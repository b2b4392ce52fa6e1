#!/usr/bin/env python3
"""The whole-process targets of rnntrace that the in-process benchmarks cannot see:
start-up, `rnntrace print` of the bundled lesson, and a 1,000,000-word export (wall
time, throughput and peak memory).

    swift build -c release --static-swift-stdlib
    python3 scripts/bench_process.py            # 20 runs of the short commands
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_vs_torch import ROOT, random_sentence, run_timed  # noqa: E402

# (what, target)
PRINT_TARGET_MS = 30
MEMORY_TARGET_MIB = 64


def timed_runs(argv, runs):
    results = [run_timed(argv) for _ in range(runs)]
    walls = sorted(r[0] * 1000 for r in results)
    return walls[0], statistics.median(walls), max(r[2] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rnntrace", default=os.path.join(ROOT, ".build", "release", "rnntrace"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    binary = args.rnntrace
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: not found; build it with `swift build -c release --static-swift-stdlib`")

    print(f"{os.cpu_count()} cores; {args.runs} runs; wall ms as best / median")
    best, median, peak = timed_runs([binary, "--version"], args.runs)
    print(f"  start-up (rnntrace --version)        {best:6.1f} / {median:6.1f} ms, {peak:.0f} MiB")
    best, median, peak = timed_runs([binary, "print"], args.runs)
    verdict = "met" if median <= PRINT_TARGET_MS else "MISSED"
    print(f"  rnntrace print (the bundled lesson)  {best:6.1f} / {median:6.1f} ms, {peak:.0f} MiB"
          f"  (target {PRINT_TARGET_MS} ms: {verdict})")

    with tempfile.TemporaryDirectory(prefix="rnntrace-bench-") as workdir:
        words = os.path.join(workdir, "words.txt")
        with open(words, "w") as f:
            f.write(random_sentence(args.words) + "\n")
        out = os.path.join(workdir, "trace.jsonl")
        wall, cpu, peak = run_timed([binary, "export", "--format", "jsonl", "--inputs", "8",
                                     "--hidden", "16", "--sentence-file", words, "-o", out])
        size = os.path.getsize(out)
        verdict = "met" if peak <= MEMORY_TARGET_MIB else "MISSED"
        print(f"  export --sentence-file, {args.words:,} words, (8, 16): {wall:.2f} s wall, "
              f"{cpu:.2f} s CPU, {size / 1e6:,.0f} MB at {size / 1e6 / wall:,.0f} MB/s, "
              f"peak {peak:.0f} MiB  (target {MEMORY_TARGET_MIB} MiB: {verdict})")


if __name__ == "__main__":
    main()
