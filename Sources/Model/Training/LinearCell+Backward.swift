/// h_t = h_{t-1}·w_h + e_t·w_e, backwards: `AddBackward` hands dL/dh_t to both products;
/// each `MmBackward` gives its weight xᵀ·δ and its input δ·Wᵀ.
extension LinearCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let (wH, wE) = weights
    let input = e.matmul(wE)
    let recurrent = h.matmul(wH)
    return CellTape(output: recurrent + input)
  }

  public func backward(_ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor)
    -> CellGradients
  {
    let (wH, wE) = weights
    // Autograd runs the later operation first: e_t·w_e, then h_{t-1}·w_h.
    let gradientWE = Backward.outer(e, gradient)
    let gradientE = Backward.throughProduct(gradient, wE)
    let gradientWH = Backward.outer(h, gradient)
    let gradientH = Backward.throughProduct(gradient, wH)
    return CellGradients(
      input: gradientE, previous: gradientH, parameters: [gradientWH, gradientWE])
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
