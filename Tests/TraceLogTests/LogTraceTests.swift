import Foundation
import Testing

@testable import Model
@testable import TraceLog

/// A log replayed from its file: one pass indexes (and verifies) it, and the events are
/// read back a word at a time, the same as a whole read.
@Suite struct LogTraceTests {
  static let longWords = (0..<40).map { ["the", "dog", "cat"][($0 * 7 + $0 / 3) % 3] }

  static func indexed(_ bytes: [UInt8], verify: Bool = true, chunkSize: Int = 1 << 16) throws
    -> LogTrace
  {
    try LogTrace(
      indexing: ByteArraySource(bytes, chunkSize: chunkSize), reading: ByteArraySource(bytes),
      verify: verify)
  }

  /// Each word's offset is where the line of its first event starts.
  @Test(arguments: Variant.allCases)
  func offsetsPointAtEachWordsFirstLine(variant: Variant) throws {
    let bytes = LogTestModels.jsonl(variant, words: Self.longWords)
    let trace = try Self.indexed(bytes, chunkSize: 97)
    let index = trace.index
    #expect(index.forwardWordCount == Self.longWords.count)
    var lineStarts: [Int] = [0]
    for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
    let perWord = trace.events.count / Self.longWords.count
    for s in 0..<index.forwardWordCount {
      // Line 1 is the header; event k (from 0) is on line k + 2.
      #expect(index.starts[s] == UInt32(s * perWord))
      #expect(index.offsets[s] == UInt64(lineStarts[s * perWord + 1]))
      let line = bytes[Int(index.offsets[s])...].prefix(40)
      #expect(
        String(decoding: line, as: UTF8.self).hasPrefix(
          "{\"type\":\"event\",\"step\":\(s * perWord + 1),\"t\":\(s + 1),"))
    }
    #expect(index.offsets.last == UInt64(bytes.count))
    #expect(index.starts.last == UInt32(trace.events.count))
  }

  @Test(arguments: Variant.allCases)
  func windowEventsEqualAWholeRead(variant: Variant) throws {
    let bytes = LogTestModels.jsonl(variant, words: Self.longWords)
    let whole = try TraceLogLoader.load(ByteArraySource(bytes), verify: true).trace
    var seen: [Tensor] = []
    let trace = try LogTrace(
      indexing: ByteArraySource(bytes), reading: ByteArraySource(bytes), verify: true,
      each: { t, h in
        #expect(t == seen.count + 1)
        seen.append(h)
      })
    #expect(seen == Array(whole.hiddenStates.dropFirst()))
    #expect(trace.events.count == whole.events.count)
    // From the end back, as End then stepping back reads them, past the cache's reach.
    for i in trace.events.indices.reversed() { #expect(trace.events[i] == whole.events[i]) }
    #expect(Array(trace.events) == whole.events)
    let states = (0...Self.longWords.count).map(trace.hiddenState)
    #expect(states == whole.hiddenStates)
    #expect(trace.words == whole.words)
  }

  /// A log with the loss and the backward pass: its forward words read from the file,
  /// the events after them held, all the same as a whole read.
  @Test(arguments: LossKind.allCases)
  func aLossLogReadsTheSame(loss: LossKind) throws {
    let bytes = BackwardLogReaderTests.bytes(try BackwardLogReaderTests.log(loss))
    let whole = try TraceLogLoader.load(ByteArraySource(bytes), verify: true).trace
    let trace = try Self.indexed(bytes)
    #expect(Array(trace.events) == whole.events)
    #expect(trace.events.contains { $0.pass == .backward })
    #expect(trace.hiddenGradients.map(\.t) == whole.hiddenGradients.map(\.t))
    // Unverified, the forward words agree with the recomputation and read the same.
    let unverified = try Self.indexed(bytes, verify: false)
    let forward = whole.events.prefix { !$0.isAfterForward }
    #expect(Array(unverified.events.prefix(forward.count)) == Array(forward))
    #expect(unverified.events.count == whole.events.count)
  }

  /// The unbounded linear variant overflows: the log writes `null`, which does not say
  /// which infinity; the window recomputes those states and shows what a whole read shows.
  @Test func nonFiniteStatesReadTheSame() throws {
    let model = LogTestModels.model(.linear).scaled(by: 40)
    let words = Array(repeating: ["the", "dog"], count: 60).flatMap { $0 }
    var encoder = JSONLinesEncoder()
    let bytes = encoder.encode(model.trace(words), seed: 3, source: "test")
    #expect(String(decoding: bytes, as: UTF8.self).contains("null"))
    let whole = try TraceLogLoader.load(ByteArraySource(bytes), verify: true).trace
    #expect(whole.events.contains { $0.result.value.scalars.contains { $0.isInfinite } })
    let trace = try Self.indexed(bytes)
    for i in trace.events.indices.reversed() {
      #expect(trace.events[i].result.value.bitPatterns == whole.events[i].result.value.bitPatterns)
      #expect(
        trace.events[i].operands.map(\.value.bitPatterns)
          == whole.events[i].operands.map(\.value.bitPatterns))
    }
  }

  /// A line broken in the middle of a long log is refused while indexing, named by its line.
  @Test func aCorruptedLineIsFoundWhileIndexing() throws {
    let text = String(
      decoding: LogTestModels.jsonl(.linearTanh, words: Self.longWords), as: UTF8.self)
    var lines = text.split(separator: "\n").map(String.init)
    lines[150] = String(lines[150].prefix(30)) + "#" + lines[150].dropFirst(31)
    let broken = Array((lines.joined(separator: "\n") + "\n").utf8)
    for verify in [true, false] {
      #expect(throws: TraceLogError.self) { try Self.indexed(broken, verify: verify) }
      do {
        _ = try Self.indexed(broken, verify: verify)
      } catch let error as TraceLogError {
        #expect(error.line == 151, "\(error)")
      }
    }
    // A changed value is a difference, on its line, when verifying; not without.
    lines = text.split(separator: "\n").map(String.init)
    let at = try #require(
      lines.indices.first {
        $0 >= 200 && lines[$0].contains(#""op":"add""#) && lines[$0].contains(#""values":[0."#)
      })
    let target = lines[at]
    let edited = target.replacing(#""values":[0."#, with: #""values":[1."#, maxReplacements: 1)
    lines[at] = edited
    let changed = Array((lines.joined(separator: "\n") + "\n").utf8)
    #expect(throws: TraceDifference.self) { try Self.indexed(changed) }
    do {
      _ = try Self.indexed(changed)
    } catch let difference as TraceDifference {
      #expect(difference.line == at + 1)
    }
    let shown = try Self.indexed(changed, verify: false)
    #expect(!shown.index.verified)
    // The step on that line shows the recorded value; the words before it, the recomputation.
    let whole = try TraceLogLoader.load(
      ByteArraySource(LogTestModels.jsonl(.linearTanh, words: Self.longWords)), verify: true
    ).trace
    let step = at  // line n + 1 holds step n, event n - 1
    #expect(shown.events[step - 1] != whole.events[step - 1])
    #expect(shown.events[step - 1].result.value.scalars[0] >= 1)
    #expect(shown.events[step].operands[0].value.scalars[0] >= 1)
    let word = shown.index.starts.lastIndex { $0 <= UInt32(step - 1) }!
    let range = shown.events.source.groupRange(word)
    for i in shown.events.indices where !range.contains(i) && i < range.lowerBound {
      #expect(shown.events[i] == whole.events[i])
    }
  }

  /// `--no-verify` does not recompute while indexing: a log whose every value is not its
  /// model's (its parameters changed after it was written) indexes and shows as recorded.
  @Test func unverifiedIndexingDoesNotRecompute() throws {
    let original = LogTestModels.model(.linear)
    let other = original.scaled(by: 2)
    var encoder = JSONLinesEncoder()
    let otherLog = encoder.encode(other.trace(Self.longWords), seed: 3, source: "test")
    let ownLog = LogTestModels.jsonl(.linear, words: Self.longWords)
    // The original header with the other model's events.
    let header = ownLog.prefix { $0 != 0x0A }
    let events = otherLog.drop { $0 != 0x0A }
    let mixed = Array(header + events)
    #expect(throws: TraceDifference.self) { try Self.indexed(mixed) }
    let shown = try Self.indexed(mixed, verify: false)
    let otherTrace = other.trace(Self.longWords)
    for i in [0, 7, shown.events.count - 1] {
      #expect(shown.events[i].result == otherTrace.events[i].result)
    }
  }
}

extension RNNModel {
  /// The same model with its recurrence's weights multiplied by `factor`.
  fileprivate func scaled(by factor: Float) -> RNNModel {
    let cellParameters = parameters.dropFirst(2).map {
      Tensor(shape: $0.value.shape, scalars: $0.value.scalars.map { $0 * factor })
    }
    return RNNModel(
      vocabulary: vocabulary, embedding: embedding, h0: h0,
      cell: variant.makeCell(parameters: Array(cellParameters)))
  }
}

extension Tensor {
  fileprivate var bitPatterns: [UInt32] { scalars.map(\.bitPattern) }
}
