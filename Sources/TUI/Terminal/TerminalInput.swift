/// What a terminal reports to the player's loop.
public enum TerminalInput: Equatable, Sendable {
  case key(Key)
  /// The terminal changed size (already known to the terminal).
  case resize(ScreenSize)
  /// The wait for a key ran out: time for the next autoplay step.
  case timeout
  /// Something that means nothing to the player (an unmapped key, a mouse event).
  case ignored
  /// The terminal is gone (hung up, or input at its end): nothing more will come.
  case closed
}

/// The terminal as the player's loop sees it; `CursesTerminal` is the real one, and
/// tests drive the loop with a scripted one.
public protocol PlayerTerminal: AnyObject {
  var size: ScreenSize { get }
  func draw(_ grid: CellGrid)
  /// Waits for input, at most `timeoutMilliseconds` if given.
  func nextInput(timeoutMilliseconds: Int?) -> TerminalInput
  /// Clears the terminal and draws everything again (after Ctrl-L).
  func repaint()
  /// Gives the terminal back, stops the process, and takes it again on `fg`.
  func suspend()
  /// What the styles become on it: a recording of the session uses the same.
  var palette: TerminalPalette { get }
}

extension PlayerTerminal {
  public var palette: TerminalPalette { TerminalPalette(depth: .twoFiftySix) }
}
