import Model
import Testing

@testable import TraceLog

/// A log with the loss and the backward pass, read back: what the reader lets through
/// (t going back after the words) and what it refuses.
@Suite struct BackwardLogReaderTests {
  static let words = ["the", "dog", "the", "cat"]

  /// The JSON Lines of one round of `loss`, as `export --loss` writes it.
  static func log(_ loss: LossKind = .nextWord, words: [String] = words) throws -> [String] {
    let spec = ModelSpec(variant: .linearTanh, seed: 2, inputs: 3, hidden: 2, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: loss)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    var trace = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    _ = learner.backward(trace: &trace)
    var out = ByteBuffer()
    var encoder = JSONLinesEncoder()
    encoder.begin(
      TraceHeader(model: model, head: head, loss: loss, words: words, seed: 2, source: "test"),
      into: &out)
    for event in trace.listener.events { encoder.encode(event, into: &out) }
    return String(decoding: out.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  static func bytes(_ lines: [String]) -> [UInt8] {
    Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  @Test(arguments: LossKind.allCases)
  func aLossLogLoadsAndVerifies(_ loss: LossKind) throws {
    let lines = try Self.log(loss)
    #expect(lines[0].contains("\"loss\":\"\(loss.rawValue)\""))
    let loaded = try TraceLogLoader.load(ByteArraySource(Self.bytes(lines)), verify: true)
    #expect(loaded.difference == nil)
    #expect(loaded.trace.events.count == lines.count - 1)
    #expect(loaded.trace.events.contains { $0.pass == .backward })
    #expect(loaded.trace.hiddenStates.count == Self.words.count + 1)
  }

  /// A log long enough that the recomputed backward pass comes in many batches (it is
  /// computed beside the reading): it verifies, and a value changed in its last event is
  /// found there.
  @Test func aLongLossLogIsCheckedToItsLastEvent() throws {
    let words = (0..<400).map { "w\(($0 * 7) % 23)" }
    var lines = try Self.log(words: words)
    #expect(lines.count > 10_000)
    let loaded = try TraceLogLoader.load(ByteArraySource(Self.bytes(lines)), verify: true)
    #expect(loaded.difference == nil)
    let last = lines.count - 1
    let line = lines[last]
    let start = try #require(line.range(of: "\"values\":[")).upperBound
    let end = try #require(line[start...].firstIndex { $0 == "," || $0 == "]" })
    let value = try #require(Float(line[start..<end]))
    lines[last] = line.replacingCharacters(in: start..<end, with: "\((value * 2 + 1).nextUp)")
    let problem = try #require(LogTestModels.problem(Self.bytes(lines)))
    #expect(problem.contains("line \(last + 1),"), "\(problem)")
  }

  /// A verifier let go in the middle of the backward pass (it found a difference) stops
  /// the thread that recomputes it: this returns, and the next verifier runs.
  @Test func aVerifierLetGoMidwayStopsItsBackwardPass() throws {
    let words = (0..<300).map { "w\(($0 * 5) % 17)" }
    let lines = try Self.log(words: words)
    var reader = TraceLogReader(ByteArraySource(Self.bytes(lines)))
    let header = try reader.readHeader()
    for _ in 0..<3 {
      var verifier = try TraceVerifier(header: header)
      var backward = 0
      while let event = try reader.nextEvent() {
        #expect(verifier.check(event).difference == nil)
        if event.pass == .backward { backward += 1 }
        if backward == 5 { break }
      }
      #expect(backward == 5)
      reader = TraceLogReader(ByteArraySource(Self.bytes(lines)))
      _ = try reader.readHeader()
    }
  }

  @Test func aForwardPassMarkIsRefused() throws {
    var lines = try Self.log()
    let i = try #require(lines.firstIndex { $0.contains("\"pass\":\"backward\"") })
    lines[i] = lines[i].replacingOccurrences(
      of: "\"pass\":\"backward\"", with: "\"pass\":\"forward\"")
    let problem = try #require(LogTestModels.problem(Self.bytes(lines)))
    #expect(problem.contains("line \(i + 1):"))
    #expect(problem.contains("\"pass\" \"forward\" is not \"backward\""))
  }

  /// A backward event with its mark removed reads as a forward operation after the loss.
  @Test func aForwardOperationAfterTheLossIsRefused() throws {
    var lines = try Self.log()
    let i = try #require(lines.firstIndex { $0.contains("\"op\":\"tanh\",\"pass\":\"backward\"") })
    lines[i] = lines[i].replacingOccurrences(of: ",\"pass\":\"backward\"", with: "")
    let problem = try #require(LogTestModels.problem(Self.bytes(lines), verify: false))
    #expect(
      problem.contains("a tanh event of the forward pass after the loss or the backward pass began")
    )
  }

  @Test func aHeaderWithALossNamesItsHead() throws {
    var lines = try Self.log()
    lines[0] = lines[0].replacingOccurrences(of: "\"head.bias\"", with: "\"head.bias2\"")
    let problem = try #require(LogTestModels.problem(Self.bytes(lines)))
    #expect(problem.contains("has no parameter \"head.bias2\""))
  }

  @Test func anUnknownLossIsRefused() throws {
    var lines = try Self.log()
    lines[0] = lines[0].replacingOccurrences(of: "\"loss\":\"next-word\"", with: "\"loss\":\"mse\"")
    let problem = try #require(LogTestModels.problem(Self.bytes(lines)))
    #expect(problem.contains("\"loss\" \"mse\" is not one of next-word, last-word"))
  }
}
