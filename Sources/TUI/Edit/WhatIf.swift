import Model

/// A chapter played with the learner's what-if edits: the chapter as the lesson has it,
/// the edits in the order they were made, and the chapter recomputed with them.
public struct WhatIf: Sendable {
  /// The chapter before any edit of the player's.
  public let original: PlayerChapter
  public let edits: [WhatIfEdit]
  /// The chapter with the edits: its trace run again from the edited model and words.
  public let chapter: PlayerChapter
  /// The parameter edits as applied, each with the value it replaced.
  public let applied: [AppliedEdit]
  /// Each edit as the header's badge says it, in order.
  public let descriptions: [String]
  /// The first step (an event index) the latest edit touches; nil when no step reads
  /// what it changed (a row of the embedding table no word of the chapter uses).
  public let firstTouched: Int?
  /// Each value's change from the original (edited − original), built on request (`D`).
  public private(set) var delta: PlayerChapter?

  /// The chapter `original` with `edits` applied, recomputed. An edit the model cannot
  /// take (a name it lacks, an index outside the shape) throws, naming it.
  public init(original: PlayerChapter, edits: [WhatIfEdit]) throws(ParameterEditError) {
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
    let (model, applied) = try original.trace.model.applying(parameterEdits)
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
    chapter = Self.recompute(original, model: model, words: words)
    firstTouched = Self.firstStep(touchedBy: edits[edits.count - 1], in: chapter)
  }

  /// The one place a what-if's trace is computed: the chapter `original` run again with
  /// `model` over `words`, its text and code kept. (Everything the player shows of the
  /// edited run is read from the chapter this returns.)
  static func recompute(_ original: PlayerChapter, model: RNNModel, words: [String])
    -> PlayerChapter
  {
    PlayerChapter(
      title: original.title, trace: model.trace(words), narrative: original.narrative,
      number: original.number, introduction: original.introduction, summary: original.summary,
      code: original.code)
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
    WhatIfRecord(applied: applied, description: descriptions.joined(separator: ", "))
  }

  /// The first step whose operation reads what `edit` changed.
  static func firstStep(touchedBy edit: WhatIfEdit, in chapter: PlayerChapter) -> Int? {
    let events = chapter.trace.events
    switch edit {
    case .word(let t, _): return chapter.wordEvents[t - 1].lowerBound
    case .parameter(let edit):
      if edit.name == "embedding.weight" {
        return events.firstIndex { $0.operation == .embedding && $0.index == edit.index.first }
      }
      if edit.name == "h0" {
        return events.firstIndex { $0.t == 1 && $0.operation == .matmulHidden }
      }
      return events.firstIndex { event in
        (0..<event.operandCount).contains { event.operands[$0].name == edit.name }
      }
    }
  }

  /// The same what-if with its Δ chapter built.
  func withDelta() -> WhatIf {
    guard delta == nil else { return self }
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
    return PlayerChapter(
      title: edited.title, trace: Trace(model: model, words: Array(a.words), events: events),
      narrative: edited.narrative, number: edited.number, introduction: edited.introduction,
      summary: edited.summary, code: edited.code)
  }
}
