import Foundation

/// An asciicast read back for the tests, each line checked as JSON: a header object,
/// then events `[time, code, data]` whose times never go back.
struct CastFile {
  struct Problem: Error, CustomStringConvertible {
    let description: String
  }

  struct Event {
    /// From the start of the recording, in microseconds (a v3 cast's intervals added up).
    var time: Int64
    /// The time as written: absolute in v2, the interval since the last event in v3.
    var written: Double
    var code: String
    var data: String
  }

  let header: [String: Any]
  let version: Int
  let columns: Int
  let rows: Int
  let events: [Event]

  var markers: [Event] { events.filter { $0.code == "m" } }

  init(_ text: String) throws {
    guard text.hasSuffix("\n") else { throw Problem(description: "the last line has no newline") }
    let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first,
      let header = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
    else { throw Problem(description: "the first line is not a JSON object") }
    self.header = header
    guard let version = header["version"] as? Int, version == 2 || version == 3 else {
      throw Problem(description: "version \(header["version"] ?? "none")")
    }
    self.version = version
    if version == 2 {
      columns = header["width"] as? Int ?? 0
      rows = header["height"] as? Int ?? 0
    } else {
      let term = header["term"] as? [String: Any]
      columns = term?["cols"] as? Int ?? 0
      rows = term?["rows"] as? Int ?? 0
    }
    guard columns > 0, rows > 0 else { throw Problem(description: "no size in \(first)") }
    var events: [Event] = []
    var time: Int64 = 0
    for (number, line) in lines.dropFirst().enumerated() {
      let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
      guard let array = parsed as? [Any], array.count == 3,
        let stamp = (array[0] as? NSNumber)?.doubleValue, stamp >= 0,
        let code = array[1] as? String, let data = array[2] as? String,
        ["o", "m", "r"].contains(code)
      else { throw Problem(description: "line \(number + 2) is not an event: \(line)") }
      let micro = Int64((stamp * 1_000_000).rounded())
      if version == 2 {
        guard micro >= time else { throw Problem(description: "line \(number + 2) goes back") }
        time = micro
      } else {
        time += micro
      }
      events.append(Event(time: time, written: stamp, code: code, data: data))
    }
    self.events = events
  }

  /// Plays the cast into an emulator, calling `atMarker` with each marker's index and
  /// the screen at that moment; returns the screen at the end.
  @discardableResult
  func replay(atMarker: (Int, Event, TerminalEmulator) -> Void = { _, _, _ in })
    -> TerminalEmulator
  {
    var screen = TerminalEmulator(columns: columns, rows: rows)
    var marker = 0
    for event in events {
      switch event.code {
      case "o": screen.feed(event.data)
      case "r":
        let size = event.data.split(separator: "x").compactMap { Int($0) }
        if size.count == 2 { screen.resize(columns: size[0], rows: size[1]) }
      default:
        atMarker(marker, event, screen)
        marker += 1
      }
    }
    return screen
  }
}
