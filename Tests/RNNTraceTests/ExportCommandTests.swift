import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `rnntrace export`: formats, long inputs from a file, and files that are written
/// whole or not at all.
@Suite struct ExportCommandTests {
  static let model = ["--seed", "7", "--inputs", "3", "--hidden", "2"]

  @Test func formatFollowsTheExtensionUnlessGiven() throws {
    let scratch = try ScratchDirectory()
    for name in ["t.csv", "t.json", "t.jsonl", "t.txt"] {
      #expect(
        try RNNTraceBinary.run(["export", "-o", scratch.path(name)] + Self.model).status == 0)
    }
    let csv = try String(contentsOfFile: scratch.path("t.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("step,t,word,op,tensor,row,column,value\r\n"))
    let chrome =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: scratch.path("t.json")))) as? [String: Any]
    #expect(chrome?["traceEvents"] is [[String: Any]])
    for name in ["t.jsonl", "t.txt"] {
      let text = try String(contentsOfFile: scratch.path(name), encoding: .utf8)
      #expect(text.hasPrefix("{\"type\":\"header\""))
    }
    // An explicit --format wins over the extension.
    let forced = scratch.path("forced.json")
    #expect(try RNNTraceBinary.run(["export", "--format", "csv", "-o", forced]).status == 0)
    #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("step,t,"))
  }

  @Test func dashWritesToStandardOutput() throws {
    let scratch = try ScratchDirectory()
    let result = try RNNTraceBinary.run(
      ["export", "--format", "csv", "-o", "-"] + Self.model, directory: scratch.url)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("step,t,word,op,tensor,row,column,value\r\n"))
    #expect(try scratch.contents().isEmpty)
  }

  @Test func chromeTraceFromTheCommandParses() throws {
    let result = try RNNTraceBinary.run(["export", "--format", "chrome"] + Self.model)
    #expect(result.status == 0)
    let root = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])
    let slices = events.filter { $0["cat"] as? String == "operation" }
    #expect(slices.count == 8 * 5)
    for event in events {
      for key in ["name", "ph", "ts", "pid", "tid"] { #expect(event[key] != nil, "\(key)") }
    }
  }

  @Test func unknownFormatIsAUsageError() throws {
    let result = try RNNTraceBinary.run(["export", "--format", "xml"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--format"))
    #expect(result.stderr.contains("jsonl"))
  }

  @Test func sentenceFileGivesTheSameLogAsTheSentence() throws {
    let scratch = try ScratchDirectory()
    let words = scratch.path("words.txt")
    // Line breaks, tabs and runs of spaces all separate words, as str.split() does.
    try "the  dog\njumped\tover\r\n a\n".write(toFile: words, atomically: true, encoding: .utf8)
    let inline = try RNNTraceBinary.run(
      ["export"] + Self.model + ["--sentence", "the dog jumped over a"])
    let fromFile = try RNNTraceBinary.run(["export"] + Self.model + ["--sentence-file", words])
    let fromStdin = try RNNTraceBinary.run(
      ["export"] + Self.model + ["--sentence-file", "-"],
      input: try Data(contentsOf: URL(fileURLWithPath: words)))
    #expect(inline.status == 0 && fromFile.status == 0 && fromStdin.status == 0)
    #expect(fromFile.stdoutBytes == inline.stdoutBytes)
    #expect(fromStdin.stdoutBytes == inline.stdoutBytes)
    let printed = try RNNTraceBinary.run(["print"] + Self.model + ["--sentence-file", words])
    #expect(printed.stdout.contains("Sentence: the dog jumped over a"))
  }

  @Test func wordsSplitAcrossReadChunksStayWhole() throws {
    let scratch = try ScratchDirectory()
    let words = scratch.path("words.txt")
    // 70,000 words of varied length, with multi-byte characters, cross the reader's
    // 64 KiB chunks at every kind of position.
    let vocabulary = ["é", "naïve", "日本語", "a", "longerword", "x"]
    let text = (0..<70_000).map { vocabulary[($0 * 7 + $0 / 3) % vocabulary.count] }
    try text.joined(separator: " ").write(toFile: words, atomically: true, encoding: .utf8)
    let result = try RNNTraceBinary.run(
      [
        "export", "--format", "csv", "--variant", "linear", "--hidden", "1", "--sentence-file",
        words,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    // The CSV's hidden_state rows name each word in order.
    let read = result.stdout.split(separator: "\r\n").filter { $0.contains(",hidden_state,") }
      .map { $0.split(separator: ",")[2] }
    #expect(read.count == text.count)
    #expect(read.map(String.init) == text)
  }

  @Test(arguments: [
    (
      ["--sentence-file", "/nonexistent/words.txt"], 66,
      "--sentence-file /nonexistent/words.txt: cannot open"
    ),
    (
      ["--sentence", "a", "--sentence-file", "-"], 64,
      "--sentence and --sentence-file: give one or the other"
    ),
  ])
  func sentenceFileErrorsNameTheFile(arguments: [String], status: Int32, message: String) throws {
    let result = try RNNTraceBinary.run(["export"] + arguments)
    #expect(result.status == status)
    #expect(result.stderr.hasPrefix("rnntrace: error: \(message)"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  /// A write that fails (here a full device) ends the export at once with one line and
  /// status 74, whether it fails with the header, midway or at the end: the encoder
  /// thread's error reaches the model's side and stops it.
  @Test(arguments: [1, 3_000, 60_000])
  func aFullDiskEndsTheExportWithOneLine(words: Int) throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let scratch = try ScratchDirectory()
    let file = scratch.path("words.txt")
    try Array(repeating: "the dog jumped", count: words).joined(separator: " ")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let result = try RNNTraceBinary.run(
      ["export", "--inputs", "8", "--hidden", "16", "--sentence-file", file, "-o", "/dev/full"])
    #expect(result.status == 74)
    #expect(result.stderr == "rnntrace: error: cannot write /dev/full: No space left on device\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func sentenceFileWithBadContentIsRefused() throws {
    let scratch = try ScratchDirectory()
    let bad = scratch.path("latin1.txt")
    try Data([0x61, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: bad))
    let invalid = try RNNTraceBinary.run([
      "export", "--sentence-file", bad, "-o", scratch.path("t.jsonl"),
    ])
    #expect(invalid.status == 65)
    #expect(
      invalid.stderr
        == "rnntrace: error: --sentence-file \(bad): byte 6 is not valid UTF-8; expected UTF-8 text\n"
    )
    let blank = scratch.path("blank.txt")
    try " \n\t\n".write(toFile: blank, atomically: true, encoding: .utf8)
    let empty = try RNNTraceBinary.run(["export", "--sentence-file", blank])
    #expect(empty.status == 64)
    #expect(empty.stderr.hasPrefix("rnntrace: error: --sentence-file \(blank): no words in it"))
    #expect(try scratch.contents() == ["blank.txt", "latin1.txt"])
  }

  /// SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2 or SIGALRM in the middle of an export
  /// leaves the old file as it was and no temporary file behind. The test waits for the temporary file to hold data
  /// (the export is then writing), not for a time.
  @Test(arguments: [SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM])
  func aSignalMidwayLeavesTheOldFileAndNoTemporary(signal: Int32) throws {
    let scratch = try ScratchDirectory()
    let target = scratch.path("trace.jsonl")
    try "old content\n".write(toFile: target, atomically: true, encoding: .utf8)
    let words = scratch.path("words.txt")
    let text = (0..<100_000).map { "w\($0 % 500)" }.joined(separator: " ")
    try text.write(toFile: words, atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = RNNTraceBinary.url
    process.arguments = ["export", "--sentence-file", words, "-o", target]
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    // As a user's shell starts it: no SWIFT_BACKTRACE, so SIGQUIT meets the runtime.
    process.environment = ProcessInfo.processInfo.environment.filter {
      $0.key != "SWIFT_BACKTRACE"
    }
    try process.run()
    var temporary: String?
    while temporary == nil && process.isRunning {
      temporary = try scratch.contents().first { $0.hasPrefix(".trace.jsonl.rnntrace-") }
        .flatMap { name in
          let size =
            (try? FileManager.default.attributesOfItem(atPath: scratch.path(name))[.size])
            as? Int ?? 0
          return size > 0 ? name : nil
        }
      sched_yield()
    }
    #expect(temporary != nil, "the export ended before it was seen writing")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    // Ended, not crashed: no backtrace.
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(said.isEmpty, "\(said)")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old content\n")
    #expect(try scratch.contents() == ["trace.jsonl", "words.txt"])
  }
  /// A temporary file left by an export that was killed (`kill -9`) is removed by the
  /// next export to the same file; one that a running export holds (locked), and one
  /// of another target, are left alone.
  @Test func anAbandonedTemporaryIsRemovedByTheNextExport() throws {
    let scratch = try ScratchDirectory()
    let abandoned = ".trace.jsonl.rnntrace-Ab12Cd"
    let held = ".trace.jsonl.rnntrace-Ef34Gh"
    let other = ".other.jsonl.rnntrace-Ij56Kl"
    for name in [abandoned, held, other] {
      try "partial".write(toFile: scratch.path(name), atomically: false, encoding: .utf8)
    }
    let fd = open(scratch.path(held), O_RDONLY)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)
    let result = try RNNTraceBinary.run(["export", "-o", scratch.path("trace.jsonl")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try scratch.contents() == [held, other, "trace.jsonl"].sorted())
  }
}
