import Foundation
import Testing

/// `replay` of a long log in the real player, in tmux: read back from its file a word
/// at a time, the end, a step by number, the word keys, a search and the export key
/// across the whole log, at 80x24 and 120x40.
@Suite(.serialized)
struct ReplayEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"
  static let words = 3_000

  /// A log of 3,000 words, "zebra" only at word 2,001.
  static func log(in scratch: borrowing ScratchDirectory) throws -> String {
    let words = (0..<Self.words).map { $0 == 2_000 ? "zebra" : "w\($0 * 7 % 40)" }
    let text = scratch.path("book.txt")
    try (words.joined(separator: " ") + "\n").write(toFile: text, atomically: true, encoding: .utf8)
    let log = scratch.path("book.jsonl")
    let exported = try RNNTraceBinary.run(["export", "--sentence-file", text, "-o", log])
    #expect(exported.status == 0, "\(exported.stderr)")
    return log
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func theWholeLogIsReachable(columns: Int, rows: Int) throws {
    let scratch = try ScratchDirectory()
    _ = try Self.log(in: scratch)
    let steps = Self.words * 8
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("cd '\(scratch.url.path)' && \(binary) replay book.jsonl; echo EXIT=$?")
    let opened = try session.waitFor { $0.contains("step 1/\(steps)") && $0.contains("q quit") }
    #expect(opened.matched, "\(opened.screen)")
    #expect(opened.screen.contains("t 1/3000"))

    // End: the last word, in brackets on the word line, the strip's marker at the end.
    try session.press("End")
    // Curses redraws only what changed, so a capture may fall between two writes: wait
    // for every part that the step changes.
    let end = try session.waitFor {
      $0.contains("step \(steps)/\(steps)") && $0.contains("[w\(2_999 * 7 % 40)]")
        && $0.contains("t 3000/3000")
    }
    #expect(end.matched, "\(end.screen)")
    #expect(end.screen.contains("[w\(2_999 * 7 % 40)]"))
    #expect(end.screen.contains("t 3000/3000"))
    #expect(end.screen.contains("▼"))

    // A step by number, then the next word.
    try session.press("-l", "8001g")
    #expect(try session.waitFor { $0.contains("step 8001/\(steps)") }.matched)
    try session.press("NPage")
    let word = try session.waitFor {
      $0.contains("step 8009/\(steps)") && $0.contains("t 1002/3000")
    }
    #expect(word.matched, "\(word.screen)")
    #expect(word.screen.contains("t 1002/3000"))

    // The one word that is read once, found from the start.
    try session.press("g", "/")
    try session.press("-l", "zebra")
    try session.press("Enter")
    let found = try session.waitFor { $0.contains("/zebra: step 16001,") }
    #expect(found.matched, "\(found.screen)")
    #expect(found.screen.contains("[zebra]"))

    // The export key streams the log's trace back out; it verifies.
    try session.press("e")
    let exported = try session.waitFor { $0.contains("exported to ") }
    #expect(exported.matched, "\(exported.screen)")
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
    let log = try #require(files.first { $0.hasSuffix(".jsonl") && $0 != "book.jsonl" })
    let verify = try RNNTraceBinary.run(["verify", scratch.path(log)])
    #expect(verify.status == 0, "\(verify.stderr)")
  }
}
