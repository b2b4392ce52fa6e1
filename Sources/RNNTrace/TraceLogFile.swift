import Model
import TraceLog

/// A JSON Lines log on disk, read back as a trace to show: what `replay` prints and
/// what the player plays.
struct TraceLogFile {
  let trace: Trace
  /// The title the walkthrough or the player shows.
  let title: String
  /// Set when the log departs from its recomputation and was loaded with
  /// `verify: false`: the first difference, to show as a warning.
  let warning: String?
  /// The kernels the trace was recomputed with.
  let kernels: KernelFamily

  /// Reads and verifies the log at `path` (`-` for standard input). Throws a
  /// `CommandError`: `.data` for a malformed log (exit 65), `.checkFailed` for a log
  /// that departs from its recomputation when `verify` (exit 1), `.input` for a file
  /// that cannot be opened (exit 66); each one line naming the file and line.
  /// `kernels`, when given, replaces the header's for the recomputation.
  static func load(path: String, verify: Bool, kernels: KernelFamily? = nil) throws
    -> TraceLogFile
  {
    let source = try FileByteSource(path: path)
    let loaded: LoadedTrace
    do {
      loaded = try TraceLogLoader.load(source, verify: verify, kernels: kernels)
    } catch let error as TraceLogError {
      throw CommandError(.data, "\(source.displayName): \(error)")
    } catch let difference as TraceDifference {
      throw CommandError(
        .checkFailed,
        "\(source.displayName): \(difference); 'rnntrace replay --no-verify' plays it anyway")
    }
    let header = loaded.header
    // A claim that does not hold is not shown as the log's: no false "seed 1".
    let claim = HeaderClaims.mismatch(header)
    if let claim, verify {
      throw CommandError(
        .checkFailed,
        "\(source.displayName): \(claim); 'rnntrace replay --no-verify' plays it anyway")
    }
    var title = "Recorded trace \(source.displayName): \(header.source), \(header.variant.rawValue)"
    if let seed = header.seed, claim == nil { title += ", seed \(seed)" }
    title += ", inputs \(header.inputs), hidden \(header.hidden)"
    var warning = loaded.difference.map {
      "\(source.displayName) is not what its model computes (\($0)); it is shown as recorded"
    }
    if let claim {
      warning = (warning.map { $0 + "; and " } ?? "\(source.displayName): ") + claim
    }
    return TraceLogFile(
      trace: loaded.trace, title: title, warning: warning, kernels: kernels ?? header.kernels)
  }
}
