import Model
import TUI
import TraceLog

/// A JSON Lines log on disk, read back to show: what `replay` prints and what the
/// player plays. The log is read through once, verified and indexed, and its events
/// are then read from the file a word at a time (`LogTrace`), so a log of any length
/// is shown in little memory.
struct TraceLogFile {
  let trace: LogTrace
  /// The title the walkthrough or the player shows.
  let title: String
  /// Set when the log was not verified (`verify: false`), or its header claims what
  /// does not hold: what to show as a warning.
  let warning: String?
  /// The kernels the trace was recomputed with.
  let kernels: KernelFamily
  /// Each neuron's least and greatest h_t over runs of words, gathered while the log was
  /// indexed, for the player's strip; nil when the forward pass has no hidden state.
  let overview: HiddenOverview?

  /// Reads, verifies and indexes the log at `path` (`-` for standard input, kept in a
  /// temporary file to be read again). Throws a `CommandError`: `.data` for a malformed
  /// log (exit 65), `.checkFailed` for a log that departs from its recomputation when
  /// `verify` (exit 1), `.input` for a file that cannot be opened (exit 66); each one
  /// line naming the file and line. `verify: false` recomputes nothing while indexing.
  /// `kernels`, when given, replaces the header's for the recomputation. A long log
  /// shows its progress on standard error unless `quiet`.
  static func load(
    path: String, verify: Bool, kernels: KernelFamily? = nil, quiet: Bool = true
  ) throws -> TraceLogFile {
    let source = try FileByteSource(path: path, rereadable: true)
    let trace: LogTrace
    var progress: ProgressDisplay?
    defer { progress?.finish() }
    var words = 0
    var overview: HiddenOverview?
    do {
      trace = try LogTrace(
        indexing: source, reading: source, verify: verify, kernels: kernels,
        started: { count in
          words = count
          progress = ProgressDisplay.standardError("replay", total: count, quiet: quiet)
        },
        progress: { progress?.update($0) },
        each: { t, h in
          if overview == nil { overview = HiddenOverview(words: max(words, t), hidden: h.count) }
          if t <= overview!.words { overview!.include(t, h) }
        })
    } catch let error as TraceLogError {
      throw CommandError(.data, "\(source.displayName): \(error)")
    } catch let difference as TraceDifference {
      throw CommandError(
        .checkFailed,
        "\(source.displayName): \(difference); 'rnntrace replay --no-verify' plays it anyway")
    }
    let header = trace.header
    overview?.includeInitial(trace.model.h0)
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
    var warning =
      verify
      ? nil
      : "\(source.displayName) is not verified (--no-verify): it is shown as recorded, without checking it against its model"
    if let claim {
      warning = (warning.map { $0 + "; and " } ?? "\(source.displayName): ") + claim
    }
    return TraceLogFile(
      trace: trace, title: title, warning: warning, kernels: kernels ?? header.kernels,
      overview: overview)
  }
}
