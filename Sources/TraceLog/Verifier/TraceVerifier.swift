import Model

/// Recomputes a log's trace from its header (variant, parameters, words) and compares
/// it with the log's events one by one, as they are read: memory holds one word's
/// events, however long the log.
///
/// Values compare exactly, float32 bit for bit: the writer prints each in the
/// shortest decimal that reads back to the same float32, so an honest log differs in
/// no bit. A `null` in the log matches a non-finite value and nothing else.
public struct TraceVerifier {
  public let model: RNNModel
  private let words: [String]
  private var run: RNNRun<EventQueue>
  private var pending: [TraceEvent] = []
  private var nextPending = 0
  private var nextWord = 0
  /// The learner that recomputes the loss and the backward pass after the words, for a
  /// log whose header has a `loss`; nil once it has run.
  private var learner: Learner?
  private var lossRecomputed = false
  /// The backward pass being recomputed, once the words' events are checked.
  private var backward: BackwardStream?
  /// The step of the last event recomputed.
  private var lastStep = 0
  /// How many events matched.
  public private(set) var matched = 0

  /// Recomputes with the header's kernels, or with `kernels` when given.
  public init(header: TraceHeader, kernels: KernelFamily? = nil) throws(ParameterError) {
    var model = try RNNModel(header: header)
    if let kernels { model.kernels = kernels }
    self.model = model
    words = header.words
    run = RNNRun(model: model, listener: EventQueue())
    hasBackwardPass = header.loss != nil
    if let loss = header.loss {
      let head = try PredictionHead(header: header)
      do {
        learner = try Learner(model: model, head: head, words: words, loss: loss)
      } catch {
        throw ParameterError("\"loss\": \(error)")
      }
    }
  }

  /// The number of events the header's words make.
  public var wordCount: Int { words.count }

  /// Whether the log goes on to a loss and its backward pass.
  public let hasBackwardPass: Bool

  /// The recomputed event that `logged` stands for, and how the two differ (nil
  /// when they agree). `expected` is nil past the end of the recomputed trace.
  public mutating func check(_ logged: LoggedEvent) -> (
    expected: TraceEvent?, difference: TraceDifference?
  ) {
    guard let expected = nextExpected() else {
      return (
        nil,
        TraceDifference(
          line: logged.line, step: logged.step, operation: nil, part: "event",
          expected:
            "the end of the log (\(words.count) words\(lossRecomputed ? " and the loss" : "") make \(lastStep) events)",
          found: "another \(logged.operation.rawValue) event")
      )
    }
    let difference = Self.compare(expected, logged)
    if difference == nil { matched += 1 }
    return (expected, difference)
  }

  /// After the last event: whether the log stopped short of the recomputed trace.
  public mutating func finish(lastLine: Int) -> TraceDifference? {
    guard let expected = nextExpected() else { return nil }
    return TraceDifference(
      line: lastLine + 1, step: expected.step, operation: expected.operation, part: "event",
      expected: "step \(expected.step), \(expected.operation.rawValue) of word \(expected.t)",
      found: "the end of the file")
  }

  private mutating func nextExpected() -> TraceEvent? {
    if nextPending == pending.count {
      run.tracer.listener.events.removeAll(keepingCapacity: true)
      if nextWord < words.count {
        _ = run.read(words[nextWord])
        nextWord += 1
        pending = run.tracer.listener.events
      } else if let learner {
        // After the words: the loss and the backward pass, numbered on from the words',
        // computed beside the reading and taken a batch at a time.
        self.learner = nil
        lossRecomputed = true
        backward = BackwardStream(learner, after: run.tracer.step)
        return nextExpected()
      } else if let batch = backward?.next() {
        pending = batch
      } else {
        backward = nil
        return nil
      }
      nextPending = 0
      if let last = pending.last { lastStep = last.step }
    }
    defer { nextPending += 1 }
    return pending[nextPending]
  }

  static func compare(_ expected: TraceEvent, _ logged: LoggedEvent) -> TraceDifference? {
    func differ(_ part: String, _ want: String, _ got: String) -> TraceDifference {
      TraceDifference(
        line: logged.line, step: logged.step, operation: expected.operation, part: part,
        expected: want, found: got, backward: expected.pass == .backward)
    }
    if expected.step != logged.step {
      return differ("step", String(expected.step), String(logged.step))
    }
    if expected.operation != logged.operation {
      return differ("op", expected.operation.rawValue, logged.operation.rawValue)
    }
    if expected.pass != logged.pass {
      return differ("pass", expected.pass.rawValue, logged.pass.rawValue)
    }
    if expected.t != logged.t { return differ("t", String(expected.t), String(logged.t)) }
    if expected.word != logged.word {
      return differ("word", quoted(expected.word), quoted(logged.word))
    }
    if expected.index != logged.index {
      return differ(
        "index", expected.index.map(String.init) ?? "none",
        logged.index.map(String.init) ?? "none")
    }
    if expected.formula != logged.formula {
      return differ("formula", quoted(expected.formula), quoted(logged.formula))
    }
    if expected.operands.count != logged.operands.count {
      return differ(
        "operands", "\(expected.operands.count) operands", "\(logged.operands.count)")
    }
    for (k, (want, got)) in zip(expected.operands, logged.operands).enumerated() {
      if want.name != got.name {
        return differ("operands[\(k)].name", quoted(want.name), quoted(got.name))
      }
      if want.value.shape != got.shape {
        return differ("operands[\(k)].shape", "\(want.value.shape)", "\(got.shape)")
      }
    }
    if expected.result.name != logged.result.name {
      return differ("result.name", quoted(expected.result.name), quoted(logged.result.name))
    }
    if expected.result.value.shape != logged.result.value.shape {
      return differ(
        "result.shape", "\(expected.result.value.shape)", "\(logged.result.value.shape)")
    }
    // A result written without values stands for the recomputation's, whose operands
    // the log holds; only the events the writer omits may omit them. A log that writes
    // them anyway (as logs did before the head's terms were omitted) has them compared.
    if logged.omitsValues {
      guard expected.omitsValues else {
        return differ(
          "result.values", "\(expected.result.value.count) values", "none (no \"values\")")
      }
      return nil
    }
    let want = expected.result.value.scalars
    if let k = firstMismatch(want, logged.result.value.scalars) {
      return differ(
        "result.values[\(k)]", text(want[k]), found(logged.result.value.scalars[k]))
    }
    if let value = logged.value, let k = firstMismatch(want, value) {
      return differ("value[\(k)]", text(want[k]), found(value[k]))
    }
    return nil
  }

  private static func firstMismatch(_ want: [Float], _ got: [Float]) -> Int? {
    for k in want.indices {
      let same = want[k].isFinite ? want[k].bitPattern == got[k].bitPattern : got[k].isNaN
      if !same { return k }
    }
    return nil
  }

  /// A computed value as the log writes it: the shortest round-trip decimal.
  private static func text(_ value: Float) -> String {
    value.isFinite ? value.description : "\(value) (written null)"
  }

  /// A value read from the log, as float32; NaN stands for the log's `null`.
  private static func found(_ value: Float) -> String {
    value.isNaN ? "null" : "\(value) (the float32 the file's text reads as)"
  }
}
