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
  /// How many chapters the lesson has, for `ch 2/5` (more than `chapters.count` when
  /// only some chapters play); nil for a lone trace.
  public var chapterCount: Int?

  public init(title: String, chapters: [PlayerChapter], chapterCount: Int? = nil) {
    precondition(!chapters.isEmpty, "the player needs at least one chapter")
    self.title = title
    self.chapters = chapters
    self.chapterCount =
      chapterCount ?? (chapters.contains { $0.number != nil } ? chapters.count : nil)
  }

  /// A single trace, titled by what produced it.
  public init(title: String, trace: Trace) {
    self.init(title: title, chapters: [PlayerChapter(title: "", trace: trace)])
  }
}

/// One chapter: a title, its trace, and paragraphs of narrative keyed by step.
public struct PlayerChapter: Sendable {
  /// The chapter's own title ("A sentence, word after word"), or empty for a lone trace.
  public var title: String
  /// The chapter's number in its lesson, from 1; nil for a lone trace.
  public var number: Int?
  public let trace: PlayerTrace
  /// Paragraphs to show from a step on (1-based step of this chapter's trace), until
  /// a later step has its own.
  public var narrative: [Int: [String]]
  /// The chapter's introduction: shown with step 1, and on request at any step.
  public var introduction: [String]
  /// What the chapter showed, in a few lines: shown at its last step.
  public var summary: [String]
  /// The lesson's code that computes each step (1-based), where the lesson gives it.
  public var code: [Int: String]
  /// The lesson's questions, by the step (1-based) they are asked at.
  public var questions: [Int: PlayerQuestion] = [:]
  /// How the lesson fills the text's values in from a run (a what-if's, say); nil for
  /// a trace without a lesson.
  public var narrator: ChapterNarrator?
  /// Whether the text's values were filled in from this very run by the lesson's
  /// narrator (a what-if's edited run), rather than kept from the original's.
  public internal(set) var isNarratedFromRun = false
  /// Rounds of training that follow this chapter's single traced round (`play --loss
  /// --steps N`, a lesson chapter with `steps:`): its SGD update and loss curve; nil when
  /// the chapter does not train.
  public var training: TrainingRun?
  /// The model and head of the traced round, for a chapter that goes on to a loss: what a
  /// what-if edits and runs again (the loss, the backward pass, the rounds); nil otherwise.
  public var learner: Learner?
  /// The events of each time step: `wordEvents[t - 1]` is the range of word t's events.
  public let wordEvents: WordRanges
  /// h_0 and every h_t of the trace, and the magnitude that fills the hidden-states
  /// panel's bars: found once here rather than on every frame.
  let hiddenStates: HiddenStates
  let hiddenScale: Float
  /// The operations the chapter's events perform (which panels it has).
  let operations: Set<Operation>
  /// ‖dL/dh_t‖ of the backward pass, if the trace has one: found once, for the strip.
  let gradientFlow: GradientFlow
  /// Where the backward pass writes dL/dh_t, dL/dz_t and each running sum: found once,
  /// for the context under the stage's panel.
  let backwardTimeline: BackwardTimeline

  public init(
    title: String, trace: Trace, narrative: [Int: [String]] = [:], number: Int? = nil,
    introduction: [String] = [], summary: [String] = [], code: [Int: String] = [:]
  ) {
    self.init(
      title: title, trace: PlayerTrace(trace), narrative: narrative, number: number,
      introduction: introduction, summary: summary, code: code)
  }

