#!/usr/bin/env python3
"""The player on a long text, measured as a user meets it: `rnntrace play
--sentence-file` of a 1,000,000-word book in a real terminal (tmux), under
`/usr/bin/time -v`. Reports the time to the first frame, to the frame after End,
of a search through the whole text and of `N g`, and the peak memory.

    swift build -c release --static-swift-stdlib
    python3 scripts/bench_player.py                     # (4, 2), 1,000,000 words
    python3 scripts/bench_player.py --hidden 16 --inputs 8
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEMORY_TARGET_MIB = 64
FIRST_FRAME_TARGET_S = 2.0


def book(path, words, vocabulary, seed=18):
    """`words` words drawn from `vocabulary` made-up ones, twelve to a line."""
    rng = random.Random(seed)
    names = [f"w{i}" for i in range(vocabulary)]
    with open(path, "w") as f:
        for start in range(0, words, 12):
            f.write(" ".join(rng.choice(names) for _ in range(min(12, words - start))) + "\n")


class Session:
    """A tmux server of its own, one window of `columns` × `rows`."""

    def __init__(self, columns, rows):
        self.name = f"rnntrace-bench-{os.getpid()}"
        self.tmux("new-session", "-d", "-x", str(columns), "-y", str(rows), "bash --norc")

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.name, "-f", "/dev/null", *args],
                              check=True, capture_output=True, text=True).stdout

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "0", *keys)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "0")

    def wait(self, pattern, timeout=600, anywhere=False):
        """Seconds until the first line matches `pattern` (the header; never the
        echoed command line, which is not the first line once the player is up), or
        any line."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            screen = self.screen()
            if re.search(pattern, screen if anywhere else screen.split("\n", 1)[0]):
                return time.monotonic() - start
            time.sleep(0.01)
        sys.exit(f"no {pattern!r} after {timeout} s:\n{self.screen()}")

    def close(self):
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rnntrace", default=os.path.join(ROOT, ".build", "release", "rnntrace"))
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--vocabulary", type=int, default=300)
    parser.add_argument("--inputs", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=2)
    args = parser.parse_args()
    if not os.access(args.rnntrace, os.X_OK):
        sys.exit(f"{args.rnntrace}: not found; build it with "
                 "`swift build -c release --static-swift-stdlib`")
    with tempfile.TemporaryDirectory(prefix="rnntrace-player-") as workdir:
        text = os.path.join(workdir, "book.txt")
        book(text, args.words, args.vocabulary)
        report = os.path.join(workdir, "time.txt")
        session = Session(120, 40)
        try:
            session.keys(f"/usr/bin/time -v -o {report} {args.rnntrace} play --inputs "
                         f"{args.inputs} --hidden {args.hidden} --sentence-file {text}; "
                         "clear; echo player-closed", "Enter")
            start = time.monotonic()
            session.wait(r"step 1/")
            first = time.monotonic() - start
            session.keys("End")
            end = session.wait(rf"t {args.words}/{args.words}")
            session.keys("g")
            session.wait(r"step 1/")
            # A search that matches nowhere: every event of the text recomputed, in order.
            session.keys("/", "|h| > 5", "Enter")
            search = session.wait(r"no match after step 1", anywhere=True)
            middle = args.words // 2 * 8 + 1
            session.keys(*str(middle), "g")
            jump = session.wait(rf"step {middle}/")
            session.keys("Space")
            time.sleep(1)
            session.keys("Space", "q")
            start = time.monotonic()
            while "player-closed" not in session.screen():
                if time.monotonic() - start > 60:
                    sys.exit(f"the player did not quit:\n{session.screen()}")
                time.sleep(0.05)
        finally:
            session.close()
        with open(report) as f:
            times = f.read()
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", times)[1]) / 1024
        cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", times)[1])
                  for kind in ("User", "System"))
        print(f"play --sentence-file, {args.words:,} words, ({args.inputs}, {args.hidden}), "
              f"120×40 in tmux:")
        print(f"  first frame {first:.2f} s (target {FIRST_FRAME_TARGET_S} s: "
              f"{'met' if first <= FIRST_FRAME_TARGET_S else 'MISSED'})")
        print(f"  End to its frame {end:.3f} s; `/|h| > 5` over the whole text {search:.2f} s; "
              f"`{middle} g` {jump:.3f} s (each to the frame, polled every 10 ms)")
        print(f"  CPU of the whole session {cpu:.2f} s (the wall times include waiting for "
              "the cores on a loaded machine)")
        print(f"  peak {peak:.1f} MiB (target {MEMORY_TARGET_MIB} MiB: "
              f"{'met' if peak <= MEMORY_TARGET_MIB else 'MISSED'})")


if __name__ == "__main__":
    main()
