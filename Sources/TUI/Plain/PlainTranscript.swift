import Model

/// The player's content as plain lines, for where the screen cannot be used: output
/// to a pipe or a file, `TERM=dumb`, or a terminal curses does not know. Every step
/// in order, narrated with its numbers, as the player would show them one by one.
public enum PlainTranscript {
  public static func lines(_ content: PlayerContent) -> [String] {
    var lines = [content.title]
    for section in content.sections {
      let trace = section.trace
      let variant = trace.model.variant
      if !section.title.isEmpty { lines += ["", section.title] }
      lines.append("variant \(variant.rawValue): \(variant.formula)")
      lines.append("sentence: " + trace.words.map(TerminalText.escaped).joined(separator: " "))
      let total = section.stepCount
      var t = 0
      for (i, event) in trace.events.enumerated() {
        if event.t != t {
          t = event.t
          lines.append("")
          lines.append("t \(t)/\(section.timeSteps.count) \(Narration.quoted(event.word))")
        }
        for paragraph in section.narrative[i + 1] ?? [] {
          lines.append("  " + TerminalText.escaped(paragraph))
        }
        let narration = TerminalText.escaped(Narration.line(for: event, variant: variant))
        lines.append("  step \(i + 1)/\(total) \(event.operation.rawValue): \(narration)")
      }
    }
    return lines
  }
}
