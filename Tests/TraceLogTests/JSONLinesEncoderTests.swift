import Foundation
import Testing

@testable import Model
@testable import TraceLog

/// The JSON Lines log reads back to the exact float32 values and stays valid JSON
/// whatever the words hold.
@Suite struct JSONLinesEncoderTests {
  static let model: RNNModel = {
    let cell = LinearTanhCell(
      inputWeight: Tensor(shape: [2, 3], scalars: [0.1, -0.2, 0.3, 0.4, 0.5, -0.6]),
      inputBias: Tensor(shape: [2], scalars: [0.01, -0.02]),
      hiddenWeight: Tensor(shape: [2, 2], scalars: [0.7, -0.8, 0.9, 1.0]),
      hiddenBias: Tensor(shape: [2], scalars: [0.03, 0.04]))
    return RNNModel(
      vocabulary: ["a", "b\u{1B}[31m\"q\"\\"],
      embedding: Tensor(shape: [2, 3], scalars: [1e-5, -0.70564395, 3.4e38, 1, 2, 3]),
      h0: Tensor(shape: [1, 2], scalars: [-0.0, 0.1]), cell: cell)
  }()

  static func lines(_ words: [String]) throws -> [[String: Any]] {
    var encoder = JSONLinesEncoder()
    let bytes = encoder.encode(model.trace(words), seed: 42, source: "test")
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("\n"))
    return try text.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
  }

  @Test func headerHoldsParametersThatReadBackExactly() throws {
    let header = try Self.lines(["a"])[0]
    #expect(header["type"] as? String == "header")
    #expect(header["version"] as? Int == 1)
    #expect(header["variant"] as? String == "linear-tanh")
    #expect(header["seed"] as? Int == 42)
    let parameters = header["parameters"] as! [String: [String: Any]]
    #expect(
      Set(parameters.keys) == [
        "embedding.weight", "h0", "We.weight", "We.bias", "Wh.weight", "Wh.bias",
      ])
    for parameter in Self.model.parameters {
      let entry = parameters[parameter.name]!
      #expect(entry["shape"] as? [Int] == Array(parameter.value.shape))
      let values = (entry["values"] as! [NSNumber]).map { Float($0.doubleValue) }
      #expect(values.map(\.bitPattern) == parameter.value.scalars.map(\.bitPattern))
    }
  }

  @Test func oneLinePerEventWithHiddenStateValues() throws {
    let lines = try Self.lines(["a", "a"])
    let events = Array(lines.dropFirst())
    #expect(events.count == 16)  // 8 operations per word for linear-tanh
    #expect(events.map { $0["step"] as! Int } == Array(1...16))
    let ops = events.prefix(8).map { $0["op"] as! String }
    #expect(
      ops == [
        "embedding", "matmul_input", "bias_input", "matmul_hidden", "bias_hidden", "add", "tanh",
        "hidden_state",
      ])
    let last = events[15]
    #expect(last["t"] as? Int == 2)
    let value = (last["value"] as! [NSNumber]).map { Float($0.doubleValue) }
    let expected = Self.model.hiddenStates(for: ["a", "a"])[2].scalars
    #expect(value.map(\.bitPattern) == expected.map(\.bitPattern))
  }

  @Test func wordsWithEscapesStayInertAndExact() throws {
    let word = Self.model.vocabulary[1]
    let lines = try Self.lines([word])
    #expect((lines[0]["words"] as? [String]) == [word])
    #expect(lines[1]["word"] as? String == word)
    var encoder = JSONLinesEncoder()
    let bytes = encoder.encode(Self.model.trace([word]), seed: nil, source: "test")
    #expect(!bytes.contains(0x1B), "a raw escape byte reached the file")
  }
}
