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
    let t = trace.t
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output) {
      GradientNames(
        "dL/dz_\(t) = dL/dh_\(t) ⊙ (1 - h_\(t)²)", result: "dL/dz_\(t)", "dL/dh_\(t)", "h_\(t)")
    }
    let delta = trace.sumBackward(
      z, from: { "dL/dz_\($0)" },
      terms: { ("W_h·h_\($0 - 1) + b_h", "W_e·e_\($0) + b_e") })
    // Autograd runs We(e_t) first (made last), then Wh(h_{t-1}).
    trace.biasBackward(.biasInput, delta, parameter: "We.bias", sum: &sums[1])
    let gradientE = trace.productBackward(
      .matmulInput, .input, delta, input: e, weight: inputWeight, parameter: "We.weight",
      linear: true, sum: &sums[0])
    trace.biasBackward(.biasHidden, delta, parameter: "Wh.bias", sum: &sums[3])
    let gradientH = trace.productBackward(
      .matmulHidden, .hidden, delta, input: h, weight: hiddenWeight, parameter: "Wh.weight",
      linear: true, sum: &sums[2])
    return CellGradients(input: gradientE, previous: gradientH)
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
