import Model
import Testing

/// A long text's trace from checkpoints is the full run's, bit for bit, at every word.
struct CheckpointedTraceTests {
  static let words = (0..<61).map { ["the", "dog", "jumped", "over", "a", "cat"][$0 * 7 % 6] }

  static func model(_ variant: Variant) throws -> RNNModel {
    try ModelSpec(variant: variant, seed: 3, inputs: 4, hidden: 3, words: words).build()
  }

  func expectSame(_ a: TraceEvent, _ b: TraceEvent) {
    #expect(a == b, "step \(b.step)")
    #expect(
      a.result.value.scalars.map(\.bitPattern) == b.result.value.scalars.map(\.bitPattern),
      "step \(b.step): values differ in a bit")
    #expect(a.result.name == b.result.name && a.formula == b.formula, "step \(b.step)")
  }

  @Test(arguments: Variant.allCases, KernelFamily.allCases)
  func everyWordsEventsAreTheFullRunsBitForBit(variant: Variant, kernels: KernelFamily) throws {
    var model = try Self.model(variant)
    model.kernels = kernels
    for interval in [1, 7, 61, 100] { try expectFullRun(model, interval: interval) }
  }

  func expectFullRun(_ model: RNNModel, interval: Int) throws {
    let full = model.trace(Self.words)
    let states = model.hiddenStates(for: Self.words)
    var seen: [Int] = []
    let checkpointed = CheckpointedTrace(
      model: model, words: Self.words, count: Self.words.count, interval: interval,
      each: { t, _ in seen.append(t) })
    #expect(seen == Array(1...Self.words.count))
    #expect(checkpointed.eventCount == full.events.count)
    // Backwards, so that no word is reached by a run that just computed the one before.
    for t in stride(from: Self.words.count, through: 1, by: -1) {
      let events = checkpointed.events(ofWord: t)
      let expected = full.events.filter { $0.t == t }
      #expect(events.count == expected.count)
      for (a, b) in zip(events, expected) { expectSame(a, b) }
    }
    for t in 0...Self.words.count {
      #expect(
        checkpointed.hiddenState(t).scalars.map(\.bitPattern)
          == states[t].scalars.map(\.bitPattern), "h_\(t)")
    }
    for index in [0, 1, full.events.count / 2, full.events.count - 1] {
      expectSame(checkpointed.event(at: index), full.events[index])
    }
  }

  @Test func theIntervalKeepsTheCheckpointsInTheirBudget() {
    for (words, hidden) in [(1_000_000, 2), (1_000_000, 16), (300_000, 4096), (5, 2), (1, 4096)] {
      let interval = CheckpointedTrace.interval(words: words, hidden: hidden)
      let bytes = (words / interval + 1) * hidden * 4
      #expect(bytes <= CheckpointedTrace.checkpointBytes + hidden * 4, "\(words), \(hidden)")
      // One word fewer between checkpoints would not fit.
      if interval > 1 {
        #expect((words / (interval - 1) + 1) * hidden * 4 > CheckpointedTrace.checkpointBytes)
      }
    }
    #expect(CheckpointedTrace.interval(words: 1_000_000, hidden: 2) == 1)
    #expect(CheckpointedTrace.interval(words: 1_000_000, hidden: 16) == 8)
  }
}
