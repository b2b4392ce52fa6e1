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
  private let rows: [Int32]
  /// h_0, h_K, h_2K, …: `checkpoints[k]` is h_{k·interval}.
  private let checkpoints: [Tensor]
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
    precondition(count > 0, "a trace needs at least one word")
    self.model = model
    self.interval = interval ?? Self.interval(words: count, hidden: model.hidden)
    var rows: [Int32] = []
    rows.reserveCapacity(count)
    var checkpoints = [model.h0]
    checkpoints.reserveCapacity(count / self.interval + 1)
    var run = RNNRun(model: model, listener: NoTrace())
    for word in words {
      guard let row = model.index(of: word) else {
        preconditionFailure("\(word) has no row in the embedding table")
      }
      rows.append(Int32(row))
      let h = run.read(word)
      each(run.t, h)
      if run.t % self.interval == 0 { checkpoints.append(h) }
    }
    precondition(rows.count == count, "the words were not as many as counted")
    self.rows = rows
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

  /// The event at `index` (step - 1).
  public func event(at index: Int) -> TraceEvent {
    events(ofWord: index / eventsPerWord + 1)[index % eventsPerWord]
  }

  /// h_t, for t from 0 to T.
  public func hiddenState(_ t: Int) -> Tensor {
    if t % interval == 0 { return checkpoints[t / interval] }
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
      hidden: checkpoints[k], step: k * interval * eventsPerWord)
    while run.t < t - 1 { _ = run.read(word(run.t + 1)) }
    run.tracer.listener.isRecording = recording
    run.tracer.lastStep = (t - 1) * eventsPerWord
    return run
  }
}

/// Records events only while `isRecording`: the words before the window run untraced.
struct WindowRecorder: TraceListener {
  var isRecording = false
  var events: [TraceEvent] = []

  mutating func receive(_ event: TraceEvent) { events.append(event) }
}
