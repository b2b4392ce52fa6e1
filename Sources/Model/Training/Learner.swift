import FusedKernels

/// A model with a prediction head, learning to predict each next word of a sentence:
/// forward, loss, backpropagation through time and plain SGD, in float32 and in the order
/// PyTorch's autograd runs them (docs/pytorch-numbers.md, "Training").
public struct Learner: Sendable {
  /// The recurrence: embedding, h_0 and cell, as updated so far.
  public private(set) var model: RNNModel
  public private(set) var head: PredictionHead
  public let words: [String]
  public let loss: LossKind
  /// The row of each word in the embedding table.
  let indices: [Int]

  public init(model: RNNModel, head: PredictionHead, words: [String], loss: LossKind)
    throws(TrainingError)
  {
    guard words.count >= 2 else { throw .tooFewWords(words.count) }
    guard model.cell is any DifferentiableCell else {
      throw .noBackwardPass(model.variant.rawValue)
    }
    var indices: [Int] = []
    indices.reserveCapacity(words.count)
    for word in words {
      guard let index = model.index(of: word) else { throw .unknownWord(word) }
      indices.append(index)
    }
    precondition(head.weight.shape == [model.vocabulary.count, model.hidden])
    self.model = model
    self.head = head
    self.words = words
    self.loss = loss
    self.indices = indices
  }

  /// Every parameter SGD updates, named as PyTorch names them: `embedding.weight`, the
  /// cell's, `head.weight`, `head.bias` (h_0 is not one).
  public var parameters: [NamedTensor] {
    [NamedTensor("embedding.weight", model.embedding)] + model.cell.parameters
      + [NamedTensor("head.weight", head.weight), NamedTensor("head.bias", head.bias)]
  }

  /// The loss the model gives now (a forward pass, no gradients).
  public func evaluate() -> Float {
    let cell = model.cell as! any DifferentiableCell
    var trace = Tracer(listener: NoTrace())
    return lossPass(cell, trace: &trace).loss
  }

  /// One forward and backward pass: the loss and every gradient.
  public func backward() -> BackwardPass {
    var trace = Tracer(listener: NoTrace())
    return backward(trace: &trace)
  }

  /// One forward and backward pass, its loss and backward operations passed to `trace`
  /// as they are computed (the forward operations are `RNNRun`'s to trace): after the
  /// loss terms and the loss, the backward pass in the order autograd runs it.
  ///
  /// With `keepingStates` false the pass holds no tensor per word: its `hiddenStates` and
  /// `hiddenGradients` are empty, and the forward states the backward pass reads are
  /// recomputed from checkpoints (`ForwardCheckpoints`), so a long text's backward pass
  /// streams its events in flat memory. The events and gradients are the same either way,
  /// and whatever room (`headGradientRoom` floats, `keptHeadGradients` by default) the
  /// head's dL/dh_t have between the two sweeps.
  public func backward<L: TraceListener>(
    trace: inout Tracer<L>, keepingStates: Bool = true, checkpointInterval: Int? = nil,
    headGradientRoom: Int = Learner.keptHeadGradients
  ) -> BackwardPass {
    let cell = model.cell as! any DifferentiableCell
    return backward(
      cell, trace: &trace, keep: keepingStates,
      interval: checkpointInterval ?? ForwardCheckpoints.interval(words: words.count),
      headGradientRoom: headGradientRoom)
  }

  /// One round as `optimizer.step()` follows `loss.backward()`: each parameter p becomes
  /// p - lr·dL/dp. Returns the pass the update used.
  @discardableResult
  public mutating func round(learningRate: Double) -> BackwardPass {
    let pass = backward()
    update(with: pass.gradients.map(\.value), learningRate: learningRate)
    return pass
  }

  /// SGD: `param.add_(grad, alpha=-lr)` for every parameter, in `parameters` order.
  mutating func update(with gradients: [Tensor], learningRate: Double) {
    let alpha = Float(-learningRate)
    var updated = zip(parameters, gradients).map { named, gradient in
      SGD.step(named.value, gradient, alpha: alpha)
    }
    let headBias = updated.removeLast()
    let headWeight = updated.removeLast()
    var embedding = updated.removeFirst()
    embedding.storageOffset = model.embedding.storageOffset
    let cell = model.cell as! any DifferentiableCell
    model = RNNModel(
      vocabulary: model.vocabulary, embedding: embedding, h0: model.h0,
      cell: cell.replacing(parameters: updated))
    head = PredictionHead(weight: headWeight, bias: headBias)
  }

