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

  public func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients {
    let (inputWeight, _, hiddenWeight, _) = layers
    let names = Self.backwardNames
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output, BackwardTemplates.tanh)
    let delta = trace.sumBackward(z, names.sum)
    // Autograd runs We(e_t) first (made last), then Wh(h_{t-1}).
    trace.biasBackward(.biasInput, delta, names.inputBias, sum: &sums[1])
    let gradientE = trace.productBackward(
      .matmulInput, delta, names.input, input: e, weight: inputWeight, sum: &sums[0])
    trace.biasBackward(.biasHidden, delta, names.hiddenBias, sum: &sums[3])
    let gradientH = trace.productBackward(
      .matmulHidden, delta, names.hidden, input: h, weight: hiddenWeight, sum: &sums[2])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  private static let backwardNames = (
    sum: BackwardTemplates.sum("W_h·h_{t-1} + b_h", "W_e·e_t + b_e"),
    inputBias: SumTemplates(parameter: "We.bias", contribution: "dL/dz_t"),
    input: ProductTemplates(.input, parameter: "We.weight", linear: true),
    hiddenBias: SumTemplates(parameter: "Wh.bias", contribution: "dL/dz_t"),
    hidden: ProductTemplates(.hidden, parameter: "Wh.weight", linear: true)
  )

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
