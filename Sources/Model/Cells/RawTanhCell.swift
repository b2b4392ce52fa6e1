/// The lesson's first RNN class: h_t = tanh(h_{t-1}·Wh + tanh(e_t·We)).
///
/// The lesson applies tanh twice, once to the input product and once to the sum;
/// this cell keeps that slip, since it is what the lesson's code computes.
public struct RawTanhCell: RNNCell {
  /// `We`, inputs × hidden.
  public let wE: Tensor
  /// `Wh`, hidden × hidden.
  public let wH: Tensor

  public init(wE: Tensor, wH: Tensor) {
    self.wE = wE
    self.wH = wH
  }

  public var variant: Variant { .rawTanh }
  public var inputs: Int { wE.rows }
  public var hidden: Int { wH.columns }
  public var parameters: [NamedTensor] { [NamedTensor("We", wE), NamedTensor("Wh", wH)] }

  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let product = e.matmul(wE)
    let input = product.tanh()
    let recurrent = h.matmul(wH)
    let sum = recurrent + input
    let out = sum.tanh()
    guard tracer.isRecording else { return out }

    // The events, in the order the operations ran, each name built once.
    let n = Names(t: tracer.t)
    let productName = n.e + "·We"
    let inputName = "tanh(" + productName + ")"
    let recurrentName = n.previousH + "·Wh"
    let tanhName = "tanh(" + n.z + ")"
    tracer.emit(
      .matmulInput, productName,
      operands: [NamedTensor(n.e, e), NamedTensor("We", wE)],
      result: productName, product)
    tracer.emit(
      .tanhInput, inputName, operands: [NamedTensor(productName, product)],
      result: inputName, input)
    tracer.emit(
      .matmulHidden, recurrentName,
      operands: [NamedTensor(n.previousH, h), NamedTensor("Wh", wH)],
      result: recurrentName, recurrent)
    tracer.emit(
      .add, n.z + " = " + recurrentName + " + " + inputName,
      operands: [NamedTensor(recurrentName, recurrent), NamedTensor(inputName, input)],
      result: n.z, sum)
    tracer.emit(.tanh, tanhName, operands: [NamedTensor(n.z, sum)], result: tanhName, out)
    return out
  }
}
