/// What a tone becomes on a terminal with a given number of colours.
///
/// Colours are foregrounds on the terminal's own background, chosen mid-bright so that
/// they read on dark and light themes alike. Where there is no colour (a monochrome
/// terminal, or NO_COLOR), the style's bold, dim and reverse carry the meaning, and the
/// largest values are bold.
public struct TerminalPalette: Equatable, Sendable {
  public enum Depth: Equatable, Sendable {
    case monochrome
    case eight
    case sixteen
    case twoFiftySix
  }

  public let depth: Depth

  public init(depth: Depth) { self.depth = depth }

  /// The depth for a terminal reporting `colors`, unless NO_COLOR (set and not empty)
  /// asks for none.
  public init(colors: Int, hasColors: Bool, environment: [String: String]) {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
      depth = .monochrome
    } else if !hasColors || colors < 8 {
      depth = .monochrome
    } else if colors >= 256 {
      depth = .twoFiftySix
    } else if colors >= 16 {
      depth = .sixteen
    } else {
      depth = .eight
    }
  }

  /// The foreground colour number for `tone`, or nil for the terminal's default.
  public func foreground(_ tone: Tone) -> Int16? {
    switch (depth, tone) {
    case (.monochrome, _), (_, .plain): return nil
    case (.twoFiftySix, .negative(let level)): return [67, 32, 33][clamp(level)]
    case (.twoFiftySix, .positive(let level)): return [137, 173, 202][clamp(level)]
    case (.twoFiftySix, .accent): return 178
    case (.twoFiftySix, .chrome): return 245
    case (.sixteen, .negative(let level)): return [6, 6, 14][clamp(level)]
    case (.sixteen, .positive(let level)): return [1, 1, 9][clamp(level)]
    case (.eight, .negative): return 6
    case (.eight, .positive): return 1
    case (.eight, .accent), (.sixteen, .accent): return 3
    case (.eight, .chrome), (.sixteen, .chrome): return nil
    }
  }

  /// Whether `tone` adds bold: the largest values, where colour cannot say it.
  public func addsBold(_ tone: Tone) -> Bool {
    switch (depth, tone) {
    case (.twoFiftySix, _): false
    case (_, .negative(3)), (_, .positive(3)): true
    default: false
    }
  }

  private func clamp(_ level: Int) -> Int { min(max(level, 1), 3) - 1 }
}
