import ArgumentParser
import Model
import TUI

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
      Before showing the log, recomputes it from its header (variant, parameters, \
      words, and the kernels it names, amd if none) and compares: a log that departs is refused with its first difference \
      (line, step, operation, expected, found; exit status 1), unless --no-verify, \
      which shows it as recorded under a warning. A file that is not a trace log is \
      refused with exit status 65. On a terminal the trace opens in the player (the \
      same keys as rnntrace play); in a pipe it is printed as the walkthrough.

      Examples:
        rnntrace replay trace.jsonl
        rnntrace replay --no-verify edited.jsonl
      """)

  @Argument(help: ArgumentHelp("The log to show; - for standard input.", valueName: "file"))
  var file: String

  @Flag(help: "Show a log that departs from its recomputation, under a warning.")
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
    let trace = log.trace
    let format = output.format
    try PlayCommand.play(
      PlayerContent(title: title, trace: trace), title: log.title,
      export: { try TraceExporter.export($0, whatIf: $1, title: log.title) },
      plainText: {
        var text = ""
        if let warning = log.warning { text += "WARNING: \(warning)\n\n" }
        WalkthroughText(format: format).write(
          trace, title: log.title + log.kernels.titleNote, to: &text)
        try StandardOutput.write(text)
      })
  }
}
