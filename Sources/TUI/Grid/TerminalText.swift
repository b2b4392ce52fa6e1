/// Text made safe to draw: nothing in it can move the cursor or start an escape
/// sequence, whatever the sentence held.
public enum TerminalText {
  /// `text` with control and format characters written out visibly: `^[` for Esc
  /// (as `cat -v` and `less` show it), `\n`, `\t`, and `<U+202E>` for the rest, so a
  /// word holding an escape sequence shows as text and is never sent raw.
  public static func escaped(_ text: String) -> String {
    if simpleColumns(text) != nil { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if isSafe(scalar) {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar.value {
      case 0x09: out += "\\t"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x00..<0x20: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
      case 0x7F: out += "^?"
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
      }
    }
    return out
  }

  /// Whether every scalar is printable, one column wide and a grapheme by itself, as
  /// in most of what the player draws (printable ASCII, its box drawing, arrows, `·`,
  /// `…`, `ᵀ`): such text needs no escaping, no grapheme breaking and no width lookups,
  /// a scalar a column.
  static func isSimple(_ text: String) -> Bool { simpleColumns(text) != nil }

  /// The columns of `text` if it is simple (its number of scalars), else nil.
  static func simpleColumns(_ text: String) -> Int? {
    var text = text
    return text.withUTF8(simpleColumns)
  }

  /// The same, read from the UTF-8 in one pass: far cheaper than walking the string's
  /// scalars or graphemes, and the player measures and draws thousands of short texts
  /// a frame.
  static func simpleColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    var count = 0
    while i < bytes.count {
      let lead = bytes[i]
      if lead < 0x80 {
        guard lead >= 0x20 && lead != 0x7F else { return nil }
        i += 1
      } else {
        let (scalar, length) = scalar(in: bytes, at: i)
        guard isSimple(value: scalar) else { return nil }
        i += length
      }
      count += 1
    }
    return count
  }

  /// The scalar whose UTF-8 starts at `i` (valid UTF-8, as a string's is), and its
  /// length in bytes.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let lead = UInt32(bytes[i])
    if lead < 0x80 { return (lead, 1) }
    let b1 = UInt32(bytes[i + 1]) & 0x3F
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | b1, 2) }
    let b2 = UInt32(bytes[i + 2]) & 0x3F
    if lead < 0xF0 { return ((lead & 0x0F) << 12 | b1 << 6 | b2, 3) }
    let b3 = UInt32(bytes[i + 3]) & 0x3F
    return ((lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
  }

  /// (Ranges with no marks, joiners, format or unassigned scalars, and no wide ones.)
  static func isSimple(_ scalar: Unicode.Scalar) -> Bool { isSimple(value: scalar.value) }

  static func isSimple(value v: UInt32) -> Bool {
    if v < 0x300 { return v >= 0x20 && v != 0x7F && (v < 0x80 || (v >= 0xA0 && v != 0xAD)) }
    switch v {
    case 0x391...0x3A1, 0x3A3...0x3A9, 0x3B1...0x3C9, 0x1D00...0x1DBF, 0x2010...0x2027,
      0x2030...0x205E, 0x2070...0x2071, 0x2074...0x208E, 0x2090...0x209C, 0x2190...0x22FF,
      0x2500...0x25FC:
      return true
    default:
      return false
    }
  }

  /// One-character strings for the printable ASCII bytes, made once.
  static let asciiCharacters: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }

  static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v >= 0x20 && v < 0x7F { return true }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
      .privateUse:
      return false
    default:
      return true
    }
  }
}
