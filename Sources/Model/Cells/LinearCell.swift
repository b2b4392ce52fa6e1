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

  @inlinable
  public func step<L: TraceListener>(
    input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>
  ) -> Tensor {
    let input = e.matmul(wE, family: tracer.kernels)
    let recurrent = h.matmul(wH, family: tracer.kernels)
    let sum = recurrent + input
    guard tracer.isRecording else { return sum }

    // The events, in the order the operations ran.
    tracer.emit(
      .matmulInput,
      EventTemplates(.linearInputProduct, .e, .linearWE, result: .linearInputProduct),
      e, wE, result: input)
    tracer.emit(
      .matmulHidden,
      EventTemplates(.linearHiddenProduct, .previousH, .linearWH, result: .linearHiddenProduct),
      h, wH, result: recurrent)
    tracer.emit(
      .add,
      EventTemplates(.linearSum, .linearHiddenProduct, .linearInputProduct, result: .z),
      recurrent, input, result: sum)
    return sum
  }
}
