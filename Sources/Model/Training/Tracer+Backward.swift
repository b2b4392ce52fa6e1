/// The names of a loss or backward event: its formula, its result and its operands.
/// Given as a closure, so that they are spelled only when the event is recorded and
/// training without a trace builds no string.
struct GradientNames {
  let formula: String
  let result: String
  let operands: [String]

  init(_ formula: String, result: String? = nil, _ operands: String...) {
    self.formula = formula
    self.result = result ?? formula
    self.operands = operands
  }
}

/// The loss and the backward pass, one method an operation: each computes with the
/// arithmetic the Learner trains with (`Backward`, `CrossEntropy`, `GradientSum`) and,
/// when the listener records, passes the event on in the same call.
extension Tracer {
  /// Records an event whose names are spelled from `names` only if it is wanted.
  mutating func record(
    _ operation: Operation, _ pass: Pass, _ names: () -> GradientNames, _ first: Tensor,
    _ second: Tensor?, result: Tensor, index: Int? = nil, omitsValues: Bool = false
  ) {
    guard listener.isRecording else { return }
    let labels = names()
    lastStep += 1
    var operands = [NamedTensor(labels.operands[0], first)]
    if let second { operands.append(NamedTensor(labels.operands[1], second)) }
    listener.receive(
      TraceEvent(
        step: lastStep, t: t, word: word, operation: operation, formula: labels.formula,
        operands: operands, result: NamedTensor(labels.result, result), index: index,
        pass: pass, omitsValues: omitsValues))
  }

  // MARK: the loss

  /// `head(h_t)`: the scores y_t of each vocabulary word as the next one.
  mutating func logits(_ head: PredictionHead, _ h: Tensor) -> Tensor {
    let value = head.logits(h)
    let t = self.t
    record(
      .logits, .forward,
      {
        GradientNames(
          "y_\(t) = head.weight·h_\(t) + head.bias", result: "y_\(t)", "h_\(t)", "head.weight")
      },
      h, head.weight, result: value)
    return value
  }

  /// `F.cross_entropy(y_t, [target])`: L_t.
  mutating func crossEntropy(_ logits: Tensor, target: Int) -> CrossEntropy {
    let term = CrossEntropy(logits: logits.scalars, target: target)
    let t = self.t
    record(
      .loss, .forward,
      { GradientNames("L_\(t) = -log softmax(y_\(t))[\(target)]", result: "L_\(t)", "y_\(t)") },
      logits, nil, result: Tensor(shape: [1], scalars: [term.loss]), index: target)
    return term
  }

  /// L from its terms: their mean (`next-word`) or the last one (`last-word`).
  mutating func totalLoss(_ terms: [Float], kind: LossKind, positions: ClosedRange<Int>) -> Float {
    let total: Float
    switch kind {
    case .nextWord:
      // torch.stack(losses).mean(): ATen's sum, divided by the count.
      total = TorchKernels.sum(terms) / Float(terms.count)
    case .lastWord:
      total = terms[0]
    }
    let (first, last) = (positions.lowerBound, positions.upperBound)
    record(
      .loss, .forward,
      {
        first == last
          ? GradientNames("L = L_\(last)", result: "L", "L_\(last)")
          : GradientNames("L = mean(L_\(first) … L_\(last))", result: "L", "L_\(first) … L_\(last)")
      },
      Tensor(shape: [terms.count], scalars: terms), nil,
      result: Tensor(shape: [1], scalars: [total]))
    return total
  }

  // MARK: the backward operations

  /// dL/dy_t = (softmax(y_t) − one-hot(target))·upstream.
  mutating func lossBackward(
    _ term: CrossEntropy, logits: Tensor, upstream: Float, terms count: Int
  ) -> Tensor {
    let g = term.gradient(upstream: upstream)
    let value = Tensor(shape: [1, g.count], scalars: g)
    let (t, target) = (self.t, term.target)
    record(
      .loss, .backward,
      {
        let scale = count == 1 ? "" : " / \(count)"
        return GradientNames(
          "dL/dy_\(t) = (softmax(y_\(t)) - onehot[\(target)])\(scale)", result: "dL/dy_\(t)",
          "y_\(t)")
      }, logits, nil, result: value, index: target)
    return value
  }

