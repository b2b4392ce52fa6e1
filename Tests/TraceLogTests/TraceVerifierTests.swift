import Foundation
import Testing

@testable import Model
@testable import TraceLog

/// A log verifies when it is what its header's model computes, and any change to a
/// value, a shape or an event is found, with the line, step and operation named.
@Suite struct TraceVerifierTests {
  /// The lesson's loop, written by scripts/make-lesson-log.py with numpy float32:
  /// an independent computation that the verifier must agree with bit for bit.
  @Test func independentLessonLogVerifies() throws {
    let log = try LogTestModels.fixture("lesson-linear.jsonl", in: "logs")
    #expect(LogTestModels.problem(log) == nil)
    let loaded = try TraceLogLoader.load(ByteArraySource(log), verify: true)
    #expect(loaded.trace.events.count == 25)
    #expect(loaded.difference == nil)
  }

  @Test(arguments: Variant.allCases)
  func exportedLogVerifiesAndReplaysTheSameTrace(variant: Variant) throws {
    let trace = LogTestModels.trace(variant)
    let loaded = try TraceLogLoader.load(
      ByteArraySource(LogTestModels.jsonl(variant)), verify: true)
    #expect(loaded.trace.events == trace.events)
    #expect(loaded.trace.words == trace.words)
    #expect(loaded.trace.model.parameters == trace.model.parameters)
  }

