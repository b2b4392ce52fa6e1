import Model

/// The model a PyTorch state dict describes, as `safetensors.torch.save_file` writes it:
/// an `nn.Embedding` and either the lesson's second class (`We.weight`, `We.bias`,
/// `Wh.weight`, `Wh.bias`) or an `nn.RNN` (`weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`,
/// `bias_hh_l0`), optionally an initial state `h0`. The variant follows from the keys;
/// every key must be one of these.
public struct SafetensorsModel: Sendable {
  public let model: RNNModel
  /// Which tensors were not float32 and were converted to it, in one line; nil when
  /// every tensor was float32.
  public let conversionNote: String?

  /// The parts a state dict may hold, by the end of their keys.
  static let secondClassKeys = ["We.weight", "We.bias", "Wh.weight", "Wh.bias"]
  static let torchRNNKeys = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]

  /// - Parameters:
  ///   - vocabulary: word `i` names row `i` of the embedding.
  public init(
    _ file: SafetensorsFile, bytes: UnsafeRawBufferPointer, vocabulary: [String],
    vocabularyOrigin: String
  ) throws(SafetensorsError) {
    var parts: [String: SafetensorsFile.Entry] = [:]
    var unknown: [String] = []
    func ends(_ name: String, _ suffix: String) -> Bool {
      name == suffix || name.hasSuffix("." + suffix)
    }
    let found = file.entries.map(\.name)
    let foundList = found.isEmpty ? "none" : found.joined(separator: ", ")
    for entry in file.entries {
      let name = entry.name
      let part =
        (Self.secondClassKeys + Self.torchRNNKeys + ["h0"]).first { ends(name, $0) }
        ?? (name.hasSuffix("embedding.weight") ? "embedding" : nil)
      guard let part else {
        unknown.append(name)
        continue
      }
      if let earlier = parts[part] {
        throw SafetensorsError(
          "two tensors, \"\(earlier.name)\" and \"\(name)\", could both be \(part); expected one")
      }
      parts[part] = entry
    }
    // Without a key ending in embedding.weight, the one 2-D tensor named like one.
    if parts["embedding"] == nil {
      let candidates = file.entries.filter {
        unknown.contains($0.name) && $0.shape.count == 2 && $0.name.lowercased().contains("emb")
      }
      if candidates.count == 1 {
        parts["embedding"] = candidates[0]
        unknown.removeAll { $0 == candidates[0].name }
      }
    }
    if let extra = unknown.first {
      var why = ""
      if extra.contains("_l1") || extra.hasSuffix("_reverse") {
        why = " (a second layer or direction: rnntrace traces nn.RNN with one layer, one direction)"
      }
      throw SafetensorsError(
        "unknown key \"\(extra)\"\(why); expected an embedding (…embedding.weight), h0, and either We.weight, We.bias, Wh.weight, Wh.bias or weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0; found: \(foundList)"
      )
    }
    let hasSecond = Self.secondClassKeys.contains { parts[$0] != nil }
    let hasRNN = Self.torchRNNKeys.contains { parts[$0] != nil }
    if hasSecond && hasRNN {
      throw SafetensorsError(
        "the file holds both the lesson's second class (We…, Wh…) and an nn.RNN (weight_ih_l0…); expected one of them; found: \(foundList)"
      )
    }
    guard hasSecond || hasRNN else {
      throw SafetensorsError(
        "no recurrent weights; expected We.weight, We.bias, Wh.weight, Wh.bias (the lesson's second class) or weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 (nn.RNN); found: \(foundList)"
      )
    }
    let needed = ["embedding"] + (hasRNN ? Self.torchRNNKeys : Self.secondClassKeys)
    let missing = needed.filter { parts[$0] == nil }
    if !missing.isEmpty {
      let names = missing.map { $0 == "embedding" ? "an embedding (…embedding.weight)" : $0 }
      throw SafetensorsError(
        "missing \(names.joined(separator: ", ")); found: \(foundList)")
    }
    if hasRNN {
      throw SafetensorsError(
        "the file holds PyTorch nn.RNN weights (\(Self.torchRNNKeys.map { parts[$0]!.name }.joined(separator: ", "))), and this rnntrace has no torch-rnn variant yet; it reads the lesson's second class (We.weight, We.bias, Wh.weight, Wh.bias)"
      )
    }

    // Every tensor used: a float dtype, then its values as float32.
    var converted: [String] = []
    var values: [String: [Float]] = [:]
    // In the header's order, so that the first bad one is the file's first.
    let used = parts.sorted { $0.value.bytes.lowerBound < $1.value.bytes.lowerBound }
    for (part, entry) in used {
      guard let read = file.values(of: entry, in: bytes) else {
        throw SafetensorsError(
          "tensor \"\(entry.name)\" has dtype \(entry.dtype); expected F32 (F16, BF16 and F64 are converted)"
        )
      }
      if let bad = read.firstIndex(where: { !$0.isFinite }) {
        throw SafetensorsError(
          "tensor \"\(entry.name)\" holds \(read[bad]) at index \(bad); expected finite numbers")
      }
      if entry.dtype != "F32" { converted.append("\(entry.name) (\(entry.dtype))") }
      values[part] = read
    }

    // The sizes come from the embedding and the input weight; every shape must agree.
    let embedding = parts["embedding"]!
    guard embedding.shape.count == 2, embedding.shape[0] >= 1, embedding.shape[1] >= 1 else {
      throw SafetensorsError(
        "the embedding \"\(embedding.name)\" has shape \(embedding.shape); expected [words, inputs]"
      )
    }
    let (rows, d) = (embedding.shape[0], embedding.shape[1])
    let inputWeight = parts["We.weight"]!
    guard inputWeight.shape.count == 2, inputWeight.shape[0] >= 1 else {
      throw SafetensorsError(
        "\"\(inputWeight.name)\" has shape \(inputWeight.shape); expected [hidden, \(d)]")
    }
    let h = inputWeight.shape[0]
    for (part, shape, meaning) in [
      ("We.weight", [h, d], "[hidden, inputs]: inputs are the embedding's \(d) columns"),
      ("We.bias", [h], "[hidden]"), ("Wh.weight", [h, h], "[hidden, hidden]"),
      ("Wh.bias", [h], "[hidden]"),
    ] where parts[part]!.shape != shape {
      throw SafetensorsError(
        "\"\(parts[part]!.name)\" has shape \(parts[part]!.shape); expected \(shape) (\(meaning), hidden \(h))"
      )
    }
    for (option, size) in [("inputs", d), ("hidden", h)] where size > ModelLimits.maxDimension {
      throw SafetensorsError(
        "\(option) is \(size); rnntrace traces at most \(ModelLimits.maxDimension)")
    }
    let parameterCount = ModelSpec.parameterCount(
      variant: .linearTanh, vocabulary: rows, inputs: d, hidden: h)
    guard parameterCount <= ModelLimits.maxParameters else {
      throw SafetensorsError(
        "the model holds \(parameterCount) numbers; rnntrace traces at most \(ModelLimits.maxParameters)"
      )
    }
    var h0 = Tensor(zeros: [1, h])
    if let entry = parts["h0"] {
      // nn.RNN's h0 is [layers, batch, hidden]; a single state is any shape of ones then H.
      guard entry.shape.last == h, entry.count == h else {
        throw SafetensorsError(
          "\"\(entry.name)\" has shape \(entry.shape); expected [1, \(h)] (one hidden state)")
      }
      h0 = Tensor(shape: [1, h], scalars: values["h0"]!)
    }
    guard vocabulary.count == rows else {
      throw SafetensorsError(
        "\(vocabularyOrigin) has \(vocabulary.count) words, but the embedding \"\(embedding.name)\" has \(rows) rows; expected one word per row"
      )
    }
    let named = [
      NamedTensor("embedding.weight", Tensor(shape: [rows, d], scalars: values["embedding"]!)),
      NamedTensor("h0", h0),
      NamedTensor("We.weight", Tensor(shape: [h, d], scalars: values["We.weight"]!)),
      NamedTensor("We.bias", Tensor(shape: [h], scalars: values["We.bias"]!)),
      NamedTensor("Wh.weight", Tensor(shape: [h, h], scalars: values["Wh.weight"]!)),
      NamedTensor("Wh.bias", Tensor(shape: [h], scalars: values["Wh.bias"]!)),
    ]
    do {
      model = try RNNModel(
        variant: .linearTanh, inputs: d, hidden: h, vocabulary: vocabulary, parameters: named)
    } catch {
      throw SafetensorsError(error.description)
    }
    let rounded = converted.contains { $0.hasSuffix("(F64)") } ? " (F64 rounded to nearest)" : ""
    conversionNote =
      converted.isEmpty
      ? nil
      : "\(converted.count == 1 ? "1 tensor" : "\(converted.count) tensors") converted to F32"
        + "\(rounded): \(converted.joined(separator: ", "))"
  }
}
