import Model

/// What the command hands the player besides the content.
public struct PlayerConfiguration: Sendable {
  /// Writes the trace somewhere and returns the path written; nil where the command
  /// offers no export (the status line then says so).
  public var export: (@Sendable (Trace) throws -> String)?

  public init(export: (@Sendable (Trace) throws -> String)? = nil) {
    self.export = export
  }
}
