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
      let run = edited?.run ?? loaded.run(number, kernel: kernel, kernels: kernels)
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
      let lossNote = run.training.map { "; \($0.loss.kind.rawValue) loss, one round" } ?? ""
      walkthrough.write(
        run.trace,
        title:
          "Model: \(chapter.variant.rawValue), inputs \(chapter.inputs), hidden \(chapter.hidden)"
          + (run.training == nil ? kernels.titleNote : lossNote),
        to: &out)
      if let training = run.training { out += trainingText(training) }
      if let summary = run.summary(format: format) {
        out += "\n" + wrapped("In short: " + summary, indent: "")
      }
    }
  }

  /// After a chapter with a loss: its SGD rounds (the loss of each, a curve) when it runs
  /// them, and what the model predicts after each word, before and after them.
  func trainingText(_ training: ChapterTrace.Training) -> String {
    var out = ""
    if let run = training.run {
      out +=
        "\nTraining: \(run.losses.count) round\(run.losses.count == 1 ? "" : "s") of plain SGD, lr \(run.learningRate)"
      out += "; the loss before each round's update\n round  loss\n"
      for k in Self.shownRounds(run.losses.count) {
        out += TrainingOutput.pad(String(k), 6) + "  " + TrainingOutput.format(run.losses[k - 1])
        out += "\n"
      }
      out += " after  " + TrainingOutput.format(run.lossAfter) + "\n"
      out += TrainingOutput(result: run, title: "").curve()
    }
    func predictions(_ learner: Learner, _ heading: String) {
      let items = Predictions(learner).items
      let right = items.count { $0.guess == $0.truth }
      out += "\n\(heading) (\(right) of \(items.count) right):\n"
      for item in items {
        let mark = item.guess == item.truth ? "right" : "wrong, the next word is \(item.truth)"
        out +=
          "  after \"\(item.read)\": \(item.guess)  p(\(item.truth)) = "
          + "\(format.string(item.probability))  (\(mark))\n"
      }
    }
    predictions(training.learner, "Predictions of the model as drawn")
    if let run = training.run { predictions(run.learner, "Predictions after the last round") }
    return out
  }

  /// The rounds the table lists: all of up to 20, else the first five, then every
  /// multiple of a round step (1, 2 or 5 times a power of ten; about 15 of them) and
  /// the last.
  static func shownRounds(_ count: Int) -> [Int] {
    guard count > 20 else { return Array(1...count) }
    var scale = 1
    var step = 1
    while count / step > 15 {
      step = [1, 2, 5].map { $0 * scale }.first { count / $0 <= 15 } ?? 10 * scale
      scale *= 10
    }
    let spaced = stride(from: step, through: count, by: step).filter { $0 > 5 }
    return Array(Set([1, 2, 3, 4, 5] + spaced + [count])).sorted()
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
