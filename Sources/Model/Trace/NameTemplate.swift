/// A name an event gives an operation, an operand or a result, written as the lesson
/// writes it, with the time step and the looked-up row as holes: `W_ih·e_t + b_ih`,
/// `h_{t-1}`, `e_t = embedding[i]`. Spelled for time step 3 and row 5, a subscript `_t`
/// reads `_3`, `_{t-1}` reads `_2`, and `[i]` reads `[5]`; every other byte is written
/// as it is (`_t` is a hole only where no letter, digit or `_` follows it: `w_to` stays).
///
/// A string literal is a template, so a cell declares its names beside the operations
/// that compute them, in its own file. Cells record templates instead of strings, so
/// that an event costs no string building unless its names are read.
@usableFromInline
struct NameTemplate: Sendable, Equatable, ExpressibleByStringLiteral {
  @usableFromInline let text: StaticString

  @inlinable
  init(stringLiteral text: StaticString) {
    self.text = text
  }

  /// The most bytes `write(t:index:into:)` writes: each hole spells a number of at most
  /// 20 bytes where its template had at least 2 (`_t`, `[i]`).
  @inlinable
  var spelledBound: Int { text.utf8CodeUnitCount &* 11 }

  /// Writes the name for time step `t` (and row `index`) into `out`, a run of the
  /// template's bytes, then a number, and so on. Inlinable, so that an encoder in another
  /// module writes into its own buffer without a call through `NameWriter`'s witness
  /// table for every piece.
  @inlinable
  func write<Out: NameWriter>(t: Int, index: Int, into out: inout Out) {
    text.withUTF8Buffer { bytes in
      let n = bytes.count
      var run = 0
      var i = 0
      while i < n {
        let byte = bytes[i]
        if byte == UInt8(ascii: "_") {
          if Self.isHole(bytes, at: i + 1, "t") {
            out.write(UnsafeBufferPointer(rebasing: bytes[run...i]))
            out.write(number: t)
            i += 2
            run = i
            continue
          }
          if Self.isHole(bytes, at: i + 1, "{t-1}") {
            out.write(UnsafeBufferPointer(rebasing: bytes[run...i]))
            out.write(number: t - 1)
            i += 6
            run = i
            continue
          }
        } else if byte == UInt8(ascii: "["), Self.isHole(bytes, at: i + 1, "i]") {
          out.write(UnsafeBufferPointer(rebasing: bytes[run...i]))
          out.write(number: index)
          i += 2
          run = i
          continue
        }
        i += 1
      }
      if run < n { out.write(UnsafeBufferPointer(rebasing: bytes[run..<n])) }
    }
  }

  /// Whether `bytes` hold `hole` at `start` (and, for `t`, no letter, digit or `_`
  /// right after it: the `t` of `_t`, not of `_to`).
  @inlinable @inline(__always)
  static func isHole(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ hole: StaticString)
    -> Bool
  {
    let length = hole.utf8CodeUnitCount
    guard start + length <= bytes.count else { return false }
    let pattern = hole.utf8Start
    for k in 0..<length where bytes[start + k] != pattern[k] { return false }
    guard length == 1, start + 1 < bytes.count else { return true }
    let next = bytes[start + 1]
    let isNameByte =
      next == UInt8(ascii: "_") || (0x30...0x39).contains(next) || (0x41...0x5A).contains(next)
      || (0x61...0x7A).contains(next)
    return !isNameByte
  }

  @inlinable
  static func == (lhs: NameTemplate, rhs: NameTemplate) -> Bool {
    lhs.text.withUTF8Buffer { a in rhs.text.withUTF8Buffer { b in a.elementsEqual(b) } }
  }
}
