import ArgumentParser
import Foundation
import Lesson
import Model
import TUI

/// `rnntrace play`: the player, on the bundled lesson or an ad-hoc model.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Step through the RNN one operation at a time, in the terminal.",
    usage: "rnntrace play [<model options>] [<lesson options>]",
    discussion: """
      With no model options it plays the bundled lesson, chapter by chapter, with \
      its narrative beside the computation; model options play an ad-hoc model.

      Keys: → or n the next operation (at a chapter's end, the next chapter), ← the \
      previous one, PgDn/PgUp the next or previous word, ] and [ the next or \
      previous chapter, c a menu of the chapters, i the chapter's introduction \
      again, } and { the narrative a \
      page down or up, Space play and pause, d drill into a product, e export the \
      trace as JSON Lines into the current directory, r start and stop recording the \
      session as an asciicast (.cast) there, / search for a step (tanh, word over, \
      t 4, h[0] < 0, sign h[0], |h| > 0.9) and > or < its next or previous match, a the quiz \
      (guess each result before it shows), Esc \
      close a box, q quit; ?: every key, the legend and a glossary.

      Where standard input or output is not a terminal, or TERM=dumb, or curses \
      cannot drive the terminal, the walkthrough is printed as `rnntrace print` \
      prints it.

      Examples:
        rnntrace                     (the same as rnntrace play)
        rnntrace play --chapter 3
        rnntrace play --lesson my-lesson.yaml
        rnntrace play --variant raw-tanh --hidden 3 --sentence "to be or not"
        rnntrace play --loss last-word   (on to the loss and back through time)
        rnntrace play --chapter 1 --set 'h0[0,0]=0.5'   (what if h_0 were 0.5)
        rnntrace play --quiz --chapter 2   (guess each result first)
        rnntrace play --weights m.safetensors --vocab vocab.txt --sentence "the dog"
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  @Option(
    help: ArgumentHelp(
      "Go on to the loss and one backward pass: next-word or last-word.", valueName: "loss"))
  var loss: LossKind?
  @OptionGroup(title: "What-if") var edits: EditOptions

  @Flag(
    help:
      "Predict, then reveal: each result stays hidden until you guess it (a turns this on and off)."
  )
  var quiz = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    if loss != nil && !edits.isEmpty {
      throw CommandError(.usage, LossRound.withEdits)
    }
    if let loss {
      try playWithLoss(loss)
      return
    }
    if weights.isGiven {
      let (loaded, source, _) = try weights.loadChecked(
        model: model, lesson: lesson, edits: edits)
      let words = try source.all()
      let built = loaded.model
      let (title, origin) = (loaded.title, loaded.source)
      try Self.play(
        PlayerContent(title: title, trace: built.trace(words)), title: title,
        export: { try TraceExporter.export($0, title: title, source: origin) },
        plainText: {
          try WalkthroughText(format: ValueFormat()).stream(built, words, title: title) {
            try StandardOutput.write($0)
          }
        })
      return
    }
    switch try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: true) {
    case .lesson(let loaded):
      let whatIf =
        edits.isEmpty
        ? nil : try edits.chapter(of: loaded, kernel: model.rngKernel, kernels: model.kernels)
      let banner = whatIf.map {
        "what-if: \(EditOptions.banner($0.applied, from: "chapter \($0.number) as the lesson has it"))"
      }
      let chapters = loaded.chapters.map { number, chapter in
        if let whatIf, whatIf.number == number {
          return Self.playerChapter(whatIf.run, number: number)
        }
        return Self.playerChapter(
          chapter.run(kernel: model.rngKernel, kernels: model.kernels), number: number)
      }
      // A what-if says so first, where the header does not cut it off; the chapter's
      // title, after it, says what it was edited from.
      let content = PlayerContent(
        title: whatIf.map { "what-if: \($0.applied.map(\.description).joined(separator: ", "))" }
          ?? loaded.lesson.title,
        chapters: chapters, chapterCount: loaded.lesson.chapters.count)
      var configuration = PlayerConfiguration(export: { chapter, trace in
        let number = loaded.chapters[chapter].number
        let title = loaded.title(of: number)
        if let whatIf, let banner, number == whatIf.number {
          return try TraceExporter.export(
            trace, title: "\(banner), \(title)", edits: whatIf.applied)
        }
        return try TraceExporter.export(trace, title: title)
      })
      configuration.quiz = quiz
      configuration.record = { trace in
        let number = chapters.firstIndex { $0.trace.events == trace.events }
        return try SessionCastFile.target(
          title: number.map { loaded.title(of: loaded.chapters[$0].number) } ?? loaded.lesson.title,
          environment: environment)
      }
      try PlayerLauncher.run(content, configuration: configuration, environment: environment) {
        var text = ""
        var lessonText = LessonText(
          format: ValueFormat(), kernel: model.rngKernel, kernels: model.kernels)
        if let whatIf, let banner { lessonText.whatIf = (whatIf.number, whatIf.run, banner) }
        lessonText.write(loaded, to: &text)
        try StandardOutput.write(text)
      }
    case .adHoc:
      var (built, words) = try model.load()
      var title = model.walkthroughTitle
      let seed = model.seed
      var applied: [AppliedEdit] = []
      if !edits.isEmpty {
        (built, applied) = try edits.apply(to: built)
        title = "what-if: \(EditOptions.banner(applied, from: "the ad-hoc model")). \(title)"
      }
      let (playTitle, playEdits) = (title, applied)
      // The trace is computed only for the player; printed, it is streamed.
      try Self.play(
        PlayerContent(title: playTitle, trace: built.trace(words)), title: playTitle, quiz: quiz,
        export: { try TraceExporter.export($0, title: playTitle, seed: seed, edits: playEdits) },
        plainText: {
          try WalkthroughText(format: ValueFormat()).stream(
            built, words, title: title + model.kernels.titleNote
          ) {
            try StandardOutput.write($0)
          }
        })
    }
  }

  /// An ad-hoc model's round: the forward pass, the loss, then the backward pass, each
  /// backward operation a step with the gradient flow ‖dL/dh_t‖ beside it.
  private func playWithLoss(_ loss: LossKind) throws {
    if lesson.isGiven || weights.isGiven {
      throw CommandError(
        .usage,
        "--loss: a lesson's chapter has no prediction head to score the next word; use --loss with model options (an ad-hoc model, as 'rnntrace train' draws it)"
      )
    }
    let round = try LossRound(model, words: try model.wordSource().all(), loss: loss)
    let (trace, _) = round.trace()
    let title = model.walkthroughTitle + "; \(loss.rawValue) loss, one round"
    let seed = model.seed
    let head = round.head
    try Self.play(
      PlayerContent(title: title, trace: trace), title: title,
      export: { try TraceExporter.export($0, title: title, seed: seed, loss: (head, loss)) },
      plainText: {
        var text = ""
        WalkthroughText(format: ValueFormat()).write(trace, title: title, to: &text)
        try StandardOutput.write(text)
      })
  }

  /// Opens the player with export and record keys, or prints where there is no
  /// screen. A recording is named after `title`.
  static func play(
    _ content: @autoclosure () -> PlayerContent, title: String, quiz: Bool = false,
    export: @escaping @Sendable (Trace) throws -> String, plainText: () throws -> Void
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    var configuration = PlayerConfiguration(
      export: { _, trace in try export(trace) },
      record: { _ in try SessionCastFile.target(title: title, environment: environment) })
    configuration.quiz = quiz
    try PlayerLauncher.run(
      content(), configuration: configuration, environment: environment, plainText: plainText)
  }

  /// A chapter for the player: its trace, its introduction and its paragraphs with
  /// their values filled in.
  static func playerChapter(_ run: ChapterTrace, number: Int) -> PlayerChapter {
    var narrative = run.narrativeByStep()
    let introduction = narrative.removeValue(forKey: 0) ?? []
    return PlayerChapter(
      title: run.chapter.title, trace: run.trace, narrative: narrative, number: number,
      introduction: introduction, summary: run.summary().map { [$0] } ?? [],
      code: run.chapter.code)
  }
}
