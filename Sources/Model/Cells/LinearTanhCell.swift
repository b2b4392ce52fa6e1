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

  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let t = tracer.t
    let inputProduct = e.matmulTransposed(inputWeight)
    tracer.emit(
      .matmulInput, "W_e·\(Names.e(t))",
      operands: [NamedTensor(Names.e(t), e), NamedTensor("We.weight", inputWeight)],
      result: "W_e·\(Names.e(t))", inputProduct)
    let input = inputProduct + inputBias
    tracer.emit(
      .biasInput, "W_e·\(Names.e(t)) + b_e",
      operands: [
        NamedTensor("W_e·\(Names.e(t))", inputProduct), NamedTensor("We.bias", inputBias),
      ],
      result: "W_e·\(Names.e(t)) + b_e", input)
    let hiddenProduct = h.matmulTransposed(hiddenWeight)
    tracer.emit(
      .matmulHidden, "W_h·\(Names.h(t - 1))",
      operands: [NamedTensor(Names.h(t - 1), h), NamedTensor("Wh.weight", hiddenWeight)],
      result: "W_h·\(Names.h(t - 1))", hiddenProduct)
    let recurrent = hiddenProduct + hiddenBias
    tracer.emit(
      .biasHidden, "W_h·\(Names.h(t - 1)) + b_h",
      operands: [
        NamedTensor("W_h·\(Names.h(t - 1))", hiddenProduct), NamedTensor("Wh.bias", hiddenBias),
      ],
      result: "W_h·\(Names.h(t - 1)) + b_h", recurrent)
    // PyTorch's forward adds the hidden path first: tanh(Wh(h) + We(e)).
    let sum = recurrent + input
    tracer.emit(
      .add, "\(Names.z(t)) = (W_h·\(Names.h(t - 1)) + b_h) + (W_e·\(Names.e(t)) + b_e)",
      operands: [
        NamedTensor("W_h·\(Names.h(t - 1)) + b_h", recurrent),
        NamedTensor("W_e·\(Names.e(t)) + b_e", input),
      ],
      result: Names.z(t), sum)
    let out = sum.tanh()
    tracer.emit(
      .tanh, "tanh(\(Names.z(t)))", operands: [NamedTensor(Names.z(t), sum)],
      result: "tanh(\(Names.z(t)))", out)
    return out
  }
}