  // MARK: the passes

  /// The forward pass with its loss: each counted prediction traced in order, then L.
  struct LossPass {
    var terms: [Float]
    var loss: Float
    var checkpoints: ForwardCheckpoints
    /// h_0 … h_T, when kept.
    var states: [Tensor]
  }

  func lossPass<Cell: DifferentiableCell, L: TraceListener>(
    _ cell: Cell, trace: inout Tracer<L>, interval: Int = Int.max, keep: Bool = false
  ) -> LossPass {
    let positions = loss.positions(wordCount: words.count)
    var checkpoints = ForwardCheckpoints(h0: model.h0, interval: interval, words: words.count)
    var states = keep ? [model.h0] : []
    var terms: [Float] = []
    terms.reserveCapacity(positions.count)
    var h = model.h0
    for (k, index) in indices.enumerated() {
      let t = k + 1
      h = cell.forward(input: model.embedding.row(index), previous: h).output
      checkpoints.passed(t, h)
      if keep { states.append(h) }
      guard positions.contains(t) else { continue }
      trace.t = t
      trace.word = words[t - 1]
      let y = trace.logits(head, h)
      terms.append(trace.crossEntropy(y, target: indices[t]))
    }
    let total = trace.totalLoss(terms, kind: loss, positions: positions)
    return LossPass(terms: terms, loss: total, checkpoints: checkpoints, states: states)
  }

  /// How many floats of the head's dL/dh_t the backward pass keeps between its two
  /// sweeps (1 MB): every position's for (8, 16) models up to 16,384 words, so the head
  /// runs once a position; a longer text recomputes the rest, and memory stays flat.
  public static let keptHeadGradients = 1 << 18

  /// The head's backward at position t without a trace: what it hands h_t, recomputed
  /// in the second sweep for the positions beyond `keptHeadGradients`' room.
  func headGradient(_ h: Tensor, target: Int, upstream: Float) -> Tensor {
    let term = CrossEntropy(logits: head.logits(h).scalars, target: target)
    let g = Tensor(shape: [1, model.vocabulary.count], scalars: term.gradient(upstream: upstream))
    return Backward.throughLinear(g, head.weight)
  }

