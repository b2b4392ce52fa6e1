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
    let t = tracer.t
    let product = e.matmul(wE)
    tracer.emit(
      .matmulInput, "\(Names.e(t))·We",
      operands: [NamedTensor(Names.e(t), e), NamedTensor("We", wE)],
      result: "\(Names.e(t))·We", product)
    let input = product.tanh()
    tracer.emit(
      .tanhInput, "tanh(\(Names.e(t))·We)",
      operands: [NamedTensor("\(Names.e(t))·We", product)],
      result: "tanh(\(Names.e(t))·We)", input)
    let recurrent = h.matmul(wH)
    tracer.emit(
      .matmulHidden, "\(Names.h(t - 1))·Wh",
      operands: [NamedTensor(Names.h(t - 1), h), NamedTensor("Wh", wH)],
      result: "\(Names.h(t - 1))·Wh", recurrent)
    let sum = recurrent + input
    tracer.emit(
      .add, "\(Names.z(t)) = \(Names.h(t - 1))·Wh + tanh(\(Names.e(t))·We)",
      operands: [
        NamedTensor("\(Names.h(t - 1))·Wh", recurrent),
        NamedTensor("tanh(\(Names.e(t))·We)", input),
      ],
      result: Names.z(t), sum)
    let out = sum.tanh()
    tracer.emit(
      .tanh, "tanh(\(Names.z(t)))", operands: [NamedTensor(Names.z(t), sum)],
      result: "tanh(\(Names.z(t)))", out)
    return out
  }
}