  /// tanh's backward: dL/dx = g ⊙ (1 − y²), from tanh's output y.
  mutating func tanhBackward(
    _ operation: Operation, _ g: Tensor, output y: Tensor, _ names: () -> GradientNames
  ) -> Tensor {
    backward(operation, names, g, y, Backward.tanh(g, output: y))
  }

  /// A gradient handed on unchanged (a sum's backward gives it to both terms).
  mutating func handOn(_ operation: Operation, _ g: Tensor, _ names: () -> GradientNames)
    -> Tensor
  {
    backward(operation, names, g, nil, g)
  }

  /// Records a backward operation's event, operands `g` and `other`, and returns `value`.
  private mutating func backward(
    _ operation: Operation, _ names: () -> GradientNames, _ g: Tensor, _ other: Tensor?,
    _ value: Tensor
  ) -> Tensor {
    record(operation, .backward, names, g, other, result: value)
    return value
  }

  /// dL/dh_t from the two places h_t went: the head and the next step (either may be
  /// missing), summed as autograd's input buffer sums them.
  mutating func gatherHidden(_ fromHead: Tensor?, _ fromNext: Tensor?, zero: Tensor) -> Tensor {
    let t = self.t
    switch (fromHead, fromNext) {
    case (let head?, let next?):
      let value = head + next
      record(
        .hiddenState, .backward,
        {
          GradientNames(
            "dL/dh_\(t) = dL/dy_\(t)·head.weight + dL/dh_\(t) from step \(t + 1)",
            result: "dL/dh_\(t)", "dL/dy_\(t)·head.weight", "dL/dh_\(t) from step \(t + 1)")
        }, head, next, result: value)
      return value
    case (let head?, nil):
      record(
        .hiddenState, .backward,
        {
          GradientNames(
            "dL/dh_\(t) = dL/dy_\(t)·head.weight", result: "dL/dh_\(t)", "dL/dy_\(t)·head.weight")
        },
        head, nil, result: head)
      return head
    case (nil, let next?):
      record(
        .hiddenState, .backward,
        {
          GradientNames(
            "dL/dh_\(t) = dL/dh_\(t) from step \(t + 1)", result: "dL/dh_\(t)",
            "dL/dh_\(t) from step \(t + 1)")
        },
        next, nil, result: next)
      return next
    case (nil, nil):
      return zero
    }
  }

  /// A weight's contribution from one use: xᵀ·g for `x·W` (`[in, out]`), or gᵀ·x for an
  /// `nn.Linear` weight `[out, in]` (`transposed`).
  /// `omitsValues`: a log writes the contribution without its values (the head's).
  mutating func weightGradient(
    _ operation: Operation, input x: Tensor, _ g: Tensor, linear: Bool,
    omitsValues: Bool = false, _ names: () -> GradientNames
  ) -> Tensor {
    let value = linear ? Backward.outerTransposed(x, g) : Backward.outer(x, g)
    record(operation, .backward, names, g, x, result: value, omitsValues: omitsValues)
    return value
  }

  /// dL/dx of `x·W` (`linear`: of `x·Wᵀ`, an `nn.Linear`).
  mutating func inputGradient(
    _ operation: Operation, _ g: Tensor, weight w: Tensor, linear: Bool,
    _ names: () -> GradientNames
  ) -> Tensor {
    backward(
      operation, names, g, w, linear ? Backward.throughLinear(g, w) : Backward.throughProduct(g, w))
  }

  /// Adds one use's contribution to a parameter's gradient; the event shows the running
  /// sum before (when there is one), the contribution, and the sum after (a log writes
  /// the sum's values only when `omitsValues` is false).
  mutating func accumulate(
    _ operation: Operation, _ sum: inout GradientSum, _ contribution: Tensor,
    parameter: String, omitsValues: Bool = false, contribution name: () -> String
  ) {
    let before = sum.value
    sum.add(contribution)
    let total = "dL/d" + parameter
    if let before {
      record(
        operation, .backward,
        { GradientNames("\(total) += \(name())", result: total, total, name()) },
        before, contribution, result: sum.value!, omitsValues: omitsValues)
    } else {
      record(
        operation, .backward, { GradientNames("\(total) = \(name())", result: total, name()) },
        contribution, nil, result: sum.value!, omitsValues: omitsValues)
    }
  }

