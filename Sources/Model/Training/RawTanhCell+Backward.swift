/// h_t = tanh(h_{t-1}·Wh + tanh(e_t·We)), backwards: the outer tanh's slope, the sum
/// handing δ to both paths, the inner tanh's slope on the input path, then each product.
extension RawTanhCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let (wE, wH) = weights
    let product = e.matmul(wE)
    let input = product.tanh()
    let recurrent = h.matmul(wH)
    let out = (recurrent + input).tanh()
    return CellTape(output: out, saved: [input])
  }

  public func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients {
    let (wE, wH) = weights
    let names = Self.backwardNames
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output, BackwardTemplates.tanh)
    let delta = trace.sumBackward(z, names.sum)
    // The input path: tanh(e_t·We), then its product.
    let inputDelta = trace.tanhBackward(
      .tanhInput, delta, output: tape.saved[0], names.inputTanh)
    let gradientE = trace.productBackward(
      .matmulInput, inputDelta, names.input, input: e, weight: wE, sum: &sums[0])
    // The hidden path.
    let gradientH = trace.productBackward(
      .matmulHidden, delta, names.hidden, input: h, weight: wH, sum: &sums[1])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  private static let backwardNames = (
    sum: BackwardTemplates.sum("h_{t-1}·Wh", "tanh(e_t·We)"),
    inputTanh: EventTemplates(
      "dL/d(e_t·We) = dL/dz_t ⊙ (1 - tanh(e_t·We)²)", result: "dL/d(e_t·We)", "dL/dz_t",
      "tanh(e_t·We)"),
    input: ProductTemplates(.input, delta: "dL/d(e_t·We)", parameter: "We", linear: false),
    hidden: ProductTemplates(.hidden, parameter: "Wh", linear: false)
  )

  /// `We` and `Wh`, read through `parameters` (the stored form is the cell's own).
  private var weights: (Tensor, Tensor) {
    let values = parameters
    return (values[0].value, values[1].value)
  }

  public func replacing(parameters values: [Tensor]) -> RawTanhCell {
    RawTanhCell(wE: values[0], wH: values[1])
  }
}
