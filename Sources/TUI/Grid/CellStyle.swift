/// How a cell looks, said by meaning rather than by terminal codes: the backend decides
/// what a tone becomes on a terminal with 256, 16 or 8 colours, or none.
public struct CellStyle: Hashable, Sendable {
  /// Attributes that every terminal has.
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false
  /// What the colour (where there is colour) says.
  public var tone: Tone = .plain

  public init(
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false,
    tone: Tone = .plain
  ) {
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
    self.tone = tone
  }

  public static let plain = CellStyle()
}

/// The meaning a colour carries.
public enum Tone: Hashable, Sendable {
  case plain
  /// A value below zero, `level` 1 (small) to 3 (large) on the diverging scale.
  case negative(level: Int)
  /// A value above zero, `level` 1 (small) to 3 (large).
  case positive(level: Int)
  /// What the learner should look at now (the current panel's title, the cursor).
  case accent
  /// Chrome: rules, labels, the status line's key names.
  case chrome

  /// The tone for a value on the diverging scale; zero and tiny values stay plain.
  public static func of(_ value: Float) -> Tone {
    let magnitude = abs(value)
    guard magnitude.isFinite else {
      return value.isNaN ? .plain : value < 0 ? .negative(level: 3) : .positive(level: 3)
    }
    let level: Int
    if magnitude < 0.05 {
      return .plain
    } else if magnitude < 0.3 {
      level = 1
    } else if magnitude < 0.8 {
      level = 2
    } else {
      level = 3
    }
    return value < 0 ? .negative(level: level) : .positive(level: level)
  }
}
