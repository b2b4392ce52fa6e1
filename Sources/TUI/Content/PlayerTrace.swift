import Model
import Synchronization

/// The trace a chapter plays, read the same way however it is kept: `events[i]`,
/// `words[i]`, `model`.
///
/// A lesson's chapter or a round with its loss is held whole (a `Trace`); a long text is
/// kept as checkpoints (`CheckpointedTrace`), and the events of a word are recomputed
/// from the nearest one when they are read, the last few words' kept at hand. Nothing
/// here holds a long text's events: a million words play in a few megabytes. A
/// replayed log is read back from its file a word at a time (`WindowedEvents`).
public struct PlayerTrace: Sendable {
  public let model: RNNModel
  /// The words read, in order: `words[t - 1]` is word t.
  public let words: Words
  /// Every event, in order: `events[i]` is step i + 1.
  public let events: Events
  /// The whole trace, when it is held whole.
  public var whole: Trace? {
    if case .whole(let trace) = events.storage { return trace }
    return nil
  }
  /// The checkpoints, when the trace is a long text's.
  public var checkpointed: CheckpointedTrace? {
    if case .checkpointed(let trace, _) = events.storage { return trace }
    return nil
  }
  /// The log read from its file, when the trace is a replayed log's.
  public var windowed: Windowed? {
    if case .windowed(let log) = events.storage { return log }
    return nil
  }
  /// The what-if's run still being computed, when the trace is one.
  var lazy: LazyRecompute? {
    if case .lazy(let run) = events.storage { return run }
    return nil
  }
  /// Where the events are kept: one instance per trace, so two chapters are told apart
  /// without comparing their events.
  let identity: Identity

  /// A trace held whole.
  public init(_ trace: Trace) {
    model = trace.model
    words = Words(storage: .whole(trace.words))
    events = Events(storage: .whole(trace))
    identity = Identity()
    overview = nil
  }

  /// A what-if's trace while it is computed a piece at a time (`LazyRecompute`).
  init(lazy run: LazyRecompute) {
    model = run.model
    words = Words(storage: .whole(run.words))
    events = Events(storage: .lazy(run))
    identity = Identity()
    overview = nil
  }

  /// Each neuron's least and greatest value over runs of words, for a long text's
  /// hidden-state strip; nil for a trace held whole.
  let overview: HiddenOverview?

  /// A long text's trace, read through its checkpoints: the model runs over the words
  /// (their rows in the embedding table) once, keeping checkpoints and an overview;
  /// `progress` hears of each word run (t), for a progress line.
  public init(
    model: RNNModel, rows: [Int32], interval: Int? = nil, progress: (Int) -> Void = { _ in }
  ) {
    var overview = HiddenOverview(words: rows.count, h0: model.h0)
    let trace = CheckpointedTrace(
      model: model, rows: rows, interval: interval,
      each: {
        overview.include($0, $1)
        progress($0)
      })
    self.model = model
    words = Words(storage: .checkpointed(trace))
    events = Events(storage: .checkpointed(trace, EventCache()))
    identity = Identity()
    self.overview = overview
  }

  /// A replayed log's trace, read from its file: its events a word at a time
  /// (`events`), each h_t from `hiddenState(t)` (t from 0 to the number of words), and
  /// the overview gathered while the log was indexed. `eventsPerWord` is given when
  /// every word has as many events (a verified log's); otherwise each word's are found
  /// from `events.source`, whose groups are the words.
  public init(
    model: RNNModel, words: [String], events: WindowedEvents, eventsPerWord: Int?,
    hiddenState: @escaping @Sendable (Int) -> Tensor, overview: HiddenOverview
  ) {
    precondition(
      events.source.groupCount == words.count, "a group for each word, and nothing after them")
    self.model = model
    self.words = Words(storage: .whole(words))
    self.events = Events(
      storage: .windowed(
        Windowed(events: events, eventsPerWord: eventsPerWord, hiddenState: hiddenState)))
    identity = Identity()
    self.overview = overview
  }

