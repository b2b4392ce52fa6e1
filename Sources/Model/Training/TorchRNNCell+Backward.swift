/// nn.RNN, h_t = tanh(W_hh·h_{t-1} + b_hh + W_ih·e_t + b_ih), backwards: tanh's slope,
/// the sum handing δ to both paths, then each `nn.Linear`-like product as in
/// `linear-tanh`: its bias δ, its weight δᵀ·x added to the running sum, its input δ·W.
///
/// PyTorch's CPU kernel takes the input products of every word in one matrix product
/// before the loop, so backwards that product's gradients are matrix products over the
/// whole sentence: dL/dW_ih = Δᵀ·E (Δ the T rows δ_t, E the T inputs e_t), dL/db_ih the
/// sum of Δ's rows, and every dL/de_t a row of Δ·W_ih. Where MKL's and ATen's orders for
/// those are followed (`prepareBackward`), each step keeps its δ_t and `finishBackward`
/// takes the sums once the pass through time is done; elsewhere they are summed a step
/// at a time as `linear-tanh` does (within 1e-5 of PyTorch, not bit for bit).
extension TorchRNNCell: DifferentiableCell {
  public func forward(input e: Tensor, previous h: Tensor) -> CellTape {
    let input = Self.inputProduct(e, inputWeight.value) + inputBias.value
    let recurrent = h.matmulTransposed(hiddenWeight.value) + hiddenBias.value
    return CellTape(output: (recurrent + input).tanh())
  }

  /// W_ih·e_t as `Tracer.linearOverWords` computes it on AMD.
  static func inputProduct(_ e: Tensor, _ weight: Tensor) -> Tensor {
    weight.rows >= MKLGemm.minimumColumns ? e.gemmTransposed(weight) : e.matmulTransposed(weight)
  }

  /// W_ih's gradient and every dL/de_t are MKL products over the sentence, `[hidden,
  /// words]·[words, inputs]` and `[words, hidden]·[hidden, inputs]`, whose order is
  /// followed with at least 12 inputs, 4 hidden units and 4 words; b_ih's is ATen's sum of
  /// `[words, hidden]` over the words, followed at every size.
  public func prepareBackward(_ sums: inout [GradientSum], words: Int) {
    let (inputs, hidden) = (inputWeight.value.columns, inputWeight.value.rows)
    if MKLGemm.follows(rows: hidden, columns: inputs),
      MKLGemm.follows(rows: words, columns: inputs)
    {
      sums[0].keepRows()
    }
    sums[2].keepRows()
  }

  public func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients {
    let names = Self.backwardNames
    let z = trace.tanhBackward(.tanh, gradient, output: tape.output, BackwardTemplates.tanh)
    let delta = trace.sumBackward(z, names.sum)
    // The input path, then the hidden one (parameters: W_ih, W_hh, b_ih, b_hh).
    if sums[2].keepsRows {
      sums[2].keep(delta)
    } else {
      trace.biasBackward(.biasInput, delta, names.inputBias, sum: &sums[2])
    }
    let gradientE: Tensor
    if sums[0].keepsRows {
      sums[0].keep(delta)
      gradientE = inputGradientOverWords(delta, trace: &trace)
    } else {
      gradientE = trace.productBackward(
        .matmulInput, delta, names.input, input: e, weight: inputWeight.value, sum: &sums[0])
    }
    trace.biasBackward(.biasHidden, delta, names.hiddenBias, sum: &sums[3])
    let gradientH = trace.productBackward(
      .matmulHidden, delta, names.hidden, input: h, weight: hiddenWeight.value, sum: &sums[1])
    return CellGradients(input: gradientE, previous: gradientH)
  }

  private static let backwardNames = (
    sum: BackwardTemplates.sum("W_hh·h_{t-1} + b_hh", "W_ih·e_t + b_ih"),
    inputBias: SumTemplates(parameter: "rnn.bias_ih_l0", contribution: "dL/dz_t"),
    input: ProductTemplates(.input, parameter: "rnn.weight_ih_l0", linear: true),
    hiddenBias: SumTemplates(parameter: "rnn.bias_hh_l0", contribution: "dL/dz_t"),
    hidden: ProductTemplates(.hidden, parameter: "rnn.weight_hh_l0", linear: true),
    inputOverWords: EventTemplates(
      "dL/de_t = dL/dz_t·rnn.weight_ih_l0", result: "dL/de_t", "dL/dz_t", "rnn.weight_ih_l0")
  )

  /// dL/de_t = δ_t·W_ih, row t of Δ·W_ih as MKL sums it.
  private func inputGradientOverWords<L: TraceListener>(
    _ delta: Tensor, trace: inout Tracer<L>
  ) -> Tensor {
    let value = delta.gemm(inputWeight.value)
    trace.record(
      .matmulInput, .backward, Self.backwardNames.inputOverWords, delta, inputWeight.value,
      result: value)
    return value
  }

  /// dL/dW_ih = Δᵀ·E and dL/db_ih = Σ_t δ_t over all T words (δ_t = 0 after the last
  /// position that counts), each one event after the pass through time.
  public func finishBackward<L: TraceListener>(
    _ sums: inout [GradientSum], inputs: [Tensor], trace: inout Tracer<L>
  ) {
    let (words, hidden, columns) = (inputs.count, inputWeight.value.rows, inputWeight.value.columns)
    func deltas(_ kept: [Tensor]) -> Tensor {
      var values = [Float](repeating: 0, count: words * hidden)
      for (k, row) in kept.enumerated() {
        let t = kept.count - k
        for j in 0..<hidden { values[(t - 1) * hidden + j] = row.scalars[j] }
      }
      return Tensor(shape: [words, hidden], scalars: values)
    }
    let range = "dL/dz_1 … dL/dz_\(words)"
    if let kept = sums[0].rows {
      let d = deltas(kept)
      let e = Tensor(shape: [words, columns], scalars: inputs.flatMap(\.scalars))
      let values = d.scalars.withUnsafeBufferPointer { a in
        e.scalars.withUnsafeBufferPointer { b in
          MKLGemm.product(
            rows: hidden, columns: columns, count: words, a.baseAddress!, rowStride: 1,
            termStride: hidden, b.baseAddress!, termStride: columns, columnStride: 1)
        }
      }
      let gradient = Tensor(shape: [hidden, columns], scalars: values)
      sums[0] = GradientSum()
      sums[0].add(gradient)
      trace.record(
        .matmulInput, .backward,
        {
          GradientNames(
            "dL/drnn.weight_ih_l0 = Σ_t dL/dz_tᵀ·e_t", result: "dL/drnn.weight_ih_l0", range,
            "e_1 … e_\(words)")
        }, d, e, result: gradient)
    }
    if let kept = sums[2].rows {
      let d = deltas(kept)
      let gradient = Tensor(
        shape: [hidden], scalars: TorchKernels.columnSums(d.scalars, rows: words, columns: hidden))
      sums[2] = GradientSum()
      sums[2].add(gradient)
      trace.record(
        .biasInput, .backward,
        { GradientNames("dL/drnn.bias_ih_l0 = Σ_t dL/dz_t", result: "dL/drnn.bias_ih_l0", range) },
        d, nil, result: gradient)
    }
  }

  public func replacing(parameters values: [Tensor]) -> TorchRNNCell {
    TorchRNNCell(parameters: values)
  }
}
