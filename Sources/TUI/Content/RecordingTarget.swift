/// Where the player's record key saves a recording, as the command decides: the file
/// it will be, what its header says, and how to write it once the recording stops.
public struct RecordingTarget: Sendable {
  /// The file, for the status line.
  public var path: String
  public var title: String
  /// The terminal type the header names (`TERM`).
  public var terminalType: String?
  /// When the recording began (seconds since 1970).
  public var timestamp: Int?
  /// Writes the whole cast to `path`, atomically.
  public var save: @Sendable (String) throws -> Void

  public init(
    path: String, title: String, terminalType: String?, timestamp: Int?,
    save: @escaping @Sendable (String) throws -> Void
  ) {
    self.path = path
    self.title = title
    self.terminalType = terminalType
    self.timestamp = timestamp
    self.save = save
  }
}
