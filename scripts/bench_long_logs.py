#!/usr/bin/env python3
"""Long logs as a user meets them, in a real terminal (tmux): for each word count, the
export of a `--sentence-file` text (lesson sizes, inputs 4 and hidden 2), `verify` of
its log, `replay` of it into a pipe, and `replay` in the player: the time to its first
frame and to the last step after End (`G`). Wall times and peak memory come from
`/usr/bin/time -v`, which wraps each command inside the tmux session, so standard
error is a terminal (the progress line is drawn, as a user sees it).

    swift build -c release --static-swift-stdlib
    python3 scripts/bench_long_logs.py                  # 300,000 and 1,000,000 words
    python3 scripts/bench_long_logs.py --words 100000   # a quicker look
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_vs_torch import ROOT, random_sentence  # noqa: E402

MEMORY_TARGET_MIB = 64
SESSION = f"rnntrace-bench-{os.getpid()}"


def tmux(*args, check=True):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=check).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(predicate, timeout):
    """Seconds until the screen satisfies `predicate`, polled every 20 ms; None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(screen()):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def peak_and_wall(report):
    """Peak resident MiB and wall seconds from GNU time's -v report."""
    text = open(report).read()
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    status = int(re.search(r"Exit status: (\d+)", text).group(1))
    return peak, seconds, status


def run_in_terminal(command, report, timeout):
    """Runs `command` under GNU time in the session and waits for it to end."""
    marker = f"DONE-{time.monotonic_ns()}"
    tmux("send-keys", "-t", SESSION,
         f"/usr/bin/time -v -o {shlex.quote(report)} {command}; echo {marker}", "Enter")
    if wait_for(lambda s: marker in s.replace("echo " + marker, ""), timeout) is None:
        sys.exit(f"timed out: {command}")
    tmux("send-keys", "-t", SESSION, "clear", "Enter")
    return peak_and_wall(report)


def verdict(peak):
    return "met" if peak <= MEMORY_TARGET_MIB else "MISSED"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rnntrace", default=os.path.join(ROOT, ".build", "release", "rnntrace"))
    parser.add_argument("--words", type=int, nargs="+", default=[300_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--no-player", action="store_true", help="skip replay in the player")
    args = parser.parse_args()
    binary = os.path.abspath(args.rnntrace)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: not found; build it with `swift build -c release --static-swift-stdlib`")
    rnntrace = shlex.quote(binary)

    with tempfile.TemporaryDirectory(prefix="rnntrace-long-") as work:
        tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", "-c", work)
        try:
            tmux("send-keys", "-t", SESSION, "export PS1='$ '; clear", "Enter")
            for count in args.words:
                words = os.path.join(work, f"words-{count}.txt")
                with open(words, "w") as f:
                    f.write(random_sentence(count) + "\n")
                log = os.path.join(work, f"log-{count}.jsonl")
                report = os.path.join(work, "time.txt")
                print(f"{count:,} words, (4, 2), vocabulary 1,000:")

                peak, wall, status = run_in_terminal(
                    f"{rnntrace} export --sentence-file {words} -o {log}", report, args.timeout)
                size = os.path.getsize(log)
                print(f"  export      {wall:7.2f} s, {size / 1e6:,.0f} MB, peak {peak:5.1f} MiB"
                      f"  ({verdict(peak)}; exit {status})")

                peak, wall, status = run_in_terminal(f"{rnntrace} verify {log} > /dev/null",
                                                     report, args.timeout)
                print(f"  verify      {wall:7.2f} s, peak {peak:5.1f} MiB  ({verdict(peak)}; exit {status})")

                # The first line is written once the log is verified and indexed.
                peak, wall, status = run_in_terminal(
                    f"{rnntrace} replay {log} | head -c 1 > /dev/null", report, args.timeout)
                print(f"  replay | head -c 1 (verified and indexed) {wall:7.2f} s, peak {peak:5.1f} MiB"
                      f"  ({verdict(peak)})")

                peak, wall, status = run_in_terminal(f"{rnntrace} replay {log} > /dev/null",
                                                     report, args.timeout)
                print(f"  replay | pipe (the whole walkthrough) {wall:7.2f} s, peak {peak:5.1f} MiB"
                      f"  ({verdict(peak)}; exit {status})")

                if args.no_player:
                    os.remove(log)
                    os.remove(words)
                    continue
                # The player: first frame (t 1/N in its header), End, quit.
                total = f"{count:,}".replace(",", "")
                tmux("send-keys", "-t", SESSION,
                     f"/usr/bin/time -v -o {shlex.quote(report)} {rnntrace} replay {log}; echo PLAYER-DONE",
                     "Enter")
                first = wait_for(lambda s: f"t 1/{total}" in s, args.timeout)
                tmux("send-keys", "-t", SESSION, "G")
                start = time.perf_counter()
                end = wait_for(lambda s: f"t {total}/{total}" in s, args.timeout)
                end_seconds = None if end is None else time.perf_counter() - start
                tmux("send-keys", "-t", SESSION, "q")
                if wait_for(lambda s: "PLAYER-DONE" in s.replace("echo PLAYER-DONE", ""),
                            args.timeout) is None:
                    sys.exit("the player did not quit")
                tmux("send-keys", "-t", SESSION, "clear", "Enter")
                peak, wall, status = peak_and_wall(report)
                first_text = "timed out" if first is None else f"{first:.2f} s"
                end_text = "timed out" if end_seconds is None else f"{end_seconds * 1000:.0f} ms"
                print(f"  replay in the player: first frame {first_text}, End {end_text}, "
                      f"peak {peak:5.1f} MiB  ({verdict(peak)}; exit {status})")
                os.remove(log)
                os.remove(words)
        finally:
            tmux("kill-session", "-t", SESSION, check=False)


if __name__ == "__main__":
    main()
