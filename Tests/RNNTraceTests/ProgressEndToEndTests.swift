import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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

  /// verify, replay's first pass over a log, print into a file and train: each draws its
  /// line on the terminal while it runs, erases it at the end, and writes nothing of it
  /// to standard output or to a standard error that is a file.
  @Test func everyLongWorkShowsItsProgressAndErasesIt() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rnntrace-progress-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let words = Array(repeating: "the dog jumped over a", count: 1_000).joined(separator: " ")
    try words.write(
      to: directory.appendingPathComponent("book.txt"), atomically: true, encoding: .utf8)
    let made = try RNNTraceBinary.run([
      "export", "--quiet", "--sentence-file", directory.appendingPathComponent("book.txt").path,
      "-o", directory.appendingPathComponent("book.jsonl").path,
    ])
    #expect(made.status == 0, "\(made.stderr)")

    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("cd '\(directory.path)'")
    let works: [(command: String, label: String, total: String)] = [
      ("verify book.jsonl > out.txt", "verify", "/ 5,000 words"),
      ("replay book.jsonl > out.txt", "replay", "/ 5,000 words"),
      ("print --sentence-file book.txt > out.txt", "print", "/ 5,000 words"),
      ("train --steps 8000 > out.txt", "train", "/ 8,000 rounds"),
    ]
    for (k, work) in works.enumerated() {
      try session.type("clear")
      try session.type("\(binary) \(work.command); echo DONE\(k)=$?")
      let running = try session.waitFor(tries: 2400) {
        $0.contains(work.total) || $0.contains("DONE\(k)=0")
      }
      #expect(
        running.screen.contains("\(work.label)  ") && running.screen.contains(work.total),
        "\(work.command): no progress line:\n\(running.screen)")
      let ended = try session.waitFor(tries: 2400) { $0.contains("DONE\(k)=0") }
      #expect(ended.matched, "\(work.command):\n\(ended.screen)")
      #expect(!ended.screen.contains("/s  "), "\(work.command): the line stayed:\n\(ended.screen)")
      let output = try String(
        contentsOf: directory.appendingPathComponent("out.txt"), encoding: .utf8)
      #expect(!output.contains("\r") && !output.contains(work.total), "\(work.command)")
      // --quiet: nothing while it runs.
      try session.type("clear")
      try session.type(
        "\(binary) \(work.command.replacing(" > ", with: " --quiet > ")); echo QUIET\(k)=$?")
      let quiet = try session.waitFor(tries: 2400) {
        $0.contains(work.total) || $0.contains("QUIET\(k)=0")
      }
      #expect(!quiet.screen.contains(work.total), "\(work.command) --quiet:\n\(quiet.screen)")
    }
  }

  /// Ctrl-C or a kill in the middle of an export ends it (the file is not written) and
  /// leaves no progress line behind.
  @Test(arguments: ["C-c", "TERM"])
  func aStoppedExportErasesItsLine(stop: String) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("rnntrace-progress-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let words = Array(repeating: "the dog jumped over a", count: 200_000).joined(separator: " ")
    try words.write(
      to: directory.appendingPathComponent("book.txt"), atomically: true, encoding: .utf8)

    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("cd '\(directory.path)'")
    try session.type("clear")
    let export = "\(binary) export --sentence-file book.txt -o b.jsonl"
    // Ctrl-C reaches the job in the foreground (and ends the shell's command list, so the
    // status is asked for afterwards); SIGTERM is sent to the one in the background.
    try session.type(
      stop == "C-c" ? export : "\(export) & echo $! > pid; wait $!; echo STOPPED=$?")
    let running = try session.waitFor(tries: 2400) { $0.contains("/ 1,000,000 words") }
    #expect(running.matched, "no progress line:\n\(running.screen)")
    if stop == "C-c" {
      try session.press("C-c")
      // Typed before the shell is back, the echoed newline would move the cursor off the
      // line before the stopping program blanks it.
      let prompt = try session.waitFor(tries: 400) { screen in
        screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "$"
      }
      #expect(prompt.matched, "\(prompt.screen)")
      try session.type("echo STOPPED=$?")
    } else {
      let pid = try String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8)
      let id = try #require(Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)))
      kill(id, SIGTERM)
    }
    // The typed command holds "STOPPED=$?" too: wait for the line the shell prints after it.
    let ended = try session.waitFor(tries: 400) { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("STOPPED=") }
    }
    #expect(ended.matched, "\(ended.screen)")
    let status = stop == "C-c" ? "STOPPED=130" : "STOPPED=143"
    #expect(ended.screen.contains(status), "\(ended.screen)")
    #expect(!ended.screen.contains("words/s"), "the line stayed:\n\(ended.screen)")
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.jsonl").path))
  }
}
