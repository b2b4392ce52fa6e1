import Model

/// One call that takes numbers from the generator, as the lesson's Python writes it:
/// `E = torch.randn(4, 5)`, `We = nn.Linear(4, 1)`, or a draw whose result is thrown away
/// (`torch.rand(110)`).
public struct TensorDraw: Equatable, Sendable {
  /// What is drawn.
  public enum Kind: Equatable, Sendable {
    /// `torch.randn(*shape)`: one or two dimensions.
    case randn([Int])
    /// `torch.rand(*shape)`: uniform on [0, 1), one 32-bit word per number (the low 24
    /// bits times 2^-24). Named: one or two dimensions; discarded: any.
    case rand([Int])
    /// `nn.Linear(in, out)`: `NAME.weight` is `[out, in]`, then `NAME.bias` is `[out]`.
    case linear(inFeatures: Int, outFeatures: Int, bias: Bool)
    /// `nn.Embedding(count, dimension)`: `NAME.weight` is `[count, dimension]`.
    case embedding(count: Int, dimension: Int)
  }

  /// The name the result is bound to; nil for a draw that only advances the generator.
  public let name: String?
  public let kind: Kind

  public init(name: String?, kind: Kind) {
    self.name = name
    self.kind = kind
  }

  /// The tensors this draw defines, with their shapes, in the order they are drawn.
  public var outputs: [(name: String, shape: [Int])] {
    guard let name else { return [] }
    switch kind {
    case .randn(let shape), .rand(let shape):
      return [(name, shape)]
    case .linear(let inFeatures, let outFeatures, let bias):
      let weight = (name: "\(name).weight", shape: [outFeatures, inFeatures])
      return bias ? [weight, ("\(name).bias", [outFeatures])] : [weight]
    case .embedding(let count, let dimension):
      return [("\(name).weight", [count, dimension])]
    }
  }

  /// How many numbers the draw takes from the generator.
  public var count: Int {
    switch kind {
    case .randn(let shape), .rand(let shape): shape.reduce(1, *)
    case .linear(let i, let o, let bias): i * o + (bias ? o : 0)
    case .embedding(let count, let dimension): count * dimension
    }
  }

  /// The draw as PyTorch code: `E = torch.randn(4, 5)`.
  public var code: String {
    let call: String
    switch kind {
    case .randn(let shape):
      call = "torch.randn(\(shape.map(String.init).joined(separator: ", ")))"
    case .rand(let shape):
      call = "torch.rand(\(shape.map(String.init).joined(separator: ", ")))"
    case .linear(let i, let o, let bias):
      call = "nn.Linear(\(i), \(o)\(bias ? "" : ", bias=False"))"
    case .embedding(let count, let dimension):
      call = "nn.Embedding(\(count), \(dimension))"
    }
    return name.map { "\($0) = \(call)" } ?? call
  }

  /// Performs the draw on `generator`, returning the named tensors it defines.
  func draw(from generator: inout TorchGenerator) -> [NamedTensor] {
    switch kind {
    case .randn(let shape):
      let value = generator.randn(shape)
      return name.map { [NamedTensor($0, value)] } ?? []
    case .rand(let shape):
      // uniform_(0, 1): x·1 + 0 is x, so either kernel returns the 24-bit uniform itself.
      let values = generator.uniform(count: count, from: 0, to: 1)
      return name.map { [NamedTensor($0, Tensor(shape: shape, scalars: values))] } ?? []
    case .linear(let i, let o, let bias):
      let layer = generator.linear(inFeatures: i, outFeatures: o, bias: bias)
      guard let name else { return [] }
      var out = [NamedTensor("\(name).weight", layer.weight)]
      if let b = layer.bias { out.append(NamedTensor("\(name).bias", b)) }
      return out
    case .embedding(let count, let dimension):
      let weight = generator.embedding(count: count, dimension: dimension)
      return name.map { [NamedTensor("\($0).weight", weight)] } ?? []
    }
  }
}
