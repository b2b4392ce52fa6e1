/// h_t = tanh(Wh(h_{t-1}) + We(e_t)), backwards: tanh's slope, the sum handing δ to both
/// `nn.Linear` layers; each `AddmmBackward` gives its bias δ, its weight δᵀ·x and its
/// input δ·W.
extension LinearTanhCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let (inputWeight, inputBias, hiddenWeight, hiddenBias) = layers
    let input = e.matmulTransposed(inputWeight) + inputBias
    let recurrent = h.matmulTransposed(hiddenWeight) + hiddenBias
    return CellTape(output: (recurrent + input).tanh())
  }

  public func backward(_ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor)
    -> CellGradients
  {
    let (inputWeight, _, hiddenWeight, _) = layers
    let delta = Backward.tanh(gradient, output: tape.output)  // dL/dz_t
    // Autograd runs We(e_t) first (made last), then Wh(h_{t-1}).
    let gradientInputBias = Backward.bias(delta)
    let gradientInputWeight = Backward.outerTransposed(e, delta)
    let gradientE = Backward.throughLinear(delta, inputWeight)
    let gradientHiddenBias = Backward.bias(delta)
    let gradientHiddenWeight = Backward.outerTransposed(h, delta)
    let gradientH = Backward.throughLinear(delta, hiddenWeight)
    return CellGradients(
      input: gradientE, previous: gradientH,
      parameters: [
        gradientInputWeight, gradientInputBias, gradientHiddenWeight, gradientHiddenBias,
      ])
  }

  /// `We.weight`, `We.bias`, `Wh.weight`, `Wh.bias`, read through `parameters` (the
  /// stored form is the cell's own).
  private var layers: (Tensor, Tensor, Tensor, Tensor) {
    let values = parameters
    return (values[0].value, values[1].value, values[2].value, values[3].value)
  }

  public func replacing(parameters values: [Tensor]) -> LinearTanhCell {
    LinearTanhCell(
      inputWeight: values[0], inputBias: values[1], hiddenWeight: values[2], hiddenBias: values[3])
  }
}
