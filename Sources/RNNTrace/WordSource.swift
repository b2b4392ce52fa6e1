/// The words a model reads: those of `--sentence`, held in memory, or those of
/// `--sentence-file`, streamed from the file on every pass.
enum WordSource {
  case inline([String])
  case file(SentenceFile)

  /// What a pass saw: how many words, and a digest of them, so that passes over a
  /// file can be checked to have read the same text.
  struct Pass: Equatable {
    var count = 0
    var digest = Hasher()

    static func == (lhs: Pass, rhs: Pass) -> Bool {
      lhs.count == rhs.count && lhs.digest.finalize() == rhs.digest.finalize()
    }
  }

  /// Calls `body` with each word in order; returns what the pass saw.
  @discardableResult
  func eachWord(_ body: (String) throws -> Void) throws -> Pass {
    var pass = Pass()
    func visit(_ word: String) throws {
      pass.count += 1
      pass.digest.combine(word)
      try body(word)
    }
    switch self {
    case .inline(let words): for word in words { try visit(word) }
    case .file(let file): try file.forEachWord(visit)
    }
    return pass
  }

  /// Every word, in memory (for the walkthrough and the player, which hold the trace).
  func all() throws -> [String] {
    if case .inline(let words) = self { return words }
    var words: [String] = []
    try eachWord { words.append($0) }
    return words
  }

  /// The option the words came from, for messages.
  var origin: String {
    switch self {
    case .inline: "--sentence"
    case .file(let file): "--sentence-file \(file.displayName)"
    }
  }
}
