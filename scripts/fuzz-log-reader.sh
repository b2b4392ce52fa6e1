#!/usr/bin/env bash
# Fuzzes the JSON Lines reader and verifier with libFuzzer (not part of `swift test`).
#
#   scripts/fuzz-log-reader.sh [SECONDS]      (default 180)
#
# Builds the Model sources with the fuzzer entry point in scripts/fuzz/, seeds the
# corpus with the good and bad logs of Tests/ModelTests/Fixtures, and runs. An input
# that crashes or hangs the reader is written to Tests/ModelTests/Fixtures/fuzz-corpus/,
# which the test suite replays (TraceLogFuzzTests); fix the bug, keep the file.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-180}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The log reader needs no lesson parsing: leaving out the files that use Yams (and the
# bundled lessons, which SwiftPM embeds) lets plain swiftc build it.
mapfile -t sources < <(find Sources/Model -name '*.swift' -not -path '*/Lesson/Parser/*' \
  -not -name BundledLessons.swift | sort)
swiftc -O -parse-as-library -module-name Model -sanitize=fuzzer,address \
  -o "$work/fuzz-log-reader" "${sources[@]}" scripts/fuzz/LogReaderFuzzer.swift

mkdir -p "$work/corpus" Tests/ModelTests/Fixtures/fuzz-corpus
cp Tests/ModelTests/Fixtures/logs/*.jsonl Tests/ModelTests/Fixtures/bad-logs/* \
  Tests/ModelTests/Fixtures/fuzz-corpus/* "$work/corpus/" 2>/dev/null || true
# A dictionary of the format's tokens helps the fuzzer reach past the header.
cat > "$work/dict" <<'DICT'
"{\"type\":\"header\""
"\"format\":\"rnntrace\""
"\"version\":1"
"\"variant\":\"linear\""
"\"variant\":\"linear-tanh\""
"\"parameters\":{"
"\"shape\":[1,1]"
"\"values\":["
"{\"type\":\"event\""
"\"op\":\"hidden_state\""
"\"value\":[null]"
"\\ud800"
DICT
"$work/fuzz-log-reader" "$work/corpus" -dict="$work/dict" -max_total_time="$seconds" \
  -max_len="${FUZZ_MAX_LEN:-65536}" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Tests/ModelTests/Fixtures/fuzz-corpus/ 2>&1 | tail -n 25
