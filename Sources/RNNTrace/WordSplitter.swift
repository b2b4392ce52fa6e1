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
  @discardableResult
  static func split(_ text: String, _ body: (String) throws -> Void) rethrows -> Bool {
    var word = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isSeparator(scalar) {
        if !word.isEmpty {
          try body(String(word))
          word.removeAll(keepingCapacity: true)
        }
      } else {
        word.append(scalar)
      }
    }
    if !word.isEmpty {
      try body(String(word))
      return true
    }
    return false
  }
}
