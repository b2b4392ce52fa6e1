/// Text made safe to draw: nothing in it can move the cursor or start an escape
/// sequence, whatever the sentence held.
public enum TerminalText {
  /// `text` with control and format characters written out visibly: `^[` for Esc
  /// (as `cat -v` and `less` show it), `\n`, `\t`, and `<U+202E>` for the rest, so a
  /// word holding an escape sequence shows as text and is never sent raw.
  public static func escaped(_ text: String) -> String {
    if isPrintableASCII(text) || isSimple(text) { return text }
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

  /// Whether every character is printable ASCII (space to `~`): nothing to escape, one
  /// column each, one grapheme a byte. Most of what the player draws is, and this
  /// check is far cheaper than walking its graphemes.
  static func isPrintableASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
  }

  /// Whether every scalar is printable, one column wide and a grapheme by itself, as
  /// in most of what the player draws (its box drawing, arrows, `·`, `…`, `ᵀ`): such
  /// text needs no escaping, no grapheme breaking and no width lookups, a scalar a column.
  static func isSimple(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isSimple)
  }

  /// (Ranges with no marks, joiners, format or unassigned scalars, and no wide ones.)
  static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
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
