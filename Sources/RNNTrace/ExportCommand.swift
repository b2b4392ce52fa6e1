import ArgumentParser
import Model

/// `rnntrace export`: the trace as a log file for other tools.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the trace as a log: JSON Lines for jq, pandas or any language.",
    discussion: """
      Every operation becomes one line of JSON after a header line that holds the
      model's parameters; docs/trace-format.md describes the format. A file named
      with -o is written under a temporary name and renamed when complete, so an
      existing file is replaced whole or not at all.

      Examples:
        rnntrace export --format jsonl -o trace.jsonl
        rnntrace export --variant linear --seed 12 --hidden 1 | jq -c 'select(.op == "hidden_state") | .value'
        rnntrace export --seed 7 --inputs 4 --hidden 2 --sentence "the dog jumped over a" -o -
      """)

  @OptionGroup var model: ModelOptions

  @Option(help: "The log format: jsonl.")
  var format: TraceFormat = .jsonl

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    // The output is checked first: a doomed export should not compute anything.
    let file = try OutputFile.open(output)
    let model: RNNModel
    do {
      model = try self.model.build()
    } catch {
      file.discard()
      throw error
    }
    var listener = EncodingListener(encoder: format.encoder, output: file)
    let words = self.model.words
    listener.begin(
      TraceHeader(model: model, words: words, seed: self.model.seed, source: "ad-hoc model"))
    var run = RNNRun(model: model, listener: listener)
    for word in words {
      _ = run.read(word)
      if run.tracer.listener.failure != nil { break }
    }
    listener = run.tracer.listener
    do {
      try listener.finish()
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }
}

/// The log formats `export` writes.
enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
  case jsonl

  var encoder: JSONLinesEncoder { JSONLinesEncoder() }
}
