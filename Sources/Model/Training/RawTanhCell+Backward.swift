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
    let t = trace.t
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output) {
      GradientNames(
        "dL/dz_\(t) = dL/dh_\(t) ⊙ (1 - h_\(t)²)", result: "dL/dz_\(t)", "dL/dh_\(t)", "h_\(t)")
    }
    let delta = trace.sumBackward(
      z, from: { "dL/dz_\($0)" },
      terms: { ("h_\($0 - 1)·Wh", "tanh(e_\($0)·We)") })
    // The input path: tanh(e_t·We), then its product.
    let inputDelta = trace.tanhBackward(.tanhInput, delta, output: tape.saved[0]) {
      GradientNames(
        "dL/d(e_\(t)·We) = dL/dz_\(t) ⊙ (1 - tanh(e_\(t)·We)²)", result: "dL/d(e_\(t)·We)",
        "dL/dz_\(t)", "tanh(e_\(t)·We)")
    }
    let gradientE = trace.productBackward(
      .matmulInput, .input, inputDelta, named: { "dL/d(e_\($0)·We)" }, input: e, weight: wE,
      parameter: "We", linear: false, sum: &sums[0])
    // The hidden path.
    let gradientH = trace.productBackward(
      .matmulHidden, .hidden, delta, input: h, weight: wH, parameter: "Wh", linear: false,
      sum: &sums[1])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  /// `We` and `Wh`, read through `parameters` (the stored form is the cell's own).
  private var weights: (Tensor, Tensor) {
    let values = parameters
    return (values[0].value, values[1].value)
  }

  public func replacing(parameters values: [Tensor]) -> RawTanhCell {
    RawTanhCell(wE: values[0], wH: values[1])
  }
}
