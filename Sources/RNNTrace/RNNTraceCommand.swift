import ArgumentParser
import Model
import TUI

#if canImport(Glibc)
  import Glibc
#endif

/// `rnntrace`: the root command.
struct RNNTraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rnntrace",
    abstract: "Step through how a recurrent neural network computes its hidden states.",
    // Paragraphs are single lines (a trailing backslash joins source lines) so that the
    // parser wraps them to the terminal; example lines stay under 80 columns.
    discussion: """
      The numbers are PyTorch's own: the same seeds give the same tensors as \
      torch.manual_seed with torch.randn and nn.Linear.

      Examples:
        rnntrace                        the player (as text in a pipe)
        rnntrace print                  the walkthrough as text
        rnntrace export -o trace.jsonl  the trace as a log (also .csv, .json)
        rnntrace verify trace.jsonl     check a log against its model
        rnntrace replay trace.jsonl     show a recorded trace
        rnntrace train --steps 50       learn to predict each next word
        rnntrace diff a.jsonl b.jsonl   what differs between two logs
        rnntrace print --variant linear --seed 12 --inputs 4 --hidden 1
      """,
    version: "0.1.0",
    subcommands: [
      PlayCommand.self, PrintCommand.self, ExportCommand.self, VerifyCommand.self,
      ReplayCommand.self, LessonsCommand.self, RecordCommand.self, TrainCommand.self,
      DiffCommand.self,
    ],
    // On a terminal the player; in a pipe, play prints the walkthrough as print does.
    defaultSubcommand: PlayCommand.self
  )
}

/// Runs the command, reporting every error as one line with a meaningful status:
/// 0 success, 1 a check failed, 64 a usage error, 65 bad input data, 66 an input file
/// that cannot be read, 74 output that could not be written.
@main
enum Main {
  static func main() {
    ProcessSignals.makeCrashReportsNonInteractive()
    ProcessSignals.install()
    StandardOutput.reserveStandardDescriptors()
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      var command = try RNNTraceCommand.parseAsRoot(arguments)
      try command.run()
      try StandardOutput.close()
    } catch let error as CommandError {
      fail(error.description, status: error.status)
    } catch let code as ExitCode {
      // A status that says something without an error: diff's 1 for logs that differ,
      // after its findings are written (and checked) like any other output.
      do {
        try StandardOutput.close()
      } catch {
        fail("\(error)", status: 74)
      }
      exit(code.rawValue)
    } catch {
      let status = RNNTraceCommand.exitCode(for: error)
      if status == .success {
        // --help and --version, checked like any other output.
        do {
          let text = RNNTraceCommand.fullMessage(for: error)
          if !text.isEmpty { try StandardOutput.line(text) }
          try StandardOutput.close()
        } catch {
          fail("\(error)", status: 74)
        }
        exit(0)
      }
      let message = RNNTraceCommand.message(for: error)
      let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
      let subcommand =
        arguments.first { !$0.hasPrefix("-") }.flatMap {
          [
            "play", "print", "export", "verify", "replay", "lessons", "record", "train", "diff",
          ].contains($0)
            ? " \($0)" : nil
        } ?? ""
      fail("\(firstLine) (see 'rnntrace\(subcommand) --help')", status: status.rawValue)
    }
  }

  static func fail(_ message: String, status: Int32) -> Never {
    // What was printed before the error still goes out, ahead of it.
    if status != 74 { try? StandardOutput.flush() }
    var line = "rnntrace: error: \(oneLine(message))\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
  }

  /// A warning on standard error, one line, for something the user chose to accept.
  static func warn(_ message: String) {
    var line = "rnntrace: warning: \(oneLine(message))\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  }

  /// A message quoting a file's content may hold any character: control characters
  /// are shown as escapes so the error stays one line and cannot drive the terminal.
  static func oneLine(_ message: String) -> String {
    TerminalText.escaped(message)
  }
}
