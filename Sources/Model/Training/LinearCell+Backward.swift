/// h_t = h_{t-1}·w_h + e_t·w_e, backwards: `AddBackward` hands dL/dh_t to both products;
/// each `MmBackward` gives its weight xᵀ·δ and its input δ·Wᵀ.
extension LinearCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let (wH, wE) = weights
    let input = e.matmul(wE)
    let recurrent = h.matmul(wH)
    return CellTape(output: recurrent + input)
  }

  public func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients {
    let (wH, wE) = weights
    // h_t is z_t: the sum hands dL/dh_t to both products.
    let delta = trace.sumBackward(
      gradient, from: { "dL/dh_\($0)" },
      terms: { ("h_\($0 - 1)·w_h", "e_\($0)·w_e") })
    // Autograd runs the later operation first: e_t·w_e, then h_{t-1}·w_h.
    let gradientE = trace.productBackward(
      .matmulInput, .input, delta, input: e, weight: wE, parameter: "w_e", linear: false,
      sum: &sums[1])
    let gradientH = trace.productBackward(
      .matmulHidden, .hidden, delta, input: h, weight: wH, parameter: "w_h", linear: false,
      sum: &sums[0])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  /// `w_h` and `w_e`, read through `parameters` (the stored form is the cell's own).
  private var weights: (Tensor, Tensor) {
    let values = parameters
    return (values[0].value, values[1].value)
  }

  public func replacing(parameters values: [Tensor]) -> LinearCell {
    LinearCell(wH: values[0], wE: values[1])
  }
}
