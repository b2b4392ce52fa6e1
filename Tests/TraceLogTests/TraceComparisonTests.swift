import Testing

@testable import Model
@testable import TraceLog

/// `rnntrace diff`'s comparison: identical logs, an edited weight, other words, a
/// broken log, and the compact table of a long log.
@Suite struct TraceComparisonTests {
  static func compare(_ a: [UInt8], _ b: [UInt8]) throws(TraceLogDiffError)
    -> TraceComparison
  {
    try TraceLogDiff.compare(ByteArraySource(a, chunkSize: 7), ByteArraySource(b, chunkSize: 5))
  }

  /// The linear model of the log tests with w_h[0,0] = 1.5 instead of 0.9.
  static func editedLinear(words: [String] = LogTestModels.words) -> [UInt8] {
    let base = LogTestModels.model(.linear)
    let cell = LinearCell(
      wH: Tensor(shape: [2, 2], scalars: [1.5, -0.3, 0.2, 1.1]),
      wE: Tensor(shape: [3, 2], scalars: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6]))
    let model = RNNModel(
      vocabulary: base.vocabulary, embedding: base.embedding, h0: base.h0, cell: cell)
    var encoder = JSONLinesEncoder()
    return encoder.encode(model.trace(words), seed: 3, source: "test")
  }

  @Test(arguments: Variant.allCases)
  func identicalLogsAreIdentical(variant: Variant) throws {
    let log = LogTestModels.jsonl(variant)
    let c = try Self.compare(log, log)
    #expect(c.identical)
    #expect(c.parameters.isEmpty)
    #expect(c.firstStep == nil)
    #expect(c.firstWordDifference == nil)
    #expect(c.eventsA == c.eventsB && c.eventsA > 4)
    #expect(c.table.count == 4)
    #expect(c.table.rows.allSatisfy { $0?.largest.magnitude == 0 })
  }

  @Test func anEditedWeightIsNamedWithItsChangeAndFirstStep() throws {
    let c = try Self.compare(LogTestModels.jsonl(.linear), Self.editedLinear())
    #expect(!c.identical)
    #expect(c.parameters.count == 1)
    let change = try #require(c.parameters.first)
    #expect(change.name == "w_h")
    #expect(change.differing == 1 && change.count == 4)
    #expect(change.largest?.index == [0, 0])
    #expect(change.largest?.a == 0.9 && change.largest?.b == 1.5)
    // Step 1 is e_1, step 2 e_1·w_e: the first to use w_h is step 3, h_0·w_h.
    let step = try #require(c.firstStep)
    #expect(step.step == 3 && step.t == 1 && step.operation == "matmul_hidden")
    guard case .values(let differing, let count, let largest) = step.detail else {
      Issue.record("expected a values difference, found \(step.detail)")
      return
    }
    // h_0·w_h: [0.25, -0.5]·w_h; only column 0 uses w_h[0,0]: 0.25·0.9 → 0.25·1.5.
    #expect(differing == 1 && count == 2)
    #expect(largest.index == [0, 0])
    #expect(largest.a == Float(0.25) * Float(0.9) + Float(-0.5) * Float(0.2))
    #expect(largest.b == Float(0.25) * Float(1.5) + Float(-0.5) * Float(0.2))
    // h_1 differs by the same amount: e_1·w_e is unchanged.
    let first = try #require(c.table.rows.first ?? nil)
    #expect(first.t == 1 && first.largest.index == [0, 0])
    #expect(abs(first.largest.magnitude - Double(Float(0.25) * Float(0.6))) < 1e-7)
    #expect(c.table.count == 4)
    #expect(c.table.largest.map { $0.largest.magnitude >= first.largest.magnitude } == true)
  }

  @Test func otherWordsAreFoundByPosition() throws {
    let a = LogTestModels.jsonl(.rawTanh)
    let b = LogTestModels.jsonl(.rawTanh, words: ["the", "dog", "cat"])
    let c = try Self.compare(a, b)
    #expect(!c.identical)
    #expect(c.parameters.isEmpty)
    #expect(c.firstWordDifference == 3)
    // Word 3 is "the" in A, "cat" in B: the first event of t=3, the embedding, differs.
    #expect(c.firstStep?.t == 3)
    #expect(c.firstStep?.operation == "embedding")
    #expect(c.eventsA == 4 * 7 && c.eventsB == 3 * 7)
    #expect(c.table.count == 3)
  }

  @Test func aBrokenLogIsNamedWithItsLine() throws {
    let good = LogTestModels.jsonl(.linearTanh)
    var lines = String(decoding: good, as: UTF8.self).split(separator: "\n").map(String.init)
    lines[3] = "{\"type\":\"event\",\"step\":"
    let broken = Array((lines.joined(separator: "\n") + "\n").utf8)
    do {
      _ = try Self.compare(good, broken)
      Issue.record("a broken log compared")
    } catch {
      #expect(!error.inA)
      let underlying = try #require(error.underlying as? TraceLogError)
      #expect(underlying.line == 4)
    }
    do {
      _ = try Self.compare([], good)
      Issue.record("an empty log compared")
    } catch {
      #expect(error.inA)
      #expect((error.underlying as? TraceLogError)?.line == 1)
    }
  }

  @Test func aLongLogsTableKeepsTheFirstTheLargestAndTheLast() throws {
    let words = (0..<50).map { ["the", "dog", "cat"][($0 * 7 + $0 / 3) % 3] }
    let c = try Self.compare(
      LogTestModels.jsonl(.linear, words: words), Self.editedLinear(words: words))
    #expect(c.table.count == 50)
    let rows = c.table.rows
    let shown = rows.compactMap { $0 }
    #expect(shown.count == HiddenChangeTable.headRows + HiddenChangeTable.topRows + 1)
    #expect(shown.map(\.t).prefix(HiddenChangeTable.headRows) == [1, 2, 3, 4, 5, 6])
    #expect(shown.last?.t == 50)
    #expect(shown.map(\.t) == shown.map(\.t).sorted())
    #expect(rows.contains { $0 == nil })
    let largest = try #require(c.table.largest)
    #expect(shown.contains(largest))
    // Between the first six and the last: the largest of the rest.
    let kept = shown.dropFirst(HiddenChangeTable.headRows).dropLast().map(\.largest.magnitude)
    #expect(kept.count == HiddenChangeTable.topRows)
  }
}