  /// A replayed log's events, read from its file, and its hidden states.
  public struct Windowed: Sendable {
    public let events: WindowedEvents
    /// Events per word, when every word has as many.
    public let eventsPerWord: Int?
    /// h_t, t from 0.
    let hiddenState: @Sendable (Int) -> Tensor

    /// The index of word t's first event (t from 1).
    func start(ofWord t: Int) -> Int {
      eventsPerWord.map { (t - 1) * $0 } ?? events.source.groupRange(t - 1).lowerBound
    }
    /// The word (from 1) event `index` belongs to.
    func word(ofEvent index: Int) -> Int {
      (eventsPerWord.map { index / $0 } ?? events.source.group(ofEvent: index)) + 1
    }
  }

  /// Whether `other` is this very trace (not merely an equal one).
  public func isSame(as other: PlayerTrace) -> Bool { identity === other.identity }

  /// The same words read by `model` (an edited copy of this one, say), held the same
  /// way: whole, or through checkpoints.
  public func recomputed(with model: RNNModel) -> PlayerTrace {
    if let long = checkpointed {
      return PlayerTrace(model: model, rows: long.rows, interval: long.interval)
    }
    if windowed != nil {
      // A long log's words run again through checkpoints, not held whole.
      let rows = words.map { model.index(of: $0).map(Int32.init) }
      if !rows.contains(nil) { return PlayerTrace(model: model, rows: rows.map { $0! }) }
    }
    return PlayerTrace(model.trace(Array(words)))
  }

  final class Identity: Sendable {}

  /// The words of the trace, spelled on access for a long text.
  public struct Words: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
      case whole([String])
      case checkpointed(CheckpointedTrace)
    }
    let storage: Storage

    public var startIndex: Int { 0 }
    public var endIndex: Int {
      switch storage {
      case .whole(let words): words.count
      case .checkpointed(let trace): trace.wordCount
      }
    }
    public subscript(position: Int) -> String {
      switch storage {
      case .whole(let words): words[position]
      case .checkpointed(let trace): trace.word(position + 1)
      }
    }
  }

  /// The events of the trace, computed on access for a long text.
  public struct Events: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
      case whole(Trace)
      case checkpointed(CheckpointedTrace, EventCache)
      case windowed(Windowed)
      case lazy(LazyRecompute)
    }
    let storage: Storage

    public var startIndex: Int { 0 }
    public var endIndex: Int {
      switch storage {
      case .whole(let trace): trace.events.count
      case .checkpointed(let trace, _): trace.eventCount
      case .windowed(let log): log.events.endIndex
      case .lazy(let run): run.words.count * run.eventsPerWord
      }
    }
    public subscript(position: Int) -> TraceEvent {
      switch storage {
      case .whole(let trace): return trace.events[position]
      case .checkpointed(let trace, let cache):
        precondition(indices.contains(position), "event \(position) of \(endIndex)")
        let t = position / trace.eventsPerWord + 1
        return cache.events(ofWord: t, in: trace)[position % trace.eventsPerWord]
      case .windowed(let log): return log.events[position]
      case .lazy(let run): return run.event(at: position)
      }
    }
  }
}

/// The events of the last few words a long text's player read, and the hidden state
/// after the latest, so that stepping on to the next word costs one step of the cell
/// rather than a run from the checkpoint.
final class EventCache: Sendable {
  /// Most recently used last.
  private let words = Mutex<[(t: Int, events: [TraceEvent], h: Tensor)]>([])
  /// Words kept: those a frame reads (the current and the one before) with room for a
  /// search going back and forth.
  static let capacity = 8

  func events(ofWord t: Int, in trace: CheckpointedTrace) -> [TraceEvent] {
    words.withLock { words in
      if let k = words.lastIndex(where: { $0.t == t }) {
        let entry = words.remove(at: k)
        words.append(entry)
        return entry.events
      }
      let previous = words.last(where: { $0.t == t - 1 })?.h
      let (events, h) = trace.events(ofWord: t, after: previous)
      if words.count == Self.capacity { words.removeFirst() }
      words.append((t, events, h))
      return events
    }
  }
}
