/// `nn.Linear(hidden, V)`: from a hidden state h_t, one score (logit) per vocabulary
/// word for the word that comes next.
public struct PredictionHead: Sendable, Equatable {
  /// `head.weight`, `[V, hidden]`.
  public var weight: Tensor {
    didSet { columns = weight.transposed().scalars }
  }
  /// `head.bias`, `[V]`.
  public var bias: Tensor

  public init(weight: Tensor, bias: Tensor) {
    precondition(bias.shape == [weight.rows])
    self.weight = weight
    self.bias = bias
    columns = weight.transposed().scalars
  }

  /// `head.weight` transposed, `[hidden, V]`: the logits' kernel reads it a row of eight
  /// outputs at a time (`MKLGemv.products`).
  private var columns: [Float]

  /// Drawn as `nn.Linear(hidden, vocabulary)` is, next in the model's generator stream.
  public static func draw(hidden: Int, vocabulary: Int, from generator: inout TorchGenerator)
    -> PredictionHead
  {
    let layer = generator.linear(inFeatures: hidden, outFeatures: vocabulary)
    return PredictionHead(weight: layer.weight, bias: layer.bias!)
  }

  /// `head(h_t)`: h_t·Wᵀ + b, `[1, V]`, summed as MKL sums `nn.Linear`.
  public func logits(_ h: Tensor) -> Tensor {
    precondition(h.rows == 1 && h.columns == weight.columns, "h_t is one row of `hidden`")
    let gemv = MKLGemv(count: weight.columns, outputs: weight.rows, inputOffset: 0)
    let y = [Float](unsafeUninitializedCapacity: weight.rows) { out, initialized in
      h.scalars.withUnsafeBufferPointer { x in
        weight.scalars.withUnsafeBufferPointer { w in
          columns.withUnsafeBufferPointer { c in
            bias.scalars.withUnsafeBufferPointer { b in
              gemv.products(
                rows: w.baseAddress!, columns: c.baseAddress!, x.baseAddress!,
                plus: b.baseAddress!, into: out.baseAddress!)
            }
          }
        }
      }
      initialized = weight.rows
    }
    return Tensor(shape: [1, weight.rows], scalars: y)
  }
}

extension ModelSpec {
  /// The model and, drawn next from the same generator, its prediction head: what
  /// PyTorch builds for training (`nn.Linear(hidden, len(vocabulary))` after the cell).
  public func buildWithHead(kernel: TorchGenerator.Kernel = .platformDefault)
    throws(ModelSpecError) -> (model: RNNModel, head: PredictionHead)
  {
    var rng = TorchGenerator(seed: seed, kernel: kernel)
    let model = try build(drawingFrom: &rng)
    let head = PredictionHead.draw(
      hidden: hidden, vocabulary: model.vocabulary.count, from: &rng)
    return (model, head)
  }
}
