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
    let t = tracer.t
    let input = e.matmul(wE)
    tracer.emit(
      .matmulInput, "\(Names.e(t))·w_e",
      operands: [NamedTensor(Names.e(t), e), NamedTensor("w_e", wE)],
      result: "\(Names.e(t))·w_e", input)
    let recurrent = h.matmul(wH)
    tracer.emit(
      .matmulHidden, "\(Names.h(t - 1))·w_h",
      operands: [NamedTensor(Names.h(t - 1), h), NamedTensor("w_h", wH)],
      result: "\(Names.h(t - 1))·w_h", recurrent)
    let sum = recurrent + input
    tracer.emit(
      .add, "\(Names.z(t)) = \(Names.h(t - 1))·w_h + \(Names.e(t))·w_e",
      operands: [
        NamedTensor("\(Names.h(t - 1))·w_h", recurrent), NamedTensor("\(Names.e(t))·w_e", input),
      ],
      result: Names.z(t), sum)
    return sum
  }
}
