import Model

#if canImport(Glibc)
  import Glibc
#endif

/// What the command hands the player besides the content.
public struct PlayerConfiguration: Sendable {
  /// Writes chapter `chapter` (its index in the content) with its trace somewhere and
  /// returns the path written; nil where the command offers no export (the status line
  /// then says so). A chapter the learner edited comes with its edited trace and the
  /// what-if, for the log's header.
  public var export:
    (@Sendable (_ chapter: Int, _ trace: PlayerTrace, _ whatIf: WhatIfRecord?) throws -> String)?
  /// Says where a recording of the session, begun on the chapter playing `PlayerTrace`,
  /// will go; nil where the command offers no recording.
  public var record: (@Sendable (PlayerTrace) throws -> RecordingTarget)?
  /// Seconds on a clock that only goes forward: what a recording is timed by.
  public var clock: @Sendable () -> Double
  /// Whether the player opens with the quiz on (`play --quiz`).
  public var quiz = false

  public init(
    export: (
      @Sendable (_ chapter: Int, _ trace: PlayerTrace, _ whatIf: WhatIfRecord?) throws -> String
    )? = nil,
    record: (@Sendable (PlayerTrace) throws -> RecordingTarget)? = nil,
    clock: @escaping @Sendable () -> Double = PlayerConfiguration.monotonicSeconds
  ) {
    self.export = export
    self.record = record
    self.clock = clock
  }

  /// The monotonic clock, in seconds.
  public static let monotonicSeconds: @Sendable () -> Double = {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
