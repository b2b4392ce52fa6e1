import Model

/// What the player plays: one or more sections, each a trace with a title and,
/// optionally, text to read beside its steps.
///
/// An ad-hoc model is one untitled section; a lesson is a section per chapter.
public struct PlayerContent: Sendable {
  /// What is playing, for the header: a model's description or a lesson's title.
  public var title: String
  public var sections: [PlayerSection]

  public init(title: String, sections: [PlayerSection]) {
    precondition(!sections.isEmpty, "the player needs at least one section")
    self.title = title
    self.sections = sections
  }

  /// A single trace, titled by what produced it.
  public init(title: String, trace: Trace) {
    self.init(title: title, sections: [PlayerSection(title: "", trace: trace)])
  }
}

/// One chapter: a title, its trace, and paragraphs of narrative keyed by step.
public struct PlayerSection: Sendable {
  /// "chapter 2: the hidden state", or empty for a lone trace.
  public var title: String
  public let trace: Trace
  /// Paragraphs to show from a step on (1-based step of this section's trace), until
  /// a later step has its own.
  public var narrative: [Int: [String]]
  /// The events of each time step: `timeSteps[t - 1]` is the range of word t's events.
  public let timeSteps: [Range<Int>]
  /// h_0 and every h_t of the trace, and the magnitude that fills the hidden-states
  /// panel's bars: found once here rather than on every frame.
  let hiddenStates: [Tensor]
  let hiddenScale: Float

  public init(title: String, trace: Trace, narrative: [Int: [String]] = [:]) {
    precondition(!trace.events.isEmpty, "a section needs at least one event")
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
    self.timeSteps = ranges
    hiddenStates = trace.hiddenStates
    hiddenScale = Self.scale(of: hiddenStates, variant: trace.model.variant)
  }

  /// The value that reaches the top bar: the cell's bound on h_t (1 for tanh), else the largest
  /// magnitude of the whole run (so the bars do not rescale while playing).
  private static func scale(of states: [Tensor], variant: Variant) -> Float {
    if let bound = variant.hiddenStateBound { return bound }
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

  /// The index in `timeSteps` of the time step holding event `index`.
  public func timeStepIndex(ofEvent index: Int) -> Int {
    var low = 0
    var high = timeSteps.count - 1
    while low < high {
      let mid = (low + high) / 2
      if timeSteps[mid].upperBound <= index { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
