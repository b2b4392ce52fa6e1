import Foundation
import Model
import TestSupport
import Testing
import TraceLog

@testable import RNNTrace

/// The export's two threads: batches the model's thread encodes itself (when the
/// encoder's queue is full) give the same bytes as the encoder's thread alone.
@Suite struct EncoderThreadTests {
  /// A round long enough for dozens of batches (its head has 60 words' logits).
  static func round() throws -> LossRound {
    let words = (0..<400).map { "w\(($0 &* 37) % 60)" }
    let options = try ModelOptions.parse(["--seed", "5", "--inputs", "4", "--hidden", "3"])
    return try LossRound(options, words: words, loss: .nextWord)
  }

  static func header(_ round: LossRound) -> TraceHeader {
    TraceHeader(
      model: round.model, head: round.head, loss: round.learner.loss,
      words: round.learner.words, seed: 5, source: "test")
  }

  /// The log written by the encoder's thread, the model's encoding the batches that
  /// `encodesHere` picks.
  static func threaded(_ round: LossRound, to path: String, encodesHere: @escaping () -> Bool)
    throws
  {
    let file = try OutputFile.open(path)
    var listener = EncodingListener(encoder: JSONLinesEncoder(), output: file)
    listener.begin(header(round))
    let thread = EncoderThread(listener)
    defer { thread.cancel() }
    var (written, _) = round.run(
      into: BatchingListener(thread: thread, helper: JSONLinesEncoder(), encodesHere: encodesHere),
      keepingStates: false)
    try written.finish()
    try file.commit()
  }

  @Test(arguments: [0, 1, 2, 3])
  func batchesEncodedOnEitherThreadGiveTheSameBytes(pattern: Int) throws {
    let round = try Self.round()
    let scratch = try ScratchDirectory()
    let alone = scratch.path("alone.jsonl")
    let file = try OutputFile.open(alone)
    var listener = EncodingListener(encoder: JSONLinesEncoder(), output: file)
    listener.begin(Self.header(round))
    var (written, _) = round.run(into: listener, keepingStates: false)
    try written.finish()
    try file.commit()

    // Never, always, every other batch, every third: each a different split.
    let counter = Counter()
    let shared = scratch.path("shared.jsonl")
    try Self.threaded(round, to: shared) {
      counter.count += 1
      return pattern == 0 ? false : counter.count % pattern == 0
    }
    #expect(counter.count > 10, "too few batches to split: \(counter.count)")
    let expected = try Data(contentsOf: URL(fileURLWithPath: alone))
    #expect(expected.count > 100_000)
    #expect(try Data(contentsOf: URL(fileURLWithPath: shared)) == expected)
  }

  final class Counter: @unchecked Sendable {
    var count = 0
  }
}
