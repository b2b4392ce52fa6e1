import Model

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
    let model = trace.model
    out += "\(title)\n"
    out += "\(model.variant.formula)\n"
    out += "Sentence: \(trace.words.map(Self.escaped).joined(separator: " "))\n\n"
    out += "Parameters\n"
    for parameter in model.parameters {
      out += "  \(parameter.name) \(parameter.value.shapeDescription)\n"
      for line in format.lines(parameter.value) { out += "    \(line)\n" }
    }
    // Columns line up across the whole walkthrough, so the eye can run down them.
    let stepWidth = String(trace.events.last?.step ?? 0).count
    let operationWidth = trace.events.map(\.operation.rawValue.count).max() ?? 0
    let formulaWidth = min(trace.events.map(\.formula.count).max() ?? 0, 48)
    let indent = String(repeating: " ", count: 2 + stepWidth + 2 + operationWidth + 2)
    var currentT = 0
    for event in trace.events {
      if event.t != currentT {
        currentT = event.t
        out += "\nt = \(event.t)  word \"\(Self.escaped(event.word))\"\n"
      }
      let step = String(event.step)
      out += "  " + String(repeating: " ", count: stepWidth - step.count) + step + "  "
      out += Self.padded(event.operation.rawValue, operationWidth) + "  "
      out += Self.padded(event.formula, formulaWidth) + "  " + event.shapeSummary + "\n"
      for line in format.lines(event.result.value) { out += indent + line + "\n" }
      afterStep(event.step, &out)
    }
    out += "\nHidden states\n"
    for (t, state) in trace.hiddenStates.enumerated() {
      out += "  h_\(t) = \(format.inline(state))\n"
    }
  }

  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// A word with control characters shown as escapes, so that printing it cannot
  /// move the cursor or change the terminal's colours.
  static func escaped(_ word: String) -> String {
    var out = ""
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0x1B: out += "\\e"
      case 0x0A: out += "\\n"
      case 0x09: out += "\\t"
      case 0..<0x20, 0x7F, 0x80..<0xA0: out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