  /// Changing one digit of any value, anywhere, is caught on that line and step.
  @Test func everyChangedDigitIsFoundOnItsLine() throws {
    let log = try LogTestModels.fixture("lesson-linear.jsonl", in: "logs")
    let lines = log.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
    var checked = 0
    for (index, line) in lines.enumerated().dropFirst() {
      let text = String(decoding: line, as: UTF8.self)
      // Each value of "values" and "value": bump its last digit.
      for range in Self.valueRanges(text) {
        var changed = text
        let digits = changed[range]
        let last = digits.lastIndex(where: { $0.isNumber })!
        let digit = digits[last].wholeNumberValue!
        changed.replaceSubrange(last...last, with: String((digit + 5) % 10))
        var bytes = [UInt8]()
        for (k, other) in lines.enumerated() {
          bytes += k == index ? Array(changed.utf8) : Array(other)
          bytes.append(0x0A)
        }
        let step = index
        let problem = LogTestModels.problem(bytes) ?? "none"
        #expect(
          problem.hasPrefix("line \(index + 1), step \(step) ("),
          "changed \(digits) on line \(index + 1): \(problem)")
        #expect(problem.contains("differs from the recomputation: expected"))
        checked += 1
      }
    }
    #expect(checked >= 25 + 5)
  }

  /// Where the numbers of each "values":[…] and "value":[…] array lie in a line.
  static func valueRanges(_ text: String) -> [Range<String.Index>] {
    var ranges: [Range<String.Index>] = []
    var rest = text[...]
    while let open = rest.firstRange(of: /"values?":\[/) {
      let close = rest[open.upperBound...].firstIndex(of: "]")!
      var start = open.upperBound
      for (k, c) in zip(rest[open.upperBound..<close].indices, rest[open.upperBound..<close])
      where c == "," {
        ranges.append(start..<k)
        start = rest.index(after: k)
      }
      ranges.append(start..<close)
      rest = rest[close...]
    }
    return ranges.filter { !text[$0].isEmpty && text[$0] != "null" }
  }

  @Test func aChangedShapeOrWordOrOperationIsADifference() throws {
    let log = String(decoding: LogTestModels.jsonl(.linear), as: UTF8.self)
    let cases: [(String, String, String)] = [
      (#""word":"dog""#, #""word":"cat""#, "line 7, step 6 (embedding): word differs"),
      (
        #""formula":"h_1·w_h""#, #""formula":"h_1*w_h""#,
        "line 9, step 8 (matmul_hidden): formula differs"
      ),
      (#""index":1"#, #""index":2"#, "line 7, step 6 (embedding): index differs"),
      (
        #""operands":[{"name":"e_1","shape":[1,3]}"#, #""operands":[{"name":"e_1","shape":[3,1]}"#,
        "line 3, step 2 (matmul_input): operands[0].shape differs"
      ),
    ]
    for (old, new, expected) in cases {
      let changed = Array(log.replacing(old, with: new, maxReplacements: 1).utf8)
      #expect(LogTestModels.problem(changed)?.hasPrefix(expected) == true, "\(old) → \(new)")
    }
  }

  @Test func aMissingOrExtraEventIsADifference() throws {
    var lines: [[UInt8]] = LogTestModels.jsonl(.linear).split(separator: 0x0A).map { Array($0) }
    let last = lines.removeLast()
    let short: [UInt8] = lines.flatMap { $0 + [0x0A] }
    #expect(
      LogTestModels.problem(short)
        == "line 21, step 20 (hidden_state): event differs from the recomputation: expected step 20, hidden_state of word 4, found the end of the file"
    )
    let extra = String(decoding: last, as: UTF8.self).replacing(#""step":20"#, with: #""step":21"#)
    let long: [UInt8] = short + last + [0x0A] + Array(extra.utf8) + [0x0A]
    #expect(
      LogTestModels.problem(long)
        == "line 22, step 21: event differs from the recomputation: expected the end of the log (4 words make 20 events), found another hidden_state event"
    )
  }

  /// With `verify: false` a log that departs is loaded as recorded, and the first
  /// difference is kept for the warning.
  @Test func unverifiedLoadKeepsTheRecordedValues() throws {
    let log = try LogTestModels.fixture("lesson-linear.jsonl", in: "logs")
    let text = String(decoding: log, as: UTF8.self)
    let changed = Array(text.replacing("1.3492137", with: "1.5", maxReplacements: 1).utf8)
    let loaded = try TraceLogLoader.load(ByteArraySource(changed), verify: false)
    let difference = try #require(loaded.difference)
    #expect(difference.line == 15 && difference.step == 14 && difference.operation == .add)
    #expect(loaded.trace.events.count == 25)
    #expect(loaded.trace.events[13].result.value.scalars == [1.5])
    // The next event's operand is that recorded z_3.
    #expect(loaded.trace.events[14].operands[0].value.scalars == [1.5])
    // Products rebuilt from the log keep the order the model sums them in, for the drill.
    let products = loaded.trace.events[14...].filter(\.operation.isProduct)
    #expect(!products.isEmpty && products.allSatisfy { $0.productOrder == .leftToRight })
  }

  /// An `nn.Linear` product rebuilt from a log that departs is still summed, and so
  /// drilled, in MKL's order.
  @Test func unverifiedLinearProductsKeepMKLsOrder() throws {
    let text = String(decoding: LogTestModels.jsonl(.linearTanh), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Change the first event's value (line 2), so every later event is rebuilt.
    let first = String(lines[1])
    let changed = first.replacing(#""values":[0.5,"#, with: #""values":[0.25,"#)
    #expect(changed != first)
    let log = ([lines[0], Substring(changed)] + lines[2...]).joined(separator: "\n")
    let loaded = try TraceLogLoader.load(ByteArraySource(Array(log.utf8)), verify: false)
    #expect(loaded.difference?.step == 1)
    let products = loaded.trace.events.filter(\.operation.isProduct)
    #expect(!products.isEmpty && products.allSatisfy { $0.productOrder == .mklGemv })
  }

  /// Shown unverified, a recorded event must still be one that a view can show.
  @Test func unverifiedLoadRefusesAnEventNoViewCouldShow() throws {
    let log = String(decoding: LogTestModels.jsonl(.linear), as: UTF8.self)
    let cases: [(String, String, String)] = [
      (
        #""operands":[{"name":"h_0","shape":[1,2]},{"name":"w_h","shape":[2,2]}]"#,
        #""operands":[{"name":"h_0","shape":[1,2]}]"#,
        "line 4: step 3 (matmul_hidden): needs 2 operands, found 1"
      ),
      (
        #""index":0,"operands":[{"name":"embedding.weight","shape":[3,3]}],"result":{"name":"e_1","shape":[1,3]"#,
        #""index":7,"operands":[{"name":"embedding.weight","shape":[3,3]}],"result":{"name":"e_1","shape":[1,3]"#,
        "line 2: step 1 (embedding): looks up row 7 of [3, 3] giving [1, 3]"
      ),
      (
        #""operands":[{"name":"e_1","shape":[1,3]}"#, #""operands":[{"name":"x_1","shape":[1,3]}"#,
        "line 3: step 2: the operand \"x_1\" names no parameter and no earlier result of word 1"
      ),
    ]
    for (old, new, expected) in cases {
      let changed = Array(log.replacing(old, with: new, maxReplacements: 1).utf8)
      #expect(changed != Array(log.utf8), "\(old)")
      #expect(LogTestModels.problem(changed, verify: false) == expected)
    }
  }

  @Test func nullMatchesOnlyANonFiniteValue() throws {
    // A linear model whose hidden state overflows float32 within a few words.
    let cell = LinearCell(
      wH: Tensor(shape: [1, 1], scalars: [1e30]), wE: Tensor(shape: [1, 1], scalars: [1]))
    let model = RNNModel(
      vocabulary: ["x"], embedding: Tensor(shape: [1, 1], scalars: [1e30]),
      h0: Tensor(shape: [1, 1], scalars: [1e30]), cell: cell)
    var encoder = JSONLinesEncoder()
    let log = encoder.encode(model.trace(["x", "x"]), seed: nil, source: "overflow")
    let text = String(decoding: log, as: UTF8.self)
    #expect(text.contains("null"))
    #expect(LogTestModels.problem(log) == nil)
    let finite = Array(text.replacing("[null]", with: "[1]", maxReplacements: 1).utf8)
    #expect(
      LogTestModels.problem(finite)?.contains("expected inf (written null), found 1.0") == true)
  }
}
