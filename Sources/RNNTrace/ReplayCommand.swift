import ArgumentParser
import Model
import TUI
import TraceLog

#if canImport(Glibc)
  import Glibc
#endif

/// `rnntrace replay`: a recorded trace, shown after checking it.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Show a recorded JSON Lines trace, after checking it against its model.",
    usage: "rnntrace replay [--no-verify] [--kernels <family>] [<options>] <file>",
    discussion: """
      Before showing the log, reads it through once, recomputing it from its header \
      (variant, parameters, words, and the kernels it names, amd if none) and \
      comparing, while it notes where each word's lines start: a log that departs is \
      refused with its first difference (line, step, operation, expected, found; exit \
      status 1). The words shown are then read back from the file a word at a time \
      (in a pipe, a million-word log prints in flat memory); on a terminal, the \
      first pass shows its progress (--quiet: not). A log from standard input is kept in a temporary \
      file to be read again.

      --no-verify skips the recomputation (the pass still reads and indexes every \
      line, and refuses a line that is not an event): the log is shown as recorded \
      under a warning, each word recomputed where it agrees with the file and as the \
      file has it where it does not. A file that is not a trace log is refused with \
      exit status 65. On a terminal the trace opens in the player (the same keys as \
      rnntrace play); in a pipe it is printed as the walkthrough.

      Examples:
        rnntrace replay trace.jsonl
        rnntrace replay --no-verify edited.jsonl
      """)

  @Argument(help: ArgumentHelp("The log to show; - for standard input.", valueName: "file"))
  var file: String

  @Flag(
    help:
      "Do not recompute the log to check it (still indexed); show it as recorded, under a warning."
  )
  var noVerify = false

  @Option(
    name: .customLong("kernels"),
    help: ArgumentHelp(
      "Recompute with these kernels (amd, intel-avx512, or auto for this processor's) "
        + "instead of the log's own, which it names in its header (amd if it does not).",
      valueName: "family"))
  var kernelsChoice: KernelsChoice?

  @OptionGroup var output: PrecisionOption

  @OptionGroup var progressOption: QuietOption

  func run() throws {
    let log = try TraceLogFile.load(
      path: file, verify: !noVerify, kernels: kernelsChoice?.family,
      quiet: progressOption.quiet)
    if let warning = log.warning { Main.warn(warning) }
    // An unverified log says so in the player's header, where it stays in sight.
    let title = log.warning == nil ? log.title : "UNVERIFIED — \(log.title)"
    let format = output.format
    // A round with its loss: its head, for the export's header and for a what-if's round.
    let header = log.trace.header
    let learner = header.loss.flatMap { loss in
      (try? PredictionHead(header: header)).flatMap {
        try? Learner(model: log.trace.model, head: $0, words: header.words, loss: loss)
      }
    }
    let loss = learner.map { ($0.head, $0.loss) }
    try PlayCommand.play(
      // Built only when the player opens (not in a pipe).
      {
        var chapter = PlayerChapter(title: "", trace: Self.playerTrace(log))
        chapter.learner = learner
        return PlayerContent(title: title, chapters: [chapter])
      }(),
      title: log.title,
      export: { try TraceExporter.export($0, whatIf: $1, title: log.title, loss: loss) },
      plainText: {
        if let warning = log.warning { try StandardOutput.write("WARNING: \(warning)\n\n") }
        try WalkthroughText(format: format).stream(
          log.trace, title: log.title + log.kernels.titleNote, emit: StandardOutput.write)
      })
  }

  /// The trace the player reads: a log's words read back from its file a word at a
  /// time, its strip the overview gathered while it was indexed. A round with its loss
  /// (and the backward pass) is held whole.
  static func playerTrace(_ log: TraceLogFile) -> PlayerTrace {
    let trace = log.trace
    guard trace.header.loss == nil, let overview = log.overview,
      trace.events.source.groupCount == trace.words.count, !trace.words.isEmpty
    else { return PlayerTrace(trace.whole()) }
    // Every word of a verified log makes the same events.
    let perWord = trace.index.verified ? trace.events.source.groupRange(0).count : nil
    return PlayerTrace(
      model: trace.model, words: trace.words, events: trace.events, eventsPerWord: perWord,
      hiddenState: { trace.hiddenState($0) }, overview: overview)
  }
}
