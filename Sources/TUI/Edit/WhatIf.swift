import Model

/// A chapter played with the learner's what-if edits: the chapter as the lesson has it,
/// the edits in the order they were made, and the chapter recomputed with them.
public struct WhatIf: Sendable {
  /// The chapter before any edit of the player's.
  public let original: PlayerChapter
  public let edits: [WhatIfEdit]
  /// The chapter with the edits. While the run is computed a piece at a time (`run`),
  /// its trace is the run's and its text the original's; once done, the trace is held
  /// whole and the text's values are the edited run's (where the lesson says how).
  public private(set) var chapter: PlayerChapter
  /// The run still being computed, a slice at a time; nil once it is whole.
  private(set) var run: LazyRecompute?
  /// The parameter edits as applied, each with the value it replaced.
  public let applied: [AppliedEdit]
  /// Each edit as the header's badge says it, in order.
  public let descriptions: [String]
  /// The first step (an event index) the latest edit touches; nil when no step reads
  /// what it changed (a row of the embedding table no word of the chapter uses).
  public let firstTouched: Int?
  /// Each value's change from the original (edited − original), built on request (`D`).
  public private(set) var delta: PlayerChapter?

  /// The chapter `original` with `edits` applied, recomputed from the first word they
  /// touch: about `work` multiply-adds at once (all of a lesson's chapter, or of a small
  /// model), the rest by `advance`. An edit the model cannot take (a name it lacks, an
  /// index outside the shape) throws, naming it.
  public init(
    original: PlayerChapter, edits: [WhatIfEdit], work: Int = WhatIf.sliceWork
  ) throws(ParameterEditError) {
    precondition(!edits.isEmpty, "a what-if has at least one edit")
    self.original = original
    self.edits = edits
    var words = Array(original.trace.words)
    var parameterEdits: [ParameterEdit] = []
    var swaps: [(index: Int, text: String)] = []
    for (k, edit) in edits.enumerated() {
      switch edit {
      case .parameter(let edit): parameterEdits.append(edit)
      case .word(let t, let word):
        guard words.indices.contains(t - 1), original.trace.model.index(of: word) != nil else {
          throw ParameterEditError("word \(t) cannot become \"\(word)\": not in the vocabulary")
        }
        swaps.append((k, "word \(t) \"\(words[t - 1])\" → \"\(word)\""))
        words[t - 1] = word
      }
    }
    let model: RNNModel
    let applied: [AppliedEdit]
    if let learner = original.learner {
      let round = try Self.round(original, learner, words: words, edits: parameterEdits)
      (chapter, applied, model) = (round.chapter, round.applied, round.chapter.trace.model)
    } else {
      (model, applied) = try original.trace.model.applying(parameterEdits)
      chapter = original
    }
    self.applied = applied
    var descriptions: [String] = []
    var next = applied.makeIterator()
    var nextSwap = swaps.makeIterator()
    for edit in edits {
      switch edit {
      case .parameter:
        if let one = next.next() { descriptions.append(Self.describe(one)) }
      case .word:
        if let swap = nextSwap.next() { descriptions.append(swap.text) }
      }
    }
    self.descriptions = descriptions
    firstTouched = Self.firstStep(
      touchedBy: edits[edits.count - 1], words: words, model: model, in: original)
    // A round with its loss is held whole, and run again whole.
    guard original.learner == nil else {
      run = nil
      return
    }
    let touched = edits.compactMap { Self.firstWord(touchedBy: $0, words: words, model: model) }
    let run = LazyRecompute(
      original: original, model: model, words: words, firstWord: touched.min() ?? words.count)
    run.advance(work: work)
    self.run = run
    chapter = PlayerChapter(
      title: original.title, trace: PlayerTrace(lazy: run), narrative: original.narrative,
      number: original.number, introduction: original.introduction, summary: original.summary,
      code: original.code)
    finishIfComplete()
  }

