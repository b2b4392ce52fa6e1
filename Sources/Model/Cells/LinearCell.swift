/// The lesson's hypothesis function: h_t = h_{t-1}·w_h + e_t·w_e.
public struct LinearCell: RNNCell {
  /// `w_h`, hidden × hidden.
  public let wH: Tensor
  /// `w_e`, inputs × hidden.
  public let wE: Tensor

  public init(wH: Tensor, wE: Tensor) {
    self.wH = wH
    self.wE = wE
  }

  public var variant: Variant { .linear }
  public var inputs: Int { wE.rows }
  public var hidden: Int { wH.columns }
  public var parameters: [NamedTensor] { [NamedTensor("w_h", wH), NamedTensor("w_e", wE)] }

  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let input = e.matmul(wE)
    let recurrent = h.matmul(wH)
    let sum = recurrent + input
    guard tracer.isRecording else { return sum }

    // The events, in the order the operations ran, each name built once.
    let n = Names(t: tracer.t)
    let inputName = n.e + "·w_e"
    let recurrentName = n.previousH + "·w_h"
    tracer.emit(
      .matmulInput, inputName,
      operands: [NamedTensor(n.e, e), NamedTensor("w_e", wE)],
      result: inputName, input)
    tracer.emit(
      .matmulHidden, recurrentName,
      operands: [NamedTensor(n.previousH, h), NamedTensor("w_h", wH)],
      result: recurrentName, recurrent)
    tracer.emit(
      .add, n.z + " = " + recurrentName + " + " + inputName,
      operands: [NamedTensor(recurrentName, recurrent), NamedTensor(inputName, input)],
      result: n.z, sum)
    return sum
  }
}