  public init(
    title: String, trace: PlayerTrace, narrative: [Int: [String]] = [:], number: Int? = nil,
    introduction: [String] = [], summary: [String] = [], code: [Int: String] = [:]
  ) {
    precondition(!trace.events.isEmpty, "a chapter needs at least one event")
    self.title = title
    self.number = number
    self.trace = trace
    self.narrative = narrative
    self.introduction = introduction
    self.summary = summary
    self.code = code
    if let long = trace.checkpointed {
      // Every word makes the same events: nothing is scanned.
      wordEvents = WordRanges(uniform: long.eventsPerWord, count: long.wordCount)
      hiddenStates = HiddenStates(storage: .checkpointed(long))
      let largest = trace.overview?.largest ?? 0
      hiddenScale = trace.model.variant.hiddenStateBound ?? (largest > 0 ? largest : 1)
      operations = Set(long.events(ofWord: 1).map(\.operation))
      // A long text is read forwards only: no backward pass.
      gradientFlow = GradientFlow(
        trace: Trace(model: trace.model, words: [], events: []), wordEvents: [])
      backwardTimeline = .empty
      return
    }
    if let run = trace.lazy {
      // A what-if being recomputed: every word makes the same events, the original's.
      wordEvents = WordRanges(uniform: run.eventsPerWord, count: run.words.count)
      hiddenStates = HiddenStates(storage: .lazy(run))
      hiddenScale = run.hiddenScale
      operations = Set(run.events(ofWord: 1).map(\.operation))
      gradientFlow = GradientFlow(
        trace: Trace(model: trace.model, words: [], events: []), wordEvents: [])
      backwardTimeline = .empty
      return
    }
    if let log = trace.windowed {
      // A replayed log: each word's events found from the index, nothing scanned.
      let count = trace.words.count
      wordEvents =
        log.eventsPerWord.map { WordRanges(uniform: $0, count: count) }
        ?? WordRanges(source: log.events.source)
      hiddenStates = HiddenStates(storage: .read(count: count + 1, log.hiddenState))
      let largest = trace.overview?.largest ?? 0
      hiddenScale = trace.model.variant.hiddenStateBound ?? (largest > 0 ? largest : 1)
      operations = Set(log.events.source.events(ofGroup: 0).map(\.operation))
      // A round with its loss is held whole: no backward pass here.
      gradientFlow = GradientFlow(
        trace: Trace(model: trace.model, words: [], events: []), wordEvents: [])
      backwardTimeline = .empty
      return
    }
    let events = trace.whole!.events
    var ranges: [Range<Int>] = []
    var start = 0
    for (i, event) in events.enumerated()
    where i + 1 == events.count
      || events[i + 1].t != event.t
    {
      ranges.append(start..<i + 1)
      start = i + 1
    }
    self.wordEvents = WordRanges(listed: ranges)
    let states = trace.whole!.hiddenStates
    hiddenStates = HiddenStates(storage: .listed(states))
    hiddenScale = Self.scale(of: states, variant: trace.model.variant)
    operations = Set(events.map(\.operation))
    gradientFlow = GradientFlow(trace: trace.whole!, wordEvents: ranges)
    backwardTimeline = BackwardTimeline(trace: trace.whole!)
  }

  /// The value that reaches the top bar: the cell's bound on h_t (1 for tanh), else the largest
  /// magnitude of the whole run (so the bars do not rescale while playing).
  private static func scale(of states: [Tensor], variant: Variant) -> Float {
    if let bound = variant.hiddenStateBound { return bound }
    let largest = states.flatMap(\.scalars).filter(\.isFinite).map(abs).max() ?? 1
    return largest > 0 ? largest : 1
  }

  /// The number of steps: every event, then the screens of the training that follows
  /// (the SGD update, the loss curve).
  public var stepCount: Int { trace.events.count + trainingScreens.count }

  /// What the player shows after the traced round when the chapter trains: the SGD
  /// update, then, over more than one round, the loss curve. They are steps too, after
  /// the events: the update is step `trace.events.count + 1` (a lesson's narrative can
  /// be keyed to it), the curve the one after.
  public var trainingScreens: [TrainingScreen] {
    guard let training else { return [] }
    return training.losses.count > 1 ? [.update, .lossCurve] : [.update]
  }

  /// The loss the first update gives: the second round's loss, or the loss after the
  /// run when it had one round.
  var lossAfterFirstUpdate: Float {
    guard let training else { return .nan }
    return training.losses.count > 1 ? training.losses[1] : training.lossAfter
  }

