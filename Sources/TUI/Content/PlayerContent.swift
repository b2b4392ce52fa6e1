import Model

/// What the player plays: one or more chapters, each a trace with a title and,
/// optionally, text to read beside its steps.
///
/// An ad-hoc model or a replayed log is one untitled chapter; a lesson plays each of its
/// chapters.
public struct PlayerContent: Sendable {
  /// What is playing, for the header: a model's description or a lesson's title.
  public var title: String
  public var chapters: [PlayerChapter]

  public init(title: String, chapters: [PlayerChapter]) {
    precondition(!chapters.isEmpty, "the player needs at least one chapter")
    self.title = title
    self.chapters = chapters
  }

  /// A single trace, titled by what produced it.
  public init(title: String, trace: Trace) {
    self.init(title: title, chapters: [PlayerChapter(title: "", trace: trace)])
  }
}

/// One chapter: a title, its trace, and paragraphs of narrative keyed by step.
public struct PlayerChapter: Sendable {
  /// "chapter 2: the hidden state", or empty for a lone trace.
  public var title: String
  public let trace: Trace
  /// Paragraphs to show from a step on (1-based step of this chapter's trace), until
  /// a later step has its own.
  public var narrative: [Int: [String]]
  /// The events of each word: `wordEvents[t - 1]` is the range of word t's events
  /// (indices into `trace.events`).
  public let wordEvents: [Range<Int>]
  /// h_0 and every h_t of the trace, and the magnitude that fills the hidden-states
  /// panel's bars: found once here rather than on every frame.
  let hiddenStates: [Tensor]
  let hiddenScale: Float

  public init(title: String, trace: Trace, narrative: [Int: [String]] = [:]) {
    precondition(!trace.events.isEmpty, "a chapter needs at least one event")
    self.title = title
    self.trace = trace
    self.narrative = narrative
    var ranges: [Range<Int>] = []
    var start = 0
    for (i, event) in trace.events.enumerated()
    where i + 1 == trace.events.count
      || trace.events[i + 1].t != event.t
    {
      ranges.append(start..<i + 1)
      start = i + 1
    }
    self.wordEvents = ranges
    hiddenStates = trace.hiddenStates
    hiddenScale = Self.scale(of: hiddenStates, variant: trace.model.variant)
  }

  /// The value that reaches the top bar: 1 for tanh's outputs, else the largest
  /// magnitude of the whole run (so the bars do not rescale while playing).
  private static func scale(of states: [Tensor], variant: Variant) -> Float {
    if variant != .linear { return 1 }
    let largest = states.flatMap(\.scalars).filter(\.isFinite).map(abs).max() ?? 1
    return largest > 0 ? largest : 1
  }

  /// The number of events (steps).
  public var stepCount: Int { trace.events.count }

  /// The paragraphs that apply at `step`: those of the latest step at or before it.
  public func narrative(at step: Int) -> [String] {
    guard !narrative.isEmpty else { return [] }
    var best: Int?
    for key in narrative.keys where key <= step && key > (best ?? Int.min) { best = key }
    return best.map { narrative[$0] ?? [] } ?? []
  }

  /// The word (an index into `wordEvents`, t - 1) whose events hold event `index`.
  public func wordIndex(ofEvent index: Int) -> Int {
    var low = 0
    var high = wordEvents.count - 1
    while low < high {
      let mid = (low + high) / 2
      if wordEvents[mid].upperBound <= index { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