  func backward<Cell: DifferentiableCell, L: TraceListener>(
    _ cell: Cell, trace: inout Tracer<L>, keep: Bool, interval: Int,
    headGradientRoom: Int = Learner.keptHeadGradients
  ) -> BackwardPass {
    let run = lossPass(cell, trace: &trace, interval: interval, keep: keep)
    let checkpoints = run.checkpoints
    let positions = loss.positions(wordCount: words.count)
    let upstream: Float = loss == .nextWord ? 1 / Float(positions.count) : 1
    let hidden = model.hidden
    let last = positions.upperBound
    let segments = checkpoints.segments(through: last)

    // Autograd runs the heads first, the last position first, then the steps back
    // through time; a gradient used several times is summed in that order. Both sweeps
    // go a segment at a time, its states recomputed from the checkpoint before it.
    var headWeight = GradientSum()
    var headBias = GradientSum()
    // For a listener that does not read them (or none), the omitted values are not
    // computed: their events carry these zeros, made once.
    let standIns: (bias: Tensor, weight: Tensor)? =
      !trace.isRecording || !trace.listener.readsOmittedValues
      ? (
        Tensor(zeros: [trace.isRecording ? head.bias.count : 0]),
        Tensor(zeros: trace.isRecording ? [head.weight.rows, head.weight.columns] : [0, 0])
      ) : nil
    // What the head hands each h_t, kept for the steps' sweep from the last position
    // back, up to a fixed room; positions beyond it are recomputed there.
    var fromHeads: [Float] = []
    let keptFromHeads = min(positions.count, max(0, headGradientRoom) / max(1, hidden))
    fromHeads.reserveCapacity(keptFromHeads * hidden)
    for segment in segments.reversed() where segment.upperBound >= positions.lowerBound {
      let tapes = checkpoints.recompute(segment, cell, model, indices)
      for t in segment.reversed() where positions.contains(t) {
        trace.t = t
        trace.word = words[t - 1]
        let h = tapes.output(t)
        let y = head.logits(h)
        let term = CrossEntropy(logits: y.scalars, target: indices[t])
        let gradient = trace.lossBackward(
          term, logits: y, upstream: upstream, terms: positions.count)
        // The head's terms and running sums are V-sized: a log writes their values once,
        // in the complete sums (the last position added is the first counted one).
        let partial = t != positions.lowerBound
        if let standIns {
          // Nothing reads the values a log omits: the sums grow in place.
          trace.accumulateInPlace(
            .logits, &headBias, standIn: standIns.bias, HeadTemplates.bias, complete: !partial
          ) { $0.addInPlace(Backward.bias(gradient)) }
          trace.record(
            .logits, .backward, HeadTemplates.weightTerm, gradient, h,
            result: standIns.weight, omitsValues: true)
          trace.accumulateInPlace(
            .logits, &headWeight, standIn: standIns.weight, HeadTemplates.weight,
            complete: !partial
          ) { $0.addOuter(gradient, h) }
        } else {
          trace.accumulate(
            .logits, &headBias, Backward.bias(gradient), HeadTemplates.bias,
            omitsValues: partial)
          let weight = trace.weightGradient(
            .logits, input: h, gradient, linear: true, omitsValues: true,
            HeadTemplates.weightTerm)
          trace.accumulate(
            .logits, &headWeight, weight, HeadTemplates.weight, omitsValues: partial)
        }
        let fromHead = trace.inputGradient(
          .logits, gradient, weight: head.weight, linear: true, HeadTemplates.toHidden)
        if last - t < keptFromHeads { fromHeads.append(contentsOf: fromHead.scalars) }
      }
    }

    let zero = Tensor(zeros: [1, hidden])
    var hiddenGradients = keep ? [Tensor](repeating: zero, count: words.count + 1) : []
    var cellSums = [GradientSum](repeating: GradientSum(), count: cell.parameters.count)
    cell.prepareBackward(&cellSums, words: words.count)
    var embedding = EmbeddingGradient(rows: model.embedding.rows, columns: model.inputs)
    var fromNext: Tensor? = nil
    for segment in segments.reversed() {
      let tapes = checkpoints.recompute(segment, cell, model, indices)
      for t in segment.reversed() {
        trace.t = t
        trace.word = words[t - 1]
        var fromHead: Tensor? = nil
        if positions.contains(t) {
          let slot = last - t
          fromHead =
            slot < keptFromHeads
            ? Tensor(
              shape: [1, hidden], scalars: Array(fromHeads[slot * hidden..<(slot + 1) * hidden]))
            : headGradient(tapes.output(t), target: indices[t], upstream: upstream)
        }
        let total = trace.gatherHidden(fromHead, fromNext, zero: zero)
        if keep { hiddenGradients[t] = total }
        let index = indices[t - 1]
        let step = cell.backward(
          tapes.tape(t), input: model.embedding.row(index), previous: tapes.output(t - 1),
          gradient: total, sums: &cellSums, trace: &trace)
        trace.accumulate(&embedding, step.input, row: index)
        fromNext = step.previous
      }
    }
    if keep { hiddenGradients[0] = fromNext ?? zero }
    cell.finishBackward(
      &cellSums, inputs: indices.map { model.embedding.row($0) }, trace: &trace)

    let cellGradients = zip(cell.parameters, cellSums).map { named, sum in
      NamedTensor(named.label, sum.value ?? Tensor(zeros: Array(named.value.shape)))
    }
    let gradients =
      [NamedTensor("embedding.weight", embedding.value)] + cellGradients + [
        NamedTensor("head.weight", headWeight.value!),
        NamedTensor("head.bias", headBias.value!),
      ]
    return BackwardPass(
      loss: run.loss, termLosses: run.terms, positions: positions,
      hiddenStates: run.states, hiddenGradients: hiddenGradients, gradients: gradients)
  }
}

