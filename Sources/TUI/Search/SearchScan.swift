import Model

/// A search going through the steps a slice at a time, so that the player reads the
/// keyboard between slices: a condition that never holds over a long text takes seconds
/// of computing, which the learner can watch (`position`) and stop.
///
/// A long text is read forwards a word at a time from the word before, as a player
/// stepping on would (each word one step of the cell); anything else is read event by
/// event.
public struct SearchScan: Sendable {
  /// The search as typed, for the status line.
  public let text: String
  let query: StepQuery
  let forward: Bool
  /// The event the search started from: where the learner stays when it is stopped.
  let origin: Int
  private let trace: PlayerTrace
  /// The next event to look at (event by event).
  private var next: Int
  /// A long text read forwards: the next word, h after the word before it (nil to start
  /// from a checkpoint), and the word before's events (what `sign` compares with).
  private var word: Int
  private var hidden: Tensor?
  private var before: [TraceEvent] = []
  /// The time step reached, for the status line.
  public private(set) var t: Int

  /// Events looked at between two reads of the keyboard: a few milliseconds' work.
  public static let slice = 16_384

  /// What a slice came to.
  public enum Outcome: Equatable, Sendable {
    case found(Int)
    case noMatch
    case running
  }

  init(text: String, query: StepQuery, trace: PlayerTrace, from origin: Int, forward: Bool) {
    self.text = text
    self.query = query
    self.trace = trace
    self.forward = forward
    self.origin = origin
    next = forward ? origin + 1 : origin - 1
    let per = trace.checkpointed?.eventsPerWord ?? 1
    word = max(0, origin + 1) / per + 1
    t = 0
    if trace.checkpointed != nil, forward {
      t = min(word, trace.words.count)
    } else if trace.events.indices.contains(next) {
      t = trace.events[next].t
    }
  }

  /// The number of words, for the status line.
  public var wordCount: Int { trace.words.count }

  /// Looks at up to `budget` more events (at least a word's, for a long text).
  public mutating func advance(events budget: Int) -> Outcome {
    if forward, let long = trace.checkpointed { return advance(long, budget: budget) }
    let count = trace.events.count
    var left = budget
    while left > 0 {
      guard (0..<count).contains(next) else { return .noMatch }
      let k = next
      next += forward ? 1 : -1
      left -= 1
      if query.matches(trace, at: k) { return .found(k) }
      t = trace.events[k].t
    }
    return .running
  }

  /// A long text forwards: a word at a time, from h after the word before.
  private mutating func advance(_ long: CheckpointedTrace, budget: Int) -> Outcome {
    let per = long.eventsPerWord
    if word > long.wordCount { return .noMatch }
    if word > 1, before.isEmpty, hidden == nil { before = long.events(ofWord: word - 1) }
    var left = budget
    while left > 0 {
      guard word <= long.wordCount else { return .noMatch }
      t = word
      let (events, h) = long.events(ofWord: word, after: hidden)
      for (j, event) in events.enumerated() where (word - 1) * per + j > origin {
        let earlier = { (name: String) in
          events[..<j].last { StepQuery.names($0, name) }
            ?? before.last { StepQuery.names($0, name) }
        }
        if query.matches(event, startsWord: j == 0, earlier: earlier, h0: long.model.h0) {
          return .found((word - 1) * per + j)
        }
      }
      before = events
      hidden = h
      word += 1
      left -= per
    }
    return .running
  }

  /// Runs to the end.
  mutating func finish() -> Int? {
    while true {
      switch advance(events: .max) {
      case .found(let k): return k
      case .noMatch: return nil
      case .running: continue
      }
    }
  }
}

extension SearchScan: Equatable {
  /// The same search at the same point (the trace is the one on screen).
  public static func == (a: SearchScan, b: SearchScan) -> Bool {
    a.text == b.text && a.forward == b.forward && a.origin == b.origin && a.next == b.next
      && a.word == b.word
  }
}
