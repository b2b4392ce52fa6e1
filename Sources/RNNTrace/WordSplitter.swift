/// Splits text into words the way Python's `str.split()` does, which is how the
/// reference (`rnn_reference.py`) reads a sentence: on runs of Unicode white space,
/// plus the four information separators U+001C…U+001F that Python also counts.
enum WordSplitter {
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1C...0x1F).contains(scalar.value) || scalar.properties.isWhitespace
  }

  static func words(_ text: String) -> [String] {
    var words: [String] = []
    split(text) { words.append($0) }
    return words
  }

  /// Calls `body` with each word of `text`; returns whether `text` ended inside a
  /// word (so that a caller reading in chunks can carry that word over).
  ///
  /// Reads UTF-8 bytes, deciding ASCII ones by value and decoding only non-ASCII
  /// scalars: a long text is mostly ASCII, and building words a scalar at a time would
  /// take a sixth of an export's time.
  @discardableResult
  static func split(_ text: String, _ body: (String) throws -> Void) rethrows -> Bool {
    var text = text
    return try text.withUTF8 { utf8 in
      var wordStart = 0
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        var length = 1
        let separates: Bool
        if byte < 0x80 {
          // White space (tab, LF, VT, FF, CR, space) and the separators U+001C…U+001F.
          separates = (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
        } else {
          length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
          separates = isSeparator(scalar(in: utf8, at: index, length: length))
        }
        if separates {
          if index > wordStart {
            try body(
              String(
                decoding: UnsafeBufferPointer(rebasing: utf8[wordStart..<index]), as: UTF8.self))
          }
          wordStart = index + length
        }
        index += length
      }
      if utf8.count > wordStart {
        try body(String(decoding: UnsafeBufferPointer(rebasing: utf8[wordStart...]), as: UTF8.self))
        return true
      }
      return false
    }
  }

  /// The scalar whose `length` UTF-8 bytes (2 … 4, valid: they come from a String)
  /// start at `index`.
  private static func scalar(
    in utf8: UnsafeBufferPointer<UInt8>, at index: Int, length: Int
  ) -> Unicode.Scalar {
    var value = UInt32(utf8[index]) & (0x7F >> length)
    for k in 1..<length { value = value << 6 | UInt32(utf8[index + k] & 0x3F) }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
