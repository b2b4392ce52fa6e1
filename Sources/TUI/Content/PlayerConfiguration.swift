import Model

/// What the command hands the player besides the content.
public struct PlayerConfiguration: Sendable {
  /// Writes section `section` (its index in the content) with its trace somewhere and
  /// returns the path written; nil where the command offers no export (the status line
  /// then says so).
  public var export: (@Sendable (_ section: Int, _ trace: Trace) throws -> String)?

  public init(export: (@Sendable (_ section: Int, _ trace: Trace) throws -> String)? = nil) {
    self.export = export
  }
}
