import Model
import Testing

@testable import TraceLog

/// The prediction head's gradient in a log: its per-position terms and its running sums
/// are written without values (V-sized, and given again by their operands), the
/// complete sums once; verify, an unverified replay and logs written before all follow.
@Suite struct HeadGradientLogTests {
  /// The events of one round, in memory (every value computed).
  static func events(_ loss: LossKind = .nextWord) throws -> (TraceHeader, [TraceEvent]) {
    let words = BackwardLogReaderTests.words
    let spec = ModelSpec(variant: .linearTanh, seed: 2, inputs: 3, hidden: 2, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: loss)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    var trace = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    _ = learner.backward(trace: &trace)
    let header = TraceHeader(
      model: model, head: head, loss: loss, words: words, seed: 2, source: "test")
    return (header, trace.listener.events)
  }

  static func lines(_ header: TraceHeader, _ events: [TraceEvent]) -> [String] {
    var out = ByteBuffer()
    var encoder = JSONLinesEncoder()
    encoder.begin(header, into: &out)
    for event in events { encoder.encode(event, into: &out) }
    return String(decoding: out.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// The head's term and sums: backward logits events but what the head hands h_t.
  static func isHead(_ line: String) -> Bool {
    line.contains("\"op\":\"logits\",\"pass\":\"backward\"") && !line.contains("·head.weight\"")
  }

  @Test(arguments: LossKind.allCases)
  func theHeadsTermsHaveNoValuesAndItsSumsHaveThemOnce(_ loss: LossKind) throws {
    let lines = try Self.lines(Self.events(loss).0, Self.events(loss).1)
    let first = loss.positions(wordCount: BackwardLogReaderTests.words.count).lowerBound
    let terms = lines.filter { Self.isHead($0) && $0.contains("\"formula\":\"dL/dy_") }
    #expect(!terms.isEmpty)
    for term in terms {
      #expect(term.contains("\"result\":{\"name\":\"dL/dy_"))
      #expect(term.hasSuffix(",\"shape\":[3,2]}}"))
    }
    for parameter in ["head.weight", "head.bias"] {
      let sums = lines.filter { $0.contains("\"formula\":\"dL/d\(parameter) ") }
      let written = sums.filter { $0.contains("\"values\":[") }
      #expect(sums.count == terms.count)
      #expect(written.count == 1)
      #expect(written.first == sums.last)
      #expect(sums.last?.contains("\"t\":\(first),") == true)
    }
    // Everything else is written with its values.
    for line in lines.dropFirst() where !Self.isHead(line) {
      #expect(line.contains("\"values\":["), "\(line)")
    }
  }

  @Test func aChangedHeadGradientIsCaught() throws {
    let (header, events) = try Self.events()
    var lines = Self.lines(header, events)
    let i = try #require(lines.lastIndex { $0.contains("\"formula\":\"dL/dhead.weight ") })
    #expect(LogTestModels.problem(BackwardLogReaderTests.bytes(lines)) == nil)
    let start = try #require(lines[i].range(of: "\"values\":["))
    lines[i].insert(contentsOf: "1", at: start.upperBound)
    let problem = try #require(LogTestModels.problem(BackwardLogReaderTests.bytes(lines)))
    #expect(problem.contains("line \(i + 1), step \(i) (logits, backward pass): result.values[0]"))
  }

  /// A log from before the head's values were omitted writes every one: it verifies,
  /// those values compared too.
  @Test func aLogWithEveryHeadValueVerifiesAndItsValuesAreCompared() throws {
    let (header, events) = try Self.events()
    let full = events.map { e in
      TraceEvent(
        step: e.step, t: e.t, word: e.word, operation: e.operation, formula: e.formula,
        operands: e.operands, result: e.result, index: e.index, productOrder: e.productOrder,
        pass: e.pass)
    }
    var lines = Self.lines(header, full)
    #expect(lines.dropFirst().allSatisfy { $0.contains("\"values\":[") })
    #expect(LogTestModels.problem(BackwardLogReaderTests.bytes(lines)) == nil)
    // A running sum on the way, which a new log would not write, is checked.
    let i = try #require(lines.firstIndex { $0.contains("\"formula\":\"dL/dhead.weight += ") })
    let start = try #require(lines[i].range(of: "\"values\":["))
    lines[i].insert(contentsOf: "1", at: start.upperBound)
    let problem = try #require(LogTestModels.problem(BackwardLogReaderTests.bytes(lines)))
    #expect(problem.contains("line \(i + 1), step \(i) (logits, backward pass): result.values[0]"))
  }

  /// `diff` of a log written before the change and one after: omitted values are not
  /// compared, the complete head gradients are.
  @Test func aLogWithEveryValueDiffsAsTheSameRun() throws {
    let (header, events) = try Self.events()
    let full = events.map { e in
      TraceEvent(
        step: e.step, t: e.t, word: e.word, operation: e.operation, formula: e.formula,
        operands: e.operands, result: e.result, index: e.index, productOrder: e.productOrder,
        pass: e.pass)
    }
    let old = BackwardLogReaderTests.bytes(Self.lines(header, full))
    var lines = Self.lines(header, events)
    let new = BackwardLogReaderTests.bytes(lines)
    #expect(try TraceLogDiff.compare(ByteArraySource(old), ByteArraySource(new)).identical)
    let i = try #require(lines.lastIndex { $0.contains("\"formula\":\"dL/dhead.weight ") })
    let start = try #require(lines[i].range(of: "\"values\":["))
    lines[i].insert(contentsOf: "1", at: start.upperBound)
    let changed = try TraceLogDiff.compare(
      ByteArraySource(old), ByteArraySource(BackwardLogReaderTests.bytes(lines)))
    #expect(changed.firstStep?.step == i)
  }

  @Test func valuesMissingWhereTheWriterWritesThemAreRefused() throws {
    let (header, events) = try Self.events()
    let lines = Self.lines(header, events)
    func strip(_ line: String) -> String {
      guard let start = line.range(of: ",\"values\":[") else { return line }
      let end = line[start.upperBound...].firstIndex(of: "]")!
      return String(line[..<start.lowerBound] + line[line.index(after: end)...])
    }
    // The complete head gradient: verify names the missing values.
    var edited = lines
    let i = try #require(edited.lastIndex { $0.contains("\"formula\":\"dL/dhead.weight ") })
    edited[i] = strip(edited[i])
    let problem = try #require(LogTestModels.problem(BackwardLogReaderTests.bytes(edited)))
    #expect(problem.contains("line \(i + 1), step \(i) (logits, backward pass): result.values"))
    #expect(problem.contains("none (no \"values\")"))
    // Any event but the head's backward ones: the reader refuses it, unverified too.
    for match in ["\"op\":\"tanh\",\"formula\"", "\"op\":\"tanh\",\"pass\":\"backward\""] {
      var edited = lines
      let j = try #require(edited.firstIndex { $0.contains(match) })
      edited[j] = strip(edited[j])
      let problem = try #require(
        LogTestModels.problem(BackwardLogReaderTests.bytes(edited), verify: false))
      #expect(problem.contains("line \(j + 1):"))
      #expect(problem.contains("the result has no \"values\" (only the head's gradient terms"))
    }
  }

  /// Unverified, each omitted result is rebuilt from its operands: the same values as
  /// the model's, bit for bit.
  @Test(arguments: LossKind.allCases)
  func anUnverifiedReplayRebuildsTheOmittedValues(_ loss: LossKind) throws {
    let (header, events) = try Self.events(loss)
    let bytes = BackwardLogReaderTests.bytes(Self.lines(header, events))
    let trace = try LogTrace(
      indexing: ByteArraySource(bytes), reading: ByteArraySource(bytes), verify: false)
    let replayed = Array(trace.events)
    #expect(replayed.count == events.count)
    var omitted = 0
    for (shown, computed) in zip(replayed, events) {
      #expect(shown.omitsValues == computed.omitsValues)
      if computed.omitsValues { omitted += 1 }
      #expect(
        shown.resultValue.scalars.map(\.bitPattern)
          == computed.resultValue.scalars.map(\.bitPattern), "step \(shown.step)")
    }
    #expect(omitted > 0)
  }
}