  /// A chapter with a loss run again with the edits (its head's too) over `words`: the
  /// forward pass, the loss and the backward pass, and as many rounds of SGD as the
  /// original ran, all as a model built from the edited parameters runs them.
  static func round(
    _ original: PlayerChapter, _ learner: Learner, words: [String], edits: [ParameterEdit]
  ) throws(ParameterEditError) -> (chapter: PlayerChapter, applied: [AppliedEdit]) {
    let swapped: Learner
    do {
      swapped = try Learner(
        model: learner.model, head: learner.head, words: words, loss: learner.loss)
    } catch {
      throw ParameterEditError("\(error)")
    }
    let (edited, applied) = try swapped.applying(edits)
    var chapter = Self.chapter(original, trace: edited.tracedRound().trace, applied: applied)
    chapter.learner = edited
    chapter.training = original.training.map {
      TrainingRun(edited, rounds: $0.losses.count, learningRate: $0.learningRate)
    }
    return (chapter, applied)
  }

  /// The work of the first frame after an edit and of each slice after it, in
  /// multiply-adds of the cell: a few milliseconds of an optimised build on this
  /// machine, which leaves a 60 Hz frame room for the drawing.
  public static let sliceWork = 1_500_000

  /// Whether the edited run is computed to its end.
  public var isComplete: Bool { run == nil }

  /// Whether word t's events and h_t are computed (t from 1; 0 for h_0 alone).
  func covers(word t: Int) -> Bool {
    guard let run else { return true }
    return t < run.firstWord || t <= run.frontier
  }

  /// How far the recompute has gone: the last word computed and the number of words.
  var progress: (word: Int, of: Int)? {
    run.map { ($0.frontier, $0.words.count) }
  }

  /// One more slice of the recompute; once it is done, the trace is held whole (and
  /// the Δ chapter built, if `withDelta` asked for it).
  mutating func advance(work: Int = WhatIf.sliceWork) {
    guard let run else { return }
    run.advance(work: work)
    finishIfComplete()
  }

  /// The same what-if, its run driven to the end.
  func finished() -> WhatIf {
    var copy = self
    while !copy.isComplete { copy.advance(work: Int.max / 2) }
    return copy
  }

  /// Once the run has reached its end: the chapter held whole, as `recompute` makes it.
  private mutating func finishIfComplete() {
    guard let run, run.isComplete else { return }
    self.run = nil
    chapter = Self.chapter(original, trace: run.trace(), applied: applied)
  }

  /// The whole recompute, in one go: the chapter `original` run again with `model` over
  /// `words` (what the slices of `LazyRecompute`, driven to the end, compute too).
  static func recompute(
    _ original: PlayerChapter, model: RNNModel, words: [String], applied: [AppliedEdit] = []
  ) -> PlayerChapter {
    chapter(original, trace: model.trace(words), applied: applied)
  }

  /// The edited run's chapter: its trace, the original's code, and its text with the
  /// values of `trace` where the lesson says how to fill them in (else the original's).
  static func chapter(_ original: PlayerChapter, trace: Trace, applied: [AppliedEdit])
    -> PlayerChapter
  {
    var chapter = PlayerChapter(
      title: original.title, trace: trace, narrative: original.narrative,
      number: original.number, introduction: original.introduction, summary: original.summary,
      code: original.code)
    guard let narrator = original.narrator else { return chapter }
    let text = narrator.narrate(trace, applied)
    chapter.narrative = text.narrative
    chapter.introduction = text.introduction
    chapter.summary = text.summary
    chapter.questions = text.questions
    chapter.isNarratedFromRun = true
    return chapter
  }

  /// `w_h[0,0] = 1.5 (was -0.2138)`.
  static func describe(_ edit: AppliedEdit) -> String {
    "\(edit.name)[\(edit.index.map(String.init).joined(separator: ","))] = \(EditValueText.short(edit.to)) (was \(NumberFormat.value(edit.from)))"
  }

  /// `what-if: w_h[0,0] = 1.5 (was -0.2138)`, and how many edits came before it.
  public var badge: String {
    let earlier = descriptions.count - 1
    return "what-if: \(descriptions[descriptions.count - 1])"
      + (earlier > 0 ? " and \(earlier) earlier edit\(earlier == 1 ? "" : "s")" : "")
  }

