/// The lesson's second RNN class: h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e), with
/// `nn.Linear` layers `We` and `Wh` (weights stored `[out, in]`, as PyTorch does):
///
/// ```python
/// def forward(self, e_t, h_prev):
///     return torch.tanh(self.Wh(h_prev) + self.We(e_t))
/// ```
public struct LinearTanhCell: RNNCell {
  public static let name = "linear-tanh"
  public static let readableNames = ["nn.Linear layers, one tanh", "nn.Linear, tanh"]
  public static let formula = "h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e)"
  public static let parameterLayout = [
    ParameterSpec("We.weight", [.hidden, .inputs]), ParameterSpec("We.bias", [.hidden]),
    ParameterSpec("Wh.weight", [.hidden, .hidden]), ParameterSpec("Wh.bias", [.hidden]),
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
    let named = Self.traced(parameters)
    inputWeight = named[0]
    inputBias = named[1]
    hiddenWeight = named[2]
    hiddenBias = named[3]
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

  // The operations, as the events name them (`NameTemplate`: `_t` is the time step),
  // `static let` so that each template's holes are found once.
  @usableFromInline static let inputProduct = TracedOperation(.matmulInput, "W_e·e_t")
  @usableFromInline static let inputAffine = TracedOperation(.biasInput, "W_e·e_t + b_e")
  @usableFromInline static let hiddenProduct = TracedOperation(.matmulHidden, "W_h·h_{t-1}")
  @usableFromInline static let hiddenAffine = TracedOperation(.biasHidden, "W_h·h_{t-1} + b_h")
  @usableFromInline static let sum = TracedOperation(
    .add, "z_t = (W_h·h_{t-1} + b_h) + (W_e·e_t + b_e)", result: "z_t")
  @usableFromInline static let activation = TracedOperation(.tanh, "tanh(z_t)")
}

extension Variant {
  /// h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e), with `nn.Linear` layers.
  public static let linearTanh = Variant(LinearTanhCell.self)
}
