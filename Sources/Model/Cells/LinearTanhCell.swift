/// The lesson's second RNN class: h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e), with
/// `nn.Linear` layers `We` and `Wh` (weights stored `[out, in]`, as PyTorch does):
///
/// ```python
/// def forward(self, e_t, h_prev):
///     return torch.tanh(self.Wh(h_prev) + self.We(e_t))
/// ```
public struct LinearTanhCell: RNNCell {
  public static let name = "linear-tanh"
  public static let formula = "h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e)"
  public static let parameterLayout = [
    ParameterSpec(.inputWeight, [.hidden, .inputs]), ParameterSpec(.inputBias, [.hidden]),
    ParameterSpec(.hiddenWeight, [.hidden, .hidden]), ParameterSpec(.hiddenBias, [.hidden]),
  ]
  public static let lessonParts = [
    LessonPart("We", .linear, input: .inputs, "an nn.Linear(inputs, hidden), e.g. `We: We`"),
    LessonPart("Wh", .linear, input: .hidden, "an nn.Linear(hidden, hidden), e.g. `Wh: Wh`"),
  ]
  public static let hiddenStateBound: Float? = 1

  @usableFromInline let inputWeight: TracedTensor
  @usableFromInline let inputBias: TracedTensor
  @usableFromInline let hiddenWeight: TracedTensor
  @usableFromInline let hiddenBias: TracedTensor

  /// `nn.Linear(inputs, hidden)`, then `nn.Linear(hidden, hidden)`, each weight then bias.
  public static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> LinearTanhCell
  {
    let input = generator.linear(inFeatures: inputs, outFeatures: hidden)
    let recurrent = generator.linear(inFeatures: hidden, outFeatures: hidden)
    return LinearTanhCell(parameters: [
      input.weight, input.bias!, recurrent.weight, recurrent.bias!,
    ])
  }

  public init(parameters: [Tensor]) {
    inputWeight = TracedTensor(parameters[0], .inputWeight)
    inputBias = TracedTensor(parameters[1], .inputBias)
    hiddenWeight = TracedTensor(parameters[2], .hiddenWeight)
    hiddenBias = TracedTensor(parameters[3], .hiddenBias)
  }

  public init(inputWeight: Tensor, inputBias: Tensor, hiddenWeight: Tensor, hiddenBias: Tensor) {
    self.init(parameters: [inputWeight, inputBias, hiddenWeight, hiddenBias])
  }

  public var parameterValues: [Tensor] {
    [inputWeight.value, inputBias.value, hiddenWeight.value, hiddenBias.value]
  }

  @inlinable
  public func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    // self.We(e_t)
    let inputProduct = trace.linear(Self.inputProduct, e, inputWeight)  // W_e·e_t
    let input = trace.add(Self.inputAffine, inputProduct, inputBias)  // W_e·e_t + b_e
    // self.Wh(h_prev)
    let hiddenProduct = trace.linear(Self.hiddenProduct, h, hiddenWeight)  // W_h·h_{t-1}
    let recurrent = trace.add(Self.hiddenAffine, hiddenProduct, hiddenBias)  // … + b_h
    // PyTorch's forward adds the hidden path first: tanh(Wh(h) + We(e)).
    let z = trace.add(Self.sum, recurrent, input)  // z_t
    return trace.tanh(Self.activation, z)  // tanh(z_t)
  }

  // The operations, as the events name them.
  @inlinable static var inputProduct: TracedOperation {
    TracedOperation(.matmulInput, .inputProduct)
  }
  @inlinable static var inputAffine: TracedOperation { TracedOperation(.biasInput, .inputAffine) }
  @inlinable static var hiddenProduct: TracedOperation {
    TracedOperation(.matmulHidden, .hiddenProduct)
  }
  @inlinable static var hiddenAffine: TracedOperation {
    TracedOperation(.biasHidden, .hiddenAffine)
  }
  @inlinable static var sum: TracedOperation { TracedOperation(.add, .linearTanhSum, result: .z) }
  @inlinable static var activation: TracedOperation { TracedOperation(.tanh, .tanhZ) }
}

extension Variant {
  /// h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e), with `nn.Linear` layers.
  public static let linearTanh = Variant(LinearTanhCell.self)
}
