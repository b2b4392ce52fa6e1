import CNcurses

extension TerminalPalette {
  /// The palette curses would choose on a terminal of type `terminalType`, read from
  /// its terminfo entry without opening a terminal: what a recording made for that
  /// type may use. NO_COLOR (set and not empty) asks for none; a type terminfo does not
  /// know gets none either, as curses could not start on it.
  public init(terminalType: String, environment: [String: String]) {
    let colors = Int(rnn_terminfo_colors(terminalType))
    self.init(colors: max(colors, 0), hasColors: colors >= 8, environment: environment)
  }
}
