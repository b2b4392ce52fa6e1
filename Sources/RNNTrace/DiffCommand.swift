import ArgumentParser
import Model
import TraceLog

/// `rnntrace diff`: what differs between two JSON Lines logs.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what differs between two JSON Lines traces.",
    discussion: """
      Most useful first: the parameters that differ (name, how many elements, the \
      largest change), the words, the first step whose result differs, then the \
      largest |Δh_t| of each time step (for a log of more than \
      \(HiddenChangeTable.fullRows) words, the first \(HiddenChangeTable.headRows), \
      the \(HiddenChangeTable.topRows) largest and the last, with … for the rest). \
      Values compare bit for bit as float32 and print as the logs write them. Both \
      logs are read a line at a time, side by side, so logs of any length compare in \
      little memory.

      --format jsonl writes the same findings as JSON Lines: a summary first \
      ({"type":"summary","identical":…}), then one line for each parameter, the \
      words, the first differing step and each row of the table.

      Exit status: 0 when the numbers are identical (parameters, words and every \
      event); 1 when they differ; 65 when a log is not a readable trace (the file, \
      the line and what is wrong); 66 when a file cannot be opened.

      Examples:
        rnntrace diff before.jsonl after.jsonl
        rnntrace export --seed 8 | rnntrace diff trace.jsonl -
        rnntrace diff --format jsonl a.jsonl b.jsonl | head -1 | jq .
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
  }

  @Argument(help: ArgumentHelp("The first log (A); - for standard input.", valueName: "a"))
  var a: String

  @Argument(help: ArgumentHelp("The second log (B); - for standard input.", valueName: "b"))
  var b: String

  @Option(help: "text, for people, or jsonl, one JSON object a line.")
  var format: Format = .text

  func run() throws {
    if a == "-" && b == "-" {
      throw CommandError(.usage, "diff: only one of the two logs can be standard input (-)")
    }
    let sourceA = try FileByteSource(path: a)
    let sourceB = try FileByteSource(path: b)
    let comparison: TraceComparison
    do {
      comparison = try TraceLogDiff.compare(sourceA, sourceB)
    } catch {
      let name = error.inA ? sourceA.displayName : sourceB.displayName
      if let command = error.underlying as? CommandError { throw command }
      throw CommandError(.data, "\(name): \(error.underlying)")
    }
    let report = DiffReport(
      comparison, nameA: sourceA.displayName, nameB: sourceB.displayName)
    try StandardOutput.write(format == .text ? report.text : report.jsonLines)
    if !comparison.identical { throw ExitCode(1) }
  }
}
