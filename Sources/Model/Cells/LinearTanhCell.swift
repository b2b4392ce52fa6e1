/// The lesson's second RNN class: h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e), with
/// `nn.Linear` layers `We` and `Wh` (weights stored `[out, in]`, as PyTorch does).
public struct LinearTanhCell: RNNCell {
  public let inputWeight: Tensor
  public let inputBias: Tensor
  public let hiddenWeight: Tensor
  public let hiddenBias: Tensor

  public init(inputWeight: Tensor, inputBias: Tensor, hiddenWeight: Tensor, hiddenBias: Tensor) {
    self.inputWeight = inputWeight
    self.inputBias = inputBias
    self.hiddenWeight = hiddenWeight
    self.hiddenBias = hiddenBias
  }

  public var variant: Variant { .linearTanh }
  public var inputs: Int { inputWeight.columns }
  public var hidden: Int { hiddenWeight.rows }
  public var parameters: [NamedTensor] {
    [
      NamedTensor("We.weight", inputWeight), NamedTensor("We.bias", inputBias),
      NamedTensor("Wh.weight", hiddenWeight), NamedTensor("Wh.bias", hiddenBias),
    ]
  }

  @inlinable
  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let inputProduct = e.matmulTransposed(inputWeight, family: tracer.kernels)
    let input = inputProduct + inputBias
    let hiddenProduct = h.matmulTransposed(hiddenWeight, family: tracer.kernels)
    let recurrent = hiddenProduct + hiddenBias
    // PyTorch's forward adds the hidden path first: tanh(Wh(h) + We(e)).
    let sum = recurrent + input
    let out = sum.tanh(family: tracer.kernels)
    guard tracer.isRecording else { return out }

    // The events, in the order the operations ran.
    tracer.emit(
      .matmulInput, EventTemplates(.inputProduct, .e, .inputWeight, result: .inputProduct),
      e, inputWeight, result: inputProduct)
    tracer.emit(
      .biasInput, EventTemplates(.inputAffine, .inputProduct, .inputBias, result: .inputAffine),
      inputProduct, inputBias, result: input)
    tracer.emit(
      .matmulHidden,
      EventTemplates(.hiddenProduct, .previousH, .hiddenWeight, result: .hiddenProduct),
      h, hiddenWeight, result: hiddenProduct)
    tracer.emit(
      .biasHidden,
      EventTemplates(.hiddenAffine, .hiddenProduct, .hiddenBias, result: .hiddenAffine),
      hiddenProduct, hiddenBias, result: recurrent)
    tracer.emit(
      .add, EventTemplates(.linearTanhSum, .hiddenAffine, .inputAffine, result: .z),
      recurrent, input, result: sum)
    tracer.emit(.tanh, EventTemplates(.tanhZ, .z, result: .tanhZ), sum, nil, result: out)
    return out
  }
}
