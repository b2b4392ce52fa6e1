/// PyTorch's own `nn.RNN` (tanh, biases, one layer), the "Basic RNN" the lesson's last
/// heading announces: h_t = tanh(W_hh·h_{t-1} + b_hh + W_ih·e_t + b_ih). Its one layer
/// is the lesson's second class with the same four tensors under other names.
///
/// PyTorch's CPU kernel multiplies the input of every word by W_ih in one matrix
/// product before the loop; here each word's input product is traced at its own step,
/// summed as that product sums its row (`Tracer.linearOverWords`; docs/pytorch-numbers.md
/// says for which sizes MKL's order is followed).
public struct TorchRNNCell: RNNCell {
  public static let name = "torch-rnn"
  public static let formula = "h_t = tanh(W_hh·h_{t-1} + b_hh + W_ih·e_t + b_ih)"
  /// `named_parameters()` order: both weights, then both biases.
  public static let parameterLayout = [
    ParameterSpec("rnn.weight_ih_l0", [.hidden, .inputs]),
    ParameterSpec("rnn.weight_hh_l0", [.hidden, .hidden]),
    ParameterSpec("rnn.bias_ih_l0", [.hidden]), ParameterSpec("rnn.bias_hh_l0", [.hidden]),
  ]
  public static let lessonParts = [
    LessonPart(
      "ih", .linear, input: .inputs,
      "the input layer, an nn.Linear(inputs, hidden) or `{weight: …, bias: …}`, e.g. `ih: We`",
      names: ["rnn.weight_ih_l0", "rnn.bias_ih_l0"]),
    LessonPart(
      "hh", .linear, input: .hidden,
      "the hidden layer, an nn.Linear(hidden, hidden) or `{weight: …, bias: …}`, e.g. `hh: Wh`",
      names: ["rnn.weight_hh_l0", "rnn.bias_hh_l0"]),
  ]
  public static let hiddenStateBound: Float? = 1

  @usableFromInline let inputWeight: TracedTensor
  @usableFromInline let hiddenWeight: TracedTensor
  @usableFromInline let inputBias: TracedTensor
  @usableFromInline let hiddenBias: TracedTensor

  /// `nn.RNN(inputs, hidden)`: weight_ih, weight_hh, bias_ih, bias_hh, U(-1/√H, 1/√H).
  public static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> TorchRNNCell
  {
    TorchRNNCell(parameters: generator.rnn(inputSize: inputs, hiddenSize: hidden).map(\.value))
  }

  public init(parameters: [Tensor]) {
    let named = Self.traced(parameters)
    inputWeight = named[0]
    hiddenWeight = named[1]
    inputBias = named[2]
    hiddenBias = named[3]
  }

  public var parameterValues: [Tensor] {
    [inputWeight.value, hiddenWeight.value, inputBias.value, hiddenBias.value]
  }

  @inlinable
  public func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    let inputProduct = trace.linearOverWords(Self.inputProduct, e, inputWeight)  // W_ih·e_t
    let input = trace.add(Self.inputAffine, inputProduct, inputBias)  // … + b_ih
    let hiddenProduct = trace.linear(Self.hiddenProduct, h, hiddenWeight)  // W_hh·h_{t-1}
    let recurrent = trace.add(Self.hiddenAffine, hiddenProduct, hiddenBias)  // … + b_hh
    // The kernel adds the step's hidden path to the precomputed input path.
    let z = trace.add(Self.sum, recurrent, input)  // z_t
    return trace.tanh(Self.activation, z)  // tanh(z_t)
  }

  // The operations, as the events name them (`NameTemplate`: `_t` is the time step),
  // `static let` so that each template's holes are found once.
  @usableFromInline static let inputProduct = TracedOperation(.matmulInput, "W_ih·e_t")
  @usableFromInline static let inputAffine = TracedOperation(.biasInput, "W_ih·e_t + b_ih")
  @usableFromInline static let hiddenProduct = TracedOperation(.matmulHidden, "W_hh·h_{t-1}")
  @usableFromInline static let hiddenAffine = TracedOperation(.biasHidden, "W_hh·h_{t-1} + b_hh")
  @usableFromInline static let sum = TracedOperation(
    .add, "z_t = (W_hh·h_{t-1} + b_hh) + (W_ih·e_t + b_ih)", result: "z_t")
  @usableFromInline static let activation = TracedOperation(.tanh, "tanh(z_t)")
}

extension Variant {
  /// PyTorch's `nn.RNN`: h_t = tanh(W_hh·h_{t-1} + b_hh + W_ih·e_t + b_ih).
  public static let torchRNN = Variant(TorchRNNCell.self)
}
