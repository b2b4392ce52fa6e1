/// Everything needed to run the recurrence over words: a vocabulary with its
/// embedding table, the initial hidden state h_0, and a cell.
public struct RNNModel: Sendable {
  /// Everything, behind one reference: a run holds a copy of its model, which is then
  /// one retain instead of one per table, tensor and cell.
  @usableFromInline let parts: RNNModelParts
  /// Which processors' PyTorch numbers the model reproduces: MKL sums products and
  /// rounds tanh differently on AMD and on Intel with AVX-512 (`KernelFamily`).
  public var kernels: KernelFamily = .amd

  public init(vocabulary: [String], embedding: Tensor, h0: Tensor, cell: any RNNCell) {
    precondition(embedding.rows == vocabulary.count && embedding.columns == cell.inputs)
    precondition(h0.shape == [1, cell.hidden])
    var rows: [String: Int] = [:]
    for (i, word) in vocabulary.enumerated() where rows[word] == nil { rows[word] = i }
    parts = RNNModelParts(
      vocabulary: vocabulary, embedding: embedding, h0: h0, cell: cell, rowOfWord: rows)
  }

  /// Distinct words; word `i` has row `i` of `embedding`.
  public var vocabulary: [String] { parts.vocabulary }
  /// The embedding table, `[vocabulary.count, inputs]`.
  @inlinable public var embedding: Tensor { parts.embedding }
  /// The initial hidden state, `[1, hidden]`.
  @inlinable public var h0: Tensor { parts.h0 }
  /// The recurrence.
  public var cell: any RNNCell { parts.cell }
  @usableFromInline var concreteCell: ConcreteCell { parts.concreteCell }

  public var variant: Variant { cell.variant }
  public var inputs: Int { cell.inputs }
  public var hidden: Int { cell.hidden }

  /// Every parameter, named and ordered as PyTorch's `named_parameters()` lists them.
  public var parameters: [NamedTensor] {
    [NamedTensor("embedding.weight", embedding), NamedTensor("h0", h0)] + cell.parameters
  }

  /// The row of `word` in the embedding table, if it has one.
  public func index(of word: String) -> Int? { parts.rowOfWord[word] }

  /// One step of the cell, through its concrete type.
  @inlinable
  func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    concreteCell.step(input: e, previous: h, trace: &trace)
  }

  /// Runs the recurrence over `words` and returns h_0 … h_T.
  public func hiddenStates(for words: [String]) -> [Tensor] {
    var run = RNNRun(model: self, listener: NoTrace())
    var states = [h0]
    states.reserveCapacity(words.count + 1)
    for word in words { states.append(run.read(word)) }
    return states
  }

  /// Runs the recurrence over `words`, recording every operation.
  public func trace(_ words: [String]) -> Trace {
    // At most eight events a word (`linear-tanh`), and the run's last.
    let recorder = TraceRecorder(reservingCapacity: words.count * 8)
    var run = RNNRun(model: self, listener: recorder)
    for word in words { _ = run.read(word) }
    return Trace(model: self, words: words, events: run.tracer.listener.events)
  }
}

/// The recurrence in progress: reads one word at a time, so that a long text can be
/// streamed through it with constant memory.
public struct RNNRun<Listener: TraceListener> {
  public let model: RNNModel
  public var tracer: Tracer<Listener>
  @usableFromInline var latest: Tensor
  @usableFromInline var time: Int = 0

  @inlinable
  public init(model: RNNModel, listener: Listener) {
    self.model = model
    self.tracer = Tracer(listener: listener, kernels: model.kernels)
    self.latest = model.h0
  }

  /// A run that resumes after word `t` from its hidden state `hidden`, its next event
  /// numbered `step + 1`: what a full run from h_0 would compute from there on, bit
  /// for bit, as the recurrence reads nothing else.
  @inlinable
  public init(model: RNNModel, listener: Listener, resumingAfter t: Int, hidden: Tensor, step: Int)
  {
    self.model = model
    self.tracer = Tracer(listener: listener, step: step, kernels: model.kernels)
    self.latest = hidden
    self.time = t
  }

  /// The latest hidden state, h_t.
  @inlinable public var hiddenState: Tensor { latest }
  /// The time step of `hiddenState` (0 before any word).
  @inlinable public var t: Int { time }

  /// Reads the next word: embedding lookup, the cell, and h_t joins the list.
  /// The word must be in the model's vocabulary.
  @inlinable
  public mutating func read(_ word: String) -> Tensor {
    guard let index = model.index(of: word) else {
      preconditionFailure("\(word) has no row in the embedding table")
    }
    time += 1
    if tracer.isRecording {
      tracer.t = time
      tracer.word = word
    }
    // The names only when recording (see `TracedTensor.name`).
    let table = TracedTensor(model.embedding, tracer.isRecording ? RunNames.table : nil)
    let e = tracer.lookup(RunNames.lookup, table, row: index)  // e_t = embedding[i]
    let previous = TracedTensor(latest, tracer.isRecording ? RunNames.previous : nil)
    let h = model.step(input: e, previous: previous, trace: &tracer)
    latest = tracer.keep(RunNames.newState, h).value  // h_t
    return latest
  }

}

/// The names of the operations and tensors around the cell, as the events name them
/// (`static let`, so that each template's holes are found once; `RNNRun` is generic and
/// cannot hold them).
@usableFromInline
enum RunNames {
  @usableFromInline static let lookup = TracedOperation(
    .embedding, "e_t = embedding[i]", result: "e_t")
  @usableFromInline static let newState = TracedOperation(.hiddenState, "h_t")
  @usableFromInline static let table: NameTemplate = "embedding.weight"
  @usableFromInline static let previous: NameTemplate = "h_{t-1}"
}

/// What an `RNNModel` holds (see `RNNModel.parts`).
@usableFromInline
final class RNNModelParts: Sendable {
  let vocabulary: [String]
  @usableFromInline let embedding: Tensor
  @usableFromInline let h0: Tensor
  let cell: any RNNCell
  let rowOfWord: [String: Int]
  @usableFromInline let concreteCell: ConcreteCell

  init(
    vocabulary: [String], embedding: Tensor, h0: Tensor, cell: any RNNCell,
    rowOfWord: [String: Int]
  ) {
    self.vocabulary = vocabulary
    self.embedding = embedding
    self.h0 = h0
    self.cell = cell
    self.rowOfWord = rowOfWord
    self.concreteCell = ConcreteCell(cell)
  }
}
