import Testing

@testable import Model
@testable import TraceLog

/// A state dict becomes a model: keys to parts, shapes checked, the variant from the keys.
struct SafetensorsModelTests {
  /// The lesson's second class with hidden 2 and inputs 3, over a vocabulary of 2.
  static let secondClass: [(String, [Int], [Float])] = [
    ("embedding.weight", [2, 3], [0.5, -1, 0.25, 1, 2, -0.5]),
    ("rnn.We.weight", [2, 3], [0.1, 0.2, 0.3, -0.4, 0.5, -0.6]),
    ("rnn.We.bias", [2], [0.01, -0.02]),
    ("rnn.Wh.weight", [2, 2], [0.7, -0.8, 0.9, 1.0]),
    ("rnn.Wh.bias", [2], [-0.03, 0.04]),
  ]

  static func load(
    _ tensors: [(String, [Int], [Float])], vocabulary: [String] = ["a", "b"]
  ) throws -> SafetensorsModel {
    try load(SafetensorsBytes.f32(tensors).bytes, vocabulary: vocabulary)
  }

  static func load(_ bytes: [UInt8], vocabulary: [String] = ["a", "b"]) throws -> SafetensorsModel {
    try bytes.withUnsafeBytes { raw in
      try SafetensorsModel(
        SafetensorsFile(parsing: raw), bytes: raw, vocabulary: vocabulary,
        vocabularyOrigin: "vocab.txt")
    }
  }

  static func message(_ tensors: [(String, [Int], [Float])], vocabulary: [String] = ["a", "b"])
    -> String
  {
    do {
      _ = try load(tensors, vocabulary: vocabulary)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func readsTheSecondClassAsLinearTanh() throws {
    let loaded = try Self.load(Self.secondClass + [("h0", [1, 1, 2], [0.5, -0.5])])
    let model = loaded.model
    #expect(model.variant == .linearTanh)
    #expect(model.vocabulary == ["a", "b"])
    #expect((model.inputs, model.hidden) == (3, 2))
    #expect(loaded.conversionNote == nil)
    let expected = RNNModel(
      vocabulary: ["a", "b"],
      embedding: Tensor(shape: [2, 3], scalars: [0.5, -1, 0.25, 1, 2, -0.5]),
      h0: Tensor(shape: [1, 2], scalars: [0.5, -0.5]),
      cell: LinearTanhCell(
        inputWeight: Tensor(shape: [2, 3], scalars: [0.1, 0.2, 0.3, -0.4, 0.5, -0.6]),
        inputBias: Tensor(shape: [2], scalars: [0.01, -0.02]),
        hiddenWeight: Tensor(shape: [2, 2], scalars: [0.7, -0.8, 0.9, 1.0]),
        hiddenBias: Tensor(shape: [2], scalars: [-0.03, 0.04])))
    #expect(model.parameters == expected.parameters)
    #expect(
      model.hiddenStates(for: ["b", "a", "b"]) == expected.hiddenStates(for: ["b", "a", "b"]))
  }

  /// No `h0`: zeros, as nn.RNN starts. An embedding not named …embedding.weight is the
  /// one 2-D tensor whose name says emb.
  @Test func startsFromZerosAndFindsTheEmbeddingByName() throws {
    var tensors = Self.secondClass
    tensors[0].0 = "emb.weight"
    let model = try Self.load(tensors).model
    #expect(model.h0 == Tensor(zeros: [1, 2]))
    #expect(model.embedding.scalars == [0.5, -1, 0.25, 1, 2, -0.5])
  }

  @Test func convertsOtherFloatTypesWithANote() throws {
    // BF16 1.0 and -2.0 as the bias of We: exact in float32.
    var file = SafetensorsBytes.f32(Self.secondClass.filter { $0.0 != "rnn.We.bias" })
    let begin = file.data.count
    file.data += [0x80, 0x3F, 0x00, 0xC0]
    file.header.removeLast()
    file.header +=
      ",\"rnn.We.bias\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[\(begin),\(begin + 4)]}}"
    let loaded = try Self.load(file.bytes)
    #expect(
      loaded.conversionNote
        == "1 tensor converted to F32: rnn.We.bias (BF16)")
    #expect(loaded.model.parameters.first { $0.name == "We.bias" }?.value.scalars == [1, -2])
  }

  @Test func refusesWhatIsNotAModel() {
    typealias Tensors = [(String, [Int], [Float])]
    let rnn: Tensors = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"].map {
      ("rnn." + $0, [1], [0])
    }
    let zeros6: [Float] = [0, 0, 0, 0, 0, 0]
    let cases: [(change: (inout Tensors) -> Void, message: String)] = [
      (
        { $0.removeLast() },
        "missing Wh.bias; found: embedding.weight, rnn.We.weight, rnn.We.bias, rnn.Wh.weight"
      ),
      ({ $0.removeFirst() }, "missing an embedding (…embedding.weight); found: rnn.We.weight"),
      ({ $0.append(("fc.weight", [1, 2], [0, 0])) }, "unknown key \"fc.weight\""),
      (
        { $0.append(("rnn.weight_ih_l1", [2, 2], [0, 0, 0, 0])) },
        "a second layer or direction: rnntrace traces nn.RNN with one layer, one direction"
      ),
      ({ $0.append(("h0", [1, 3], [0, 0, 0])) }, "\"h0\" has shape [1, 3]; expected [1, 2]"),
      (
        { $0[3] = ("rnn.Wh.weight", [2, 3], zeros6) },
        "\"rnn.Wh.weight\" has shape [2, 3]; expected [2, 2]"
      ),
      (
        { $0[1] = ("rnn.We.weight", [2, 2], [0, 0, 0, 0]) },
        "expected [2, 3] ([hidden, inputs]: inputs are the embedding's 3 columns"
      ),
      ({ $0[2] = ("rnn.We.bias", [2], [0, .nan]) }, "\"rnn.We.bias\" holds nan at index 1"),
      (
        { $0 = [$0[0]] + rnn },
        "holds PyTorch nn.RNN weights (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)"
      ),
      ({ $0.append(("rnn.weight_ih_l0", [2, 3], zeros6)) }, "holds both"),
      ({ $0 = [$0[0]] }, "no recurrent weights"),
      ({ $0.append(("word_embedding.weight", [2, 3], zeros6)) }, "could both be embedding"),
    ]
    for (change, message) in cases {
      var tensors = Self.secondClass
      change(&tensors)
      let error = Self.message(tensors)
      #expect(error.contains(message), "\(error)")
    }
  }

  @Test func refusesAVocabularyOfAnotherSize() {
    let error = Self.message(Self.secondClass, vocabulary: ["a", "b", "c"])
    #expect(
      error.contains(
        "vocab.txt has 3 words, but the embedding \"embedding.weight\" has 2 rows; expected one word per row"
      ))
  }

  @Test func refusesANonFloatTensor() throws {
    var file = SafetensorsBytes.f32(Self.secondClass.filter { $0.0 != "rnn.Wh.bias" })
    let begin = file.data.count
    file.data += [UInt8](repeating: 0, count: 16)
    file.header.removeLast()
    file.header +=
      ",\"rnn.Wh.bias\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[\(begin),\(begin + 16)]}}"
    #expect(throws: SafetensorsError.self) { try Self.load(file.bytes) }
    do {
      _ = try Self.load(file.bytes)
    } catch {
      #expect("\(error)".contains("\"rnn.Wh.bias\" has dtype I64; expected F32"))
    }
  }
}