/// The forward states the backward pass reads, without one tensor per word: h_t kept at
/// every `interval`-th step (h_0, h_K, h_2K, …), and a segment's steps recomputed from
/// the checkpoint before it when the backward pass reaches them, bit for bit as the first
/// time (a step reads nothing but h_{t-1} and its word). With K = ⌈√T⌉, T words hold
/// about 2√T states: 200 for 10,000 words, 2,000 for a million.
public struct ForwardCheckpoints: Sendable {
  /// Steps between two checkpoints.
  public let interval: Int
  /// h_{k·interval} for k = 0, 1, …
  public private(set) var states: [Tensor]

  init(h0: Tensor, interval: Int, words: Int) {
    precondition(interval >= 1)
    self.interval = interval
    states = [h0]
    states.reserveCapacity(words / interval + 1)
  }

  /// ⌈√words⌉: the interval that keeps checkpoints and a segment's tapes both near √T.
  public static func interval(words: Int) -> Int {
    var k = Int(Double(max(1, words)).squareRoot())
    while k * k < words { k += 1 }
    return max(1, k)
  }

  /// After step t, whose output is h.
  mutating func passed(_ t: Int, _ h: Tensor) {
    if t % interval == 0 { states.append(h) }
  }

  /// The steps 1 … `last` in segments of `interval` (the last one shorter).
  public func segments(through last: Int) -> [ClosedRange<Int>] {
    guard last >= 1 else { return [] }
    return stride(from: 1, through: last, by: interval).map {
      $0...Swift.min($0 + interval - 1, last)
    }
  }

  /// The tapes of `segment`'s steps, recomputed from the checkpoint just before it.
  func recompute<Cell: DifferentiableCell>(
    _ segment: ClosedRange<Int>, _ cell: Cell, _ model: RNNModel, _ indices: [Int]
  ) -> SegmentTapes {
    let start = segment.lowerBound - 1
    precondition(start % interval == 0, "a segment starts at a checkpoint")
    var h = states[start / interval]
    var tapes: [CellTape] = []
    tapes.reserveCapacity(segment.count)
    for t in segment {
      let tape = cell.forward(input: model.embedding.row(indices[t - 1]), previous: h)
      tapes.append(tape)
      h = tape.output
    }
    return SegmentTapes(start: start, previous: states[start / interval], tapes: tapes)
  }
}

/// One segment's forward steps: h_{start} (its checkpoint) and the tapes of steps
/// start+1 … start+count.
struct SegmentTapes {
  let start: Int
  let previous: Tensor
  let tapes: [CellTape]

  /// Step t's tape.
  func tape(_ t: Int) -> CellTape { tapes[t - start - 1] }

  /// h_t, for start ≤ t ≤ start + count.
  func output(_ t: Int) -> Tensor { t == start ? previous : tapes[t - start - 1].output }
}

/// What one forward and backward pass found.
public struct BackwardPass: Sendable {
  /// L.
  public let loss: Float
  /// The cross-entropy of each counted prediction, in `positions` order.
  public let termLosses: [Float]
  /// The positions t whose prediction (of word t+1 from h_t) counts.
  public let positions: ClosedRange<Int>
  /// h_0 … h_T.
  public let hiddenStates: [Tensor]
  /// dL/dh_0 … dL/dh_T (zero where h_t predicts nothing that counts, as in PyTorch).
  public let hiddenGradients: [Tensor]
  /// dL/dθ for each parameter, in `Learner.parameters` order.
  public let gradients: [NamedTensor]
}

/// Why a model cannot learn.
public enum TrainingError: Error, Equatable, Sendable {
  /// The loss needs at least two words: one to read, one to predict.
  case tooFewWords(Int)
  /// The variant's cell has no backward pass.
  case noBackwardPass(String)
  case unknownWord(String)
}

/// A gradient summed over its uses, as autograd's input buffer sums them: the first
/// contribution as it is, each later one added to the running sum.
public struct GradientSum: Sendable {
  public private(set) var value: Tensor?
  /// For a gradient PyTorch takes for every word at once (`DifferentiableCell
  /// .prepareBackward`): each step's row, the last step first, until it is taken.
  private(set) var rows: [Tensor]?

  public init() {}

  mutating func add(_ contribution: Tensor) {
    value = value.map { $0 + contribution } ?? contribution
  }

