import Model
import TUI
import TraceLog

/// A `TraceComparison` written out: as text for people, or as JSON Lines.
struct DiffReport {
  let comparison: TraceComparison
  let nameA: String
  let nameB: String

  init(_ comparison: TraceComparison, nameA: String, nameB: String) {
    self.comparison = comparison
    self.nameA = nameA
    self.nameB = nameB
  }

  private var a: TraceHeader { comparison.headerA }
  private var b: TraceHeader { comparison.headerB }

  // MARK: - Text

  var text: String {
    let c = comparison
    let (nameA, nameB) = (Self.shown(self.nameA), Self.shown(self.nameB))
    if c.identical {
      var line =
        "\(nameA) and \(nameB) are identical: \(a.parameters.count) parameters, \(a.words.count) words, \(c.eventsA) events"
      if !headerNotes.isEmpty { line += " (\(headerNotes.joined(separator: "; ")))" }
      return line + "\n"
    }
    var summary: [String] = []
    if !c.parameters.isEmpty { summary.append(Self.count(c.parameters.count, "parameter")) }
    if c.firstWordDifference != nil { summary.append("the words") }
    if let step = c.firstStep { summary.append("from step \(step.step) (t=\(step.t))") }
    if let largest = c.table.largest, largest.largest.magnitude > 0 {
      summary.append(
        "largest |Δh_t| \(Self.magnitude(largest.largest)) at t=\(largest.t)")
    }
    var out = "\(nameA) (A) and \(nameB) (B) differ: \(summary.joined(separator: ", "))\n"
    for note in headerNotes { out += "header: \(note)\n" }
    if c.parameters.isEmpty {
      out += "parameters: the same \(a.parameters.count)\n"
    } else {
      out += "parameters (A → B):\n"
      for change in c.parameters { out += "  \(Self.line(change))\n" }
    }
    out += "words: \(wordsLine)\n"
    if let step = c.firstStep {
      out += "first difference: \(Self.line(step))\n"
    } else if c.eventsA == c.eventsB {
      out += "events: the same \(c.eventsA)\n"
    }
    if !c.comparesHidden {
      out += "hidden states: sizes \(a.hidden) in A and \(b.hidden) in B do not compare\n"
    } else if c.table.count > 0 {
      out += tableText
    }
    return out
  }

  private var headerNotes: [String] {
    var notes: [String] = []
    if a.variant != b.variant {
      notes.append("variant \(a.variant.rawValue) in A, \(b.variant.rawValue) in B")
    }
    if a.seed != b.seed {
      notes.append(
        "seed \(a.seed.map(String.init) ?? "none") in A, \(b.seed.map(String.init) ?? "none") in B"
      )
    }
    if a.source != b.source {
      notes.append("source \(Self.shown(a.source)) in A, \(Self.shown(b.source)) in B")
    }
    return notes
  }

  private var wordsLine: String {
    guard let t = comparison.firstWordDifference else {
      return "the same \(a.words.count)"
    }
    let word = { (words: [String]) in
      t <= words.count ? "\"\(Self.shown(words[t - 1]))\"" : "none"
    }
    var line =
      a.words.count == b.words.count
      ? "\(a.words.count) in each" : "\(a.words.count) in A, \(b.words.count) in B"
    line += "; the first difference at t=\(t): \(word(a.words)) in A, \(word(b.words)) in B"
    return line
  }

