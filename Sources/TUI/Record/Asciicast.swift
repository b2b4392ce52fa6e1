/// asciinema's file format: a JSON header line, then one event per line, each a JSON
/// array `[time, code, data]`: `"o"` output, `"m"` a marker, `"r"` a resize.
///
/// Version 2 gives each event's time in seconds from the start; version 3 gives the
/// interval since the previous event, and the terminal's size and type in a `term`
/// object. See docs.asciinema.org/manual/asciicast/v2 and …/v3.
public enum CastVersion: Int, Sendable, CaseIterable {
  case v2 = 2
  case v3 = 3
}

/// What the header of a cast says.
public struct CastHeader: Sendable {
  public var version: CastVersion
  public var size: ScreenSize
  public var title: String?
  /// The terminal type the output was made for (`TERM`).
  public var terminalType: String?
  /// Players shorten any pause longer than this, in microseconds.
  public var idleTimeLimit: Int64?
  /// When the recording began (seconds since 1970), for a live one.
  public var timestamp: Int?

  public init(
    version: CastVersion, size: ScreenSize, title: String? = nil, terminalType: String? = nil,
    idleTimeLimit: Int64? = nil, timestamp: Int? = nil
  ) {
    self.version = version
    self.size = size
    self.title = title
    self.terminalType = terminalType
    self.idleTimeLimit = idleTimeLimit
    self.timestamp = timestamp
  }
}

/// Writes a cast's lines. Times are whole microseconds from the start, so that a v3
/// cast's intervals add up to exactly the times given.
public struct CastWriter: Sendable {
  public let header: CastHeader
  /// The time of the last event written.
  public private(set) var time: Int64 = 0

  public init(header: CastHeader) { self.header = header }

  /// The header line, newline included.
  public var headerLine: String {
    var fields = ["\"version\": \(header.version.rawValue)"]
    let term = header.terminalType.map { CastWriter.quoted($0) }
    switch header.version {
    case .v2:
      fields += ["\"width\": \(header.size.columns)", "\"height\": \(header.size.rows)"]
    case .v3:
      var terminal = ["\"cols\": \(header.size.columns)", "\"rows\": \(header.size.rows)"]
      if let term { terminal.append("\"type\": \(term)") }
      fields.append("\"term\": {" + terminal.joined(separator: ", ") + "}")
    }
    if let timestamp = header.timestamp { fields.append("\"timestamp\": \(timestamp)") }
    if let limit = header.idleTimeLimit {
      fields.append("\"idle_time_limit\": \(CastWriter.seconds(limit))")
    }
    if let title = header.title { fields.append("\"title\": \(CastWriter.quoted(title))") }
    if let term { fields.append("\"env\": {\"TERM\": \(term)}") }
    return "{" + fields.joined(separator: ", ") + "}\n"
  }

  /// An output event: what the terminal received at `time`.
  public mutating func output(_ text: String, at time: Int64) -> String {
    event("o", text, at: time)
  }

  /// A marker at `time`, labelled (a player's chapter dot and stopping point).
  public mutating func marker(_ label: String, at time: Int64) -> String {
    event("m", label, at: time)
  }

  /// The terminal took a new size at `time`.
  public mutating func resize(_ size: ScreenSize, at time: Int64) -> String {
    event("r", "\(size.columns)x\(size.rows)", at: time)
  }

  /// One event line. A time before the last event's is taken as the last one's: the
  /// times of a cast never go back.
  private mutating func event(_ code: String, _ data: String, at time: Int64) -> String {
    let time = max(time, self.time)
    let stamp = header.version == .v2 ? time : time - self.time
    self.time = time
    return "[\(CastWriter.seconds(stamp)), \"\(code)\", \(CastWriter.quoted(data))]\n"
  }

  /// `1500000` → `1.5`; `0` → `0.0`: seconds with at most six decimals.
  static func seconds(_ microseconds: Int64) -> String {
    let whole = microseconds / 1_000_000
    var fraction = String(microseconds % 1_000_000)
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(whole).\(fraction)"
  }

  /// `text` as a JSON string. Every control character is escaped (Esc as `\u001b`),
  /// and so are U+2028 and U+2029, which end a line in JavaScript: a cast may be
  /// pasted into a page.
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x00..<0x20, 0x7F, 0x2028, 0x2029:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
