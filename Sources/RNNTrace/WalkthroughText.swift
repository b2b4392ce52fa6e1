import Foundation
import Model
import TUI
import TraceLog

/// The plain-text walkthrough: parameters, then each word and each of its
/// operations with formula, shapes and values. Also what the player shows when it
/// has no terminal.
struct WalkthroughText {
  var format: ValueFormat
  /// Called after each step is printed (a lesson prints its paragraphs there).
  var afterStep: (Int, inout String) -> Void = { _, _ in }

  init(format: ValueFormat) {
    self.format = format
  }

  func write(_ trace: Trace, title: String, to out: inout String) {
    writeHeader(trace.model, words: trace.words, title: title, to: &out)
    // Columns line up across the whole walkthrough, so the eye can run down them.
    var columns = Columns()
    for event in trace.events { columns.include(event) }
    var currentT = 0
    var headings = SectionHeadings()
    for event in trace.events {
      headings.enter(event, currentT: &currentT, to: &out)
      write(event, columns, currentT: &currentT, to: &out)
    }
    writeHiddenStates(trace.hiddenStates, to: &out)
    writeGradientFlow(trace.hiddenGradients, to: &out)
  }

  /// The same text as `write` for a log replayed from its file, handed to `emit` a
  /// megabyte at a time: its events are read a word at a time, and its columns were
  /// measured while it was indexed, so a long log prints in flat memory.
  func stream(_ log: LogTrace, title: String, emit: (String) throws -> Void) throws {
    var out = ""
    var failure: (any Error)?
    writeHeader(log.model, words: log.words, title: title, to: &out) { text in
      guard failure == nil else { return }
      do { try emit(text) } catch { failure = error }
      text = ""
    }
    if let failure { throw failure }
    let index = log.index
    let columns = Columns(
      steps: log.events.count, operation: index.longestOperation, formula: index.longestFormula)
    var currentT = 0
    var headings = SectionHeadings()
    for event in log.events {
      headings.enter(event, currentT: &currentT, to: &out)
      write(event, columns, currentT: &currentT, to: &out)
      if out.utf8.count >= 1 << 20 {
        try emit(out)
        out = ""
      }
    }
    out += "\nHidden states\n"
    for t in 0...index.forwardWordCount {
      writeHiddenState(log.hiddenState(t), t: t, to: &out)
      if out.utf8.count >= 1 << 20 {
        try emit(out)
        out = ""
      }
    }
    writeGradientFlow(log.hiddenGradients, to: &out)
    try emit(out)
  }

  /// ‖dL/dh_t‖ for every t the backward pass reached, first word first, with a bar on a
  /// log scale when the norms span more than a decade: how the gradient fades (or grows)
  /// on its way back through time.
  private func writeGradientFlow(_ gradients: [(t: Int, gradient: Tensor)], to out: inout String) {
    guard !gradients.isEmpty else { return }
    let norms = gradients.sorted { $0.t < $1.t }.map { entry in
      (entry.t, entry.gradient.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot())
    }
    let largest = norms.map(\.1).max() ?? 0
    let positive = norms.map(\.1).filter { $0 > 0 && $0.isFinite }
    let logScale = (positive.max() ?? 1) / (positive.min() ?? 1) > 10
    out +=
      "\nGradient flow: ‖dL/dh_t‖, each bar \(logScale ? "on a log scale, full = the largest, one decade = 8 characters" : "scaled to the largest")\n"
    for (t, norm) in norms {
      var width = 0
      if norm > 0 && norm.isFinite && largest > 0 {
        width =
          logScale
          ? max(1, 32 + Int((8 * log10(norm / largest)).rounded()))
          : max(1, Int((32 * norm / largest).rounded()))
      }
      let bar = String(repeating: "█", count: max(0, min(32, width)))
      let label = Self.padded("t = \(t)", 4 + String(norms.count).count)
      out += "  \(label)  \(Self.padded(bar, 32))  \(String(format: "%.3e", norm))\n"
    }
  }

  /// The same text as `write` for the trace of `words`, handed to `emit` a megabyte at a
  /// time and without holding the trace: a long `--sentence-file` printed into a pipe
  /// starts at once and stays in flat memory. The model runs three times (columns,
  /// operations, hidden states), which costs less than keeping its events.
  func stream(
    _ model: RNNModel, _ words: [String], title: String,
    progress: (Int) -> Void = { _ in }, emit: (String) throws -> Void
  ) rethrows {
    var measuring = RNNRun(model: model, listener: ColumnsListener())
    for word in words { _ = measuring.read(word) }
    var out = ""
    writeHeader(model, words: words, title: title, to: &out)
    var writing = RNNRun(
      model: model,
      listener: EventWriter(
        text: self, columns: measuring.tracer.listener.columns, out: out))
    for (i, word) in words.enumerated() {
      _ = writing.read(word)
      progress(i + 1)
      if writing.tracer.listener.out.utf8.count >= 1 << 20 {
        try emit(writing.tracer.listener.out)
        writing.tracer.listener.out = ""
      }
    }
    out = writing.tracer.listener.out
    out += "\nHidden states\n"
    var states = RNNRun(model: model, listener: NoTrace())
    writeHiddenState(model.h0, t: 0, to: &out)
    for (i, word) in words.enumerated() {
      writeHiddenState(states.read(word), t: i + 1, to: &out)
      if out.utf8.count >= 1 << 20 {
        try emit(out)
        out = ""
      }
    }
    try emit(out)
  }

