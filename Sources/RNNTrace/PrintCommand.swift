import ArgumentParser
import Lesson
import Model

/// `rnntrace print`: the walkthrough as plain text.
struct PrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "print",
    abstract: "Print the walkthrough as plain text, operation by operation.",
    usage: "rnntrace print [<model options>] [<lesson options>] [--precision <n>]",
    discussion: """
      Word by word, every operation with its formula, its shapes and its values, \
      printed as PyTorch prints tensors. Readable in a pipe, a file or less. \
      With no model options it prints the bundled lesson, narrative and trace, \
      chapter by chapter; model options print an ad-hoc model instead.

      Examples:
        rnntrace print                         the whole lesson
        rnntrace print --chapter 2             its second chapter
        rnntrace print --lesson my-lesson.yaml
        rnntrace print --variant raw-tanh --hidden 1 --seed 3 | less
        rnntrace print --precision 8 --sentence "to be or not to be"
        rnntrace print --weights m.safetensors --vocab vocab.txt --sentence "the dog"
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  @OptionGroup var output: PrecisionOption

  func run() throws {
    var text = ""
    let format = output.format
    if weights.isGiven {
      try weights.validate(model: model, lesson: lesson)
      let loaded = try weights.load()
      let words = try model.wordSource()
      try loaded.check(words)
      loaded.warnConversions()
      WalkthroughText(format: format).stream(loaded.model, try words.all(), title: loaded.title) {
        print($0, terminator: "")
      }
      return
    }
    if case .lesson(let loaded) = try WalkthroughSource.resolve(
      model: model, lesson: lesson, preferLesson: true)
    {
      LessonText(format: format, kernel: model.rngKernel, kernels: model.kernels).write(
        loaded, to: &text)
      try StandardOutput.write(text)
      return
    }
    let (built, words) = try model.load()
    try WalkthroughText(format: format).stream(
      built, words,
      title:
        model.walkthroughTitle + model.kernels.titleNote
    ) { try StandardOutput.write($0) }
  }
}