  /// What the export key hands the command.
  public var record: WhatIfRecord {
    WhatIfRecord(
      applied: applied, description: descriptions.joined(separator: ", "),
      head: chapter.learner?.head)
  }

  /// The first word (from 1) that reads what `edit` changed, in the edited `words`;
  /// nil when none does (a row of the embedding table no word uses).
  static func firstWord(touchedBy edit: WhatIfEdit, words: [String], model: RNNModel) -> Int? {
    switch edit {
    case .word(let t, _): return t
    case .parameter(let edit):
      guard edit.name == "embedding.weight" else { return 1 }
      let row = edit.index.first
      return words.firstIndex { model.index(of: $0) == row }.map { $0 + 1 }
    }
  }

  /// The first step (an event index) whose operation reads what `edit` changed: in the
  /// first word that reads it, the step that does (every word makes the same steps).
  static func firstStep(
    touchedBy edit: WhatIfEdit, words: [String], model: RNNModel, in original: PlayerChapter
  ) -> Int? {
    if case .parameter(let edit) = edit, edit.name.hasPrefix("head.") {
      // The head is read first by the first prediction, after the forward pass.
      return original.trace.events.firstIndex { $0.operation == .logits && $0.pass != .backward }
    }
    guard let t = firstWord(touchedBy: edit, words: words, model: model) else { return nil }
    let range = original.wordEvents[t - 1]
    let events = original.trace.events
    let step: Int?
    switch edit {
    case .word: step = range.lowerBound
    case .parameter(let edit):
      if edit.name == "embedding.weight" {
        step = range.first { events[$0].operation == .embedding }
      } else if edit.name == "h0" {
        step = range.first { events[$0].operation == .matmulHidden }
      } else {
        step = range.first { i in
          (0..<events[i].operandCount).contains { events[i].operands[$0].name == edit.name }
        }
      }
    }
    return step
  }

  /// The same what-if with its Δ chapter built.
  /// (A run still being computed has none yet: `advance` builds it at the end, if asked.)
  func withDelta() -> WhatIf {
    guard delta == nil, isComplete else { return self }
    var copy = self
    copy.delta = Self.difference(chapter, from: original)
    return copy
  }

  /// A chapter whose every value is `edited`'s minus `original`'s: the panels draw it as
  /// they draw any chapter, each number now a change (zero where nothing moved).
  static func difference(_ edited: PlayerChapter, from original: PlayerChapter) -> PlayerChapter {
    func minus(_ a: Tensor, _ b: Tensor) -> Tensor {
      guard a.shape == b.shape else { return a }
      var out = a
      for i in out.scalars.indices { out.scalars[i] = a.scalars[i] - b.scalars[i] }
      return out
    }
    let a = edited.trace
    let b = original.trace
    var events: [TraceEvent] = []
    events.reserveCapacity(a.events.count)
    for (e, o) in zip(a.events, b.events) {
      let operands = zip(e.operands, o.operands).map {
        NamedTensor($0.label, minus($0.value, $1.value))
      }
      events.append(
        TraceEvent(
          step: e.step, t: e.t, word: e.word, operation: e.operation, formula: e.formula,
          operands: operands,
          result: NamedTensor(e.result.label, minus(e.result.value, o.result.value)),
          index: e.index, productOrder: e.productOrder, pass: e.pass, omitsValues: e.omitsValues))
    }
    let model = RNNModel(
      vocabulary: a.model.vocabulary, embedding: minus(a.model.embedding, b.model.embedding),
      h0: minus(a.model.h0, b.model.h0), cell: a.model.cell)
    var delta = PlayerChapter(
      title: edited.title, trace: Trace(model: model, words: Array(a.words), events: events),
      narrative: edited.narrative, number: edited.number, introduction: edited.introduction,
      summary: edited.summary, code: edited.code)
    // The training screens stay, as steps: they show the edited run's rounds.
    delta.training = edited.training
    delta.learner = edited.learner
    return delta
  }
}