  /// Adds one use's contribution to a parameter's gradient with `add`, in place, for a
  /// listener that does not read the values a log omits: the event is `accumulate`'s,
  /// its operands and, until the sum is `complete`, its result `standIn` (zeros of the
  /// sum's shape), its values omitted.
  mutating func accumulateInPlace(
    _ operation: Operation, _ sum: inout GradientSum, standIn: Tensor, parameter: String,
    complete: Bool, _ add: (inout GradientSum) -> Void, contribution name: () -> String
  ) {
    let first = sum.value == nil
    add(&sum)
    guard listener.isRecording else { return }
    let total = "dL/d" + parameter
    let result = complete ? sum.value! : standIn
    if first {
      record(
        operation, .backward, { GradientNames("\(total) = \(name())", result: total, name()) },
        standIn, nil, result: result, omitsValues: !complete)
    } else {
      record(
        operation, .backward,
        { GradientNames("\(total) += \(name())", result: total, total, name()) },
        standIn, standIn, result: result, omitsValues: !complete)
    }
  }

  /// Adds dL/de_t to the row of the embedding's gradient that e_t was read from.
  mutating func accumulate(_ table: inout EmbeddingGradient, _ g: Tensor, row: Int) {
    let before = table.touched(row) ? table.row(row) : nil
    table.add(g, row: row)
    guard listener.isRecording else { return }
    let t = self.t
    let name = "dL/dembedding.weight[\(row)]"
    if let before {
      record(
        .embedding, .backward,
        { GradientNames("\(name) += dL/de_\(t)", result: name, name, "dL/de_\(t)") },
        before, g, result: table.row(row), index: row)
    } else {
      record(
        .embedding, .backward,
        { GradientNames("\(name) = dL/de_\(t)", result: name, "dL/de_\(t)") },
        g, nil, result: table.row(row), index: row)
    }
  }
}

/// Which of a cell's products a backward operation goes through.
enum ProductPath {
  /// e_t times the input weight.
  case input
  /// h_{t-1} times the hidden weight.
  case hidden
}

extension Tracer {
  /// The backward of a product `x·W` (or an `nn.Linear`'s `x·Wᵀ`, `linear`) at time step
  /// `t`: W's contribution from this step, added to its running sum, then dL/dx (dL/de_t
  /// or dL/dh_{t-1}), which it returns. `delta` is the gradient of the product, named
  /// `deltaName` (dL/dz_t unless an inner operation came between).
  mutating func productBackward(
    _ operation: Operation, _ path: ProductPath, _ delta: Tensor,
    named deltaName: @escaping @Sendable (Int) -> String = { "dL/dz_\($0)" }, input x: Tensor,
    weight w: Tensor, parameter: StaticString, linear: Bool, sum: inout GradientSum
  ) -> Tensor {
    let t = self.t
    let input = { path == .input ? "e_\(t)" : "h_\(t - 1)" }
    let contribution = {
      linear ? "\(deltaName(t))ᵀ·\(input())" : "\(input())ᵀ·\(deltaName(t))"
    }
    let weight = weightGradient(operation, input: x, delta, linear: linear) {
      GradientNames(contribution(), deltaName(t), input())
    }
    accumulate(operation, &sum, weight, parameter: "\(parameter)", contribution: contribution)
    return inputGradient(operation, delta, weight: w, linear: linear) {
      let product = linear ? "\(deltaName(t))·\(parameter)" : "\(deltaName(t))·\(parameter)ᵀ"
      let result = path == .input ? "dL/de_\(t)" : "dL/dh_\(t - 1) from step \(t)"
      return GradientNames("\(result) = \(product)", result: result, deltaName(t), "\(parameter)")
    }
  }

  /// A bias's backward: its gradient is the gradient of its sum, added to its running sum.
  mutating func biasBackward(
    _ operation: Operation, _ delta: Tensor, parameter: StaticString, sum: inout GradientSum
  ) {
    let t = self.t
    accumulate(operation, &sum, Backward.bias(delta), parameter: "\(parameter)") { "dL/dz_\(t)" }
  }

  /// The sum z_t's backward: dL/dz_t goes unchanged to both of its terms, named here.
  mutating func sumBackward(
    _ delta: Tensor, from source: @escaping @Sendable (Int) -> String,
    terms: @escaping @Sendable (Int) -> (String, String)
  ) -> Tensor {
    let t = self.t
    return handOn(.add, delta) {
      let (a, b) = terms(t)
      return GradientNames(
        "dL/d(\(a)) = dL/d(\(b)) = \(source(t))", result: "dL/dz_\(t)", source(t))
    }
  }
}
