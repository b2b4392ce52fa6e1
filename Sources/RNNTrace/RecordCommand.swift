import ArgumentParser
import Foundation
import Lesson
import Model
import TUI

/// `rnntrace record`: the walkthrough as an asciicast, the player's screen at every
/// step with a marker naming it.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record the walkthrough as an asciicast (.cast) to play, share or put in a web page.",
    usage: "rnntrace record [<model or lesson options>] [<options>] -o <file>",
    discussion: """
      Each step of the walkthrough is drawn as the player draws it on a \
      terminal of --size, one step every --step-seconds, and written as the \
      terminal output that turns the previous screen into this one (only what \
      changed), followed by a marker naming the step. 'asciinema play \
      walkthrough.cast' plays it in a terminal; asciinema-player plays it in a \
      web page, where the markers are chapter dots on the timeline and, with \
      pauseOnMarkers, stopping points at every step (see the README).

      The colours are those the player would show on the terminal named by \
      TERM (xterm-256color where TERM is unset or dumb), which the cast's \
      header records; NO_COLOR or --no-color leaves colour out and keeps bold, \
      dim and reverse. -o is written under a temporary name and renamed when \
      complete; - writes to standard output.

      Examples:
        rnntrace record -o walkthrough.cast
        rnntrace record --chapter 2 --size 120x40 -o chapter2.cast
        rnntrace record --chapter 3 --from 5 --to 12 --step-seconds 3 -o loop.cast
        rnntrace record --seed 7 --hidden 3 --cast-version 3 -o - | gzip > a.cast.gz
        asciinema play walkthrough.cast
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("The cast file to write; - for standard output.", valueName: "file"))
  var output: String

  @Option(
    name: .customLong("cast-version"),
    help: ArgumentHelp(
      "The asciicast version: 2 (asciinema 2.x and every player; default) or 3 (asciinema 3).",
      valueName: "n"),
    transform: { text in
      guard let number = Int(text), let version = CastVersion(rawValue: number) else {
        throw ArgumentError("expected 2 or 3")
      }
      return version
    })
  var castVersion: CastVersion?

  @Option(
    help: ArgumentHelp(
      "The terminal the walkthrough is drawn on, in columns and rows (default: 100x30).",
      valueName: "COLSxROWS"),
    transform: { try RecordCommand.parseSize($0) })
  var size: ScreenSize?

  @Option(
    help: ArgumentHelp("The time each step stays on screen (default: 1.5).", valueName: "seconds"),
    transform: { try RecordCommand.parseSeconds($0) })
  var stepSeconds: Int64?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The first step to record (default: 1).", valueName: "step"),
    transform: { try RecordCommand.parseStep($0) })
  var from: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The last step to record (default: the last).", valueName: "step"),
    transform: { try RecordCommand.parseStep($0) })
  var to: Int?

  @Option(
    help: ArgumentHelp(
      "The cast's title (default: the lesson's and chapter's, or the model's).",
      valueName: "text"))
  var title: String?

  @Flag(help: "No colour sequences, as NO_COLOR asks; bold, dim and reverse stay.")
  var noColor = false

  /// A recording of more steps than this would take hours to watch; the steps are
  /// chosen with --from and --to instead.
  static let maximumSteps = 10_000

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let (content, defaultTitle) = try walkthrough()
    let steps = try chosenSteps(of: content)
    let stepCount = steps.map(\.count) ?? content.chapters.reduce(0) { $0 + $1.stepCount }
    if stepCount > Self.maximumSteps {
      throw CommandError(
        .usage,
        "the walkthrough has \(stepCount) steps, a recording at most \(Self.maximumSteps); choose some with --from and --to"
      )
    }
    var recording = WalkthroughRecording()
    recording.version = castVersion ?? .v2
    recording.size = size ?? ScreenSize(columns: 100, rows: 30)
    recording.stepMicroseconds = stepSeconds ?? 1_500_000
    recording.title = TerminalText.escaped(title ?? defaultTitle)
    let term = environment["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 }
    recording.terminalType = term ?? "xterm-256color"
    recording.palette =
      noColor
      ? TerminalPalette(depth: .monochrome)
      : TerminalPalette(terminalType: recording.terminalType!, environment: environment)

    // The output is checked first: a doomed recording should not draw anything.
    let file = try OutputFile.open(output)
    let summary: WalkthroughRecording.Summary
    do {
      var buffer = ""
      buffer.reserveCapacity(1 << 16)
      summary = try recording.record(content, steps: steps) { line in
        buffer += line
        if buffer.utf8.count >= 1 << 16 { try Self.flush(&buffer, to: file) }
      }
      try Self.flush(&buffer, to: file)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
    if let first = summary.tooSmall.first {
      let fits = summary.neededSizes.map { "\($0.columns)x\($0.rows)" }
      Main.warn(
        "\(summary.tooSmall.count) of \(summary.steps) steps (the first: step \(first.eventIndex + 1)) do not fit \(recording.size.columns)x\(recording.size.rows) and show the player's request for a larger terminal"
          + (fits.isEmpty ? "" : "; --size \(fits.joined(separator: " or ")) fits"))
    }
  }

  /// What is recorded, as the player would play it, and its title.
  private func walkthrough() throws -> (PlayerContent, String) {
    switch try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: true) {
    case .lesson(let found):
      let loaded = try found.adding(loss: nil, kernels: model.kernelsChoice)
      let chapters = loaded.chapters.map { number, _ in
        PlayCommand.playerChapter(
          loaded.run(number, kernel: model.rngKernel, kernels: model.kernels), number: number)
      }
      let title = loaded.only.map(loaded.title(of:)) ?? loaded.lesson.title
      return (
        PlayerContent(
          title: loaded.lesson.title, chapters: chapters,
          chapterCount: loaded.lesson.chapters.count), title
      )
    case .adHoc:
      let (built, words) = try model.load()
      let title = model.walkthroughTitle
      return (PlayerContent(title: title, trace: built.trace(words)), title)
    }
  }

  /// The positions (from 0) --from and --to choose, checked against the walkthrough.
  private func chosenSteps(of content: PlayerContent) throws -> ClosedRange<Int>? {
    guard from != nil || to != nil else { return nil }
    let option = from != nil ? "--from" : "--to"
    guard content.chapters.count == 1 else {
      throw CommandError(
        .usage,
        "\(option): steps are counted in a chapter and the lesson has \(content.chapters.count); choose one with --chapter 1 … \(content.chapters.count)"
      )
    }
    let count = content.chapters[0].stepCount
    let first = from ?? 1
    let last = to ?? count
    for (name, step) in [("--from", from), ("--to", to)] {
      if let step, step > count {
        throw CommandError(
          .usage,
          "\(name) \(step): the walkthrough has \(count) steps; expected 1 … \(count)")
      }
    }
    guard first <= last else {
      throw CommandError(
        .usage, "--from \(first) --to \(last): the first step comes after the last")
    }
    return (first - 1)...(last - 1)
  }

  private static func flush(_ buffer: inout String, to file: OutputFile) throws {
    try buffer.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// `100x30` (or `100×30`): at least the player's smallest screen, at most 500x200.
  static func parseSize(_ text: String) throws -> ScreenSize {
    let parts = text.lowercased().split(omittingEmptySubsequences: false) { $0 == "x" || $0 == "×" }
    let minimum = PlayerView.minimumSize
    guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]) else {
      throw ArgumentError("expected columns and rows such as 100x30")
    }
    guard (minimum.columns...500).contains(columns), (minimum.rows...200).contains(rows) else {
      throw ArgumentError(
        "expected \(minimum.columns) … 500 columns and \(minimum.rows) … 200 rows, such as 100x30")
    }
    return ScreenSize(columns: columns, rows: rows)
  }

  /// Seconds as microseconds: more than 0, at most an hour.
  static func parseSeconds(_ text: String) throws -> Int64 {
    guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 3600 else {
      throw ArgumentError("expected a number of seconds above 0 and at most 3600, such as 1.5")
    }
    return max(1, Int64((seconds * 1_000_000).rounded()))
  }

  static func parseStep(_ text: String) throws -> Int {
    guard let step = Int(text), step >= 1 else {
      throw ArgumentError("expected a step number from 1")
    }
    return step
  }
}

extension ModelOptions {
  /// What the player's header and a recording call an ad-hoc model.
  var walkthroughTitle: String {
    "Ad-hoc model: \(variant.rawValue), seed \(seed), inputs \(inputs), hidden \(hidden)"
  }
}
