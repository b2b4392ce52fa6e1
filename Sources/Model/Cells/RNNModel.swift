/// Everything needed to run the recurrence over words: a vocabulary with its
/// embedding table, the initial hidden state h_0, and a cell.
public struct RNNModel: Sendable {
  /// Everything, behind one reference: a run holds a copy of its model, which is then
  /// one retain instead of one per table, tensor and cell.
  @usableFromInline let parts: RNNModelParts

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
  @usableFromInline var hiddenStateSource: NameTemplate { parts.hiddenStateSource }

  public var variant: Variant { cell.variant }
  public var inputs: Int { cell.inputs }
  public var hidden: Int { cell.hidden }

  /// Every parameter, named and ordered as `rnn_reference.py` prints them.
  public var parameters: [NamedTensor] {
    [NamedTensor("embedding.weight", embedding), NamedTensor("h0", h0)] + cell.parameters
  }

  /// The row of `word` in the embedding table, if it has one.
  public func index(of word: String) -> Int? { parts.rowOfWord[word] }

  /// One step of the cell, through its concrete type.
  @inlinable
  func step<L: TraceListener>(input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>)
    -> Tensor
  {
    switch concreteCell {
    case .linear(let box): box.step(input: e, previous: h, tracer: &tracer)
    case .rawTanh(let box): box.step(input: e, previous: h, tracer: &tracer)
    case .linearTanh(let box): box.step(input: e, previous: h, tracer: &tracer)
    case .other(let cell): cell.step(input: e, previous: h, tracer: &tracer)
    }
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
    self.tracer = Tracer(listener: listener)
    self.latest = model.h0
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
    let e = model.embedding.row(index)
    if tracer.isRecording {
      tracer.t = time
      tracer.word = word
      tracer.emit(
        .embedding, EventTemplates(.embeddingLookup, .embeddingWeight, result: .e),
        model.embedding, nil, result: e, index: index)
    }
    let h = model.step(input: e, previous: latest, tracer: &tracer)
    latest = h
    if tracer.isRecording {
      tracer.emit(
        .hiddenState, EventTemplates(.h, model.hiddenStateSource, result: .h), h, nil,
        result: h)
    }
    return h
  }
}

/// A model's cell as its concrete type. Through `any RNNCell` a step is not
/// specialized for its listener: it looks up generic types at run time on every call
/// and builds the events' names even when nothing records them.
///
/// Each concrete cell sits in a box: matching a case copies its payload, and a box is
/// one reference to retain where a cell's tensors are eight.
@usableFromInline
enum ConcreteCell: Sendable {
  case linear(CellBox<LinearCell>)
  case rawTanh(CellBox<RawTanhCell>)
  case linearTanh(CellBox<LinearTanhCell>)
  case other(any RNNCell)

  init(_ cell: any RNNCell) {
    switch cell {
    case let cell as LinearCell: self = .linear(CellBox(cell))
    case let cell as RawTanhCell: self = .rawTanh(CellBox(cell))
    case let cell as LinearTanhCell: self = .linearTanh(CellBox(cell))
    default: self = .other(cell)
    }
  }
}

/// A cell shared by reference (see `ConcreteCell`).
@usableFromInline
final class CellBox<Cell: RNNCell>: Sendable {
  @usableFromInline let cell: Cell

  init(_ cell: Cell) { self.cell = cell }

  /// The cell's step, called on the box: the cell is then read in place rather than
  /// copied out of the box first.
  @inlinable
  func step<L: TraceListener>(input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>)
    -> Tensor
  {
    cell.step(input: e, previous: h, tracer: &tracer)
  }
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
  /// What h_t is made from, by name: `z_t`, or `tanh(z_t)` for the variants with tanh.
  @usableFromInline let hiddenStateSource: NameTemplate

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
    self.hiddenStateSource = cell.variant == .linear ? .z : .tanhZ
  }
}
