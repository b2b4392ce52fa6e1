import Model
import Yams

/// The YAML type of a plain scalar as Yams' default resolver names it (YAML 1.1: `yes`
/// is a bool, `1_000` an int, `~` null), mostly without its regular expressions.
///
/// Lessons are composed with Yams' `.basic` resolver, which leaves every plain scalar as
/// text: the default one compiles its patterns in ICU and matches every mapping key
/// against them, which would be a fifth of `rnntrace print`. Readers ask for a scalar's kind
/// only where it matters; the forms lessons use (words, decimal numbers) are decided
/// here, and anything else is handed to the default resolver, so the answer is always
/// the one Yams would give.
///
/// A tag written by hand counts, as in Yams: `seed: !!str 5` is text, not a number.
enum ScalarKind {
  static func of(_ scalar: Node.Scalar) -> Tag.Name {
    // The stored tag, not `Node.tag`: "" while Yams has not resolved it.
    let declared = scalar.tag.rawValue
    if declared == Tag.Name.nonSpecific.rawValue { return .str }  // `! 5`: text, as in Yams
    // `!!str 4` is text: values keep the tag written (only mapping keys are given
    // `str` by the basic resolver, and their kind is never asked).
    guard scalar.style == .plain, declared.isEmpty else {
      return declared.isEmpty ? .str : Tag.Name(rawValue: declared)
    }
    return decided(scalar.string)
      ?? Resolver.default.resolveTag(of: .scalar(.init(scalar.string, Tag(.implicit), .plain)))
  }

  /// The kind of a plain scalar when it is one of the forms below, whose kind under the
  /// default rules (bool, int, float, merge, null, timestamp, value: the first that
  /// matches) is certain; nil for anything else.
  static func decided(_ text: String) -> Tag.Name? {
    let bytes = text.utf8
    guard let first = bytes.first else { return .null }
    if (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") {
      // No number, timestamp, merge key or `~` starts with a letter.
      switch text {
      case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
        "FALSE", "on", "On", "ON", "off", "Off", "OFF":
        return .bool
      case "null", "Null", "NULL": return .null
      default: return .str
      }
    }
    // [-+]? digits, optionally followed by `.` and digits.
    var index = bytes.startIndex
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes.formIndex(after: &index) }
    let digitsStart = index
    while index != bytes.endIndex, isDigit(bytes[index]) { bytes.formIndex(after: &index) }
    let digitCount = bytes.distance(from: digitsStart, to: index)
    guard digitCount > 0 else { return nil }
    if index == bytes.endIndex {
      // A leading zero makes it octal or a float, depending on the digits.
      return digitCount == 1 || bytes[digitsStart] != UInt8(ascii: "0") ? .int : nil
    }
    guard bytes[index] == UInt8(ascii: ".") else { return nil }
    bytes.formIndex(after: &index)
    while index != bytes.endIndex, isDigit(bytes[index]) { bytes.formIndex(after: &index) }
    // No int form has a point; the float rule's first form matches.
    return index == bytes.endIndex ? .float : nil
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
