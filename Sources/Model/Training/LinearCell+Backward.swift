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
    let names = Self.backwardNames
    let delta = trace.sumBackward(gradient, names.sum)
    // Autograd runs the later operation first: e_t·w_e, then h_{t-1}·w_h.
    let gradientE = trace.productBackward(
      .matmulInput, delta, names.input, input: e, weight: wE, sum: &sums[1])
    let gradientH = trace.productBackward(
      .matmulHidden, delta, names.hidden, input: h, weight: wH, sum: &sums[0])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  private static let backwardNames = (
    sum: BackwardTemplates.sum("h_{t-1}·w_h", "e_t·w_e", source: "dL/dh_t"),
    input: ProductTemplates(.input, parameter: "w_e", linear: false),
    hidden: ProductTemplates(.hidden, parameter: "w_h", linear: false)
  )

  /// `w_h` and `w_e`, read through `parameters` (the stored form is the cell's own).
  private var weights: (Tensor, Tensor) {
    let values = parameters
    return (values[0].value, values[1].value)
  }

  public func replacing(parameters values: [Tensor]) -> LinearCell {
    LinearCell(wH: values[0], wE: values[1])
  }
}
