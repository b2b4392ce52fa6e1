#if canImport(Glibc)
  import Glibc
#endif

/// Opens the player on the terminal, or prints the plain transcript where a screen
/// cannot be used.
public enum PlayerLauncher {
  /// Where the player goes.
  public enum Mode: Equatable, Sendable {
    case screen
    /// Plain text, and why (for tests and for a note on stderr).
    case plain(reason: String)
  }

  /// The screen needs a terminal at both ends and a terminal type that can address the
  /// cursor.
  public static func mode(
    stdinIsTerminal: Bool, stdoutIsTerminal: Bool, environment: [String: String]
  ) -> Mode {
    if !stdoutIsTerminal { return .plain(reason: "standard output is not a terminal") }
    if !stdinIsTerminal { return .plain(reason: "standard input is not a terminal") }
    let term = environment["TERM"] ?? ""
    if term.isEmpty { return .plain(reason: "TERM is not set") }
    if term == "dumb" { return .plain(reason: "TERM=dumb") }
    return .screen
  }

  /// Plays `content` on the terminal where it can; elsewhere calls `plainText`, which
  /// prints the same content as text (its errors pass through). When curses cannot start on what looked like a
  /// terminal, says why on stderr.
  /// `content` is made only when the player opens: in a pipe, `plainText` may print a
  /// long walkthrough without the whole trace in memory.
  public static func run(
    _ content: @autoclosure () throws -> PlayerContent,
    configuration: PlayerConfiguration = PlayerConfiguration(),
    environment: [String: String], plainText: () throws -> Void
  ) rethrows {
    let mode = mode(
      stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1,
      environment: environment)
    if mode == .screen {
      // Made before the screen is taken, so that an error in it reads as any other.
      let content = try content()
      do {
        let terminal = try CursesTerminal(environment: environment)
        let final = PlayerLoop(configuration: configuration).run(content, on: terminal)
        terminal.stop()
        if let note = final.closingNote { writeError("rnntrace: \(note)") }
        return
      } catch {
        writeError("rnntrace: \(error); printing the steps instead")
      }
    }
    try plainText()
  }

  static func writeError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
  }
}
