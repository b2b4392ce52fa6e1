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

  @inlinable
  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let product = e.matmul(wE, family: tracer.kernels)
    let input = product.tanh(family: tracer.kernels)
    let recurrent = h.matmul(wH, family: tracer.kernels)
    let sum = recurrent + input
    let out = sum.tanh(family: tracer.kernels)
    guard tracer.isRecording else { return out }

    // The events, in the order the operations ran.
    tracer.emit(
      .matmulInput, EventTemplates(.rawInputProduct, .e, .rawWE, result: .rawInputProduct),
      e, wE, result: product)
    tracer.emit(
      .tanhInput, EventTemplates(.rawInputTanh, .rawInputProduct, result: .rawInputTanh),
      product, nil, result: input)
    tracer.emit(
      .matmulHidden,
      EventTemplates(.rawHiddenProduct, .previousH, .rawWH, result: .rawHiddenProduct),
      h, wH, result: recurrent)
    tracer.emit(
      .add, EventTemplates(.rawSum, .rawHiddenProduct, .rawInputTanh, result: .z),
      recurrent, input, result: sum)
    tracer.emit(.tanh, EventTemplates(.tanhZ, .z, result: .tanhZ), sum, nil, result: out)
    return out
  }
}
