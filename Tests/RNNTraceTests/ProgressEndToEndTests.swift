import Foundation
import Testing

/// A long export in a real terminal: its progress line on standard error while it
/// runs, erased when it ends; nothing on standard error when that is a file.
@Suite(.serialized)
struct ProgressEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  @Test func aLongExportShowsItsProgressOnTheTerminalAndErasesIt() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rnntrace-progress-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let words = Array(repeating: "the dog jumped over a", count: 3_000).joined(separator: " ")
    try words.write(
      to: directory.appendingPathComponent("book.txt"), atomically: true, encoding: .utf8)

    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("cd '\(directory.path)'")
    // Standard error into a file: no progress, however long the work.
    try session.type("\(binary) export --sentence-file book.txt -o a.jsonl 2>err; echo EXIT=$?")
    #expect(try session.waitFor(tries: 1200) { $0.contains("EXIT=0") }.matched)
    let quietErrors = try Data(contentsOf: directory.appendingPathComponent("err"))
    #expect(quietErrors.isEmpty, "\(String(decoding: quietErrors, as: UTF8.self))")
    try session.type("clear")
    #expect(try session.waitFor { !$0.contains("EXIT=0") }.matched)

    try session.type("\(binary) export --sentence-file book.txt -o b.jsonl; echo DONE=$?")
    let running = try session.waitFor(tries: 1200) {
      $0.contains("/ 15,000 words") || $0.contains("DONE=0")
    }
    #expect(running.screen.contains("/ 15,000 words"), "no progress line:\n\(running.screen)")
    #expect(running.screen.contains("words/s"))
    let ended = try session.waitFor(tries: 1200) { $0.contains("DONE=0") }
    #expect(ended.matched)
    // The line is blanked: the shell's next output starts where it was.
    #expect(!ended.screen.contains("words/s"), "the line stayed:\n\(ended.screen)")
    let lines = ended.screen.split(separator: "\n", omittingEmptySubsequences: false)
    let done = try #require(lines.firstIndex { $0.contains("DONE=0") })
    #expect(lines[done].trimmingCharacters(in: .whitespaces) == "DONE=0")
  }
}