  private var tableText: String {
    let rows = comparison.table.rows
    let shownRows = rows.compactMap { $0 }
    let wordWidth = min(16, max(4, shownRows.map { Self.shown($0.word).count }.max() ?? 4))
    let tWidth = max(1, String(shownRows.last?.t ?? 1).count)
    var out = "largest |Δh_t| by time step"
    if comparison.table.count > shownRows.count {
      out += " (\(shownRows.count) of \(comparison.table.count): the first, the largest, the last)"
    }
    out += ":\n"
    out +=
      "  \(Self.pad("t", tWidth, right: true))  \(Self.pad("word", wordWidth))  \(Self.pad("|Δh_t|", 14))  element  A → B\n"
    for row in rows {
      guard let row else {
        out += "  \(Self.pad("…", tWidth, right: true))\n"
        continue
      }
      let e = row.largest
      let word = String(Self.shown(row.word).prefix(wordWidth))
      if e.magnitude == 0 {
        out +=
          "  \(Self.pad(String(row.t), tWidth, right: true))  \(Self.pad(word, wordWidth))  0\n"
      } else {
        out +=
          "  \(Self.pad(String(row.t), tWidth, right: true))  \(Self.pad(word, wordWidth))  \(Self.pad(Self.magnitude(e), 14))  \(Self.pad(Self.index(e.index), 7))  \(Self.value(e.a)) → \(Self.value(e.b))\n"
      }
    }
    return out
  }

  private static func line(_ change: TraceComparison.ParameterChange) -> String {
    let name = shown(change.name)
    guard let shapeA = change.shapeA else { return "\(name): only in B" }
    guard let shapeB = change.shapeB else { return "\(name): only in A" }
    guard let largest = change.largest, shapeA == shapeB else {
      return "\(name): shape \(shapeA) in A, \(shapeB) in B"
    }
    return
      "\(name) \(shapeA): \(change.differing) of \(count(change.count, "element")) \(change.differing == 1 ? "differs" : "differ"); the largest change \(name)\(index(largest.index)) \(value(largest.a)) → \(value(largest.b)) (Δ \(delta(largest)))"
  }

  private static func line(_ step: TraceComparison.StepChange) -> String {
    let place =
      "step \(step.step) (t=\(step.t) \"\(shown(step.word))\", \(step.operation) → \(shown(step.name)))"
    switch step.detail {
    case .values(let differing, let count, let largest):
      return
        "\(place): \(differing) of \(count) \(count == 1 ? "value" : "values") \(differing == 1 ? "differs" : "differ"); the largest \(index(largest.index)) \(value(largest.a)) → \(value(largest.b)) (Δ \(delta(largest)))"
    case .part(let part, let a, let b):
      return "\(place): \(part) is \(shown(a)) in A, \(shown(b)) in B"
    case .missing(let inA):
      return "\(place): only in \(inA ? "B" : "A"), the other log ends before it"
    }
  }

  // MARK: - JSON Lines

