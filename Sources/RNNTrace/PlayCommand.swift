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
      session as an asciicast (.cast) there, Esc close a box, q quit; ?: every key, \
      the legend and a glossary.

      Where standard input or output is not a terminal, or TERM=dumb, or curses \
      cannot drive the terminal, the walkthrough is printed as `rnntrace print` \
      prints it.

      Examples:
        rnntrace                     (the same as rnntrace play)
        rnntrace play --chapter 3
        rnntrace play --lesson my-lesson.yaml
        rnntrace play --variant raw-tanh --hidden 3 --sentence "to be or not"
        rnntrace play --weights m.safetensors --vocab vocab.txt --sentence "the dog"
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    if weights.isGiven {
      try weights.validate(model: model, lesson: lesson)
      let loaded = try weights.load()
      let source = try model.wordSource()
      try loaded.check(source)
      loaded.warnConversions()
      let words = try source.all()
      let built = loaded.model
      let (title, origin) = (loaded.title, loaded.source)
      try Self.play(
        PlayerContent(title: title, trace: built.trace(words)), title: title,
        export: { try TraceExporter.export($0, title: title, source: origin) },
        plainText: {
          WalkthroughText(format: ValueFormat()).stream(built, words, title: title) {
            print($0, terminator: "")
          }
        })
      return
    }
    switch try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: true) {
    case .lesson(let loaded):
      let chapters = loaded.chapters.map { number, chapter in
        Self.playerChapter(
          chapter.run(kernel: model.rngKernel, kernels: model.kernels), number: number)
      }
      let content = PlayerContent(
        title: loaded.lesson.title, chapters: chapters,
        chapterCount: loaded.lesson.chapters.count)
      var configuration = PlayerConfiguration(export: { chapter, trace in
        try TraceExporter.export(trace, title: loaded.title(of: loaded.chapters[chapter].number))
      })
      configuration.record = { trace in
        let number = chapters.firstIndex { $0.trace.events == trace.events }
        return try SessionCastFile.target(
          title: number.map { loaded.title(of: loaded.chapters[$0].number) } ?? loaded.lesson.title,
          environment: environment)
      }
      try PlayerLauncher.run(content, configuration: configuration, environment: environment) {
        var text = ""
        LessonText(format: ValueFormat(), kernel: model.rngKernel, kernels: model.kernels)
          .write(loaded, to: &text)
        try StandardOutput.write(text)
      }
    case .adHoc:
      let (built, words) = try model.load()
      let title = model.walkthroughTitle
      let seed = model.seed
      // The trace is computed only for the player; printed, it is streamed.
      try Self.play(
        PlayerContent(title: title, trace: built.trace(words)),
        title: title,
        export: { try TraceExporter.export($0, title: title, seed: seed) },
        plainText: {
          try WalkthroughText(format: ValueFormat()).stream(
            built, words, title: title + model.kernels.titleNote
          ) {
            try StandardOutput.write($0)
          }
        })
    }
  }

  /// Opens the player with export and record keys, or prints where there is no
  /// screen. A recording is named after `title`.
  static func play(
    _ content: @autoclosure () -> PlayerContent, title: String,
    export: @escaping @Sendable (Trace) throws -> String, plainText: () throws -> Void
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    let configuration = PlayerConfiguration(
      export: { _, trace in try export(trace) },
      record: { _ in try SessionCastFile.target(title: title, environment: environment) })
    try PlayerLauncher.run(
      content(), configuration: configuration, environment: environment, plainText: plainText)
  }

  /// A chapter for the player: its trace, its introduction and its paragraphs with
  /// their values filled in.
  static func playerChapter(_ run: ChapterTrace, number: Int) -> PlayerChapter {
    var narrative: [Int: [String]] = [:]
    var introduction: [String] = []
    for paragraph in run.chapter.narrative {
      if paragraph.step == 0 {
        introduction.append(run.text(of: paragraph))
      } else {
        narrative[paragraph.step, default: []].append(run.text(of: paragraph))
      }
    }
    return PlayerChapter(
      title: run.chapter.title, trace: run.trace, narrative: narrative, number: number,
      introduction: introduction, summary: run.summary().map { [$0] } ?? [],
      code: run.chapter.code)
  }
}
