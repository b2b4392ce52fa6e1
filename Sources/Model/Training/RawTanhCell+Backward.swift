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

  public func backward(_ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor)
    -> CellGradients
  {
    let (wE, wH) = weights
    let delta = Backward.tanh(gradient, output: tape.output)  // dL/dz_t
    // The input path: tanh(e_t·We), then its product.
    let inputDelta = Backward.tanh(delta, output: tape.saved[0])
    let gradientWE = Backward.outer(e, inputDelta)
    let gradientE = Backward.throughProduct(inputDelta, wE)
    // The hidden path.
    let gradientWH = Backward.outer(h, delta)
    let gradientH = Backward.throughProduct(delta, wH)
    return CellGradients(
      input: gradientE, previous: gradientH, parameters: [gradientWE, gradientWH])
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
