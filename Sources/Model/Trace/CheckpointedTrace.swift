/// The trace of a long text without holding it: the words as rows of the embedding
/// table, and the hidden state every `interval` words (the checkpoints). The events of
/// any word are recomputed from the checkpoint before it, bit for bit those of a full
/// run, since the recurrence reads nothing but h_{t-1} and the word.
///
/// A million words of a (4, 2) model hold 4 MB of rows and at most `checkpointBytes`
/// of states, however far the learner goes; reaching word t costs at most `interval`
/// steps of the cell.
public struct CheckpointedTrace: Sendable {
  public let model: RNNModel
  /// Word t's row in the embedding table is `rows[t - 1]`.
  public let rows: [Int32]
  /// h_0, h_K, h_2K, …, their floats end to end: h_{k·interval} is the `k`th run of
  /// `hidden` floats. One array rather than a tensor each, whose headers and
  /// allocations would weigh more than the floats (a million states of two floats).
  private let checkpoints: [Float]
  /// Words between two checkpoints.
  public let interval: Int
  /// Events a word makes (the same for every word of a model).
  public let eventsPerWord: Int

  /// The most bytes of hidden states kept, which sets `interval`.
  public static let checkpointBytes = 8 << 20

  /// Runs the model once over `words` (each in its vocabulary), keeping checkpoints.
  /// `each` sees every h_t, t ≥ 1, on the way (an overview is built from them).
  public init<Words: Sequence>(
    model: RNNModel, words: Words, count: Int, interval: Int? = nil,
    each: (Int, Tensor) -> Void = { _, _ in }
  ) where Words.Element == String {
    var rows: [Int32] = []
    rows.reserveCapacity(count)
    for word in words {
      guard let row = model.index(of: word) else {
        preconditionFailure("\(word) has no row in the embedding table")
      }
      rows.append(Int32(row))
    }
    precondition(rows.count == count, "the words were not as many as counted")
    self.init(model: model, rows: rows, interval: interval, each: each)
  }

  /// Runs the model once over the words whose rows in the embedding table are `rows`,
  /// keeping checkpoints; `each` sees every h_t, t ≥ 1, on the way.
  public init(
    model: RNNModel, rows: [Int32], interval: Int? = nil, each: (Int, Tensor) -> Void = { _, _ in }
  ) {
    precondition(!rows.isEmpty, "a trace needs at least one word")
    precondition(
      rows.allSatisfy { model.vocabulary.indices.contains(Int($0)) },
      "a row outside the embedding table")
    self.model = model
    self.rows = rows
    self.interval = interval ?? Self.interval(words: rows.count, hidden: model.hidden)
    var checkpoints = model.h0.scalars
    checkpoints.reserveCapacity((rows.count / self.interval + 1) * model.h0.count)
    var run = RNNRun(model: model, listener: NoTrace())
    for row in rows {
      let h = run.read(model.vocabulary[Int(row)])
      each(run.t, h)
      if run.t % self.interval == 0 { checkpoints.append(contentsOf: h.scalars) }
    }
    self.checkpoints = checkpoints
    var one = RNNRun(model: model, listener: TraceRecorder(reservingCapacity: 8))
    _ = one.read(model.vocabulary[Int(rows[0])])
    eventsPerWord = one.tracer.listener.events.count
  }

  /// The fewest words between checkpoints that keep `words` words' states of
  /// `hidden` floats within `checkpointBytes`.
  public static func interval(words: Int, hidden: Int) -> Int {
    let fitting = max(1, checkpointBytes / (max(1, hidden) * MemoryLayout<Float>.size))
    return max(1, (words + fitting - 1) / fitting)
  }

  /// The number of words, T.
  public var wordCount: Int { rows.count }
  /// The number of events (steps).
  public var eventCount: Int { rows.count * eventsPerWord }

  /// Word t (from 1).
  public func word(_ t: Int) -> String { model.vocabulary[Int(rows[t - 1])] }

  /// The events of word t (from 1), recomputed from the checkpoint before it.
  public func events(ofWord t: Int) -> [TraceEvent] {
    var run = resumed(before: t, recording: true)
    _ = run.read(word(t))
    return run.tracer.listener.events
  }

  /// The events of word t and h_t, computed from `previous`, h_{t-1}, when the caller
  /// has it (a player stepping forward), else from the checkpoint before t.
  public func events(ofWord t: Int, after previous: Tensor?) -> (events: [TraceEvent], h: Tensor) {
    guard let previous else {
      var run = resumed(before: t, recording: true)
      let h = run.read(word(t))
      return (run.tracer.listener.events, h)
    }
    precondition((1...rows.count).contains(t), "word \(t) of \(rows.count)")
    var run = RNNRun(
      model: model, listener: WindowRecorder(isRecording: true), resumingAfter: t - 1,
      hidden: previous, step: (t - 1) * eventsPerWord)
    let h = run.read(word(t))
    return (run.tracer.listener.events, h)
  }

  /// Runs the whole text again from h_0 into `listener`, in order (an export streams
  /// the events this way rather than holding them).
  public func replay<Listener: TraceListener>(into listener: inout Listener) {
    var run = RNNRun(model: model, listener: listener)
    for row in rows { _ = run.read(model.vocabulary[Int(row)]) }
    listener = run.tracer.listener
  }

  /// The row of word t (from 1) in the embedding table.
  public func row(ofWord t: Int) -> Int { Int(rows[t - 1]) }

  /// The event at `index` (step - 1).
  public func event(at index: Int) -> TraceEvent {
    events(ofWord: index / eventsPerWord + 1)[index % eventsPerWord]
  }

  /// h_t, for t from 0 to T.
  public func hiddenState(_ t: Int) -> Tensor {
    if t % interval == 0 { return checkpoint(t / interval) }
    var run = resumed(before: t, recording: false)
    return run.read(word(t))
  }

  /// A run whose next word is word t: from the checkpoint at or before t - 1, the
  /// words between read untraced; recording only word t's events when asked.
  private func resumed(before t: Int, recording: Bool) -> RNNRun<WindowRecorder> {
    precondition((1...rows.count).contains(t), "word \(t) of \(rows.count)")
    let k = (t - 1) / interval
    var run = RNNRun(
      model: model, listener: WindowRecorder(), resumingAfter: k * interval,
      hidden: checkpoint(k), step: k * interval * eventsPerWord)
    while run.t < t - 1 { _ = run.read(word(run.t + 1)) }
    run.tracer.listener.isRecording = recording
    run.tracer.lastStep = (t - 1) * eventsPerWord
    return run
  }
}

extension CheckpointedTrace {
  /// h_{k·interval}, in h_0's shape.
  fileprivate func checkpoint(_ k: Int) -> Tensor {
    let size = model.h0.count
    return Tensor(
      shape: model.h0.shape, scalars: Array(checkpoints[k * size..<(k + 1) * size]))
  }
}

/// Records events only while `isRecording`: the words before the window run untraced.
struct WindowRecorder: TraceListener {
  var isRecording = false
  var events: [TraceEvent] = []

  mutating func receive(_ event: TraceEvent) { events.append(event) }
}