  /// "chapter 2: A sentence, word after word", or the title alone for a lone trace.
  public var heading: String {
    guard let number else { return title }
    return title.isEmpty ? "chapter \(number)" : "chapter \(number): \(title)"
  }

  /// The paragraphs that apply at `step`: those of the latest step at or before it
  /// (with the introduction at step 1).
  public func narrative(at step: Int) -> [String] { note(at: step).paragraphs }

  /// The note in force at `step` and the step it belongs to: the step's own, or an
  /// earlier one still standing (the player dims it and says which step it is from).
  public func note(at step: Int) -> (step: Int, paragraphs: [String]) {
    var best: Int?
    for key in narrative.keys where key <= step && key > (best ?? Int.min) { best = key }
    let own = best.map { narrative[$0] ?? [] } ?? []
    if best == nil || best == 1, !introduction.isEmpty {
      return (1, introduction + own)
    }
    return (best ?? step, own)
  }

  /// Every parameter a what-if can edit: the model's, and the head's of a chapter with a
  /// loss (`head.weight`, `head.bias`), named as a log's header names them.
  var editableParameters: [NamedTensor] {
    trace.model.parameters
      + (learner.map {
        [NamedTensor("head.weight", $0.head.weight), NamedTensor("head.bias", $0.head.bias)]
      } ?? [])
  }

  /// The word (an index into `wordEvents`, t - 1) whose events hold event `index`.
  public func wordIndex(ofEvent index: Int) -> Int {
    if let per = wordEvents.uniform { return index / per }
    if let source = wordEvents.source { return source.group(ofEvent: index) }
    var low = 0
    var high = wordEvents.count - 1
    while low < high {
      let mid = (low + high) / 2
      if wordEvents[mid].upperBound <= index { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// The range of events of each word: listed for a trace held whole (a round with its
/// loss goes over the words again), the same number for every word of a long text, or
/// found in a replayed log's index.
public struct WordRanges: RandomAccessCollection, Sendable {
  private let listed: [Range<Int>]
  /// Events per word, when every word has as many.
  let uniform: Int?
  /// The groups of a replayed log, one a word, when they are not all of a size.
  let source: (any TraceWindowSource)?
  private let wordCount: Int

  init(listed: [Range<Int>]) {
    self.listed = listed
    uniform = nil
    source = nil
    wordCount = listed.count
  }

  init(uniform: Int, count: Int) {
    listed = []
    self.uniform = uniform
    source = nil
    wordCount = count
  }

  init(source: any TraceWindowSource) {
    listed = []
    uniform = nil
    self.source = source
    wordCount = source.groupCount
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { wordCount }
  public subscript(position: Int) -> Range<Int> {
    if let source { return source.groupRange(position) }
    guard let uniform else { return listed[position] }
    precondition(indices.contains(position), "word \(position) of \(wordCount)")
    return position * uniform..<(position + 1) * uniform
  }
}

/// h_0 … h_T: listed for a trace held whole, recomputed from the checkpoints for a long
/// text, read (or recomputed) from its file for a replayed log.
struct HiddenStates: RandomAccessCollection, Sendable {
  enum Storage: Sendable {
    case listed([Tensor])
    case checkpointed(CheckpointedTrace)
    case read(count: Int, @Sendable (Int) -> Tensor)
    case lazy(LazyRecompute)
  }
  let storage: Storage

  var startIndex: Int { 0 }
  var endIndex: Int {
    switch storage {
    case .listed(let states): states.count
    case .checkpointed(let trace): trace.wordCount + 1
    case .read(let count, _): count
    case .lazy(let run): run.words.count + 1
    }
  }
  subscript(position: Int) -> Tensor {
    switch storage {
    case .listed(let states): states[position]
    case .checkpointed(let trace): trace.hiddenState(position)
    case .read(_, let state): state(position)
    case .lazy(let run): run.hiddenState(position)
    }
  }
}

/// A screen after the traced round, when the chapter trains.
public enum TrainingScreen: Hashable, Sendable {
  /// Every parameter before the SGD step, its gradient and after it; the loss before
  /// and after.
  case update
  /// The loss of every round, drawn.
  case lossCurve
}