  /// Whether the steps' rows are kept rather than added (`keep`).
  var keepsRows: Bool { rows != nil }

  /// From now on, keep each step's row instead of adding it.
  mutating func keepRows() { rows = rows ?? [] }

  /// One step's row, the last step first.
  mutating func keep(_ row: Tensor) { rows?.append(row) }

  /// Adds a contribution of the sum's shape in place (the sum's storage is copied
  /// first only if an event still holds it).
  mutating func addInPlace(_ contribution: Tensor) {
    guard value != nil else {
      value = contribution
      return
    }
    precondition(value!.shape == contribution.shape)
    contribution.scalars.withUnsafeBufferPointer { c in
      value!.scalars.withUnsafeMutableBufferPointer { sum in
        for i in 0..<c.count { sum[i] = sum[i] + c[i] }
      }
    }
  }

  /// Adds gᵀ·x, `[g.count, x.count]`, in place: each element one product, then one sum,
  /// the same bits as adding `Backward.outerTransposed(x, g)` without making it.
  mutating func addOuter(_ g: Tensor, _ x: Tensor) {
    let (m, n) = (g.count, x.count)
    let first = value == nil
    if first { value = Tensor(zeros: [m, n]) }
    guard m > 0 && n > 0 else { return }
    g.scalars.withUnsafeBufferPointer { g in
      x.scalars.withUnsafeBufferPointer { x in
        value!.scalars.withUnsafeMutableBufferPointer { sum in
          // Each product rounded, then the sum: no fused multiply-add (in C,
          // Sources/FusedKernels, eight columns at a time where the processor has AVX2).
          rnntrace_add_outer(sum.baseAddress!, g.baseAddress!, m, x.baseAddress!, n, first ? 1 : 0)
        }
      }
    }
  }
}

/// The embedding table's gradient. Each use of a row e_t = embedding.weight[i] hands back
/// a whole table of zeros but row i (`select_backward`), and autograd adds whole tables:
/// rows of repeated words accumulate, and adding +0 turns a -0 into +0, which is kept
/// here by remembering which rows a later table passed over.
struct EmbeddingGradient {
  let columns: Int
  var values: [Float]
  /// For each row, the number of tables added when it last changed.
  var lastTouched: [Int]
  var tables = 0

  init(rows: Int, columns: Int) {
    self.columns = columns
    values = [Float](repeating: 0, count: rows * columns)
    lastTouched = [Int](repeating: 0, count: rows)
  }

  mutating func add(_ gradient: Tensor, row: Int) {
    let start = row * columns
    if tables > 0 {
      if lastTouched[row] < tables { settleZeros(row: row) }
      for j in 0..<columns { values[start + j] = values[start + j] + gradient.scalars[j] }
    } else {
      for j in 0..<columns { values[start + j] = gradient.scalars[j] }
    }
    tables += 1
    lastTouched[row] = tables
  }

  /// Whether a use of `row` has been added.
  func touched(_ row: Int) -> Bool { lastTouched[row] > 0 }

  /// Row `row` of the gradient so far, `[1, columns]`.
  func row(_ row: Int) -> Tensor {
    let start = row * columns
    var values = Array(self.values[start..<(start + columns)])
    if lastTouched[row] < tables { values = values.map { $0 + 0 } }
    return Tensor(shape: [1, columns], scalars: values)
  }

  /// A table that passed over a row added +0 to each of its values.
  private mutating func settleZeros(row: Int) {
    let start = row * columns
    for j in 0..<columns { values[start + j] = values[start + j] + 0 }
  }

  var value: Tensor {
    var copy = self
    for row in 0..<lastTouched.count where lastTouched[row] < tables {
      copy.settleZeros(row: row)
    }
    return Tensor(shape: [lastTouched.count, columns], scalars: copy.values)
  }
}

/// `torch.optim.SGD` without momentum: `param.add_(grad, alpha=-lr)`.
enum SGD {
  /// PyTorch's `add` with `alpha`: p + alpha·g, the product rounded before the sum.
  static func step(_ p: Tensor, _ g: Tensor, alpha: Float) -> Tensor {
    let values = zip(p.scalars, g.scalars).map { p, g in p.addingProduct(alpha, g) }
    return Tensor(shape: p.shape, scalars: values)
  }
}
