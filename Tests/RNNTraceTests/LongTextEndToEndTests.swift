import Foundation
import Testing

/// `play --sentence-file` of a long text in the real player, in tmux: the end, a step
/// by number, the word keys, a search, autoplay and the export key across the whole
/// text, at 80x24 and 120x40.
@Suite(.serialized)
struct LongTextEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"
  static let words = 20_000

  /// 20,000 words from forty, twelve to a line; "zebra" only at word 15,001.
  static func book(in scratch: borrowing ScratchDirectory) throws -> String {
    var lines: [String] = []
    var line: [String] = []
    for i in 0..<words {
      line.append(i == 15_000 ? "zebra" : "w\(i * 7 % 40)")
      if line.count == 12 {
        lines.append(line.joined(separator: " "))
        line = []
      }
    }
    lines.append(line.joined(separator: " "))
    let path = scratch.path("book.txt")
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func theWholeTextIsReachable(columns: Int, rows: Int) throws {
    let scratch = try ScratchDirectory()
    _ = try Self.book(in: scratch)
    let steps = Self.words * 8
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type(
      "cd '\(scratch.url.path)' && \(binary) play --sentence-file book.txt; echo EXIT=$?")
    let opened = try session.waitFor { $0.contains("step 1/\(steps)") && $0.contains("q quit") }
    #expect(opened.matched, "\(opened.screen)")
    #expect(opened.screen.contains("t 1/20000"))

    // End: the last word, in brackets on the word line, with its position.
    try session.press("End")
    // The status line is drawn last: wait for it, so that the frame is whole.
    let end = try session.waitFor {
      $0.contains("step \(steps)/\(steps)") && $0.contains("[w\(19_999 * 7 % 40)]")
        && $0.contains("q quit")
    }
    #expect(end.matched, "\(end.screen)")
    #expect(end.screen.contains("[w\(19_999 * 7 % 40)]"))
    #expect(end.screen.contains("t 20000/20000"))
    #expect(end.screen.contains("▼"))

    // A step by number, then the next word.
    try session.press("-l", "80001g")
    #expect(try session.waitFor { $0.contains("step 80001/\(steps)") }.matched)
    try session.press("NPage")
    let word = try session.waitFor {
      $0.contains("step 80009/\(steps)") && $0.contains("t 10002/20000")
    }
    #expect(word.matched, "\(word.screen)")
    #expect(word.screen.contains("t 10002/20000"))

    // The one word that is read once, found from the start.
    try session.press("g", "/")
    try session.press("-l", "zebra")
    try session.press("Enter")
    let found = try session.waitFor { $0.contains("/zebra: step 120001,") }
    #expect(found.matched, "\(found.screen)")
    #expect(found.screen.contains("[zebra]"))

    // Autoplay goes on from there; Space stops it.
    try session.press("+", "+", "+", "Space")
    #expect(try session.waitFor { !$0.contains("step 120001/") }.matched)
    try session.press("Space")

    // The export key writes the whole text's trace, which verifies.
    try session.press("e")
    let exported = try session.waitFor { $0.contains("exported to ") }
    #expect(exported.matched, "\(exported.screen)")
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    let log = try #require(files.first { $0.hasSuffix(".jsonl") })
    let verify = try RNNTraceBinary.run(["verify", scratch.path(log)])
    #expect(verify.status == 0, "\(verify.stderr)")
  }
}
