import ArgumentParser
import Model
import TraceLog

/// `rnntrace verify`: whether a JSON Lines log is what its own header's model computes.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that a JSON Lines trace is what its model computes.",
    discussion: """
      Rebuilds the model from the log's header (variant, parameters, words), runs it, \
      and compares every event with the log's, values bit for bit as float32. Reads \
      the log a line at a time, so a log of any length is checked in little memory. \
      The products and tanh follow the kernels the header names (amd if it names \
      none), whatever this machine, so a log made on an Intel laptop verifies on an \
      AMD server.

      The header's claims are checked too: an ad-hoc model's parameters must be the \
      draws of its seed, variant and sizes, and a bundled lesson's chapter must have \
      that chapter's parameters.

      Exit status: 0 when every event matches; 1 at a claim that does not hold or at \
      the first difference, named by line, step, operation, expected and found; 65 \
      when the file is not a readable \
      trace log (the line and what is wrong with it); 66 when it cannot be opened.

      Examples:
        rnntrace verify trace.jsonl
        rnntrace export | rnntrace verify -
      """)

  @Argument(help: ArgumentHelp("The log to check; - for standard input.", valueName: "file"))
  var file: String

  @Option(
    name: .customLong("kernels"),
    help: ArgumentHelp(
      "Recompute with these kernels (amd, intel-avx512, or auto for this processor's) "
        + "instead of the log's own, which it names in its header (amd if it does not).",
      valueName: "family"))
  var kernelsChoice: KernelsChoice?

  func run() throws {
    let source = try FileByteSource(path: file)
    let name = source.displayName
    var reader = TraceLogReader(source)
    do {
      let header = try reader.readHeader()
      if let claim = HeaderClaims.mismatch(header) {
        throw CommandError(.checkFailed, "\(name): \(claim)")
      }
      var verifier: TraceVerifier
      do {
        verifier = try TraceVerifier(header: header, kernels: kernelsChoice?.family)
      } catch {
        throw TraceLogError(line: 1, error.description)
      }
      while let event = try reader.nextEvent() {
        if let difference = verifier.check(event).difference {
          throw CommandError(.checkFailed, "\(name): \(difference)")
        }
      }
      if let difference = verifier.finish(lastLine: reader.lineNumber) {
        throw CommandError(.checkFailed, "\(name): \(difference)")
      }
      let kernels = verifier.model.kernels
      let kernelsNote = kernels == .amd ? "" : ", \(kernels.rawValue) kernels"
      try StandardOutput.line(
        "\(name): verified: \(verifier.matched) events over \(verifier.wordCount) words match the recomputation (\(header.variant.rawValue)\(kernelsNote))"
      )
    } catch let error as TraceLogError {
      throw CommandError(.data, "\(name): \(error)")
    }
  }
}
