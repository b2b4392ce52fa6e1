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
      printed as PyTorch prints tensors. Readable in a pipe, a file or less; \
      a long text printed into a file shows its progress on the terminal (--quiet: not). \
      With no model options it prints the bundled lesson, narrative and trace, \
      chapter by chapter; model options print an ad-hoc model instead.

      --loss next-word|last-word goes on past the words: the prediction head's \
      scores and the loss, then the backward pass of one round, step by step from \
      the loss back to the first word, and the gradient flow ‖dL/dh_t‖ for every t. \
      With no lesson options it takes an ad-hoc model; with --lesson or --chapter, \
      the lesson's chapters, their head drawn next from each chapter's stream. A \
      chapter with steps: (the bundled rnn-learning) prints its rounds of SGD too.

      Examples:
        rnntrace print                         the whole lesson
        rnntrace print --loss last-word        the backward pass of one round
        rnntrace print --chapter 2             its second chapter
        rnntrace print --chapter 5 --loss next-word   chapter 5 goes on to the loss
        rnntrace print --lesson rnn-learning   how the RNN learns
        rnntrace print --lesson my-lesson.yaml
        rnntrace print --variant raw-tanh --hidden 1 --seed 3 | less
        rnntrace print --precision 8 --sentence "to be or not to be"
        rnntrace print --chapter 1 --set 'h0[0,0]=0.5'   (what if h_0 were 0.5)
        rnntrace print --weights m.safetensors --vocab vocab.txt --sentence "the dog"
        rnntrace print --sentence-file book.txt > book-trace.txt
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  @OptionGroup var output: PrecisionOption

  @OptionGroup(title: "What-if") var edits: EditOptions

  @Option(
    help: ArgumentHelp(
      "Go on to the loss and one backward pass: next-word or last-word.", valueName: "loss"))
  var loss: LossKind?
  @OptionGroup var progressOption: QuietOption

  func run() throws {
    var text = ""
    let format = output.format
    if loss != nil && weights.isGiven {
      throw CommandError(.usage, LossRound.withoutHead)
    }
    if let loss, !lesson.isGiven {
      // An ad-hoc model, even with no model options: --lesson or --chapter asks for one.
      let (round, applied) = try LossRound(
        model, words: try model.wordSource().all(), loss: loss
      ).applying(edits)
      let (trace, _) = round.trace()
      var title =
        "Ad-hoc model: \(model.variant.rawValue), seed \(model.seed), inputs \(model.inputs), hidden \(model.hidden); \(loss.rawValue) loss, one round"
      if !applied.isEmpty {
        title = "WHAT-IF: \(EditOptions.banner(applied, from: "the ad-hoc model")).\n\(title)"
      }
      WalkthroughText(format: format).write(trace, title: title, to: &text)
      try StandardOutput.write(text)
      return
    }
    if weights.isGiven {
      let (loaded, words, _) = try weights.loadChecked(
        model: model, lesson: lesson, edits: edits)
      try WalkthroughText(format: format).stream(
        loaded.model, try words.all(), title: loaded.printedTitle
      ) {
        try StandardOutput.write($0)
      }
      return
    }
    if case .lesson(let found) = try WalkthroughSource.resolve(
      model: model, lesson: lesson, preferLesson: true)
    {
      let loaded = try found.adding(loss: loss, kernels: model.kernelsChoice)
      var lessonText = LessonText(format: format, kernel: model.rngKernel, kernels: model.kernels)
      if !edits.isEmpty {
        let (number, run, applied) = try edits.chapter(
          of: loaded, kernel: model.rngKernel, kernels: model.kernels)
        let banner = EditOptions.banner(applied, from: "chapter \(number) as the lesson has it")
        // As in the player: the text's values come from the edited run, and the lesson's
        // own tensors take the edits where the model reads them.
        lessonText.whatIf = (
          number, run.edited(trace: run.trace, applied: applied, training: run.training),
          "WHAT-IF: \(banner). The trace follows the edit, and so do the numbers in the text; the text was written for the original."
        )
      }
      lessonText.write(loaded, to: &text)
      try StandardOutput.write(text)
      return
    }
    var (built, words) = try model.load()
    var title = model.walkthroughTitle + model.kernels.titleNote
    if !edits.isEmpty {
      let applied: [AppliedEdit]
      (built, applied) = try edits.apply(to: built)
      title = "WHAT-IF: \(EditOptions.banner(applied, from: "the ad-hoc model")).\n\(title)"
    }
    // Into a file or a pipe, a long text shows its progress on the terminal.
    let progress = ProgressDisplay.standardError(
      "print", total: words.count, quiet: progressOption.quiet, writesStandardOutput: true)
    defer { progress.finish() }
    try WalkthroughText(format: format).stream(
      built, words, title: title, progress: progress.update
    ) { try StandardOutput.write($0) }
  }
}