  /// `flush` may take what `out` holds so far (a stream writes it out) while the
  /// sentence is written.
  private func writeHeader(
    _ model: RNNModel, words: [String], title: String, to out: inout String,
    flush: (inout String) -> Void = { _ in }
  ) {
    out += "\(title)\n"
    out += "\(Notation.rowVectors(model.variant.formula))\n"
    // A word at a time: a long text's line is megabytes, and no array of its words is made.
    out += "Sentence: "
    for (i, word) in words.enumerated() {
      if i > 0 { out += " " }
      out += TerminalText.escaped(word)
      if out.utf8.count >= 1 << 20 { flush(&out) }
    }
    out += "\n\n"
    out += "Parameters\n"
    for parameter in model.parameters {
      // h0 is the log's name; the learner reads h_0, as the lesson writes it.
      let name = parameter.name == "h0" ? "h_0" : parameter.name
      out += "  \(name) \(parameter.value.shapeDescription)\n"
      for line in format.lines(parameter.value) { out += "    \(line)\n" }
    }
  }

  private func write(
    _ event: TraceEvent, _ columns: Columns, currentT: inout Int, to out: inout String
  ) {
    if event.t != currentT {
      currentT = event.t
      out += "\nt = \(event.t)  word \"\(TerminalText.escaped(event.word))\"\n"
    }
    let step = String(event.step)
    out += "  " + String(repeating: " ", count: columns.stepWidth - step.count) + step + "  "
    out += Self.padded(event.operation.rawValue, columns.operationWidth) + "  "
    out +=
      Self.padded(Notation.rowVectors(event.formula), columns.formulaWidth) + "  "
      + event.shapeSummary + "\n"
    for line in format.lines(event.result.value) { out += columns.indent + line + "\n" }
    afterStep(event.step, &out)
  }

  private func writeHiddenStates(_ states: [Tensor], to out: inout String) {
    out += "\nHidden states\n"
    for (t, state) in states.enumerated() { writeHiddenState(state, t: t, to: &out) }
  }

  private func writeHiddenState(_ state: Tensor, t: Int, to out: inout String) {
    out += "  h_\(t) = \(format.inline(state))\n"
  }

  /// The widths that line the operations up: the widest step number and operation,
  /// and the longest formula up to 48 characters.
  struct Columns {
    private(set) var stepWidth = 1
    private(set) var operationWidth = 0
    private var formulaLength = 0

    init() {}

    /// The columns of `steps` events whose longest operation name and formula are
    /// `operation` and `formula` characters long.
    init(steps: Int, operation: Int, formula: Int) {
      stepWidth = String(max(1, steps)).count
      operationWidth = operation
      formulaLength = formula
    }

    var formulaWidth: Int { min(formulaLength, 48) }
    var indent: String { String(repeating: " ", count: 2 + stepWidth + 2 + operationWidth + 2) }

    mutating func include(_ event: TraceEvent) {
      stepWidth = max(stepWidth, String(event.step).count)
      operationWidth = max(operationWidth, event.operation.rawValue.count)
      formulaLength = max(formulaLength, event.formula.count)
    }
  }

  /// Measures the columns of a run without keeping its events.
  private struct ColumnsListener: TraceListener {
    var columns = Columns()
    mutating func receive(_ event: TraceEvent) { columns.include(event) }
  }

  /// Writes each event of a run as it comes.
  private struct EventWriter: TraceListener {
    let text: WalkthroughText
    let columns: Columns
    var out: String
    var currentT = 0

    mutating func receive(_ event: TraceEvent) {
      text.write(event, columns, currentT: &currentT, to: &out)
    }
  }

  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

/// The loss, then the backward pass, each under its own heading where it begins.
private struct SectionHeadings {
  var inLoss = false
  var inBackward = false

  /// Writes the heading `event` begins, if any (and starts its words' numbering again).
  mutating func enter(_ event: TraceEvent, currentT: inout Int, to out: inout String) {
    if event.isAfterForward && !inLoss {
      inLoss = true
      out += "\nThe loss: each h_t scores the next word (y_t), L_t its cross-entropy\n"
      currentT = 0
    }
    if event.pass == .backward && !inBackward {
      inBackward = true
      out += "\nThe backward pass: from L back to the first word, dL/dθ summed over time\n"
      currentT = 0
    }
  }
}
