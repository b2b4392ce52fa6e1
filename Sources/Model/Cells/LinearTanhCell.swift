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
    let inputProduct = e.matmulTransposed(inputWeight)
    let input = inputProduct + inputBias
    let hiddenProduct = h.matmulTransposed(hiddenWeight)
    let recurrent = hiddenProduct + hiddenBias
    // PyTorch's forward adds the hidden path first: tanh(Wh(h) + We(e)).
    let sum = recurrent + input
    let out = sum.tanh()
    guard tracer.isRecording else { return out }

    // The events, in the order the operations ran, each name built once.
    let n = Names(t: tracer.t)
    let inputProductName = "W_e·" + n.e
    let inputName = inputProductName + " + b_e"
    let hiddenProductName = "W_h·" + n.previousH
    let recurrentName = hiddenProductName + " + b_h"
    let tanhName = "tanh(" + n.z + ")"
    tracer.emit(
      .matmulInput, inputProductName,
      operands: [NamedTensor(n.e, e), NamedTensor("We.weight", inputWeight)],
      result: inputProductName, inputProduct)
    tracer.emit(
      .biasInput, inputName,
      operands: [NamedTensor(inputProductName, inputProduct), NamedTensor("We.bias", inputBias)],
      result: inputName, input)
    tracer.emit(
      .matmulHidden, hiddenProductName,
      operands: [NamedTensor(n.previousH, h), NamedTensor("Wh.weight", hiddenWeight)],
      result: hiddenProductName, hiddenProduct)
    tracer.emit(
      .biasHidden, recurrentName,
      operands: [
        NamedTensor(hiddenProductName, hiddenProduct), NamedTensor("Wh.bias", hiddenBias),
      ],
      result: recurrentName, recurrent)
    tracer.emit(
      .add, n.z + " = (" + recurrentName + ") + (" + inputName + ")",
      operands: [NamedTensor(recurrentName, recurrent), NamedTensor(inputName, input)],
      result: n.z, sum)
    tracer.emit(.tanh, tanhName, operands: [NamedTensor(n.z, sum)], result: tanhName, out)
    return out
  }
}
