/// A cell's style in 32 bits, as the grid stores it: a frame writes every one of its
/// thousands of cells, and a `CellStyle` (whose tone carries an `Int`) made a stored
/// cell 32 bytes where this makes it 8.
///
/// Bits 0–3 are the attributes, 4–6 the tone, 8–31 a level of up to 2^24 − 1. A style
/// that does not fit (a level outside that range) is kept in the grid's side table, and
/// its index stands in for the level.
struct PackedStyle: Equatable, Sendable {
  var bits: UInt32

  static let plain = PackedStyle(.plain)!

  private static let sideTable: UInt32 = 7 << 4
  private static let levelLimit = 1 << 24

  /// The packed style, or nil where the grid's side table must keep it.
  init?(_ style: CellStyle) {
    var bits: UInt32 = 0
    if style.bold { bits |= 1 }
    if style.dim { bits |= 2 }
    if style.reverse { bits |= 4 }
    if style.underline { bits |= 8 }
    switch style.tone {
    case .plain: break
    case .negative(let level):
      guard level >= 0, level < PackedStyle.levelLimit else { return nil }
      bits |= 1 << 4 | UInt32(level) << 8
    case .positive(let level):
      guard level >= 0, level < PackedStyle.levelLimit else { return nil }
      bits |= 2 << 4 | UInt32(level) << 8
    case .accent: bits |= 3 << 4
    case .chrome: bits |= 4 << 4
    }
    self.bits = bits
  }

  /// A style from the side table, by its index there.
  init(sideTableIndex index: Int) {
    bits = PackedStyle.sideTable | UInt32(index) << 8
  }

  /// The index into the side table, if this style is kept there.
  var sideTableIndex: Int? {
    bits & 0x70 == PackedStyle.sideTable ? Int(bits >> 8) : nil
  }

  /// The style itself (for one not in the side table).
  var unpacked: CellStyle {
    let level = Int(bits >> 8)
    let tone: Tone
    switch bits >> 4 & 7 {
    case 1: tone = .negative(level: level)
    case 2: tone = .positive(level: level)
    case 3: tone = .accent
    case 4: tone = .chrome
    default: tone = .plain
    }
    return CellStyle(
      bold: bits & 1 != 0, dim: bits & 2 != 0, reverse: bits & 4 != 0, underline: bits & 8 != 0,
      tone: tone)
  }
}
