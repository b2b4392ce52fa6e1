import Model

/// Finds the bytes a JSON string literal must escape (controls, DEL, `"` and `\`)
/// eight at a time: names and words are copied whole when they hold none, which is
/// nearly always.
enum JSONEscaping {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Whether any of the `count` bytes at `start` must be escaped. Reads whole words,
  /// up to seven bytes past the end, which must be readable (they are not looked at).
  @inline(__always)
  static func anyNeedsEscape(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
    let raw = UnsafeRawPointer(start)
    var offset = 0
    var found: UInt64 = 0
    while offset + 8 <= count {
      found |= flags(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    let left = count - offset
    if left > 0 {
      // Bytes past the end become a harmless letter.
      let keep: UInt64 = (1 << UInt64(left * 8)) &- 1
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      found |= flags((word & keep) | (0x6161_6161_6161_6161 & ~keep))
    }
    return found != 0
  }

  /// Nonzero when some byte of `word` is below 0x20, 0x7F, `"` or `\`. The tests are
  /// exact as a whole, though a borrow may mark the wrong byte.
  @inline(__always)
  private static func flags(_ word: UInt64) -> UInt64 {
    let below = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let delete = word ^ (ones &* 0x7F)
    return (below | zeroBytes(quote) | zeroBytes(backslash) | zeroBytes(delete)) & highBits
  }

  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- ones) & ~word
  }

  /// `utf8` as a JSON string literal, quotes included, at `out` (which has room for
  /// `6 × utf8.count + 2` bytes); returns the end of what it wrote.
  static func writeEscaped(
    _ utf8: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var position = out
    func put(_ byte: UInt8) {
      position.pointee = byte
      position += 1
    }
    put(UInt8(ascii: "\""))
    for unit in utf8 {
      switch unit {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        put(UInt8(ascii: "\\"))
        put(unit)
      case 0x0A:
        put(UInt8(ascii: "\\"))
        put(UInt8(ascii: "n"))
      case 0x0D:
        put(UInt8(ascii: "\\"))
        put(UInt8(ascii: "r"))
      case 0x09:
        put(UInt8(ascii: "\\"))
        put(UInt8(ascii: "t"))
      case 0..<0x20, 0x7F:
        for byte in "\\u00".utf8 { put(byte) }
        put(hexDigit(unit >> 4))
        put(hexDigit(unit & 0xF))
      default: put(unit)
      }
    }
    put(UInt8(ascii: "\""))
    return position
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
