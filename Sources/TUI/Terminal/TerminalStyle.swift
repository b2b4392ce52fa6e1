/// A cell's style as a terminal shows it: the attributes and the foreground colour
/// that a `CellStyle` becomes on a terminal with a given palette.
///
/// The curses backend sets these through curses; a recording writes them as SGR
/// sequences. Both read them from here, so a cast shows what the terminal showed.
public struct TerminalStyle: Hashable, Sendable {
  public var bold = false
  public var dim = false
  public var underline = false
  public var reverse = false
  /// The colour number (0–255), or nil for the terminal's default foreground.
  public var foreground: Int16?

  public init(
    bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false,
    foreground: Int16? = nil
  ) {
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
    self.foreground = foreground
  }

  /// `style` on a terminal with `palette`: bold where the style asks or where the
  /// palette has no colour to say a large value, and the tone's colour if any.
  public init(_ style: CellStyle, palette: TerminalPalette) {
    bold = style.bold || palette.addsBold(style.tone)
    dim = style.dim
    underline = style.underline
    reverse = style.reverse
    foreground = palette.foreground(style.tone)
  }

  public static let plain = TerminalStyle()

  /// The SGR sequence that sets exactly this style from any other: a reset, then the
  /// attributes, then the colour (`ESC[0;1;38;5;178m`). Colours 0–7 and 8–15 use the
  /// short codes (30–37, 90–97) that curses sends for them, the rest `38;5;n`.
  public var sgr: String {
    var codes = "0"
    if bold { codes += ";1" }
    if dim { codes += ";2" }
    if underline { codes += ";4" }
    if reverse { codes += ";7" }
    if let foreground {
      switch foreground {
      case 0..<8: codes += ";\(30 + Int(foreground))"
      case 8..<16: codes += ";\(90 + Int(foreground) - 8)"
      default: codes += ";38;5;\(foreground)"
      }
    }
    return "\u{1B}[" + codes + "m"
  }
}