  var jsonLines: String {
    let c = comparison
    var out = ByteBuffer(capacity: 4096)
    out.append("{\"type\":\"summary\",\"identical\":\(c.identical),\"a\":")
    out.appendJSON(nameA)
    out.append(",\"b\":")
    out.appendJSON(nameB)
    out.append(",\"parameters_differing\":")
    out.appendDecimal(c.parameters.count)
    out.append(",\"words_differ\":\(c.firstWordDifference != nil),\"first_step\":")
    if let step = c.firstStep { out.appendDecimal(step.step) } else { out.append("null") }
    out.append(",\"events_a\":")
    out.appendDecimal(c.eventsA)
    out.append(",\"events_b\":")
    out.appendDecimal(c.eventsB)
    out.append(",\"largest_hidden_change\":")
    if let largest = c.table.largest, c.comparesHidden {
      out.append("{\"t\":")
      out.appendDecimal(largest.t)
      out.append(",\"magnitude\":")
      out.appendJSON(Float(largest.largest.magnitude))
      out.append("}")
    } else {
      out.append("null")
    }
    out.append("}\n")
    for change in c.parameters {
      out.append("{\"type\":\"parameter\",\"name\":")
      out.appendJSON(change.name)
      out.append(",\"shape_a\":")
      Self.appendShape(change.shapeA, to: &out)
      out.append(",\"shape_b\":")
      Self.appendShape(change.shapeB, to: &out)
      out.append(",\"differing\":")
      out.appendDecimal(change.differing)
      out.append(",\"count\":")
      out.appendDecimal(change.count)
      out.append(",\"largest\":")
      Self.appendElement(change.largest, to: &out)
      out.append("}\n")
    }
    out.append("{\"type\":\"words\",\"count_a\":")
    out.appendDecimal(a.words.count)
    out.append(",\"count_b\":")
    out.appendDecimal(b.words.count)
    out.append(",\"first_difference\":")
    if let t = c.firstWordDifference {
      out.append("{\"t\":")
      out.appendDecimal(t)
      out.append(",\"a\":")
      if t <= a.words.count { out.appendJSON(a.words[t - 1]) } else { out.append("null") }
      out.append(",\"b\":")
      if t <= b.words.count { out.appendJSON(b.words[t - 1]) } else { out.append("null") }
      out.append("}")
    } else {
      out.append("null")
    }
    out.append("}\n")
    if let step = c.firstStep {
      out.append("{\"type\":\"step\",\"step\":")
      out.appendDecimal(step.step)
      out.append(",\"t\":")
      out.appendDecimal(step.t)
      out.append(",\"word\":")
      out.appendJSON(step.word)
      out.append(",\"op\":")
      out.appendJSON(step.operation)
      out.append(",\"name\":")
      out.appendJSON(step.name)
      switch step.detail {
      case .values(let differing, let count, let largest):
        out.append(",\"part\":\"values\",\"differing\":")
        out.appendDecimal(differing)
        out.append(",\"count\":")
        out.appendDecimal(count)
        out.append(",\"largest\":")
        Self.appendElement(largest, to: &out)
      case .part(let part, let valueA, let valueB):
        out.append(",\"part\":")
        out.appendJSON(part)
        out.append(",\"a\":")
        out.appendJSON(valueA)
        out.append(",\"b\":")
        out.appendJSON(valueB)
      case .missing(let inA):
        out.append(",\"part\":\"missing\",\"missing_in\":\(inA ? "\"a\"" : "\"b\"")")
      }
      out.append("}\n")
    }
    if c.comparesHidden {
      for row in c.table.rows {
        guard let row else {
          out.append("{\"type\":\"hidden_elided\"}\n")
          continue
        }
        out.append("{\"type\":\"hidden\",\"t\":")
        out.appendDecimal(row.t)
        out.append(",\"word\":")
        out.appendJSON(row.word)
        out.append(",\"magnitude\":")
        out.appendJSON(Float(row.largest.magnitude))
        out.append(",\"largest\":")
        Self.appendElement(row.largest, to: &out)
        out.append("}\n")
      }
    }
    return String(decoding: out.bytes, as: UTF8.self)
  }

  private static func appendShape(_ shape: [Int]?, to out: inout ByteBuffer) {
    if let shape { out.appendJSON(shape: shape) } else { out.append("null") }
  }

  private static func appendElement(
    _ element: TraceComparison.ElementChange?, to out: inout ByteBuffer
  ) {
    guard let element else {
      out.append("null")
      return
    }
    out.append("{\"index\":")
    out.appendJSON(shape: element.index)
    out.append(",\"a\":")
    out.appendJSON(element.a)
    out.append(",\"b\":")
    out.appendJSON(element.b)
    out.append("}")
  }

  // MARK: - Numbers and names

  /// A value as the logs write it (`null` for a non-finite one, as in the log).
  private static func value(_ x: Float) -> String { x.isFinite ? x.description : "null" }

  /// |B - A| rounded to float32, as the logs write floats; `inf` when one side is not
  /// finite.
  private static func magnitude(_ e: TraceComparison.ElementChange) -> String {
    let m = e.magnitude
    return m.isFinite ? Float(m).description : "null"
  }

  private static func delta(_ e: TraceComparison.ElementChange) -> String {
    let d = Double(e.b) - Double(e.a)
    guard d.isFinite else { return "not finite" }
    return (d > 0 ? "+" : "") + Float(d).description
  }

  private static func index(_ index: [Int]) -> String {
    "[" + index.map(String.init).joined(separator: ",") + "]"
  }

  private static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }

  private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let room = String(repeating: " ", count: max(0, width - text.count))
    return right ? room + text : text + room
  }

  /// A name or word from a file, with control characters shown, not sent.
  private static func shown(_ text: String) -> String { TerminalText.escaped(text) }
}
