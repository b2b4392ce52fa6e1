/// nn.RNN, h_t = tanh(W_hh·h_{t-1} + b_hh + W_ih·e_t + b_ih), backwards: tanh's slope,
/// the sum handing δ to both paths, then each `nn.Linear`-like product as in
/// `linear-tanh`: its bias δ, its weight δᵀ·x added to the running sum, its input δ·W.
extension TorchRNNCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let input = e.matmulTransposed(inputWeight.value) + inputBias.value
    let recurrent = h.matmulTransposed(hiddenWeight.value) + hiddenBias.value
    return CellTape(output: (recurrent + input).tanh())
  }

  public func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients {
    let t = trace.t
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output) {
      GradientNames(
        "dL/dz_\(t) = dL/dh_\(t) ⊙ (1 - h_\(t)²)", result: "dL/dz_\(t)", "dL/dh_\(t)", "h_\(t)")
    }
    let delta = trace.sumBackward(
      z, from: { "dL/dz_\($0)" },
      terms: { ("W_hh·h_\($0 - 1) + b_hh", "W_ih·e_\($0) + b_ih") })
    // The input path, then the hidden one (parameters: W_ih, W_hh, b_ih, b_hh).
    trace.biasBackward(.biasInput, delta, parameter: "rnn.bias_ih_l0", sum: &sums[2])
    let gradientE = trace.productBackward(
      .matmulInput, .input, delta, input: e, weight: inputWeight.value,
      parameter: "rnn.weight_ih_l0", linear: true, sum: &sums[0])
    trace.biasBackward(.biasHidden, delta, parameter: "rnn.bias_hh_l0", sum: &sums[3])
    let gradientH = trace.productBackward(
      .matmulHidden, .hidden, delta, input: h, weight: hiddenWeight.value,
      parameter: "rnn.weight_hh_l0", linear: true, sum: &sums[1])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  public func replacing(parameters values: [Tensor]) -> TorchRNNCell {
    TorchRNNCell(parameters: values)
  }
}
