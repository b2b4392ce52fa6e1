import Foundation
import TUI

#if canImport(Glibc)
  import Glibc
#endif

/// Where the player's record key saves: a `.cast` in the current directory named as
/// the export key names its logs, with `-2`, `-3`… added rather than replacing an
/// earlier recording. The file is written whole when the recording stops.
enum SessionCastFile {
  static func target(title: String, environment: [String: String], directory: String = ".")
    throws -> RecordingTarget
  {
    guard access(directory, W_OK) == 0 else {
      throw CommandError(
        .usage, "cannot write in \(directory == "." ? "the current directory" : directory)")
    }
    let prefix = directory == "." ? "" : directory + "/"
    let stem = String(TraceExporter.fileName(for: title, extension: "cast").dropLast(5))
    var path = prefix + stem + ".cast"
    var number = 2
    while FileManager.default.fileExists(atPath: path) {
      path = prefix + stem + "-\(number).cast"
      number += 1
    }
    let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
    return RecordingTarget(
      path: path, title: TerminalText.escaped(title), terminalType: term,
      timestamp: Int(Date().timeIntervalSince1970)
    ) { [path] cast in
      let file = try OutputFile.open(path, option: "record")
      do {
        var cast = cast
        try cast.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
        try file.commit()
      } catch {
        file.discard()
        throw error
      }
    }
  }
}
