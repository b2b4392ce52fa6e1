#!/usr/bin/env bash
# Fuzzes the JSON Lines reader and verifier with libFuzzer (not part of `swift test`).
#
#   scripts/fuzz-log-reader.sh [SECONDS]      (default 180)
#
# Builds the Model and TraceLog sources with the fuzzer entry point in scripts/fuzz/, seeds the
# corpus with the good and bad logs of Tests/TraceLogTests/Fixtures, and runs. An input
# that crashes or hangs the reader is written to Tests/TraceLogTests/Fixtures/fuzz-corpus/,
# which the test suite replays (TraceLogFuzzTests); fix the bug, keep the file.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-180}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The log reader needs only Model and TraceLog, compiled here as one module by plain
# swiftc (which ignores TraceLog's `import Model`, with a warning).
mapfile -t sources < <(find Sources/Model Sources/TraceLog -name '*.swift' | sort)
swiftc -O -parse-as-library -module-name Model -sanitize=fuzzer,address \
  -o "$work/fuzz-log-reader" "${sources[@]}" scripts/fuzz/LogReaderFuzzer.swift

mkdir -p "$work/corpus" Tests/TraceLogTests/Fixtures/fuzz-corpus
cp Tests/TraceLogTests/Fixtures/logs/*.jsonl Tests/TraceLogTests/Fixtures/bad-logs/* \
  Tests/TraceLogTests/Fixtures/fuzz-corpus/* "$work/corpus/" 2>/dev/null || true
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
  -artifact_prefix=Tests/TraceLogTests/Fixtures/fuzz-corpus/ 2>&1 | tail -n 25
