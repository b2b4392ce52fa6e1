import Lesson
import Model

/// A lesson as plain text: each chapter's introduction, its tensors, then its trace
/// with each paragraph printed after the step it explains.
struct LessonText {
  var format: ValueFormat
  /// The generator's arithmetic for the chapters' draws (`--rng-kernel`), as the player
  /// and `export` use it: a 16-value or larger `randn` (the lesson's E) depends on it.
  var kernel: TorchGenerator.Kernel
  /// Whose products and tanh the chapters compute with (`--kernels`).
  var kernels: KernelFamily = .amd
  /// Paragraphs are wrapped to this many columns.
  var width = 80
  /// A what-if run of one chapter (`--set`) to show instead of its own, and the line
  /// that says what was changed.
  var whatIf: (number: Int, run: ChapterTrace, banner: String)?

  func write(_ loaded: LoadedLesson, to out: inout String) {
    out += "\(loaded.lesson.title)\n"
    if let summary = loaded.lesson.summary { out += wrapped(summary, indent: "") }
    for (number, chapter) in loaded.chapters {
      let edited = whatIf.flatMap { $0.number == number ? $0 : nil }
      let run = edited?.run ?? chapter.run(kernel: kernel, kernels: kernels)
      out += "\n" + String(repeating: "═", count: width) + "\n"
      out += "Chapter \(number): \(chapter.title)\n"
      if let edited { out += "\(edited.banner)\n" }
      let narrative = run.narrativeByStep(format: format)
      var walkthrough = WalkthroughText(format: format)
      walkthrough.afterStep = { step, out in
        if let code = chapter.code[step] { out += "  code: \(code)\n" }
        for (i, paragraph) in (narrative[step] ?? []).enumerated() {
          if i > 0 { out += "  │\n" }
          out += wrapped(paragraph, indent: "  │ ")
        }
      }
      var intro = ""
      for paragraph in narrative[0] ?? [] {
        intro += wrapped(paragraph, indent: "")
        intro += "\n"
      }
      out += "\n" + intro
      walkthrough.write(
        run.trace,
        title:
          "Model: \(chapter.variant.rawValue), inputs \(chapter.inputs), hidden \(chapter.hidden)\(kernels.titleNote)",
        to: &out)
      if let summary = run.summary(format: format) {
        out += "\n" + wrapped("In short: " + summary, indent: "")
      }
    }
  }

  /// `text` broken at spaces into lines of at most `width` columns, each prefixed.
  func wrapped(_ text: String, indent: String) -> String {
    var out = ""
    var line = ""
    // Counted as the line grows: a String counts its characters by walking them.
    var lineCount = 0
    let indentCount = indent.count
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordCount = word.count
      if !line.isEmpty && indentCount + lineCount + 1 + wordCount > width {
        out += indent + line + "\n"
        line = ""
        lineCount = 0
      }
      if !line.isEmpty {
        line += " "
        lineCount += 1
      }
      line += word
      lineCount += wordCount
    }
    if !line.isEmpty { out += indent + line + "\n" }
    return out
  }
}
