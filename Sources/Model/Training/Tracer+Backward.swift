/// The names of a loss or backward event given as text: its formula, its result and its
/// operands. Given as a closure, so that they are spelled only when the event is
/// recorded and training without a trace builds no string. The events of every word
/// are named by templates instead (`EventTemplates`, `BackwardTemplates`): the few given
/// as text are the ones whose names hold more than a time step and a row.
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

  /// Records an event named by templates, filled in with its time step and `index` when
  /// read: no string is built here.
  mutating func record(
    _ operation: Operation, _ pass: Pass, _ names: EventTemplates, _ first: Tensor,
    _ second: Tensor?, result: Tensor, index: Int? = nil, omitsValues: Bool = false
  ) {
    guard listener.isRecording else { return }
    precondition((names.second == nil) == (second == nil), "one name an operand")
    lastStep += 1
    listener.receive(
      TraceEvent(
        step: lastStep, t: t, word: word, operation: operation, index: index,
        names: .templates(names), first: first, second: second,
        operandCount: second == nil ? 1 : 2, result: result, productOrder: nil, pass: pass,
        omitsValues: omitsValues))
  }

  // MARK: the loss

  /// `head(h_t)`: the scores y_t of each vocabulary word as the next one.
  mutating func logits(_ head: PredictionHead, _ h: Tensor) -> Tensor {
    let value = head.logits(h)
    record(.logits, .forward, HeadTemplates.logits, h, head.weight, result: value)
    return value
  }

  /// `F.cross_entropy(y_t, [target])`: L_t.
  mutating func crossEntropy(_ logits: Tensor, target: Int) -> Float {
    let loss = CrossEntropy.loss(logits: logits.scalars, target: target)
    record(
      .loss, .forward, HeadTemplates.crossEntropy, logits, nil,
      result: Tensor(shape: [1], scalars: [loss]), index: target)
    return loss
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
    _ operation: Operation, _ g: Tensor, output y: Tensor, _ names: EventTemplates
  ) -> Tensor {
    backward(operation, names, g, y, Backward.tanh(g, output: y))
  }

  /// A gradient handed on unchanged (a sum's backward gives it to both terms).
  mutating func handOn(_ operation: Operation, _ g: Tensor, _ names: EventTemplates) -> Tensor {
    backward(operation, names, g, nil, g)
  }

  /// Records a backward operation's event, operands `g` and `other`, and returns `value`.
  private mutating func backward(
    _ operation: Operation, _ names: EventTemplates, _ g: Tensor, _ other: Tensor?,
    _ value: Tensor
  ) -> Tensor {
    record(operation, .backward, names, g, other, result: value)
    return value
  }

  /// dL/dh_t from the two places h_t went: the head and the next step (either may be
  /// missing), summed as autograd's input buffer sums them.
  mutating func gatherHidden(_ fromHead: Tensor?, _ fromNext: Tensor?, zero: Tensor) -> Tensor {
    switch (fromHead, fromNext) {
    case (let head?, let next?):
      let value = head + next
      record(.hiddenState, .backward, HeadTemplates.bothToHidden, head, next, result: value)
      return value
    case (let head?, nil):
      record(.hiddenState, .backward, HeadTemplates.headToHidden, head, nil, result: head)
      return head
    case (nil, let next?):
      record(.hiddenState, .backward, HeadTemplates.nextToHidden, next, nil, result: next)
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
    omitsValues: Bool = false, _ names: EventTemplates
  ) -> Tensor {
    let value = linear ? Backward.outerTransposed(x, g) : Backward.outer(x, g)
    record(operation, .backward, names, g, x, result: value, omitsValues: omitsValues)
    return value
  }

  /// dL/dx of `x·W` (`linear`: of `x·Wᵀ`, an `nn.Linear`).
  mutating func inputGradient(
    _ operation: Operation, _ g: Tensor, weight w: Tensor, linear: Bool,
    _ names: EventTemplates
  ) -> Tensor {
    backward(
      operation, names, g, w, linear ? Backward.throughLinear(g, w) : Backward.throughProduct(g, w))
  }

  /// Adds one use's contribution to a parameter's gradient; the event shows the running
  /// sum before (when there is one), the contribution, and the sum after (a log writes
  /// the sum's values only when `omitsValues` is false).
  mutating func accumulate(
    _ operation: Operation, _ sum: inout GradientSum, _ contribution: Tensor,
    _ names: SumTemplates, omitsValues: Bool = false
  ) {
    let before = sum.value
    sum.add(contribution)
    if let before {
      record(
        operation, .backward, names.later, before, contribution, result: sum.value!,
        omitsValues: omitsValues)
    } else {
      record(
        operation, .backward, names.first, contribution, nil, result: sum.value!,
        omitsValues: omitsValues)
    }
  }

  /// Adds one use's contribution to a parameter's gradient with `add`, in place, for a
  /// listener that does not read the values a log omits: the event is `accumulate`'s,
  /// its operands and, until the sum is `complete`, its result `standIn` (zeros of the
  /// sum's shape), its values omitted.
  mutating func accumulateInPlace(
    _ operation: Operation, _ sum: inout GradientSum, standIn: Tensor, _ names: SumTemplates,
    complete: Bool, _ add: (inout GradientSum) -> Void
  ) {
    let first = sum.value == nil
    add(&sum)
    guard listener.isRecording else { return }
    let result = complete ? sum.value! : standIn
    if first {
      record(
        operation, .backward, names.first, standIn, nil, result: result,
        omitsValues: !complete)
    } else {
      record(
        operation, .backward, names.later, standIn, standIn, result: result,
        omitsValues: !complete)
    }
  }

  /// Adds dL/de_t to the row of the embedding's gradient that e_t was read from.
  mutating func accumulate(_ table: inout EmbeddingGradient, _ g: Tensor, row: Int) {
    let before = table.touched(row) ? table.row(row) : nil
    table.add(g, row: row)
    guard listener.isRecording else { return }
    let names = BackwardTemplates.embedding
    if let before {
      record(.embedding, .backward, names.later, before, g, result: table.row(row), index: row)
    } else {
      record(.embedding, .backward, names.first, g, nil, result: table.row(row), index: row)
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
    _ operation: Operation, _ delta: Tensor, _ names: ProductTemplates, input x: Tensor,
    weight w: Tensor, sum: inout GradientSum
  ) -> Tensor {
    let weight = weightGradient(
      operation, input: x, delta, linear: names.linear, names.contribution)
    accumulate(operation, &sum, weight, names.sum)
    return inputGradient(operation, delta, weight: w, linear: names.linear, names.input)
  }

  /// A bias's backward: its gradient is the gradient of its sum, added to its running sum.
  mutating func biasBackward(
    _ operation: Operation, _ delta: Tensor, _ names: SumTemplates, sum: inout GradientSum
  ) {
    accumulate(operation, &sum, Backward.bias(delta), names)
  }

  /// The sum z_t's backward: dL/dz_t goes unchanged to both of its terms
  /// (`BackwardTemplates.sum`).
  mutating func sumBackward(_ delta: Tensor, _ names: EventTemplates) -> Tensor {
    handOn(.add, delta, names)
  }
}

/// The templates of the events that add one use's contribution to a parameter's
/// gradient: the first (`dL/dWe.bias = dL/dz_t`) and the later ones (`+=`).
struct SumTemplates: Sendable {
  let first: EventTemplates
  let later: EventTemplates

  /// For `parameter` (as a log's header names it) and the contribution's name.
  init(parameter: String, contribution: String) {
    let total = "dL/d" + parameter
    first = EventTemplates("\(total) = \(contribution)", result: total, contribution)
    later = EventTemplates("\(total) += \(contribution)", result: total, total, contribution)
  }
}

/// The templates of a product's backward at one step (`Tracer.productBackward`): the
/// weight's contribution, its running sum, and dL/dx.
struct ProductTemplates: Sendable {
  /// Whether the product is an `nn.Linear`'s `x·Wᵀ` (its weight `[out, in]`).
  let linear: Bool
  let contribution: EventTemplates
  let sum: SumTemplates
  let input: EventTemplates

  /// For the product of `path`'s input (e_t or h_{t-1}) with `parameter`, whose
  /// gradient is named `delta`.
  init(_ path: ProductPath, delta: String = "dL/dz_t", parameter: String, linear: Bool) {
    self.linear = linear
    let x = path == .input ? "e_t" : "h_{t-1}"
    let product = linear ? "\(delta)ᵀ·\(x)" : "\(x)ᵀ·\(delta)"
    contribution = EventTemplates(product, delta, x)
    sum = SumTemplates(parameter: parameter, contribution: product)
    let through = linear ? "\(delta)·\(parameter)" : "\(delta)·\(parameter)ᵀ"
    let result = path == .input ? "dL/de_t" : "dL/dh_{t-1} from step {t}"
    input = EventTemplates("\(result) = \(through)", result: result, delta, parameter)
  }
}

/// The templates every cell's backward pass shares.
enum BackwardTemplates {
  /// The row of the embedding's gradient that e_t was read from (the event's index).
  static let embedding = SumTemplates(parameter: "embedding.weight[i]", contribution: "dL/de_t")

  /// tanh's backward at h_t: dL/dz_t.
  static let tanh = EventTemplates(
    "dL/dz_t = dL/dh_t ⊙ (1 - h_t²)", result: "dL/dz_t", "dL/dh_t", "h_t")

  /// The sum z_t = a + b's backward: `source` handed to both terms, named dL/dz_t.
  static func sum(_ a: String, _ b: String, source: String = "dL/dz_t") -> EventTemplates {
    EventTemplates("dL/d(\(a)) = dL/d(\(b)) = \(source)", result: "dL/dz_t", source)
  }
}

/// The templates of the prediction head's events and of what reaches h_t, which every
/// variant shares.
enum HeadTemplates {
  static let logits = EventTemplates(
    "y_t = head.weight·h_t + head.bias", result: "y_t", "h_t", "head.weight")
  static let crossEntropy = EventTemplates(
    "L_t = -log softmax(y_t)[i]", result: "L_t", "y_t")
  static let bias = SumTemplates(parameter: "head.bias", contribution: "dL/dy_t")
  static let weightTerm = EventTemplates("dL/dy_tᵀ·h_t", "dL/dy_t", "h_t")
  static let weight = SumTemplates(parameter: "head.weight", contribution: "dL/dy_tᵀ·h_t")
  static let toHidden = EventTemplates("dL/dy_t·head.weight", "dL/dy_t", "head.weight")
  static let bothToHidden = EventTemplates(
    "dL/dh_t = dL/dy_t·head.weight + dL/dh_t from step {t+1}", result: "dL/dh_t",
    "dL/dy_t·head.weight", "dL/dh_t from step {t+1}")
  static let headToHidden = EventTemplates(
    "dL/dh_t = dL/dy_t·head.weight", result: "dL/dh_t", "dL/dy_t·head.weight")
  static let nextToHidden = EventTemplates(
    "dL/dh_t = dL/dh_t from step {t+1}", result: "dL/dh_t", "dL/dh_t from step {t+1}")
}
